"""The main commands' exact output, pinned in tests/golden/ (stdout and stderr, byte for byte).

Each case is a command line run from the repository root with an empty home (no Argos package),
stdout in a pipe or on a terminal of a given width: recorded in processes of their own; the test
runs the pipe cases' `main` in its own process (tests.inprocess), the terminal cases in processes.
Timings (the route line's seconds, JSON's
"seconds"), the home folder and the repository's folder are the only parts replaced before
comparing: they change from run to run and from checkout to checkout. The Debian packages the outputs were made with are
recorded beside them (versions.txt); another version of a pair may translate otherwise.

Re-record after a change that is meant to alter the output:

    .venv/bin/python -m tests.golden
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from tests.terminal import drain

ROOT = Path(__file__).resolve().parent.parent
FOLDER = Path(__file__).resolve().parent / "golden"
VERSIONS = FOLDER / "versions.txt"
RELEASE = "examples/release-fr.txt"
PACKAGES = (
    "apertium",
    "apertium-fr-es",
    "apertium-fra-cat",
    "apertium-eng-spa",
    "apertium-eng-cat",
)
PACKAGES += ("apertium-spa-cat", "apertium-eo-fr", "apertium-eo-en", "apertium-oci-fra")
PACKAGES += ("apertium-oc-ca", "apertium-oc-es", "apertium-es-pt", "apertium-spa-ita")
PACKAGES += ("apertium-cat-ita", "apertium-por-cat", "apertium-es-gl", "apertium-fra-frp")

# Settings of the caller's that would change the output.
_UNSET = ("NO_COLOR", "FORCE_COLOR", "TOOLKIT_DEBUG", "COLUMNS", "LINES", "TTY_COMPATIBLE")
_UNSET += ("TTY_INTERACTIVE", "SNAP")
_SECONDS = re.compile(r"(?<=, )\d+\.\d\d s$", re.MULTILINE)
_JSON_SECONDS = re.compile(r'"seconds": \d+(\.\d+)?')


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    columns: int | None = None  # stdout on a terminal this wide; None: a pipe


def _cases() -> list[Case]:
    cases = []
    for target in ("es", "ca", "en"):
        base = ("translate", RELEASE, "--to", target)
        cases += [
            Case(f"translate-{target}-text", base),
            Case(f"translate-{target}-json", (*base, "--format", "json")),
            Case(f"translate-{target}-check", (*base, "--check")),
            Case(f"translate-{target}-json-check", (*base, "--format", "json", "--check")),
        ]
    summarize = ("summarize", RELEASE)
    cases += [
        Case("summarize-rich-80", summarize, columns=80),
        Case("summarize-rich-120", summarize, columns=120),
        Case("summarize-plain", summarize),
        Case("summarize-markdown", (*summarize, "--format", "markdown")),
        Case("summarize-json", (*summarize, "--format", "json")),
        Case("engines-json", ("engines", "--format", "json")),
        Case("glossary-show", ("glossary", "show")),
        Case("glossary-show-rich-120", ("glossary", "show"), columns=120),
    ]
    return cases


CASES = _cases()


@dataclass(frozen=True)
class Output:
    stdout: str
    stderr: str
    returncode: int


def run(case: Case, home: Path, in_process: bool = False) -> Output:
    """Run the case with `home` as an empty home, stdout as the case says, stderr in a pipe;
    `in_process`: a case whose stdout is a pipe runs `main` in this process (tests.inprocess),
    with the same environment, folder and streams as the process would have."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in _UNSET and not key.startswith(("ARGOS_", "XDG_", "APERTIUM_"))
    }
    environment |= {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "ARGOS_PACKAGES_DIR": str(home / "data" / "argos-translate" / "packages"),
        "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/index.json",
        "TERM": "xterm-256color",
    }
    command = [sys.executable, "-m", "toolkit", *case.args]
    if case.columns is None and in_process:
        stdout, stderr, returncode = _in_this_process(list(case.args), environment)
    elif case.columns is None:
        done = subprocess.run(
            command, cwd=ROOT, env=environment, capture_output=True, stdin=subprocess.DEVNULL
        )
        stdout = done.stdout.decode()
        returncode = done.returncode
        stderr = done.stderr.decode()
    else:
        environment |= {"COLUMNS": str(case.columns), "LINES": "50"}
        stdout, stderr, returncode = _on_terminal(command, environment)
    return Output(_normalized(stdout, home), _normalized(stderr, home), returncode)


def _in_this_process(args: list[str], environment: dict[str, str]) -> tuple[str, str, int]:
    from tests.inprocess import run_in_process

    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(environment)
    try:
        done = run_in_process(args, cwd=ROOT)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return done.stdout, done.stderr, done.returncode


def _on_terminal(command: list[str], environment: dict[str, str]) -> tuple[str, str, int]:
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=subprocess.PIPE,
    )
    os.close(follower)
    chunks: list[bytes] = []
    reader = threading.Thread(target=drain, args=(leader, chunks))
    reader.start()
    assert process.stderr is not None
    stderr = process.stderr.read().decode()
    returncode = process.wait()
    reader.join()
    os.close(leader)
    return b"".join(chunks).decode(), stderr, returncode


def _normalized(text: str, home: Path) -> str:
    # The repository's own folder (where the default glossary is read) differs by checkout.
    text = text.replace(str(home), "$HOME").replace(str(ROOT), "<repository>")
    text = _SECONDS.sub("<seconds> s", text)
    return _JSON_SECONDS.sub('"seconds": "<seconds>"', text)


def serialized(output: Output) -> tuple[str, str]:
    """The two files of a case: stdout as written, stderr followed by the exit status."""
    return output.stdout, f"{output.stderr}[exit {output.returncode}]\n"


def paths(case: Case) -> tuple[Path, Path]:
    return FOLDER / f"{case.name}.stdout", FOLDER / f"{case.name}.stderr"


def package_versions() -> str:
    lines = []
    for package in PACKAGES:
        done = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True
        )
        lines.append(f"{package} {done.stdout.strip() or 'not installed'}")
    return "\n".join(lines) + "\n"


def record() -> None:
    FOLDER.mkdir(exist_ok=True)
    for stale in FOLDER.glob("*.std*"):
        stale.unlink()
    with tempfile.TemporaryDirectory() as folder:
        for case in CASES:
            home = Path(folder) / case.name
            for name in ("data", "config", "cache"):
                (home / name).mkdir(parents=True)
            stdout, stderr = serialized(run(case, home))
            out_path, err_path = paths(case)
            out_path.write_bytes(stdout.encode())
            err_path.write_bytes(stderr.encode())
            print(f"recorded {case.name}", file=sys.stderr)
    VERSIONS.write_text(package_versions(), encoding="utf-8")


if __name__ == "__main__":
    record()

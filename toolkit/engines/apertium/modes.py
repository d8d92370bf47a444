"""Apertium's installed modes, read from its modes folder, and the commands that run one.

`apertium -l` is a shell script that lists `$APERTIUM_DATADIR/modes/*.mode` (0.3 s); reading the
folder gives the same list at once. A mode is run as `apertium -f none` runs it, without the script
around it: the pipeline that `apertium-wblank-mode` writes from the `.mode` file, in bash, with
`-g` (unknown words marked) and a UTF-8 LC_CTYPE.

Its programs take `-z` (null-flush mode) and can stay loaded between units, except the part-of-speech
tagger: it carries what it has seen into the next unit (fra-cat, cat-eng, cat-spa and cat-ita tag
some words differently after another unit), so it is started afresh for each unit, still in
null-flush mode, reading the output of the programs before it and writing into the input of those
after it directly. It loads in milliseconds; the dictionaries and transfer rules around it are what
take time to load.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from toolkit.engines.base import EngineUnavailable

# The data folder the apertium script falls back on, in its first lines.
_DEFAULT_DATADIR = re.compile(rb'APERTIUM_DATADIR="\$\{APERTIUM_DATADIR:-([^}"]+)\}"')
# The programs known to flush and reset on a NUL under -z (apertium-wblank-mode adds -z to any
# program; others, `sed -z` say, would not answer). The blank helpers pass NULs through untold.
_NULL_FLUSHING = frozenset(
    {
        "lt-proc", "lrx-proc", "lsx-proc", "cg-proc", "apertium-tagger", "apertium-pretransfer",
        "apertium-transfer", "apertium-interchunk", "apertium-postchunk",
        "apertium-posttransfer", "apertium-anaphora", "apertium-wblank-attach",
        "apertium-wblank-detach",
    }
)  # fmt: skip
# Programs whose output for a unit depends on the units before it.
_CARRY_CONTEXT = ("apertium-tagger",)


def data_folder(executable: str) -> Path:
    """The folder whose modes/ `apertium -l` lists: $APERTIUM_DATADIR, else the script's default."""
    if os.environ.get("APERTIUM_DATADIR"):
        return Path(os.environ["APERTIUM_DATADIR"])
    try:
        with open(executable, "rb") as script:
            head = script.read(4096)
    except OSError:
        head = b""
    match = _DEFAULT_DATADIR.search(head)
    if match:
        return Path(os.fsdecode(match.group(1)))
    return Path(executable).resolve().parent.parent / "share" / "apertium"


def installed(executable: str) -> list[str]:
    """The names of the installed modes, as `apertium -l` lists them."""
    try:
        return sorted(path.stem for path in (data_folder(executable) / "modes").glob("*.mode"))
    except OSError:
        return []


@dataclass(frozen=True)
class Command:
    """How to start some of a mode's programs. `null_flush`: each unit ends with a NUL and its
    translation comes back ending with a NUL; otherwise a unit ends where their input ends.
    `kept`: they stay loaded between units; otherwise they are started for each unit."""

    argv: tuple[str, ...]
    env: dict[str, str]
    null_flush: bool
    kept: bool


def commands(executable: str, mode: str) -> list[Command]:
    """A mode's programs, in order, as runs of programs that stay loaded and programs started for
    each unit."""
    folder = Path(executable).parent
    env = dict(os.environ, LC_CTYPE="C.UTF-8", PATH=f"{folder}{os.pathsep}{os.environ['PATH']}")
    mode_file = data_folder(executable) / "modes" / f"{mode}.mode"
    writer = folder / "apertium-wblank-mode"
    programs = _pipeline_script(writer, mode_file).split(" | ") if writer.exists() else []
    if not programs or not all(program.split()[0] in _NULL_FLUSHING for program in programs):
        # An Apertium without the generator, or a mode with a program that ignores NULs.
        return [Command((executable, "-f", "none", mode), env, False, False)]
    runs: list[tuple[bool, list[str]]] = []
    for program in programs:
        kept = not program.startswith(_CARRY_CONTEXT)
        if runs and runs[-1][0] and kept:
            runs[-1][1].append(program)
        else:
            runs.append((kept, [program]))
    return [
        Command(("bash", "-c", " | ".join(run), "apertium", "-g"), env, True, kept)
        for kept, run in runs
    ]


def _pipeline_script(writer: Path, mode_file: Path) -> str:
    try:
        result = subprocess.run(
            [str(writer), "-z", str(mode_file)], capture_output=True, check=False
        )
    except OSError as err:
        raise EngineUnavailable(f"cannot run {writer.name}: {err.strerror}") from None
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip() or f"exit {result.returncode}"
        raise EngineUnavailable(f"cannot read the Apertium mode {mode_file}: {message}")
    return result.stdout.decode().strip()

"""LibreTranslate 1.9.6 as the reference server: installed in a virtual environment of its own under
build/ (never a dependency of toolkit), given two copy-model Argos packages so that it starts
offline, and started on 127.0.0.1 through benchmarks/lib/libretranslate_launcher.py.

LibreTranslate downloads Argos packages at start-up unless at least two are installed, and its
sentence splitter's model on the first translation: the packages built here (fr→en and en→fr,
copies of their input, support/argos_copy.py) are installed with `toolkit models install` into
one sealed home that both servers read, and the launcher gives LibreTranslate the project's
splitter in place of MiniSBD's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path

from benchmarks.lib.french_text import WORK, debian_reference_text
from support.argos_copy import (
    FRENCH_TEXTS,
    TEST_SIZE,
    ModelSize,
    PackageSpec,
    argos_environment,
    build_package,
    train_sentencepiece,
)
from support.libretranslate_api import CHAR_LIMIT, KEY, LIMITED, SOURCE, TARGET
from support.server_process import Server, free_port, serving

ROOT = Path(__file__).resolve().parents[2]
VERSION = "1.9.6"
VENV = ROOT / "build" / "libretranslate"
PYTHON = VENV / "bin" / "python"
LAUNCHER = ROOT / "benchmarks" / "lib" / "libretranslate_launcher.py"
LT_WORK = WORK / "libretranslate"
# Requests must come with a key unless their Origin matches: no client of the benchmark sends one.
KEYLESS_ORIGIN = "https://desk.example.org"


def ctranslate2_threads() -> dict[str, str]:
    """argostranslate's CTranslate2 threads set as toolkit's Argos engine sets its own: a
    translation per core at once (inter_threads), one thread each (intra_threads).

    argostranslate's defaults (inter 1, intra 0: CTranslate2's own count, OpenMP threads that
    spin while they wait) made each short sentence take 0.3 to 7 s on the shared 2-core machine,
    against 0.02 s with one thread per translation: what was measured was OpenMP's spinning
    against the machine's other work, not LibreTranslate."""
    cores = len(os.sched_getaffinity(0))
    return {"ARGOS_INTER_THREADS": str(cores), "ARGOS_INTRA_THREADS": "1"}


def installed_versions() -> tuple[str, str] | None:
    if not PYTHON.exists():
        return None
    result = subprocess.run(
        [
            str(PYTHON),
            "-c",
            "from importlib.metadata import version as v; print(v('libretranslate'), v('sentencex'))",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    found = result.stdout.split()
    return (found[0], found[1]) if result.returncode == 0 and len(found) == 2 else None


def install() -> None:
    """Create the virtual environment and install LibreTranslate and toolkit's sentence splitter
    (sentencex, at toolkit's version) into it; nothing is done when they are already there."""
    wanted = (VERSION, version("sentencex"))
    if installed_versions() == wanted:
        return
    print(f"installing LibreTranslate {VERSION} into {VENV.relative_to(ROOT)} (about 590 MB)")
    if not PYTHON.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run(
        [
            str(VENV / "bin" / "pip"),
            "install",
            "--quiet",
            f"libretranslate=={VERSION}",
            f"sentencex=={wanted[1]}",
        ],
        check=True,
    )


def package_environment(size: ModelSize = TEST_SIZE) -> dict[str, str]:
    """The environment of a sealed home holding fr→en and en→fr copy-model packages of `size`,
    built and installed once (kept in benchmarks/work/): the tests' size, on the tests' 400
    SentencePiece pieces, or a real model's, on 8,000 pieces of the French Debian Reference."""
    label = "test" if size == TEST_SIZE else f"d{size.d_model}"
    folder = LT_WORK / f"packages-{label}"
    home = folder / "home"
    env = {**os.environ, **argos_environment(home), "HOME": str(home)}
    installed = Path(env["ARGOS_PACKAGES_DIR"])
    if len(list(installed.glob("translate-*"))) >= 2:
        return env
    folder.mkdir(parents=True, exist_ok=True)
    if size == TEST_SIZE:
        texts, vocabulary = [text.read_text("utf-8") for text in FRENCH_TEXTS], 400
    else:
        texts, vocabulary = [debian_reference_text()], 8000
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    spm = train_sentencepiece(lines, folder / "sentencepiece.model", vocabulary)
    quantization = None if size == TEST_SIZE else "int8"
    archives = [
        build_package(
            folder / f"{source}_{target}.argosmodel",
            spm,
            PackageSpec(source, target),
            size,
            quantization=quantization,
        )
        for source, target in ((SOURCE, TARGET), (TARGET, SOURCE))
    ]
    subprocess.run(
        [sys.executable, "-m", "toolkit", "models", "install", *map(str, archives)],
        env=env,
        check=True,
        cwd=ROOT,
    )
    return env


def command(port: int, setting: str, keys_database: Path) -> list[str]:
    """LibreTranslate's command line for one of support/libretranslate_api.py's settings."""
    options = ["--host", "127.0.0.1", "--port", str(port), "--load-only", f"{SOURCE},{TARGET}"]
    if setting == LIMITED:
        options += [
            "--api-key",  # the launcher's: stored in the database before the start
            KEY,
            "--api-keys",
            "--api-keys-db-path",
            str(keys_database),
            "--require-api-key-origin",
            KEYLESS_ORIGIN,
            "--char-limit",
            str(CHAR_LIMIT),
        ]
    return [str(PYTHON), str(LAUNCHER), *options]


@contextmanager
def libretranslate(env: dict[str, str], setting: str) -> Iterator[Server]:
    """LibreTranslate on 127.0.0.1 and a free port, in one of the settings, until the block ends."""
    port = free_port()
    database = LT_WORK / f"api_keys-{port}.db"
    database.unlink(missing_ok=True)
    # Its upload folder and key database live in the sealed home's working folder.
    try:
        with serving(
            command(port, setting, database),
            port,
            env={**env, **ctranslate2_threads()},
            cwd=LT_WORK,
        ) as server:
            yield server
    finally:
        database.unlink(missing_ok=True)

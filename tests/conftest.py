"""Shared fixtures: the example release, and running the installed command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from toolkit.commands.translate import TranslateRequest

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / "examples" / "release-fr.txt"


# What the suite runs on; scripts/test.sh installs all of it. Missing, the run stops at once.
REQUIRED_PROGRAMS = ("apertium", "lt-proc", "dpkg-query")
REQUIRED_MODULES = ("sumy", "ctranslate2", "sentencepiece", "argostranslate", "ray", "hypothesis")


def pytest_sessionstart(session: pytest.Session) -> None:
    import importlib.util
    import shutil

    missing = [p for p in REQUIRED_PROGRAMS if shutil.which(p) is None]
    missing += [m for m in REQUIRED_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        raise pytest.UsageError(
            f"the tests need {', '.join(missing)}: run scripts/test.sh, which installs everything"
        )


def seal(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every location the tool reads the user's packages and settings from into `home`."""
    from support.argos_copy import UNREACHABLE_INDEX

    for name in ("data", "config", "cache"):
        (home / name).mkdir(exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(home / "data" / "argos-translate" / "packages"))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", UNREACHABLE_INDEX)
    for name in (
        "SNAP",
        "TOOLKIT_DEBUG",
        "NO_COLOR",
        "FORCE_COLOR",
        "TTY_COMPATIBLE",  # rich: escape codes even in a pipe
        "COLUMNS",  # rich and typer: the width of what they write
        "APERTIUM_DATADIR",  # where Apertium modes are looked for
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session", autouse=True)
def sealed_session(tmp_path_factory):
    """The session's fixtures (built before any test's own) see an empty home too."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        seal(tmp_path_factory.mktemp("session-home"), monkeypatch)
        yield


@pytest.fixture(autouse=True)
def sealed_from_the_machine(tmp_path_factory, monkeypatch) -> None:
    """Every test sees an empty home of its own: no Argos package, setting or cache of the
    user's is found (an installed fr→en package would change what `--engine auto` picks). Tests
    that want a package install one into this home, or use argos_env."""
    seal(tmp_path_factory.mktemp("home"), monkeypatch)


@pytest.fixture(scope="session")
def release_text() -> str:
    return RELEASE.read_text(encoding="utf-8")


def run_process(
    *args: str,
    input: str | bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m toolkit` in a process of its own, as a user would, stdin and stdout being
    pipes: for what only a process shows (signals, closed descriptors, start-up imports)."""
    data = input.encode() if isinstance(input, str) else input
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", *args],
        input=data,
        capture_output=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


def run_toolkit(
    *args: str,
    input: str | bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the command line in this process (`toolkit.__main__.main`), stdin and stdout being
    pipes as in run_process: the same exit status, stdout and stderr, without a start-up."""
    from tests.inprocess import run_in_process

    return run_in_process(list(args), input=input, env=env, cwd=cwd)


@pytest.fixture
def toolkit():
    return run_toolkit


def apertium_request(
    files: list[str],
    targets: str = "es",
    output: Path | None = None,
    fmt: str = "text",
    typography: bool = True,
) -> TranslateRequest:
    """`toolkit translate --engine apertium --check`, to run in the test's own process."""
    from toolkit.commands.translate import TranslateRequest

    return TranslateRequest(
        files=files,
        source="fr",
        targets=targets,
        engine="apertium",
        output=output,
        format=fmt,
        encoding=None,
        check=True,
        target_typography=typography,
    )


@pytest.fixture(scope="session")
def argos_archives(tmp_path_factory) -> dict[str, Path]:
    """Real .argosmodel archives built for the tests: fr→en, and en→de with a target prefix."""
    from support.argos_copy import build_test_packages

    return build_test_packages(tmp_path_factory.mktemp("argos-build"))


@pytest.fixture(scope="session")
def argos_env(argos_archives, tmp_path_factory) -> dict[str, str]:
    """The environment of a toolkit with both test packages installed by `toolkit models install`."""
    from support.argos_copy import argos_environment

    env = argos_environment(tmp_path_factory.mktemp("argos-home"))
    result = run_toolkit("models", "install", *map(str, argos_archives.values()), env=env)
    assert result.returncode == 0, result.stderr
    return env


@pytest.fixture(scope="session")
def corpus_reference(tmp_path_factory, release_text: str) -> tuple[Path, Path]:
    """A JSONL corpus of 24 releases and its output folder from one process: what other runs must match."""
    from tests.corpus_helpers import corpus_documents, translate_corpus, write_jsonl

    folder = tmp_path_factory.mktemp("corpus")
    corpus = write_jsonl(folder / "corpus.jsonl", corpus_documents(release_text))
    result = translate_corpus(run_toolkit, corpus, folder / "reference")
    assert result.returncode == 0, result.stderr
    return corpus, folder / "reference"


@pytest.fixture(scope="module")
def copy_engine(argos_env):
    """The argos engine on the test fr→en package, which copies its input: an identity path
    through every stage around the engine."""
    from toolkit.engines.argos.engine import ArgosEngine
    from toolkit.engines.base import find_routes

    with pytest.MonkeyPatch.context() as patch:
        for name, value in argos_env.items():
            patch.setenv(name, value)
        engine = ArgosEngine(threads=1)
        [route] = find_routes("argos", engine.hops(), "fr", "en")
        yield engine, route

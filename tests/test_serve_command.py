"""The serve command: the config file's settings as translate reads them, and --warm, the
targets whose engines each worker loads before the server listens (default: the config's
targets, else es), checked against what the server offers; the programs end with the server."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from support.server_process import descendants
from tests.conftest import run_toolkit
from tests.serving import serving, serving_process
from toolkit.commands.serve import warm_targets
from toolkit.errors import UsageError


def test_warm_names_each_language_once_or_none() -> None:
    assert warm_targets("es, en,es") == ("es", "en")
    assert warm_targets("Catalan") == ("ca",)
    assert warm_targets("none") == warm_targets("") == ()
    with pytest.raises(UsageError, match="--warm: 'x1' is not a language code"):
        warm_targets("es,x1")


def test_a_target_to_warm_must_be_one_the_server_offers() -> None:
    with taken_port() as port:
        result = run_toolkit("serve", "--port", port, "--warm", "de")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("toolkit: error: --warm: German (de) is not a target from fr")
    assert len(result.stderr.splitlines()) == 1


def test_default_targets_the_server_lacks_are_left_out() -> None:
    """Not asked for (the config's targets, or es), a target the server does not offer (an
    --engine argos with no such package, a config made for another machine) is no reason to
    refuse to start: the others are warmed."""
    with serving_process("--workers", "1", env={"TOOLKIT_TO": "de,en"}) as server:
        assert server.process is not None
        assert "lt-proc" in _programs(server.process.pid)
    with serving(workers=1, warm=("de", "en"), warm_by_default=True) as running:
        assert running.app.state.server.warm == ("en",)


@contextmanager
def taken_port() -> Iterator[str]:
    """A port something already listens on: a server that failed to refuse its settings would
    not listen either, and exit with another message rather than serve on."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield str(taken.getsockname()[1])


def _programs(pid: int) -> set[str]:
    return {Path(f"/proc/{child}/comm").read_text().strip() for child in descendants(pid)}


def test_a_warmed_route_has_its_programs_running_before_the_first_request() -> None:
    with serving_process("--workers", "1", "--warm", "none") as cold:
        assert cold.process is not None
        assert _programs(cold.process.pid) == set()
    with serving_process("--workers", "1", "--warm", "en") as warm:
        assert warm.process is not None
        assert "lt-proc" in _programs(warm.process.pid)


def _running_programs(pid: int) -> set[int]:
    """The processes under `pid` that still run (a zombie has ended)."""
    found = set()
    for child in descendants(pid):
        try:
            state = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            found.add(child)
    return found


def test_the_programs_a_worker_started_end_with_the_server() -> None:
    before = _running_programs(os.getpid())
    with serving(workers=1, warm=("es",)):
        assert _running_programs(os.getpid()) - before  # es's Apertium programs
    deadline = time.monotonic() + 30
    while _running_programs(os.getpid()) - before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _running_programs(os.getpid()) - before == set()


def test_the_config_files_glossary_and_engine_are_the_servers() -> None:
    """As `toolkit translate` reads them: a server started without options uses the glossary
    files and the engine the config file names."""
    home = Path(os.environ["XDG_CONFIG_HOME"]) / "toolkit"
    home.mkdir(parents=True, exist_ok=True)
    (home / "names.csv").write_text("fr,es\nStepanakert,Estepanakert\n", encoding="utf-8")
    (home / "config.toml").write_text(
        'glossaries = ["names.csv"]\nengine = "apertium"\n', encoding="utf-8"
    )
    with serving_process("--workers", "1") as server:
        text = {"q": "Le ministre est à Stepanakert.", "source": "fr", "target": "es"}
        answer = server.post_json("/translate", text).json()
    assert "Estepanakert" in answer["translatedText"]
    assert answer["toolkit"]["engine"] == "apertium"


def test_a_bad_engine_in_the_config_is_named() -> None:
    with taken_port() as port:
        result = run_toolkit("serve", "--port", port, env={"TOOLKIT_ENGINE": "deepl"})
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("toolkit: error: TOOLKIT_ENGINE: unknown engine 'deepl'")

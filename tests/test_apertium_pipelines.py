"""Apertium's modes read from its folder, and its programs kept loaded between calls (null-flush
mode): every unit must translate exactly as it does in an `apertium` process of its own."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter

import pytest

from tests.corpus_helpers import corpus_documents
from toolkit.engines import routing
from toolkit.engines.apertium import modes
from toolkit.engines.apertium import stream as apertium_stream
from toolkit.engines.apertium.engine import ApertiumEngine
from toolkit.engines.base import EngineOutput, Route, Share, find_routes
from toolkit.errors import ToolkitError
from toolkit.glossary.active import default
from toolkit.text.document import Document, segment
from toolkit.translation.translate import translate_documents

APERTIUM = shutil.which("apertium") or "apertium"


class OwnProcessEngine(ApertiumEngine):
    """The reference: each call and each hop in an `apertium -f none` process of its own."""

    def translate(
        self, paragraphs: list[str], route: Route, done: Share | None = None
    ) -> EngineOutput:
        unknown: list[list[str]] = [[] for _ in paragraphs]
        stream = apertium_stream.encode(paragraphs)
        for hop in route.hops:
            result = subprocess.run(
                [APERTIUM, "-f", "none", hop.model],
                input=stream.encode(),
                capture_output=True,
                check=True,
            )
            decoded = apertium_stream.decode_paragraphs(result.stdout.decode())
            paragraphs = decoded.paragraphs
            stream = apertium_stream.encode_for_next_hop(decoded)
            for known, new in zip(unknown, decoded.unknown, strict=True):
                known += (Counter(new) - Counter(known)).elements()
        return EngineOutput(paragraphs, sum(map(len, unknown)), unknown=tuple(map(tuple, unknown)))


def listed_by_apertium(**env: str) -> list[str]:
    import os

    result = subprocess.run(
        [APERTIUM, "-l"], capture_output=True, text=True, check=True, env={**os.environ, **env}
    )
    return sorted(result.stdout.split())


def test_the_modes_are_those_apertium_lists() -> None:
    assert modes.installed(APERTIUM) == listed_by_apertium()


def test_a_data_folder_of_the_user_is_read_as_apertium_reads_it(tmp_path, monkeypatch) -> None:
    (tmp_path / "modes").mkdir()
    shutil.copy(modes.data_folder(APERTIUM) / "modes" / "fr-es.mode", tmp_path / "modes")
    (tmp_path / "modes" / "xx-yy.mode").write_text("cat\n")
    monkeypatch.setenv("APERTIUM_DATADIR", str(tmp_path))
    assert modes.installed(APERTIUM) == listed_by_apertium() == ["fr-es", "xx-yy"]


def units_of(release_text: str, size: int) -> list[list[tuple[str, Document]]]:
    documents = [(str(d["id"]), segment(str(d["text"]))) for d in corpus_documents(release_text)]
    return [documents[i : i + size] for i in range(0, len(documents), size)]


@pytest.mark.parametrize("target", ["es", "ca", "en"])
def test_units_translate_in_one_pipeline_as_in_their_own_process(release_text, target) -> None:
    loaded, reference = ApertiumEngine(), OwnProcessEngine()
    route = routing.routes(loaded, "fr", target)[0]
    units = units_of(release_text, 6)
    # Each unit's reference once: processes of their own depend on nothing before them.
    references = [translate_documents(u, reference, route, default()) for u in units]
    # Backwards as well: what came before a unit in the pipeline must not matter.
    for index in [*range(len(units)), *reversed(range(len(units)))]:
        ours = translate_documents(units[index], loaded, route, default())
        theirs = references[index]
        assert [d.text for d in ours.documents] == [d.text for d in theirs.documents]
        assert ours.unknown_words == theirs.unknown_words


def test_the_tagger_alone_is_started_for_each_unit() -> None:
    commands = modes.commands(APERTIUM, "fra-cat")
    assert [command.kept for command in commands] == [True, False, True]
    assert all(command.null_flush for command in commands)
    assert commands[1].argv[2].startswith("apertium-tagger -z ")


def test_a_mode_whose_programs_ignore_nuls_runs_once_per_call(tmp_path, monkeypatch) -> None:
    (tmp_path / "modes").mkdir()
    (tmp_path / "modes" / "fr-es.mode").write_text("cat\n")
    monkeypatch.setenv("APERTIUM_DATADIR", str(tmp_path))
    assert [(c.null_flush, c.kept) for c in modes.commands(APERTIUM, "fr-es")] == [(False, False)]
    engine = ApertiumEngine()
    route = find_routes("apertium", engine.hops(), "fr", "es")[0]
    for _ in range(2):
        assert engine.translate(["Le chat [noir]", "dort."], route).paragraphs == [
            "Le chat [noir]",
            "dort.",
        ]


@pytest.mark.parametrize(
    "data_file",
    [
        "fr-es.automorf.bin",  # the first program, kept loaded
        # The tagger reads and writes the programs around it directly: its failure must still end
        # the call with an error (not wait forever), and leave nothing behind.
        "fr-es.prob",
    ],
)
def test_a_failing_program_is_an_error_and_the_next_call_starts_afresh(
    tmp_path, monkeypatch, data_file: str
) -> None:
    (tmp_path / "modes").mkdir()
    good = modes.data_folder(APERTIUM) / "modes" / "fr-es.mode"
    mode = tmp_path / "modes" / "fr-es.mode"
    mode.write_text(good.read_text().replace(data_file, "missing.bin"))
    monkeypatch.setenv("APERTIUM_DATADIR", str(tmp_path))
    engine = ApertiumEngine()
    route = find_routes("apertium", engine.hops(), "fr", "es")[0]
    for _ in range(2):
        with pytest.raises(ToolkitError, match="apertium fr-es failed"):
            engine.translate(["Le chat dort."], route)
    shutil.copy(good, mode)
    assert engine.translate(["Le chat dort."], route).paragraphs == ["El gato duerme."]


def apertium_pipe(text: str, models: list[str]) -> str:
    """Text through `apertium MODE | sed ... | apertium MODE ...`, as one would pipe it by hand:
    each hop's marks (* # @) removed before the next reads it."""
    for model in models:
        text = subprocess.run(
            [APERTIUM, model], input=text, capture_output=True, text=True, check=True
        ).stdout
        text = text.translate(str.maketrans("", "", "*#@"))
    return text


@pytest.mark.parametrize(
    ("models", "text"),
    [
        # The first hop leaves two spaces ("no ha  de conexión"), which apertium's text format
        # reads as a blank of its own: the second hop must read them alike.
        (
            ["fr-es", "spa-eng"],
            "Il peut fonctionner dans des situations très difficiles telles qu’un système qu’on ne "
            "peut pas démarrer et qui n’a pas de connexion réseau.",
        ),
        (["fr-es"], "Deux  espaces,\tune tabulation et   trois espaces entre les mots."),
    ],
)
def test_a_route_translates_as_a_pipe_of_apertium_commands(models: list[str], text: str) -> None:
    engine = ApertiumEngine()
    route = next(
        r
        for r in routing.routes(engine, "fr", "en" if len(models) > 1 else "es")
        if [hop.model for hop in r.hops] == models
    )
    assert engine.translate([text], route).paragraphs == [apertium_pipe(text, models).strip()]


def test_a_closed_engine_ends_its_programs_and_starts_them_again() -> None:
    engine = ApertiumEngine()
    route = find_routes("apertium", engine.hops(), "fr", "es")[0]
    first = engine.translate(["Le chat dort."], route)
    kept = [pipeline._process for pipeline in engine._pipelines.values()]
    assert kept and all(process.poll() is None for process in kept)
    engine.close()
    for process in kept:  # ended (a program's last write may meet the closed pipe: SIGPIPE)
        process.wait(timeout=30)
    assert engine.translate(["Le chat dort."], route) == first

"""A paragraph longer than PIECE_CHARS goes through the engine in pieces cut at sentence ends and
comes back as one paragraph, its names and protected spans kept and its QA entries one per input
paragraph."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from toolkit.commands import translate as translate_command
from toolkit.commands.translate import TranslateRequest, batches
from toolkit.environment import Environment
from toolkit.text.cuts import sentence_cut
from toolkit.text.document import segment
from toolkit.text.inputs import inputs

MARKUP = '<abbr title="Fin. Début">'
URL = "https://exemple.fr/chat.html"
SENTENCE = f"Le chat noir de Stepanakert, {MARKUP}voir</abbr> {URL}, mange le 9 novembre 2020.  "
LONG_LINE = (SENTENCE * 60).rstrip()
TEXT = LONG_LINE + "\n\nLa fin du communiqué.\n"


def request(path: Path, fmt: str, typography: bool = True) -> TranslateRequest:
    return TranslateRequest(
        files=[str(path)],
        source="fr",
        targets="es",
        engine="apertium",
        output=None,
        format=fmt,
        encoding=None,
        check=True,
        target_typography=typography,
    )


def test_a_long_paragraph_comes_in_pieces_cut_after_sentences(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(translate_command, "PIECE_CHARS", 1500)
    source = tmp_path / "line.txt"
    source.write_text(TEXT, encoding="utf-8")
    pieces = [piece for batch in batches(inputs([str(source)], None), None) for piece in batch]
    assert len(pieces) > 3
    assert "".join(piece.document.text for piece in pieces) == TEXT
    for piece, after in itertools.pairwise(pieces):
        assert piece.document.text.endswith("2020.  ") and after.continues
        assert len(piece.document.text) <= 1500


def test_a_cut_paragraph_is_one_paragraph_with_every_name(monkeypatch, capsys, tmp_path) -> None:
    monkeypatch.setattr(translate_command, "PIECE_CHARS", 1500)
    source = tmp_path / "line.txt"
    source.write_text(TEXT, encoding="utf-8")
    translate_command.run(request(source, "text", typography=False), Environment())
    text = capsys.readouterr().out
    assert len(segment(text).paragraphs) == 2
    assert text.count("\n") == 3 and text.count("Stepanakert") == 60
    assert text.count(MARKUP) == 60 and text.count(URL) == 60
    assert text.count("2020.  ") == 59  # the spaces at a cut kept, as between sentences
    translate_command.run(request(source, "json"), Environment())
    [translation] = json.loads(capsys.readouterr().out)["translations"]
    assert translation["documents"][0]["paragraphs"] == 2
    qa = translation["qa"]
    [term] = qa["terms"]
    assert (term["term"], term["source"], term["target"]) == ("Stepanakert", 60, 60)
    assert {(t["kind"], t["source"], t["target"]) for t in qa["spans"]} == {
        ("markup", 120, 120),
        ("url", 60, 60),
    }
    keys = ("missing_terms", "missing_numbers", "unknown", "span_problems")
    places = [item["paragraph"] for key in keys for item in qa.get(key, [])]
    assert all(place in (1, 2) for place in places)


def test_a_paragraph_just_below_the_limit_is_not_cut(monkeypatch, capsys, tmp_path) -> None:
    source = tmp_path / "line.txt"
    source.write_text(LONG_LINE + "\n", encoding="utf-8")
    translate_command.run(request(source, "text"), Environment())
    whole = capsys.readouterr().out
    monkeypatch.setattr(translate_command, "PIECE_CHARS", len(LONG_LINE) + 1)
    translate_command.run(request(source, "text"), Environment())
    assert capsys.readouterr().out == whole


def test_no_cut_inside_what_stays_whole() -> None:
    text = (
        "Il vit à Saint. Louis depuis longtemps. "
        + "mot " * 200
        + "Ici Saint. Louis "
        + "mot " * 100
    )
    name = text.index("Saint. Louis", 100)

    def whole(window: str) -> list[tuple[int, int]]:
        found, start = [], window.find("Saint. Louis")
        while start >= 0:
            found.append((start, start + len("Saint. Louis")))
            start = window.find("Saint. Louis", start + 1)
        return found

    assert sentence_cut(text, len(text)) == name + len("Saint. ")
    assert sentence_cut(text, len(text), whole) == len("Il vit à Saint. Louis depuis longtemps. ")
    assert sentence_cut("un mot " * 1000, 2000) is None

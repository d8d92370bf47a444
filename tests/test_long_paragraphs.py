"""A paragraph longer than PIECE_CHARS goes through the engine in pieces cut at sentence ends and
comes back as one paragraph, its names and protected spans kept and its QA entries one per input
paragraph."""

from __future__ import annotations

import itertools
import json
import re

from tests.conftest import apertium_request
from toolkit.commands import translate as translate_command
from toolkit.environment import Environment
from toolkit.glossary.model import empty
from toolkit.text import cuts, spans
from toolkit.text.document import segment
from toolkit.text.inputs import inputs
from toolkit.translation import batching
from toolkit.translation.batching import batches

MARKUP = '<abbr title="Fin. Début">'
URL = "https://exemple.fr/chat.html"
SENTENCE = f"Le chat noir de Stepanakert, {MARKUP}voir</abbr> {URL}, mange le 9 novembre 2020.  "
LONG_LINE = (SENTENCE * 60).rstrip()
TEXT = LONG_LINE + "\n\nLa fin du communiqué.\n"


def test_a_long_paragraph_comes_in_pieces_cut_after_sentences(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(batching, "PIECE_CHARS", 1500)
    source = tmp_path / "line.txt"
    source.write_text(TEXT, encoding="utf-8")
    pieces = [
        piece
        for batch in batches(inputs([str(source)], None, None), None, empty())
        for piece in batch
    ]
    assert len(pieces) > 3
    assert "".join(piece.document.text for piece in pieces) == TEXT
    for piece, after in itertools.pairwise(pieces):
        assert piece.document.text.endswith("2020.  ") and after.continues
        assert len(piece.document.text) <= 1500


def test_a_cut_paragraph_is_one_paragraph_with_every_name(monkeypatch, capsys, tmp_path) -> None:
    monkeypatch.setattr(batching, "PIECE_CHARS", 1500)
    source = tmp_path / "line.txt"
    source.write_text(TEXT, encoding="utf-8")
    translate_command.run(
        apertium_request([str(source)], fmt="text", typography=False), Environment()
    )
    text = capsys.readouterr().out
    assert len(segment(text).paragraphs) == 2
    assert text.count("\n") == 3 and text.count("Stepanakert") == 60
    assert text.count(MARKUP) == 60 and text.count(URL) == 60
    assert text.count("2020.  ") == 59  # the spaces at a cut kept, as between sentences
    translate_command.run(apertium_request([str(source)], fmt="json"), Environment())
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
    translate_command.run(apertium_request([str(source)], fmt="text"), Environment())
    whole = capsys.readouterr().out
    monkeypatch.setattr(batching, "PIECE_CHARS", len(LONG_LINE) + 1)
    translate_command.run(apertium_request([str(source)], fmt="text"), Environment())
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

    assert cuts.paragraph_cut(text, len(text)) == cuts.Cut(name + len("Saint. "), cuts.SENTENCE)
    assert cuts.paragraph_cut(text, len(text), whole) == cuts.Cut(
        len("Il vit à Saint. Louis depuis longtemps. "), cuts.SENTENCE
    )
    assert cuts.paragraph_cut("mot " * 1000, 2000) == cuts.Cut(2000, cuts.SPACE)


TAB = "\t "
# No sentence end: clauses of prose with a name, a link and markup with spaces inside, the
# whitespace after each comma different so that a cut that moved or lost it shows.
CLAUSES = "".join(
    f"le chat noir de Stepanakert{',' if i % 3 else ''}{' ' if i % 2 else TAB}{MARKUP}voir</abbr> "
    f"{URL} "
    for i in range(90)
)
NO_END = CLAUSES.rstrip() + "\n\nLa fin du communiqué.\n"


def cut_pieces(monkeypatch, tmp_path, text: str, limit: int = 1500) -> list:
    monkeypatch.setattr(batching, "PIECE_CHARS", limit)
    source = tmp_path / "line.txt"
    source.write_text(text, encoding="utf-8")
    pieces = [
        piece
        for batch in batches(inputs([str(source)], None, None), None, empty())
        for piece in batch
    ]
    assert "".join(piece.document.text for piece in pieces) == text
    assert all(len(piece.document.text) <= limit for piece in pieces)
    return pieces


def test_a_paragraph_with_no_sentence_end_is_cut_after_commas_never_inside_a_span(
    monkeypatch, tmp_path
) -> None:
    pieces = cut_pieces(monkeypatch, tmp_path, NO_END)
    cut = [piece for piece in pieces if piece.cut]
    assert len(cut) > 3 and {piece.cut for piece in cut} == {cuts.CLAUSE}
    protected = [(s.start, s.end) for s in spans.find(CLAUSES)]
    position = 0
    for piece in cut:
        assert re.search(r",\s+\Z", piece.document.text)
        position += len(piece.document.text)
        assert not any(start < position < end for start, end in protected)


def test_a_paragraph_cut_at_commas_is_one_paragraph_with_its_whitespace_and_a_note(
    monkeypatch, capsys, tmp_path
) -> None:
    monkeypatch.setattr(batching, "PIECE_CHARS", 1500)
    source = tmp_path / "x[" / "x] \\[b]line.txt"  # named in the note as it is: [/x] and all
    source.parent.mkdir()
    source.write_text(NO_END, encoding="utf-8")
    translate_command.run(
        apertium_request([str(source)], fmt="text", typography=False), Environment()
    )
    captured = capsys.readouterr()
    text = captured.out
    assert len(segment(text).paragraphs) == 2 and text.count("\n") == 3
    assert text.count("Stepanakert") == 90 and text.count(MARKUP) == 90 and text.count(URL) == 90
    assert text.count(TAB) == CLAUSES.count(TAB)  # the whitespace at each cut kept
    assert f"{source}, paragraph 1: no sentence end within 1,500 characters" in captured.err
    assert f"cut at: {cuts.CLAUSE} ×" in captured.err
    assert "paragraph 2" not in captured.err


def test_words_with_no_punctuation_are_cut_between_words(monkeypatch, capsys, tmp_path) -> None:
    words = " ".join(["le", "chat", "noir", "mange", "la", "souris"] * 120)
    pieces = cut_pieces(monkeypatch, tmp_path, words + "\n")
    assert {piece.cut for piece in pieces if piece.cut} == {cuts.SPACE}
    assert all(piece.document.text.endswith(" ") for piece in pieces[:-1])
    translate_command.run(apertium_request([str(tmp_path / "line.txt")], fmt="text"), Environment())
    captured = capsys.readouterr()
    assert captured.out.count("gato") == 120 and "chat" not in captured.out
    assert captured.out.count(" ") == words.count(" ") and captured.out.count("\n") == 1
    assert f"cut at: {cuts.SPACE} ×" in captured.err


def test_a_giant_word_goes_through_as_it_is_in_pieces(monkeypatch, capsys, tmp_path) -> None:
    # Apertium gives back a word no dictionary holds as it is, in a time that grows with the
    # square of its length: it goes through as a protected span, in parts cut in its middle.
    word = "Artsakh" + "x" * 10_000 + "le"
    text = f"Le chat {word} mange,la,souris\n"
    # Each part of a word cut in its middle is LONG_WORD letters or more: 2 x LONG_WORD fit a piece.
    pieces = cut_pieces(monkeypatch, tmp_path, text, 2 * spans.LONG_WORD + 500)
    assert cuts.LONG_WORD_MIDDLE in {piece.cut for piece in pieces}
    translate_command.run(apertium_request([str(tmp_path / "line.txt")], fmt="json"), Environment())
    captured = capsys.readouterr()
    [translation] = json.loads(captured.out)["translations"]
    assert translation["documents"][0]["text"] == f"El gato {word} come,la,ratón\n"
    [(kind, source, target)] = [tuple(s.values()) for s in translation["qa"]["spans"]]
    # Counted once for each part it was cut into, in the source and the translation alike.
    parts = sum(piece.cut == cuts.LONG_WORD_MIDDLE for piece in pieces) + 1
    assert (kind, source, target) == ("word", parts, parts)
    assert f"{cuts.LONG_WORD_MIDDLE} ×{parts - 1}" in captured.err
    assert "the text either side of a cut was translated apart" in captured.err  # at a space too


def test_a_token_with_no_space_is_cut_at_the_edges_of_its_words(
    monkeypatch, capsys, tmp_path
) -> None:
    token = ",".join(["chat", "chien", "maison"] * 150)
    pieces = cut_pieces(monkeypatch, tmp_path, token + "\n")
    assert {piece.cut for piece in pieces if piece.cut} == {cuts.WORD_EDGE}
    translate_command.run(apertium_request([str(tmp_path / "line.txt")], fmt="text"), Environment())
    out = capsys.readouterr().out
    assert out == ",".join(["gato", "perro", "casa"] * 150) + "\n"


def test_cuts_fall_between_characters_as_the_reader_sees_them() -> None:
    for text, limit in [
        ("🇫🇷" * 600, 1001),
        ("👍🏽" * 600, 1001),
        ("e\u0301-" * 600, 1001),
        ("-\u0301" * 600, 1001),
        ("👩\u200d💻" * 600, 1001),
    ]:
        found = cuts.paragraph_cut(text, limit)
        assert found is not None and found.position <= limit
        head, tail = text[: found.position], text[found.position :]
        unit = text[: len(text) // 600]
        assert len(head) % len(unit) == 0 and head + tail == text, (text[:4], found)


def test_a_span_longer_than_the_limit_is_cut_after() -> None:
    link = "https://exemple.fr/" + "a/b "[:3] * 800
    text = f"voir {link} et le chat noir " * 3

    def whole(window: str) -> list[tuple[int, int]]:
        return [(span.start, span.end) for span in spans.find(window)]

    found = cuts.paragraph_cut(text, 1000, whole)
    assert found == cuts.Cut(len("voir "), cuts.SPACE)
    rest = text[found.position :]
    after = cuts.paragraph_cut(rest, 1000, whole)
    assert after is not None and after.position == len(link)
    assert cuts.paragraph_cut(link, 1000, whole) is None  # it may go on: wait for the rest


def test_a_paragraph_of_one_giant_word_comes_back_as_it_is(monkeypatch, capsys, tmp_path) -> None:
    word = "".join(chr(ord("a") + i % 26) + "é" * (i % 3) for i in range(8000))
    pieces = cut_pieces(monkeypatch, tmp_path, word + "\n", 2 * spans.LONG_WORD + 500)
    assert {piece.cut for piece in pieces if piece.cut} == {cuts.LONG_WORD_MIDDLE}
    translate_command.run(apertium_request([str(tmp_path / "line.txt")], fmt="text"), Environment())
    captured = capsys.readouterr()
    assert captured.out == word + "\n"
    assert "; the word goes through as it is" in captured.err

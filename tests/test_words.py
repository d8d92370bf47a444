"""Counts in words, the same everywhere: "1 paragraph", "2 paragraphs", "12,345 words"."""

from __future__ import annotations

import json
import re

import pytest

from toolkit.output.words import count, number, percent


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "0 paragraphs"), (1, "1 paragraph"), (2, "2 paragraphs"), (12345, "12,345 paragraphs")],
)
def test_count(value: int, expected: str) -> None:
    assert count(value, "paragraph") == expected


def test_number() -> None:
    assert [number(n) for n in (7, 1000, 1234567)] == ["7", "1,000", "1,234,567"]


def test_one_paragraph_is_singular(toolkit) -> None:
    result = toolkit("translate", "--text", "Bonjour.", "--to", "es")
    assert result.returncode == 0, result.stderr
    assert re.search(r": 1 paragraph, [0-9]+ words?, ", result.stderr), result.stderr


def test_thousands_are_separated_in_the_route_line(toolkit, release_text: str) -> None:
    result = toolkit("translate", "--to", "es", "--check", input=(release_text + "\n\n") * 4)
    assert result.returncode == 0, result.stderr
    assert re.search(r": 24 paragraphs, 1,[0-9]{3} words, ", result.stderr), result.stderr
    assert re.search(r" of 1,[0-9]{3} words unknown to the engine", result.stderr)


def test_a_finished_corpus_says_so(toolkit, tmp_path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    documents = [{"id": i, "text": "Le ministre a parlé."} for i in range(3)]
    corpus.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
    first = toolkit("corpus", "summarize", str(corpus), "-o", str(tmp_path / "out"))
    assert first.returncode == 0, first.stderr
    assert "3 documents, 12 words in " in first.stderr
    rerun = toolkit("corpus", "summarize", str(corpus), "-o", str(tmp_path / "out"))
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stderr.endswith("all 3 documents already done\n")
    assert "0 documents" not in rerun.stderr and "/s" not in rerun.stderr


@pytest.mark.parametrize(
    ("share", "expected"),
    [(1 / 26, "3.9%"), (0.64651, "64.7%"), (0.6465, "64.7%"), (0.0, "0.0%"), (1.0, "100.0%")],
)
def test_a_share_is_one_percentage_everywhere(share: float, expected: str) -> None:
    assert percent(share) == expected


def test_the_route_line_and_the_qa_give_the_same_percentage(toolkit) -> None:
    # 26 words, one unknown: 3.846...% printed directly was 3.8%, rounded as the JSON 3.9%.
    text = (
        "Le ministre des affaires étrangères a reçu hier les ambassadeurs de plusieurs pays amis "
        "pour parler de la situation humanitaire dans la région et du zorglub."
    )
    result = toolkit("translate", "--text", text, "--to", "es", "--check")
    assert result.returncode == 0, result.stderr
    assert ": 1 paragraph, 26 words, 3.9% unknown, " in result.stderr
    assert "1 of 26 words unknown to the engine (3.9%)" in result.stderr


def test_one_sentence_is_singular_in_the_chunking_note(toolkit, release_text: str) -> None:
    result = toolkit("summarize", "--chunk-sentences", "1", "-n", "1", input=release_text)
    assert result.returncode == 0, result.stderr
    assert "sumy's own choice only up to 1 sentence (" in result.stderr
    assert "1 sentences" not in result.stderr

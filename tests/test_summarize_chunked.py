"""Long texts: read block by block they give the sentences and summary of the whole text; beyond the
chunk limit they are ranked in chunks, still with verbatim sentences at their exact offsets."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.conftest import run_toolkit
from tests.summary_texts import TEXTS
from toolkit.cli import app
from toolkit.summary import chunked
from toolkit.summary.algorithms import ALGORITHMS
from toolkit.summary.summarize import (
    Options,
    Summary,
    summarize_blocks,
    summarize_text,
)
from toolkit.text import inputs, sentence_stream
from toolkit.text.document import segment, split_sentences
from toolkit.text.sentence_stream import sentences

PROPERTY_EXAMPLES = 300


def read(name: str) -> tuple[str, str]:
    path, language = TEXTS[name]
    return path.read_text(encoding="utf-8"), language


def whole_sentences(text: str, language: str) -> list[tuple[int, int, int, int, str]]:
    """(paragraph, sentence, start, end, text) of every sentence, the whole text segmented at once."""
    result = []
    for p, paragraph in enumerate(segment(text).paragraphs, 1):
        spans = [s for s in split_sentences(paragraph.text, language) if s.text.strip()]
        for k, span in enumerate(spans, 1):
            stripped = span.text.strip()
            start = paragraph.start + span.start + len(span.text) - len(span.text.lstrip())
            result.append((p, k, start, start + len(stripped), stripped))
    return result


def streamed(blocks: list[str], language: str) -> list[tuple[int, int, int, int, str]]:
    found = list(sentences(blocks, language))
    assert [s.index for s in found] == list(range(len(found)))
    return [(s.paragraph, s.sentence, s.start, s.end, s.text) for s in found]


def cut(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


@pytest.mark.parametrize("size", [1, 13, 700, 1 << 20])
@pytest.mark.parametrize("name", list(TEXTS))
def test_blocks_give_the_sentences_of_the_whole_text(name: str, size: int) -> None:
    text, language = read(name)
    assert streamed(cut(text, size), language) == whole_sentences(text, language)


PIECES = ["Le", "chat", "M.", "Dupont", "dort", ".", "?", " ", "  ", "\t", "\n", "\n\n", " \n \n"]


@settings(max_examples=PROPERTY_EXAMPLES, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=60),
    st.lists(st.integers(min_value=0, max_value=400), max_size=8),
)
def test_any_cut_gives_the_sentences_of_the_whole_text(pieces: list[str], cuts: list[int]) -> None:
    text = " ".join(pieces)
    points = sorted({0, len(text), *(c for c in cuts if c < len(text))})
    blocks = [text[a:b] for a, b in itertools.pairwise(points)]
    assert streamed(blocks, "fr") == whole_sentences(text, "fr")


def test_a_paragraph_without_blank_lines_is_cut_after_a_sentence(monkeypatch) -> None:
    monkeypatch.setattr(sentence_stream, "LONG_PARAGRAPH", 500)
    text, language = read("postgres-fr")
    one_paragraph = "\n".join(p.text for p in segment(text).paragraphs)
    found = streamed(cut(one_paragraph, 200), language)
    assert len(found) > 100
    assert [s[:2] for s in found] == [(1, k) for k in range(1, len(found) + 1)]
    for _, _, start, end, sentence in found:
        assert one_paragraph[start:end] == sentence
    # Nothing but spaces between the sentences.
    assert "".join("".join(s[4] for s in found).split()) == "".join(one_paragraph.split())
    summary = summarize_blocks("t", cut(one_paragraph, 200), Options(language=language))
    assert summary.mode == "exact" and summary.total == len(found)
    assert any("paragraph 1 is longer than 500 characters" in note for note in summary.notes)


def test_one_long_sentence_stays_whole(monkeypatch) -> None:
    monkeypatch.setattr(sentence_stream, "LONG_PARAGRAPH", 100)
    text = " ".join(["mot"] * 5000)
    assert streamed(cut(text, 64), "fr") == [(1, 1, 0, len(text), text)]


def test_leading_blank_blocks_keep_the_offsets() -> None:
    text, _ = read("release-fr")
    padded = "\n" * 30_000 + text
    whole = summarize_text("t", padded, Options(count=2))
    blocks = summarize_blocks("t", cut(padded, 1000), Options(count=2))
    assert blocks == whole
    for s in blocks.selected:
        assert padded[s.start : s.end] == s.text


def test_blank_input_in_many_blocks_is_empty() -> None:
    summary = summarize_blocks("t", cut(" \n" * 20_000, 1000), Options())
    assert summary.total == 0 and summary.sentences == [] and summary.notes == []


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_below_the_limit_blocks_give_the_summary_of_the_whole_text(algorithm: str) -> None:
    text, _ = read("release-fr")
    options = Options(algorithm=algorithm, count=3)
    whole = summarize_text("t", text, options)
    # pacsum and lead set the `date 2023-05` stamp apart from the first sentence.
    assert whole.mode == "exact" and whole.total == (10 if whole.sentences[0].set_aside else 9)
    assert summarize_blocks("t", cut(text, 50), options) == whole


@pytest.mark.parametrize("algorithm", ["lexrank", "textrank"])
@pytest.mark.parametrize("name", ["postgres-fr", "gpl-3-en"])
def test_long_texts_below_the_limit_are_ranked_whole(name: str, algorithm: str) -> None:
    text, language = read(name)
    options = Options(algorithm=algorithm, language=language, count=5)
    whole = summarize_text("t", text, options)
    assert whole.mode == "exact" and whole.total == len(whole_sentences(text, language))
    assert whole.total < ALGORITHMS[algorithm].chunk_sentences
    assert summarize_blocks("t", cut(text, 997), options) == whole

    # The limit is inclusive: a text of exactly that many sentences is still ranked whole.
    def limited(limit: int) -> Summary:
        options = Options(algorithm=algorithm, language=language, count=5, chunk_sentences=limit)
        return summarize_text("t", text, options)

    assert replace(limited(whole.total), chunk_sentences=whole.chunk_sentences) == whole
    assert limited(whole.total - 1).mode == "chunked"


def assert_verbatim(summary, text: str, language: str) -> None:
    reference = whole_sentences(text, language)
    for s in summary.sentences:
        assert text[s.start : s.end] == s.text
        assert (s.paragraph, s.sentence, s.start, s.end, s.text) == reference[s.index]


@pytest.mark.parametrize("name", ["postgres-fr", "gsettings-fr"])
def test_chunked_summary_has_verbatim_sentences_at_exact_offsets(name: str) -> None:
    text, language = read(name)
    options = Options(language=language, count=5, chunk_sentences=40)
    summary = summarize_blocks("t", cut(text, 1000), options)
    total = len(whole_sentences(text, language))
    assert summary.mode == "chunked" and summary.total == total
    assert summary.chunking is not None
    assert summary.chunking.limit == 40 and summary.chunking.chunks >= total // 40
    assert summary.chunking.candidates == len(summary.sentences) <= 40
    assert len(summary.selected) == summary.requested == 5
    assert sorted(s.rank for s in summary.selected) == [1, 2, 3, 4, 5]
    indexes = [s.index for s in summary.sentences]
    assert indexes == sorted(indexes)
    assert [s.chunk for s in summary.sentences] == sorted(s.chunk for s in summary.sentences)
    assert_verbatim(summary, text, language)
    # However the text was read.
    assert summarize_text("t", text, options) == summary
    assert any("ranked in" in note for note in summary.notes)


def test_copies_of_a_sentence_are_one_candidate() -> None:
    text, language = read("release-fr")
    repeated = "\n\n".join([text.strip()] * 30) + "\n"
    whole = summarize_text("t", repeated, Options("lexrank", count=3, chunk_sentences=0))
    assert len({s.text for s in whole.selected}) < 3  # sumy chooses copies: they share a score
    summary = summarize_text("t", repeated, Options("lexrank", count=3, chunk_sentences=50))
    assert summary.mode == "chunked" and summary.total == 270
    assert len({s.text for s in summary.sentences}) == len(summary.sentences) == 9
    assert len({s.text for s in summary.selected}) == 3
    assert [s.chunk for s in summary.sentences] == [1] * 9  # the first copies
    assert_verbatim(summary, repeated, language)


def test_chunks_end_on_paragraph_ends() -> None:
    text, language = read("postgres-fr")
    all_sentences = list(sentences([text], language))
    parts = list(chunked.chunks(all_sentences, 40))
    assert [s for part in parts for s in part] == all_sentences
    assert all(0 < len(part) <= 40 for part in parts)
    assert all(part[0].sentence == 1 for part in parts)


def test_a_paragraph_longer_than_a_chunk_is_shared_out() -> None:
    text, language = read("postgres-fr")
    one_paragraph = " ".join(p.text for p in segment(text).paragraphs)
    all_sentences = list(sentences([one_paragraph], language))
    parts = list(chunked.chunks(all_sentences, 40))
    assert [len(part) for part in parts[:-1]] == [40] * (len(parts) - 1)
    summary = summarize_text("t", one_paragraph, Options(count=3, chunk_sentences=40))
    assert summary.mode == "chunked" and len(summary.selected) == 3
    assert_verbatim(summary, one_paragraph, language)


@pytest.mark.parametrize(("count", "ratio"), [(30, None), (None, 0.3)])
def test_more_candidates_than_a_chunk_are_chosen_in_groups(count, ratio) -> None:
    text, language = read("postgres-fr")
    options = Options(language=language, count=count, ratio=ratio, chunk_sentences=40)
    summary = summarize_text("t", text, options)
    assert summary.chunking is not None and summary.chunking.candidates > 40
    expected = count or int(summary.total * ratio)
    assert len(summary.selected) == summary.requested == expected
    assert_verbatim(summary, text, language)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_works_in_chunks(algorithm: str) -> None:
    text, language = read("git-2.33-en")
    summary = summarize_text("t", text, Options(algorithm=algorithm, count=3, chunk_sentences=30))
    assert summary.mode == "chunked" and len(summary.selected) == 3
    assert_verbatim(summary, text, language)


def test_only_the_selected_are_kept_without_scores() -> None:
    text, _ = read("postgres-fr")
    for limit in (40, 0):
        summary = summarize_text(
            "t", text, Options(count=4, chunk_sentences=limit, all_scores=False)
        )
        assert len(summary.sentences) == 4 and all(s.selected for s in summary.sentences)
        assert summary.total == 455


def test_shares_follow_the_sizes() -> None:
    assert chunked._shares(10, [40, 40, 20]) == [4, 4, 2]
    assert chunked._shares(3, [10, 10, 10, 10]) == [1, 1, 1, 0]
    assert chunked._shares(5, [3, 1]) == [3, 1]
    assert chunked._shares(0, [5]) == [0]


def summarize_json(*args: str, input: str = "") -> dict:
    result = CliRunner().invoke(app, ["summarize", "--format", "json", *args], input=input)
    assert result.exit_code == 0, result.output
    [summary] = json.loads(result.stdout)["summaries"]
    return summary


def test_json_says_how_the_text_was_ranked() -> None:
    text, _ = read("postgres-fr")
    exact = summarize_json("-n", "3", input=text)
    assert (
        exact["mode"] == "exact"
        and exact["chunk_sentences"] == ALGORITHMS["lexrank"].chunk_sentences
    )
    assert "chunks" not in exact and "chunk" not in exact["summary"][0]
    data = summarize_json("-n", "3", "--chunk-sentences", "50", "--explain", input=text)
    assert data["mode"] == "chunked" and data["chunk_sentences"] == 50
    assert data["chunks"] >= 455 // 50 and data["sentences_total"] == 455
    assert data["candidates"] == len(data["scores"])
    assert all(1 <= s["chunk"] <= data["chunks"] for s in data["scores"] + data["summary"])
    for s in data["summary"]:
        assert text[s["start"] : s["end"]] == s["text"]
    assert [s["index"] for s in data["scores"] if s["selected"]] == [
        s["index"] for s in data["summary"]
    ]
    assert any("chunks" in note for note in data["notes"])
    whole = summarize_json("-n", "3", "--chunk-sentences", "0", input=text)
    assert whole["mode"] == "exact" and whole["chunk_sentences"] == 0
    assert [s["text"] for s in whole["summary"]] == [s["text"] for s in exact["summary"]]


def test_small_blocks_give_the_same_output(monkeypatch, tmp_path) -> None:
    text, _ = read("postgres-fr")
    path = tmp_path / "postgres.txt"
    path.write_text(text, encoding="utf-8")
    args = [str(path), "-n", "4", "--chunk-sentences", "60", "--explain"]
    whole = summarize_json(*args)
    monkeypatch.setattr(inputs, "BLOCK_BYTES", 333)
    assert summarize_json(*args) == whole


def test_plain_explain_of_a_chunked_text_shows_the_candidates() -> None:
    text, _ = read("postgres-fr")
    args = ["summarize", "-n", "2", "--chunk-sentences", "100", "--explain"]
    result = CliRunner().invoke(app, args, input=text)
    assert result.exit_code == 0, result.output
    assert "candidates of" in result.stdout and "chunks of up to 100" in result.stdout


def test_negative_chunk_size_is_refused() -> None:
    result = run_toolkit("summarize", "--chunk-sentences", "-1", input="Un texte.")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("toolkit: error: --chunk-sentences must be 0")
    assert len(result.stderr.splitlines()) == 1

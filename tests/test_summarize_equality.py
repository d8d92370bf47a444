"""The fast LexRank and TextRank choose exactly the sentences that sumy's own summarizers choose."""

from __future__ import annotations

import pytest

from tests.summary_texts import DATA, ROOT, TEXTS
from toolkit.summary.algorithms import ALGORITHMS, sumy_backend
from toolkit.summary.algorithms.lexrank import lexrank_scores
from toolkit.summary.algorithms.textrank import textrank_scores
from toolkit.summary.language_tools import LanguageTools, load_language
from toolkit.summary.select import best, keyed_by_text
from toolkit.text.document import segment, split_sentences

FAST = {"lexrank": lexrank_scores, "textrank": textrank_scores}


def scores(algorithm: str, paragraphs: list[list[str]], tools: LanguageTools) -> list[float]:
    return ALGORITHMS[algorithm].scores(paragraphs, tools)


def sumy_scores(algorithm: str, paragraphs: list[list[str]], tools: LanguageTools) -> list[float]:
    """sumy's own summarizer for the algorithm, whatever toolkit computes it with."""
    return sumy_backend.sumy_scores(ALGORITHMS[algorithm], paragraphs, tools)


def paragraphs_of(text: str, language: str) -> list[list[str]]:
    return [
        [s.text.strip() for s in split_sentences(p.text, language) if s.text.strip()]
        for p in segment(text).paragraphs
    ]


def assert_same_choices(paragraphs: list[list[str]], language: str, algorithm: str) -> None:
    tools = load_language(language)
    expected = sumy_scores(algorithm, paragraphs, tools)
    got = scores(algorithm, paragraphs, tools)
    assert len(got) == len(expected)
    assert got == pytest.approx(expected, rel=1e-9, abs=1e-12)
    total = len(expected)
    for count in sorted({1, 2, 3, 5, 10, 20, total // 10, total // 3, total}):
        if count >= 1:
            assert best(got, count) == best(expected, count), f"{count} sentences"


@pytest.mark.parametrize("algorithm", ["lexrank", "textrank"])
@pytest.mark.parametrize("name", list(TEXTS))
def test_same_sentences_as_sumy_on_real_texts(name: str, algorithm: str) -> None:
    path, language = TEXTS[name]
    paragraphs = paragraphs_of(path.read_text(encoding="utf-8"), language)
    assert sum(map(len, paragraphs)) >= (9 if name == "release-fr" else 140)
    assert_same_choices(paragraphs, language, algorithm)


@pytest.mark.parametrize("algorithm", ["lexrank", "textrank"])
def test_repeated_sentences_rank_as_in_sumy(algorithm: str) -> None:
    # sumy keys its ratings by sentence text: copies share the last copy's score.
    text = (ROOT / "examples" / "release-fr.txt").read_text(encoding="utf-8")
    paragraphs = paragraphs_of(text, "fr")
    paragraphs = paragraphs + paragraphs[2:4] + [paragraphs[0]]
    assert_same_choices(paragraphs, "fr", algorithm)


@pytest.mark.parametrize("algorithm", ["lexrank", "textrank"])
def test_odd_sentences_rank_as_in_sumy(algorithm: str) -> None:
    paragraphs = [
        ["Artsakh.", "Lachin.", "Artsakh.", "Stepanakert!"],  # one word each
        ["Le, la, les.", "2023 — 44.", "Des et les du."],  # no terms at all
        ["Le corridor de Lachin reste fermé.", "Lachin, Lachin, Lachin."],
    ]
    assert_same_choices(paragraphs, "fr", algorithm)


@pytest.mark.parametrize("algorithm", ["lexrank", "textrank"])
def test_text_without_terms_keeps_the_first_sentences(algorithm: str) -> None:
    # sumy's scores are NaN then, and its stable sort keeps the document order.
    paragraphs = [["Le, la, les.", "Et du des.", "2023."]]
    tools = load_language("fr")
    got = scores(algorithm, paragraphs, tools)
    assert best(got, 2) == [0, 1]


def test_empty_input_has_no_scores() -> None:
    tools = load_language("fr")
    for name, fast in FAST.items():
        assert len(fast([], **ALGORITHMS[name].parameters)) == 0
    assert scores("lexrank", [], tools) == []


def test_fast_scores_are_sumys_by_text() -> None:
    tools = load_language("en")
    paragraphs = paragraphs_of((DATA / "git-2.33-en.txt").read_text(encoding="utf-8"), "en")
    sentences = [s for p in paragraphs for s in p]
    terms = tools.terms(sentences)
    for algorithm, fast in FAST.items():
        expected = sumy_scores(algorithm, paragraphs, tools)
        got = keyed_by_text(sentences, fast(terms, **ALGORITHMS[algorithm].parameters).tolist())
        assert got == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_reported_parameters_are_sumys() -> None:
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    assert ALGORITHMS["lexrank"].parameters == {
        "threshold": LexRankSummarizer.threshold,
        "epsilon": LexRankSummarizer.epsilon,
    }
    assert ALGORITHMS["textrank"].parameters == {
        "damping": TextRankSummarizer.damping,
        "epsilon": TextRankSummarizer.epsilon,
    }


def test_textrank_by_few_lengths_at_a_time(monkeypatch) -> None:
    from toolkit.summary.algorithms import textrank

    monkeypatch.setattr(textrank, "CHUNK_CELLS", 1)  # one length group at a time
    path, language = TEXTS["gpl-3-en"]
    assert_same_choices(
        paragraphs_of(path.read_text(encoding="utf-8"), language), language, "textrank"
    )

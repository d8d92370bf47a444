"""The default algorithm, PacSum's position-aware centrality, on real news."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.summary_texts import DATA
from toolkit.summary.algorithms import ALGORITHMS, DEFAULT
from toolkit.summary.algorithms.pacsum import pacsum_scores
from toolkit.summary.language_tools import load_language, words
from toolkit.summary.summarize import Options, summarize_text
from toolkit.text.sentence_stream import sentences

ARTICLES = {
    row["id"]: row
    for row in map(json.loads, (DATA / "orangesum-fr.jsonl").read_text("utf-8").splitlines())
}


def test_pacsum_is_the_default() -> None:
    assert DEFAULT == "pacsum"
    assert ALGORITHMS[DEFAULT].skips_datelines


# The sentences chosen in three OrangeSum articles (indexes from 0), for 1, 2 and 3 sentences. Where
# the first sentence is a teaser leaning on the headline (12206: "Trois autres femmes et sept
# hommes..."), the lead is not taken.
CHOICES = {
    "12206": ([2], [1, 2], [1, 2, 3]),
    "9344": ([0], [0, 5], [0, 1, 5]),
    "14236": ([1], [1, 2], [0, 1, 2]),
}


@pytest.mark.parametrize("article", list(CHOICES))
def test_choices_on_real_articles(article: str) -> None:
    for count, expected in enumerate(CHOICES[article], 1):
        summary = summarize_text(article, ARTICLES[article]["article"], Options(count=count))
        assert [s.index for s in summary.selected] == expected
        assert not summary.ties


def dense_pacsum(terms: list[list[str]], lengths: list[int]) -> np.ndarray:
    """PacSum's definition, pair by pair: later minus earlier cosines of term sets."""
    sets = [set(t) for t in terms]
    n = len(sets)
    cosine = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            if i != j and sets[i] and sets[j]:
                cosine[i, j] = len(sets[i] & sets[j]) / np.sqrt(len(sets[i]) * len(sets[j]))
    centrality = np.array([cosine[i, i + 1 :].sum() - cosine[i, :i].sum() for i in range(n)])
    centrality /= np.abs(centrality).max()
    empty = [i for i in range(n) if not sets[i]]
    centrality[empty] = np.delete(centrality, empty).min()
    return centrality - 0.003 * np.array(lengths)


@pytest.mark.parametrize("article", list(CHOICES))
def test_running_sums_equal_the_pairwise_definition(article: str) -> None:
    texts = [s.text for s in sentences([ARTICLES[article]["article"]], "fr")]
    texts += ["Et alors ?", texts[1]]  # a sentence without a term, and a copy
    terms = load_language("fr").terms(texts)
    lengths = [len(words(t, "fr")) for t in texts]
    got = pacsum_scores(terms, lengths, later=1.0, earlier=-1.0, length_penalty=0.003)
    np.testing.assert_allclose(got, dense_pacsum(terms, lengths), rtol=1e-12, atol=1e-12)


def test_no_shared_term_is_a_tie_in_document_order() -> None:
    text = "Le chat dort au soleil. Une voiture passe vite. Les enfants jouent dehors."
    summary = summarize_text("t", text, Options(count=2, language="fr"))
    assert [s.score for s in summary.sentences] == [0.0, 0.0, 0.0]
    assert summary.ties
    assert [s.index for s in summary.selected] == [0, 1]


def test_lead_takes_the_first_sentences_but_not_the_dateline() -> None:
    text = (
        "PARIS, 3 mai 2023 (AFP)\n\nLe ministre a signé l'accord ce matin. Il entre en vigueur "
        "lundi. Les syndicats le contestent."
    )
    summary = summarize_text("t", text, Options("lead", count=2, language="fr"))
    assert [s.text for s in summary.selected] == [
        "Le ministre a signé l'accord ce matin.",
        "Il entre en vigueur lundi.",
    ]
    assert summary.sentences[0].set_aside == "dateline"


@pytest.mark.parametrize(
    ("algorithm", "count", "expected"),
    # Sentence 0 is the `date 2023-05` stamp, set apart from the first sentence.
    [("pacsum", 2, [1, 2]), ("pacsum", 3, [1, 2, 3]), ("lead", 3, [1, 2, 3])],
)
def test_release_summary_is_pinned(
    release_text: str, algorithm: str, count: int, expected: list[int]
) -> None:
    summary = summarize_text("r", release_text, Options(algorithm, count=count))
    assert [s.index for s in summary.selected] == expected

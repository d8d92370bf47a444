"""Position-aware centrality for news and press releases, after PacSum (Zheng & Lapata, "Sentence
Centrality Revisited for Unsupervised Summarization", ACL 2019).

News says what matters first and elaborates after. PacSum's directed centrality credits a sentence
with its similarity to the sentences after it (it announces them) and debits its similarity to
those before it (it repeats them): here with weights 1 and -1 and no edge threshold, sentences
compared as sets of terms (the cosine of binary vectors: shared terms over the geometric mean of
the two counts; within one article, idf weights proved noisier). Both sums come from running sums
of each term's weights in document order, so the cost is linear in the text, without a sentence x
sentence matrix. A small penalty per word then prefers the shorter of two sentences of like
weight: a summary says it in fewer words.

On OrangeSum's validation articles this beats LEAD-1, LEAD-2 and LEAD-3 on ROUGE-1, 2 and L,
on both halves of the data (benchmarks/summary_quality.py; README, Summaries).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from toolkit.summary.algorithms.matrix import term_counts
from toolkit.summary.language_tools import words

if TYPE_CHECKING:
    from toolkit.summary.algorithms import Algorithm
    from toolkit.summary.language_tools import LanguageTools


def scores(
    algorithm: Algorithm, paragraphs: Sequence[Sequence[str]], tools: LanguageTools
) -> list[float]:
    """The Scorer of the algorithm table."""
    sentences = [sentence for paragraph in paragraphs for sentence in paragraph]
    lengths = [len(words(sentence, tools.code)) for sentence in sentences]
    return pacsum_scores(tools.terms(sentences), lengths, **algorithm.parameters).tolist()


def pacsum_scores(
    terms: Sequence[Sequence[str]],
    lengths: Sequence[int],
    later: float,
    earlier: float,
    length_penalty: float,
) -> np.ndarray:
    """Each sentence's score from its terms (see LanguageTools.terms) and its length in words:
    `later` x its similarity to the sentences after it + `earlier` x to those before it, scaled
    to at most 1 in magnitude, minus `length_penalty` per word. All zeros when no two sentences
    share a term: nothing tells them apart then."""
    n = len(terms)
    unit = _unit_sets(term_counts(terms))
    before, after = _directed_sums(unit)
    centrality = later * after + earlier * before
    scale = np.abs(centrality).max() if n else 0.0
    if scale == 0:
        return np.zeros(n)
    centrality /= scale
    # A sentence without a term links to nothing: it ranks with the least central.
    has_terms = np.diff(unit.indptr) > 0
    centrality[~has_terms] = centrality[has_terms].min()
    return centrality - length_penalty * np.asarray(lengths, dtype=float)


def _unit_sets(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """Each sentence's set of terms as a vector of length 1 (rows without terms stay empty)."""
    sizes = np.diff(counts.indptr)
    rows = np.repeat(np.arange(counts.shape[0]), sizes)
    values = 1.0 / np.sqrt(sizes[rows])
    return sparse.csr_matrix((values, counts.indices, counts.indptr), counts.shape)


def _directed_sums(unit: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """For each sentence, the sum of its cosines with the sentences before it, and with those
    after it: per term, the weights of the earlier and of the later sentences holding it."""
    n = unit.shape[0]
    rows = np.repeat(np.arange(n), np.diff(unit.indptr))
    values = unit.data
    order = np.lexsort((rows, unit.indices))  # by term, then by sentence
    ordered = values[order]
    running = np.cumsum(ordered)
    terms = unit.indices[order]
    starts = np.flatnonzero(np.r_[True, terms[1:] != terms[:-1]])
    ends = np.r_[starts[1:], len(order)]
    group = np.repeat(np.arange(len(starts)), ends - starts)
    before_group = (running[starts] - ordered[starts])[group]
    group_total = running[ends - 1][group]
    before = np.empty_like(values)
    after = np.empty_like(values)
    before[order] = running - ordered - before_group
    after[order] = group_total - running
    earlier = np.bincount(rows, weights=values * before, minlength=n)
    later = np.bincount(rows, weights=values * after, minlength=n)
    return earlier, later

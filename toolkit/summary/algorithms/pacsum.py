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

Plain Python, without numpy or scipy, whose imports alone took longer than a whole summary of a
release: it gives the vectorised version's scores to the last bit (the same operations in the
same order), in about three times its time on long texts (0.5 s for a chunk of 20,000 sentences,
about as long as finding their terms).

On OrangeSum's validation articles this beats LEAD-1, LEAD-2 and LEAD-3 on ROUGE-1, 2 and L,
on both halves of the data (benchmarks/summary_quality.py; README, Summaries).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

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
    return pacsum_scores(tools.terms(sentences), lengths, **algorithm.parameters)


def pacsum_scores(
    terms: Sequence[Sequence[str]],
    lengths: Sequence[int],
    later: float,
    earlier: float,
    length_penalty: float,
) -> list[float]:
    """Each sentence's score from its terms (see LanguageTools.terms) and its length in words:
    `later` x its similarity to the sentences after it + `earlier` x to those before it, scaled
    to at most 1 in magnitude, minus `length_penalty` per word. All zeros when no two sentences
    share a term: nothing tells them apart then."""
    sets = _term_sets(terms)
    before, after = _directed_sums(sets)
    centrality = [later * a + earlier * b for a, b in zip(after, before, strict=True)]
    scale = max(map(abs, centrality), default=0.0)
    if scale == 0:
        return [0.0] * len(terms)
    centrality = [c / scale for c in centrality]
    # A sentence without a term links to nothing: it ranks with the least central.
    least = min(c for c, ids in zip(centrality, sets, strict=True) if ids)
    centrality = [c if ids else least for c, ids in zip(centrality, sets, strict=True)]
    return [c - length_penalty * n for c, n in zip(centrality, lengths, strict=True)]


def _term_sets(terms: Sequence[Sequence[str]]) -> list[list[int]]:
    """Each sentence's distinct terms, as numbers in order of first use in the text, ascending."""
    vocabulary: dict[str, int] = {}
    return [
        sorted({vocabulary.setdefault(term, len(vocabulary)) for term in sentence})
        for sentence in terms
    ]


def _directed_sums(sets: list[list[int]]) -> tuple[list[float], list[float]]:
    """For each sentence, the sum of its cosines with the sentences before it, and with those
    after it. A sentence's set is a vector of length 1 (each of its terms weighs 1/sqrt(its
    size)); the weights of the sentences holding a term are summed in document order, in one
    running sum over the terms in turn, and each sentence's shares before and after it are taken
    from that sum (the operations, and so the roundings, of the vectorised form this replaced)."""
    weight = [1.0 / math.sqrt(len(ids)) if ids else 0.0 for ids in sets]
    terms = 1 + max((ids[-1] for ids in sets if ids), default=-1)
    holders: list[list[int]] = [[] for _ in range(terms)]  # per term, the sentences holding it
    for row, ids in enumerate(sets):
        for term in ids:
            holders[term].append(row)
    before: list[list[float]] = []  # per term, per sentence holding it
    after: list[list[float]] = []
    running = 0.0
    for rows in holders:
        sums = []
        for row in rows:
            running += weight[row]
            sums.append(running)
        start = sums[0] - weight[rows[0]]
        before.append([total - weight[row] - start for row, total in zip(rows, sums, strict=True)])
        after.append([running - total for total in sums])
    seen = [0] * terms  # per term, the sentences holding it met so far
    earlier, later = [], []
    for row, ids in enumerate(sets):
        w = weight[row]
        sum_before = sum_after = 0.0
        for term in ids:
            k = seen[term]
            seen[term] = k + 1
            sum_before += w * before[term][k]
            sum_after += w * after[term][k]
        earlier.append(sum_before)
        later.append(sum_after)
    return earlier, later

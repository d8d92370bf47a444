"""TextRank as sumy computes it, without the sentence x sentence matrix.

sumy's TextRankSummarizer weighs each pair of sentences by their shared words (counted with
repetition) over the sum of the logarithms of their lengths, normalises the rows, adds PageRank's
damping, and runs a power method on the dense n x n matrix. Every pair that shares a word has a
weight, so on long texts that matrix does not fit in memory even when sparse. But the weight's
denominator only depends on the two sentences' lengths: grouping sentences by length, the product
of the weight matrix with a vector is a sum of products with the sparse sentence x term counts,
one per length. The power method is sumy's, step for step.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from toolkit.summary.algorithms import vectorised
from toolkit.summary.algorithms.matrix import term_counts

# sumy adds this to each row's sum before dividing by it.
ZERO_DIVISION_PREVENTION = 1e-7
# Sentences x groups (and terms x groups) handled at once: about 32 MB for each such array.
CHUNK_CELLS = 4_000_000


def textrank_scores(terms: Sequence[Sequence[str]], damping: float, epsilon: float) -> np.ndarray:
    """Each sentence's TextRank score, from its terms (see LanguageTools.terms)."""
    n = len(terms)
    if n == 0:
        return np.zeros(0)
    weights = _Weights(term_counts(terms))
    inverse_sums = 1.0 / (weights @ np.ones(n) + ZERO_DIVISION_PREVENTION)
    teleport = (1.0 - damping) / n
    p = np.full(n, 1.0 / n)
    change = 1.0
    while change > epsilon:
        following = teleport * p.sum() + damping * (weights @ (p * inverse_sums))
        change = float(np.linalg.norm(following - p))
        p = following
    return p


class _Weights:
    """sumy's symmetric weight matrix, as an operator: weight(i, j) = shared(i, j) /
    (log len(i) + log len(j)), or shared(i, j) when both sentences have one term, where shared(i, j)
    is the dot product of the two sentences' term counts. With the sentences grouped by length,
    (W x)_i = sum over groups h of coefficient(len i, h) x (counts_i · sum of x_j counts_j, j in h).
    Groups are taken a few at a time, so that memory stays bounded however many lengths there are.
    No BLAS call: its threads only slow these small products down on a busy machine."""

    def __init__(self, counts: sparse.csr_matrix) -> None:
        self.counts = counts
        n, vocabulary = counts.shape
        lengths = np.asarray(counts.sum(axis=1)).ravel().astype(np.int64)
        sizes, self.group = np.unique(lengths, return_inverse=True)
        # The counts ordered by the group of their sentence: each group is one slice.
        rows = np.repeat(np.arange(n), np.diff(counts.indptr))
        order = np.argsort(self.group[rows], kind="stable")
        self.rows = rows[order]
        self.terms = counts.indices[order].astype(np.int64)
        self.values = counts.data[order]
        self.entry_groups = self.group[self.rows]
        self.bounds = np.searchsorted(self.entry_groups, np.arange(len(sizes) + 1))
        step = max(1, CHUNK_CELLS // max(n, vocabulary))
        self.chunks = [(h, min(h + step, len(sizes))) for h in range(0, len(sizes), step)]

        present = sizes > 0  # sentences without terms share nothing
        logs = np.log(np.where(present, sizes, 1).astype(float))
        denominators = logs[:, None] + logs[None, :]
        one_term = sizes == 1
        denominators[np.ix_(one_term, one_term)] = 1.0
        with np.errstate(divide="ignore"):
            self.coefficients = np.where(present[:, None] & present[None, :], 1.0 / denominators, 0)

    def __matmul__(self, vector: np.ndarray) -> np.ndarray:
        vocabulary = self.counts.shape[1]
        weighted = self.values * vector[self.rows]
        result = np.zeros(self.counts.shape[0])
        for first, stop in self.chunks:
            start, end = self.bounds[first], self.bounds[stop]
            width = stop - first
            # sums[t, h]: the counts of term t in the sentences of group h, weighted by the vector.
            cells = self.terms[start:end] * width + (self.entry_groups[start:end] - first)
            sums = np.bincount(
                cells, weights=weighted[start:end], minlength=vocabulary * width
            ).reshape(vocabulary, width)
            shared = self.counts @ sums
            coefficients = self.coefficients[self.group, first:stop]
            result += np.einsum("ih,ih->i", shared, coefficients)
        return result


scores = vectorised.scorer(textrank_scores)

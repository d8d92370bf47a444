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

from toolkit.summarizers.matrix import term_counts

DAMPING = 0.85
EPSILON = 1e-4
# sumy adds this to each row's sum before dividing by it.
ZERO_DIVISION_PREVENTION = 1e-7


def textrank_scores(
    terms: Sequence[Sequence[str]], damping: float = DAMPING, epsilon: float = EPSILON
) -> np.ndarray:
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
        change = np.linalg.norm(following - p)
        p = following
    return p


class _Weights:
    """sumy's symmetric weight matrix, as an operator: weight(i, j) = shared(i, j) /
    (log len(i) + log len(j)), or shared(i, j) when both sentences have one term, where shared(i, j)
    is the dot product of the two sentences' term counts. With the sentences grouped by length,
    (W x)_i = sum over groups h of coefficient(len i, h) x (counts_i · sum of x_j counts_j, j in h).
    No BLAS call: its threads only slow these small products down on a busy machine."""

    def __init__(self, counts: sparse.csr_matrix) -> None:
        self.counts = counts
        lengths = np.asarray(counts.sum(axis=1)).ravel().astype(np.int64)
        sizes, group = np.unique(lengths, return_inverse=True)
        self.groups = len(sizes)
        self.rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
        # Where each count lands in the terms x groups matrix of sums over each group.
        self.cells = counts.indices.astype(np.int64) * self.groups + group[self.rows]
        present = sizes > 0  # sentences without terms share nothing
        logs = np.log(np.where(present, sizes, 1).astype(float))
        denominators = logs[:, None] + logs[None, :]
        one_term = sizes == 1
        denominators[np.ix_(one_term, one_term)] = 1.0
        with np.errstate(divide="ignore"):
            coefficients = np.where(present[:, None] & present[None, :], 1.0 / denominators, 0)
        self.row_coefficients = coefficients[group]

    def __matmul__(self, vector: np.ndarray) -> np.ndarray:
        vocabulary = self.counts.shape[1]
        # sums[t, h]: the counts of term t in the sentences of group h, weighted by the vector.
        sums = np.bincount(
            self.cells,
            weights=self.counts.data * vector[self.rows],
            minlength=vocabulary * self.groups,
        ).reshape(vocabulary, self.groups)
        shared = self.counts @ sums
        return np.einsum("ih,ih->i", shared, self.row_coefficients)

"""LexRank as sumy computes it, vectorised with sparse matrices.

sumy's LexRankSummarizer compares every pair of sentences in Python (idf-modified cosine), links the
pairs above a threshold, and runs a power method on the row-normalised link matrix. Here the cosines
come from a sparse product of tf-idf rows, a block of rows at a time, so that only the links are
kept; the power method is sumy's, step for step (same start, same stopping rule).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from toolkit.summary.algorithms import vectorised
from toolkit.summary.algorithms.matrix import row_blocks, term_counts


def lexrank_scores(terms: Sequence[Sequence[str]], threshold: float, epsilon: float) -> np.ndarray:
    """Each sentence's LexRank score, from its terms (see LanguageTools.terms)."""
    n = len(terms)
    if n == 0:
        return np.zeros(0)
    counts = term_counts(terms)
    if counts.nnz == 0:  # no sentence has a term: sumy's scores are all NaN, which rank alike
        return np.zeros(n)
    return _power_method(_Links(_unit_rows(_tf_idf(counts)), threshold), n, epsilon)


def _tf_idf(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """tf (count over the sentence's highest count) x idf (log(n / (1 + sentences with the term)))."""
    n = counts.shape[0]
    rows = np.repeat(np.arange(n), np.diff(counts.indptr))
    highest = np.asarray(counts.max(axis=1).todense()).ravel()
    tf = counts.data / highest[rows]
    frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log(n / (1.0 + frequency))
    return sparse.csr_matrix(
        (tf * idf[counts.indices], counts.indices, counts.indptr), counts.shape
    )


def _unit_rows(weights: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows scaled to length 1, so that their products are cosines; rows of zeros stay zero
    (sumy's cosine is 0 when either sentence has no weight)."""
    norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    rows = np.repeat(np.arange(weights.shape[0]), np.diff(weights.indptr))
    return sparse.csr_matrix(
        (weights.data * scale[rows], weights.indices, weights.indptr), weights.shape
    )


class _Links:
    """The links between sentences whose cosine is above the threshold, a block of rows at a time
    (column indices only, each row in ascending order). The link relation is symmetric: the
    product of two rows sums the same terms in the same order either way round."""

    def __init__(self, unit_rows: sparse.csr_matrix, threshold: float) -> None:
        n = unit_rows.shape[0]
        transposed = unit_rows.T.tocsr()
        self.blocks: list[tuple[slice, np.ndarray, np.ndarray]] = []
        self.degrees = np.zeros(n, dtype=np.int64)
        for block in row_blocks(unit_rows, unit_rows):
            product = unit_rows[block] @ transposed  # cosines
            rows = np.repeat(np.arange(block.stop - block.start), np.diff(product.indptr))
            linked = product.data > threshold
            degrees = np.bincount(rows[linked], minlength=block.stop - block.start)
            indptr = np.concatenate(([0], np.cumsum(degrees)))
            columns = product.indices[linked].astype(np.int32)
            del product, rows, linked
            # Rows in ascending column order, so that sentences linked to the same others get
            # exactly equal sums, as in sumy's matrix product.
            ordered = sparse.csr_matrix(
                (np.empty(len(columns), dtype=np.int8), columns, indptr),
                shape=(block.stop - block.start, n),
            )
            ordered.has_sorted_indices = False
            ordered.sort_indices()
            self.degrees[block] = degrees
            self.blocks.append((block, degrees, ordered.indices))

    def spread(self, p: np.ndarray) -> np.ndarray:
        """sumy's M.T @ p, where M[i, j] = 1 / (links of i) for linked i and j."""
        # 1.0 / degree, then times p: the same products as sumy's matrix entries times p.
        shares = (1.0 / np.maximum(self.degrees, 1)) * p
        result = np.empty_like(p)
        for block, degrees, columns in self.blocks:
            rows = np.repeat(np.arange(block.stop - block.start), degrees)
            result[block] = np.bincount(
                rows, weights=shares[columns], minlength=block.stop - block.start
            )
        return result


def _power_method(links: _Links, n: int, epsilon: float) -> np.ndarray:
    p = np.full(n, 1.0 / n)
    change = 1.0
    while change > epsilon:
        following = links.spread(p)
        norm = np.linalg.norm(following)
        if norm == 0:  # no links at all; sumy's scores are all NaN then, which ranks alike
            return np.zeros(n)
        following /= norm
        change = float(np.linalg.norm(following - p))
        p = following
    return p


scores = vectorised.scorer(lexrank_scores)

"""Sparse sentence x term matrices, and their products computed a block of rows at a time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
from scipy import sparse

# Entries of a sentence x sentence product computed at once: bounds the memory of the products
# (about 16 bytes an entry) however many sentences there are.
BLOCK_ENTRIES = 2_000_000


def term_counts(terms: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """How often each term occurs in each sentence (sentences x terms, column indices sorted)."""
    vocabulary: dict[str, int] = {}
    columns = np.fromiter(
        (vocabulary.setdefault(term, len(vocabulary)) for sentence in terms for term in sentence),
        dtype=np.int32,
    )
    lengths = np.fromiter((len(sentence) for sentence in terms), dtype=np.int64, count=len(terms))
    rows = np.repeat(np.arange(len(terms), dtype=np.int32), lengths)
    counts = sparse.csr_matrix(
        (np.ones(len(columns)), (rows, columns)), shape=(len(terms), len(vocabulary))
    )
    counts.sum_duplicates()  # also sorts the column indices
    return counts


def row_blocks(left: sparse.csr_matrix, right: sparse.csr_matrix) -> Iterator[slice]:
    """Slices of rows of `left` whose product with `right.T` holds about BLOCK_ENTRIES entries at
    most (at least one row each)."""
    # Upper bound of the entries in row i of the product: sum over its terms of their frequency.
    frequency = np.bincount(right.indices, minlength=left.shape[1]).astype(np.int64)
    cumulative_terms = np.concatenate(([0], np.cumsum(frequency[left.indices])))
    per_row = cumulative_terms[left.indptr[1:]] - cumulative_terms[left.indptr[:-1]]
    cumulative = np.cumsum(np.minimum(per_row, right.shape[0]))
    n = left.shape[0]
    start = 0
    while start < n:
        base = cumulative[start - 1] if start else 0
        stop = int(np.searchsorted(cumulative, base + BLOCK_ENTRIES, side="right"))
        stop = min(max(stop, start + 1), n)
        yield slice(start, stop)
        start = stop

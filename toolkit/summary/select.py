"""Choosing sentences from scores exactly as sumy does, so every algorithm selects alike."""

from __future__ import annotations

import heapq
import math
from collections.abc import Collection, Mapping, Sequence

from toolkit.errors import UsageError

DEFAULT_COUNT = 3
# Scores this close are equal: the same sum computed in another order differs in its last bits.
TIE_TOLERANCE = 1e-9
# What chooses between sentences whose scores are equal (sumy's rule: the earlier first).
TIE_BREAK = "document order"


def check_length(count: int | None, ratio: float | None) -> None:
    """Refuse a summary length that makes no sense, before any work is done."""
    if count is not None and ratio is not None:
        raise UsageError("give -n/--sentences or --ratio, not both")
    if ratio is not None and not 0 < ratio <= 1:
        raise UsageError(f"--ratio must be above 0 and at most 1 (0.2 keeps a fifth), not {ratio}")
    if count is not None and count < 1:
        raise UsageError(f"-n/--sentences must be at least 1, not {count}")


def requested(total: int, count: int | None = None, ratio: float | None = None) -> int:
    """How many of `total` sentences are asked for: `count` (3 by default), or a share of them
    (at least one)."""
    check_length(count, ratio)
    if ratio is not None:
        # The epsilon keeps 100 x 0.29 at 29 despite binary fractions.
        return max(1, int(total * ratio + 1e-9))
    return DEFAULT_COUNT if count is None else count


def best(
    scores: Sequence[float],
    count: int,
    eligible: Sequence[bool] | None = None,
    leaning_on: Mapping[int, int] | None = None,
) -> list[int]:
    """Indexes of the `count` best sentences in document order; equal scores favour the earlier
    sentence (sumy sorts with Python's stable sort, best first). Only `eligible` ones, if given.
    A sentence in `leaning_on` (index -> the index of the sentence it leans on) is chosen only
    once the sentence it leans on is: it waits, and its turn comes back when that one is chosen."""
    order = _order(scores, eligible)
    if not leaning_on:
        return sorted(order[:count])
    return sorted(_standing(scores, order, count, leaning_on))


def _standing(
    scores: Sequence[float], order: Sequence[int], count: int, leaning_on: Mapping[int, int]
) -> list[int]:
    queue = [(-scores[i], i) for i in order]  # the same order: best first, earlier on ties
    heapq.heapify(queue)
    chosen: list[int] = []
    waiting: dict[int, list[int]] = {}  # a sentence not chosen yet -> those leaning on it
    taken: set[int] = set()
    while queue and len(chosen) < count:
        _, i = heapq.heappop(queue)
        needed = leaning_on.get(i)
        if needed is not None and needed not in taken:
            waiting.setdefault(needed, []).append(i)
            continue
        chosen.append(i)
        taken.add(i)
        for j in waiting.pop(i, []):
            heapq.heappush(queue, (-scores[j], j))
    return chosen


def ranks(scores: Sequence[float], eligible: Sequence[bool] | None = None) -> list[int]:
    """Each sentence's rank (1 = best), with the same tie rule as `best`; sentences that are not
    eligible rank after all those that are."""
    result = [0] * len(scores)
    order = _order(scores, eligible)
    others = [i for i in range(len(scores)) if eligible is not None and not eligible[i]]
    for rank, index in enumerate(order + others):
        result[index] = rank + 1
    return result


def tied_at_cut(
    scores: Sequence[float], chosen: Collection[int], eligible: Sequence[bool] | None = None
) -> bool:
    """Whether the scores failed to decide: the lowest chosen score equals the highest score of an
    eligible sentence left out, so that document order chose between them."""
    left = [
        scores[i]
        for i in range(len(scores))
        if i not in chosen and (eligible is None or eligible[i])
    ]
    if not chosen or not left:
        return False
    return same_score(min(scores[i] for i in chosen), max(left))


def same_score(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=TIE_TOLERANCE, abs_tol=TIE_TOLERANCE)


def _order(scores: Sequence[float], eligible: Sequence[bool] | None) -> list[int]:
    indexes = range(len(scores))
    if eligible is not None:
        indexes = [i for i in indexes if eligible[i]]  # type: ignore[assignment]
    return sorted(indexes, key=scores.__getitem__, reverse=True)


def keyed_by_text(texts: Sequence[str], scores: Sequence[float]) -> list[float]:
    """Scores as sumy's LexRank and TextRank report them: in a dict keyed by sentence text, so
    identical sentences all get the score of the last of them."""
    last = dict(zip(texts, scores, strict=True))
    return [last[text] for text in texts]

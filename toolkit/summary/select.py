"""Choosing sentences from scores exactly as sumy does, so every algorithm selects alike."""

from __future__ import annotations

from collections.abc import Sequence

from toolkit.errors import UsageError

DEFAULT_COUNT = 3


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


def sentence_count(total: int, count: int | None = None, ratio: float | None = None) -> int:
    """How many sentences a summary keeps: those asked for, or all when there are fewer."""
    return min(total, requested(total, count, ratio))


def best(scores: Sequence[float], count: int) -> list[int]:
    """Indexes of the `count` best sentences in document order; equal scores favour the earlier
    sentence (sumy sorts with Python's stable sort, best first)."""
    ranked = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)
    return sorted(ranked[:count])


def ranks(scores: Sequence[float]) -> list[int]:
    """Each sentence's rank (1 = best), with the same tie rule as `best`."""
    result = [0] * len(scores)
    for rank, index in enumerate(sorted(range(len(scores)), key=scores.__getitem__, reverse=True)):
        result[index] = rank + 1
    return result


def keyed_by_text(texts: Sequence[str], scores: Sequence[float]) -> list[float]:
    """Scores as sumy's LexRank and TextRank report them: in a dict keyed by sentence text, so
    identical sentences all get the score of the last of them."""
    last = dict(zip(texts, scores, strict=True))
    return [last[text] for text in texts]

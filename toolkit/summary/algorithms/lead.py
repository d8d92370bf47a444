"""LEAD: the first sentences, the baseline every news summary is measured against."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toolkit.summary.algorithms import Algorithm
    from toolkit.summary.language_tools import LanguageTools


def scores(
    algorithm: Algorithm, paragraphs: Sequence[Sequence[str]], tools: LanguageTools
) -> list[float]:
    """The Scorer of the algorithm table: 1 for the first sentence, 1/2 for the second, ..."""
    total = sum(len(paragraph) for paragraph in paragraphs)
    return [1.0 / (i + 1) for i in range(total)]

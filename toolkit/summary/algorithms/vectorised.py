"""The Scorer of the algorithms vectorised here: sentences to terms, terms to scores, and copies of
a sentence scored alike, as sumy's LexRank and TextRank key their ratings by sentence text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from toolkit.summary.select import keyed_by_text

if TYPE_CHECKING:
    from toolkit.summary.algorithms import Algorithm, Scorer
    from toolkit.summary.language_tools import LanguageTools


def scorer(rank: Callable[..., np.ndarray]) -> Scorer:
    """A Scorer from a function of the sentences' terms and the algorithm's parameters."""

    def scores(
        algorithm: Algorithm, paragraphs: Sequence[Sequence[str]], tools: LanguageTools
    ) -> list[float]:
        sentences = [sentence for paragraph in paragraphs for sentence in paragraph]
        parameters: dict[str, Any] = dict(algorithm.parameters)
        return keyed_by_text(sentences, rank(tools.terms(sentences), **parameters).tolist())

    return scores

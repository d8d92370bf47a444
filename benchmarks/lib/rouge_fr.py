"""ROUGE for French text, and paired bootstrap intervals.

rouge-score's default tokenizer keeps only [a-z0-9] ("été" becomes "t"); here a token is a run of
Unicode letters or of digits in the lower-cased NFC text, without stemming, as the OrangeSum
paper's scores were computed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np

METRICS = ("rouge1", "rouge2", "rougeL")
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


class FrenchTokenizer:
    """rouge-score's tokenizer interface: text -> tokens."""

    def tokenize(self, text: str) -> list[str]:
        return _TOKEN.findall(unicodedata.normalize("NFC", text).lower())


class Rouge:
    """ROUGE-1/2/L F1 x 100 of a candidate against one reference."""

    def __init__(self) -> None:
        from rouge_score import rouge_scorer

        self._scorer = rouge_scorer.RougeScorer(
            list(METRICS), use_stemmer=False, tokenizer=FrenchTokenizer()
        )

    def __call__(self, reference: str, candidate: str) -> tuple[float, float, float]:
        scores = self._scorer.score(reference, candidate)
        return tuple(100 * scores[m].fmeasure for m in METRICS)  # type: ignore[return-value]


def paired_interval(
    system: Sequence[float], baseline: Sequence[float], resamples: int = 1000, seed: int = 0
) -> tuple[float, float, float]:
    """The mean difference system - baseline over the same items, and its 95% paired bootstrap
    interval (the items resampled with replacement, the same draw for both)."""
    difference = np.asarray(system, dtype=float) - np.asarray(baseline, dtype=float)
    draws = np.random.default_rng(seed).integers(0, len(difference), (resamples, len(difference)))
    means = difference[draws].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(difference.mean()), float(low), float(high)

"""Corpus-level chrF++ and BLEU (sacrebleu), and paired bootstrap intervals between two systems."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from sacrebleu.metrics import BLEU, CHRF

SEED = 12345


def chrf() -> CHRF:
    return CHRF(word_order=2)  # chrF++


@dataclass(frozen=True)
class Scores:
    chrf: float
    bleu: float


# Apostrophes and quotation marks written one way, spaces inside guillemets gone: a typographic
# house style (the source's ’, Italian «…») is no translation error against a reference that writes
# ' and "…".
_QUOTES = re.compile(r"\s*[«»“”„]\s*")


def typography_aside(text: str) -> str:
    return _QUOTES.sub('"', text).replace("’", "'")


def scores(hypotheses: list[str], references: list[str]) -> Scores:
    return Scores(
        chrf().corpus_score(hypotheses, [references]).score,
        BLEU().corpus_score(hypotheses, [references]).score,
    )


def paired_bootstrap(
    system: list[str], baseline: list[str], references: list[str], samples: int = 1000
) -> tuple[float, float, float]:
    """chrF++ of system minus baseline, with the 2.5th and 97.5th percentiles of that difference
    over `samples` resamplings of the segments (the same resampling for both, fixed seed)."""
    metric = chrf()
    # sacrebleu's own paired test works from these per-segment statistics too; summing them over a
    # resample and scoring the sum is what a corpus score of the resample would compute.
    ours = np.array(metric._extract_corpus_statistics(system, [references]))
    theirs = np.array(metric._extract_corpus_statistics(baseline, [references]))
    rng = np.random.default_rng(SEED)
    differences = []
    for _ in range(samples):
        index = rng.integers(0, len(references), len(references))
        differences.append(
            metric._compute_score_from_stats(ours[index].sum(0)).score
            - metric._compute_score_from_stats(theirs[index].sum(0)).score
        )
    observed = (
        metric._compute_score_from_stats(ours.sum(0)).score
        - metric._compute_score_from_stats(theirs.sum(0)).score
    )
    low, high = np.percentile(differences, [2.5, 97.5])
    return observed, float(low), float(high)


def agreement(candidate: list[str], others: list[list[str]]) -> float:
    """Mean chrF++ of a candidate against each other candidate taken as the reference."""
    metric = chrf()
    return sum(metric.corpus_score(candidate, [other]).score for other in others) / len(others)

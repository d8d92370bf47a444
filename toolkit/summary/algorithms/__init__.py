"""Sentence-ranking algorithms by name: LexRank and TextRank vectorised here (the same choices as
sumy's, much faster), the others sumy's own, all on the project's offline tokenizer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from toolkit.summary.language_tools import LanguageTools

ALGORITHMS = ("lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic", "reduction")
DEFAULT = "lexrank"
# The parameters each algorithm runs with, as reported with a summary.
PARAMETERS: dict[str, dict[str, Any]] = {
    "lexrank": {"threshold": 0.1, "epsilon": 0.1},
    "textrank": {"damping": 0.85, "epsilon": 1e-4},
    "lsa": {"min_dimensions": 3, "reduction_ratio": 1.0},
    "luhn": {"max_gap_size": 4, "significant_percentage": 1},
    # Edmundson's key method (frequent content words) and location method (first and last
    # paragraphs and sentences); its cue and title methods need cue-word lists and headings.
    "edmundson": {
        "cue_weight": 0.0,
        "key_weight": 1.0,
        "title_weight": 0.0,
        "location_weight": 1.0,
    },
    "kl": {},
    "sumbasic": {},
    "reduction": {},
}


def scores(
    algorithm: str, paragraphs: Sequence[Sequence[str]], tools: LanguageTools
) -> list[float]:
    """Every sentence's score, in document order; `paragraphs` holds each paragraph's sentences."""
    sentences = [sentence for paragraph in paragraphs for sentence in paragraph]
    if not sentences:
        return []
    if algorithm in ("lexrank", "textrank"):
        from toolkit.summary.select import keyed_by_text

        if algorithm == "lexrank":
            from toolkit.summary.algorithms.lexrank import lexrank_scores as rank
        else:
            from toolkit.summary.algorithms.textrank import textrank_scores as rank
        return keyed_by_text(sentences, rank(tools.terms(sentences)).tolist())
    from toolkit.summary.algorithms.sumy_backend import sumy_scores

    return sumy_scores(algorithm, paragraphs, tools)


def parameters(algorithm: str) -> dict[str, Any]:
    return dict(PARAMETERS[algorithm])

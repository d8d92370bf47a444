"""The sentence-ranking algorithms, in one table: what the CLI offers, what the JSON reports and
how the chunking sizes its chunks all come from here.

PacSum (the default: position-aware centrality, made for news) and LEAD (the first sentences) are
toolkit's own; LexRank and TextRank are vectorised in this package (the same choices as sumy's, much
faster); the others are sumy's own, run on the project's offline tokenizer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from toolkit.summary.language_tools import LanguageTools

# the algorithm's row, paragraphs (each a list of sentences), the language's tools -> scores
Scorer = Callable[["Algorithm", Sequence[Sequence[str]], "LanguageTools"], list[float]]


@dataclass(frozen=True)
class Algorithm:
    name: str
    # "module:function" of its Scorer, imported only when the algorithm runs.
    scorer: str
    parameters: Mapping[str, Any] = field(default_factory=dict)
    # Texts of up to this many sentences are ranked whole (exactly sumy's choice); longer ones in
    # chunks of at most this many, so that memory and the time per sentence stay bounded.
    chunk_sentences: int = 20_000
    # The sumy summarizer it runs or reproduces, as module.Class under sumy.summarizers.
    sumy: str = ""
    # Datelines, stamps and headings are never chosen (toolkit.summary.candidates). sumy's
    # algorithms choose as sumy does, among all sentences.
    skips_datelines: bool = False

    def scores(self, paragraphs: Sequence[Sequence[str]], tools: LanguageTools) -> list[float]:
        """Every sentence's score, in document order; `paragraphs` holds each one's sentences."""
        if not any(paragraphs):
            return []
        module, function = self.scorer.split(":")
        score: Scorer = getattr(importlib.import_module(module), function)
        return score(self, paragraphs, tools)


_SUMY = "toolkit.summary.algorithms.sumy_backend:sumy_scores"

# Chunk sizes measured on repetitive French prose (the worst case for LexRank's links), whole
# command: the fast LexRank at 20,000 sentences peaks at about 230 MB, a few seconds a chunk; Luhn
# and Edmundson take about 23 s for 8,700. sumy's own LSA (a dense words x sentences matrix: 460 MB
# and 2 minutes at 3,000), SumBasic (23 s at 3,000), Reduction (about 20 s at 1,500, 165 s at 3,000)
# and KL (25 s at 250, 150 s at 500) grow with the square of the sentences or faster.
TABLE = (
    # Parameters chosen on OrangeSum's validation articles, stable over a range of values
    # (benchmarks/summary_quality.py).
    Algorithm(
        "pacsum",
        "toolkit.summary.algorithms.pacsum:scores",
        MappingProxyType({"later": 1.0, "earlier": -1.0, "length_penalty": 0.003}),
        skips_datelines=True,
    ),
    Algorithm("lead", "toolkit.summary.algorithms.lead:scores", skips_datelines=True),
    Algorithm(
        "lexrank",
        "toolkit.summary.algorithms.lexrank:scores",
        MappingProxyType({"threshold": 0.1, "epsilon": 0.1}),
        sumy="lex_rank.LexRankSummarizer",
    ),
    Algorithm(
        "textrank",
        "toolkit.summary.algorithms.textrank:scores",
        MappingProxyType({"damping": 0.85, "epsilon": 1e-4}),
        sumy="text_rank.TextRankSummarizer",
    ),
    Algorithm(
        "lsa",
        _SUMY,
        MappingProxyType({"min_dimensions": 3, "reduction_ratio": 1.0}),
        2_000,
        "lsa.LsaSummarizer",
    ),
    Algorithm(
        "luhn",
        _SUMY,
        MappingProxyType({"max_gap_size": 4, "significant_percentage": 1}),
        sumy="luhn.LuhnSummarizer",
    ),
    # Edmundson's key method (frequent content words) and location method (first and last
    # paragraphs and sentences); its cue and title methods need cue-word lists and headings.
    Algorithm(
        "edmundson",
        _SUMY,
        MappingProxyType(
            {"cue_weight": 0.0, "key_weight": 1.0, "title_weight": 0.0, "location_weight": 1.0}
        ),
        sumy="edmundson.EdmundsonSummarizer",
    ),
    Algorithm("kl", _SUMY, chunk_sentences=250, sumy="kl.KLSummarizer"),
    Algorithm("sumbasic", _SUMY, chunk_sentences=2_000, sumy="sum_basic.SumBasicSummarizer"),
    Algorithm("reduction", _SUMY, chunk_sentences=1_000, sumy="reduction.ReductionSummarizer"),
)
ALGORITHMS: Mapping[str, Algorithm] = MappingProxyType({a.name: a for a in TABLE})
NAMES = tuple(ALGORITHMS)
DEFAULT = "pacsum"

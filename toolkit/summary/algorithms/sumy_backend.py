"""sumy's summarizers run on the project's sentences, with every sentence's score kept.

sumy returns only the chosen sentences; each summarizer ends by handing its ratings to
`_get_best_sentences`, so a subclass that reads them there gives the scores of all sentences.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from toolkit.errors import UsageError
from toolkit.summary.language_tools import OfflineTokenizer

if TYPE_CHECKING:
    from toolkit.summary.algorithms import Algorithm
    from toolkit.summary.language_tools import LanguageTools

_FEW_WORDS = r"Number of words \(\d+\) is lower than number of sentences"


def sumy_scores(
    algorithm: Algorithm, paragraphs: Sequence[Sequence[str]], tools: LanguageTools
) -> list[float]:
    """Every sentence's score from sumy's own summarizer, in document order."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = OfflineTokenizer(tools.code)
    document = ObjectDocumentModel(
        [Paragraph([Sentence(text, tokenizer) for text in sentences]) for sentences in paragraphs]
    )
    if not document.sentences:
        return []
    summarizer = _build(algorithm, tools, document)
    with warnings.catch_warnings():
        # sumy's LSA warns, through Python's warnings, when a text has fewer distinct words than
        # sentences; it still ranks them, and a short release often has.
        warnings.filterwarnings("ignore", _FEW_WORDS, UserWarning, "sumy.summarizers.lsa")
        summarizer(document, len(document.sentences))
    return summarizer.ratings


def _build(algorithm: Algorithm, tools: LanguageTools, document: Any) -> Any:
    module, name = algorithm.sumy.split(".")
    cls = _capturing(getattr(importlib.import_module(f"sumy.summarizers.{module}"), name))
    if algorithm.name != "edmundson":
        summarizer = cls(tools.stemmer)
        summarizer.stop_words = tools.stop_words
        return summarizer
    if not tools.stop_words:
        raise UsageError(
            "edmundson needs a stop-word list, and there is none for this language; "
            "choose another --algorithm"
        )
    content = {w for w in map(str.lower, document.words) if w not in tools.stop_words}
    weights = dict(algorithm.parameters)
    if not content:
        weights["key_weight"] = 0.0
    summarizer = cls(tools.stemmer, **weights)
    summarizer.null_words = tools.stop_words
    if content:
        summarizer.bonus_words = content
    return summarizer


def _capturing(summarizer: type) -> type:
    class Capturing(summarizer):
        ratings: list[float]

        def _get_best_sentences(
            self, sentences: Sequence[Any], count: Any, rating: Any, *args: Any, **kwargs: Any
        ) -> tuple[Any, ...]:
            rate: Callable[[Any], float] = (
                rating.__getitem__
                if isinstance(rating, dict)
                else lambda sentence: rating(sentence, *args, **kwargs)
            )
            # Rated once, in order: LSA's rating is an iterator over the sentences.
            self.ratings = [float(rate(sentence)) for sentence in sentences]
            values = iter(self.ratings)
            return super()._get_best_sentences(sentences, count, lambda _: next(values))

    return Capturing

"""Snowball stemmers that give the stems sumy's give, without importing NLTK.

sumy stems with NLTK's Snowball classes, and importing them runs the whole of NLTK's `__init__`
(1 to 2 seconds). PyStemmer, the Snowball project's own C library, gives the same stems: its
Snowball 2.2 algorithms (pinned below 3, whose German, Dutch and Swedish differ) match NLTK's ports
word for word over large word lists in every language (tests/test_stemmers.py), except where
NLTK's hand-written ports depart from Snowball. French departs in a handful of known places,
Spanish, Italian, Portuguese and Hungarian in one or two: each is mended around Snowball's stem
(nltk_french.py, nltk_mends.py). In Danish, English and Russian a word in one of the corners
`_NLTK_ONLY` tells is stemmed by NLTK itself, imported then and only then. NLTK's Arabic stemmer is
another algorithm altogether, so Arabic is always NLTK's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from toolkit.summary import nltk_french, nltk_mends

# The languages NLTK's Snowball module has, under sumy's (and NLTK's) names.
SNOWBALL = frozenset(
    "arabic danish dutch english finnish french german hungarian italian norwegian portuguese "
    "romanian russian spanish swedish".split()
)

# Where NLTK's port departs from Snowball in a few suffixes or letters, its stem is made from
# Snowball's: the word or the stem mended.
_MENDED: dict[str, Callable[[str, Callable[[str], str]], str]] = {
    "french": nltk_french.stem,
    "spanish": nltk_mends.spanish,
    "italian": nltk_mends.italian,
    "portuguese": nltk_mends.portuguese,
    "hungarian": nltk_mends.hungarian,
    "english": nltk_mends.english,
}
# Words whose NLTK stem differs from Snowball's otherwise, found by comparing both over the word
# lists: NLTK stems them.
_NLTK_ONLY: dict[str, Callable[[str], object]] = {
    "danish": re.compile(r"ö").search,
    "english": nltk_mends.english_needs_nltk,
    # NLTK stems a transliteration of any word with a letter beyond Latin-1: a word mixing such
    # letters with Latin-1 ones, and a few letter pairs, come back otherwise.
    "russian": re.compile(
        r"[\x00-\xff].*[^\x00-\xff]|[^\x00-\xff].*[\x00-\xff]|ующая|ъ|й[аеиоуыэюяё]|^л?ь$"
    ).search,
}


class SnowballStemmer:
    """One language's stemmer: NLTK's stem of a word, lower-cased as NLTK lower-cases it."""

    def __init__(self, language: str) -> None:
        import Stemmer

        if language not in SNOWBALL:
            raise LookupError(f"no Snowball stemmer for {language}")
        self.language = language
        self._fast = None if language == "arabic" else Stemmer.Stemmer(language)
        self._nltk_only = _NLTK_ONLY.get(language)
        self._mend = _MENDED.get(language)
        self._nltk: Callable[[str], str] | None = None

    def __call__(self, word: str) -> str:
        word = word.lower()
        if self._fast is None or (self._nltk_only and self._nltk_only(word)):
            return self._reference()(word)
        if self._mend is not None:
            return self._mend(word, self._fast.stemWord)
        return self._fast.stemWord(word)

    def _reference(self) -> Callable[[str], str]:
        if self._nltk is None:
            self._nltk = nltk_stemmer(self.language)
        return self._nltk


def nltk_stemmer(language: str) -> Callable[[str], str]:
    """NLTK's own stemmer for a language, as sumy builds it."""
    from nltk.stem import snowball

    stemmer: Any = getattr(snowball, language.capitalize() + "Stemmer")()
    return stemmer.stem

"""Words for the summarizers, offline: a word tokenizer, and each language's stemmer and stop words.

sumy's own tokenizer needs NLTK's punkt data, downloaded at run time; `OfflineTokenizer` gives sumy
the project's sentence splitter and the word tokenizer below instead. Stemmers and stop-word lists
are sumy's: its stop-word files, read directly, and the stems of its Snowball stemmers (NLTK's),
given by stemmers.py without importing NLTK.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from toolkit.errors import UsageError
from toolkit.summary.stemmers import SNOWBALL, SnowballStemmer
from toolkit.text import languages
from toolkit.text.document import split_sentences
from toolkit.text.stop_words import SUMY_LANGUAGES, sumy_stop_words

# sumy has stop words but no stemmer for these.
_UNSTEMMED = frozenset({"hebrew"})
_LETTERS = r"[^\W\d_]+"
# Apostrophes ' and \u2019; hyphens - and \u2010.
_WORD = re.compile(rf"{_LETTERS}(?:['\u2019\-\u2010]{_LETTERS})*")
_WORD_NO_APOSTROPHE = re.compile(rf"{_LETTERS}(?:[\-\u2010]{_LETTERS})*")


def words(sentence: str, language: str) -> list[str]:
    """The words of a sentence as written: runs of letters, joined by inner hyphens (and apostrophes
    in languages that do not elide). Numbers and punctuation are not words."""
    return word_pattern(language).findall(sentence)


def word_pattern(language: str) -> re.Pattern[str]:
    """What a word is in this language (see words)."""
    return _WORD_NO_APOSTROPHE if language in languages.ELIDING else _WORD


def null_stemmer(word: str) -> str:
    return word.lower()


@dataclass(frozen=True)
class LanguageTools:
    """How one language's words become terms: its stemmer and its stop words (lower case)."""

    code: str
    stemmer: Callable[[str], str] = field(repr=False)
    stemmer_name: str
    stop_words: frozenset[str] = field(repr=False)
    notes: tuple[str, ...] = ()

    def terms(self, sentences: Sequence[str]) -> list[list[str]]:
        """Each sentence's terms as sumy's LexRank and TextRank see them: words lower-cased, stop
        words removed, the rest stemmed (one stemmer call per distinct word)."""
        stems: dict[str, str] = {}
        stop_words = self.stop_words
        result = []
        for sentence in sentences:
            terms = []
            for word in words(sentence, self.code):
                lower = word.lower()
                if lower in stop_words:
                    continue
                stem = stems.get(lower)
                if stem is None:
                    stem = stems[lower] = self.stemmer(lower.lower())
                terms.append(stem)
            result.append(terms)
        return result


def load_language(code: str) -> LanguageTools:
    """The stemmer and stop words of a language; languages sumy has neither for get plain
    lower-cased words, and a note saying so."""
    if code in languages.UNSPACED:
        raise UsageError(
            f"summaries of {languages.name(code)} text are not supported: its words are not "
            "separated by spaces"
        )
    name = SUMY_LANGUAGES.get(code)
    notes = []
    stemmer, stemmer_name = _stemmer(name)
    if name is None or stemmer is null_stemmer:
        notes.append(f"no stemmer for {languages.name(code)}; words are compared as written")
    stop_words = sumy_stop_words(code)
    if not stop_words:
        notes.append(f"no stop-word list for {languages.name(code)}")
    return LanguageTools(code, stemmer, stemmer_name, stop_words, tuple(notes))


def _stemmer(name: str | None) -> tuple[Callable[[str], str], str]:
    if name is None or name in _UNSTEMMED:
        return null_stemmer, "none"
    if name in SNOWBALL:
        return SnowballStemmer(name), f"sumy {name}"
    try:  # sumy's own stemmers (Czech, Slovak, Greek, Polish, Ukrainian), which import NLTK
        from sumy.nlp.stemmers import Stemmer

        return Stemmer(name), f"sumy {name}"
    except (LookupError, ValueError):  # no stemmer, or one that needs a package not installed
        return null_stemmer, "none"


class OfflineTokenizer:
    """sumy's tokenizer interface, offline: the project's sentence splitter and word tokenizer."""

    def __init__(self, language: str) -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(
            s.text.strip() for s in split_sentences(paragraph, self.language) if s.text.strip()
        )

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence, self.language))

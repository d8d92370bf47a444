"""The stemmers give NLTK's stems (those of sumy's stemmers) over large word lists, one per language,
from Debian's word-list and manual-page packages (scripts/setup.sh installs them with the test tools)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from toolkit.summary.stemmers import SNOWBALL, SnowballStemmer, nltk_stemmer

_WORD = re.compile(r"[^\W\d_]+")
DICT = Path("/usr/share/dict")
MAN = Path("/usr/share/man")
# Each language's real words: a word list, or the words of the manual pages in that language.
SOURCES = {
    "danish": DICT / "danish",
    "dutch": DICT / "dutch",
    "english": DICT / "american-english",
    "finnish": MAN / "fi",
    "french": DICT / "french",
    "german": DICT / "ngerman",
    "hungarian": MAN / "hu",
    "italian": DICT / "italian",
    "norwegian": DICT / "bokmaal",
    "portuguese": DICT / "portuguese",
    "romanian": MAN / "ro",
    "russian": MAN / "ru",
    "spanish": DICT / "spanish",
    "swedish": DICT / "swedish",
}
# At most this many words per language (an even sample of a longer list), for the test's time.
MOST = 150_000


def words_of(source: Path) -> list[str]:
    if source.is_dir():
        paths = source.rglob("*.gz")
        texts = (gzip.decompress(path.read_bytes()).decode("utf-8", "replace") for path in paths)
    else:
        texts = iter([source.read_text(encoding="utf-8", errors="replace")])
    found = sorted({word.lower() for text in texts for word in _WORD.findall(text)})
    step = max(1, len(found) // MOST)
    return found[::step]


def test_every_snowball_language_but_arabic_is_checked() -> None:
    assert set(SOURCES) == SNOWBALL - {"arabic"}


@pytest.mark.parametrize("language", sorted(SOURCES))
def test_stems_are_nltks(language: str) -> None:
    words = words_of(SOURCES[language])
    assert len(words) > 5_000, f"too few {language} words: is {SOURCES[language]} installed?"
    ours, theirs = SnowballStemmer(language), nltk_stemmer(language)
    different = [(w, ours(w), theirs(w)) for w in words if ours(w) != theirs(w)]
    assert different == []


@pytest.mark.parametrize(
    ("language", "word"),
    [
        ("french", "mosaïque"),  # ï after a vowel, read as NLTK reads it
        ("french", "canoë"),  # NLTK's own
        ("french", "gouvernement"),
        ("italian", "conoscenza"),
        ("hungarian", "amelyről"),
        ("russian", "fbавторы"),
        ("russian", "следующая"),
        ("english", "organization"),
        ("arabic", "والكتاب"),
    ],
)
def test_words_in_the_corners_are_nltks(language: str, word: str) -> None:
    assert SnowballStemmer(language)(word) == nltk_stemmer(language)(word)


def test_words_are_lower_cased_as_nltk_does() -> None:
    assert SnowballStemmer("french")("GOUVERNEMENTS") == nltk_stemmer("french")("GOUVERNEMENTS")

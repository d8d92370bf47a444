"""NLTK's Spanish, Italian, Portuguese, Hungarian and English stems from Snowball's (PyStemmer's).

Each of NLTK's hand-written ports departs from the Snowball algorithm in one or two suffixes; each
function here is given a lower-case word and Snowball's stemmer of the language, and returns NLTK's
stem (French, which departs in more places, is nltk_french.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

Snowball = Callable[[str], str]

_ACUTE_TO_GRAVE = str.maketrans("áéíóú", "àèìòù")


def spanish(word: str, snowball: Snowball) -> str:
    """NLTK's Spanish also takes -acion and -ucion, unaccented, as Snowball takes -ación, -ución
    (whose accent Snowball drops at the end either way)."""
    if word.endswith(("acion", "ucion")):
        return snowball(word[:-2] + "ón")
    return snowball(word)


def italian(word: str, snowball: Snowball) -> str:
    """Where Snowball turns -enza (-enze) in R2 into -ente, NLTK's Italian turns it into -te: the
    stem ends -t where Snowball's ends -ent."""
    result = snowball(word)
    if word.endswith(("enza", "enze")):
        before = word[:-4].translate(_ACUTE_TO_GRAVE)  # as both write accents
        if result == before + "ent":
            return before + "t"
    return result


def portuguese(word: str, snowball: Snowball) -> str:
    """NLTK's Portuguese drops -ança(s) in R2 as Snowball drops -ante(s), a suffix of the same
    shape; and after -mente it drops -ivel where Snowball drops -ível, and keeps -ível."""
    for suffix, stand_in in (("anças", "antes"), ("ança", "ante"), ("ivelmente", "ívelmente")):
        if word.endswith(suffix):
            kept = len(word) - len(suffix)
            result = snowball(word[:kept] + stand_in)
            if len(result) <= kept:  # the suffix went
                return result
            return snowball(word)
    if word.endswith("ívelmente"):
        kept = len(word) - len("ívelmente")
        result = snowball(word[:kept] + "ivelmente")
        return result[:kept] + "í" + result[kept + 1 :] if len(result) > kept else result
    return snowball(word)


def hungarian(word: str, snowball: Snowball) -> str:
    """NLTK's Hungarian writes ő and ű as õ and û (as some old texts do): to it õ and û are the
    vowels its suffixes hold, and ő and ű are consonants in no suffix. Snowball is given ő and ű for
    õ and û, and q (a consonant no rule names) for ő and ű; they are put back after."""
    if _HUNGARIAN_SWAPPED.isdisjoint(word):
        return snowball(word)
    chars = list(snowball(word.translate(_HUNGARIAN_AS_NLTK)))
    for i, char in enumerate(word[: len(chars)]):
        if char in _HUNGARIAN_SWAPPED:
            chars[i] = char
    return "".join(chars)


_HUNGARIAN_AS_NLTK = str.maketrans("őűõû", "qqőű")
_HUNGARIAN_SWAPPED = frozenset("őűõû")


_QUOTES_AS_APOSTROPHES = str.maketrans("\u2019\u2018\u201b", "'''")
# NLTK's English special words, which it tells before reading quotes as apostrophes and taking the
# possessive off, where Snowball tells them after: a word that starts so and holds a quote goes to
# NLTK.
_ENGLISH_SPECIAL = (
    "andes atlas bias canning cosmos dying early earring exceed gently herring howe idly inning "
    "lying news only outing proceed singly skies skis sky succeed tying ugly"
).split()
# English step 2 and 3 suffixes whose replacement NLTK follows with regions that lag behind.
_ENGLISH_LAGGING = re.compile(r"(?=iz(?:ation|er)|ational)")
_ENGLISH_VOWELS = frozenset("aeiouy")


def english(word: str, snowball: Snowball) -> str:
    """NLTK's English reads the quotes ’ ‘ ‛ as apostrophes, and takes one off the front, before
    stemming; it leaves words of one or two letters as they are."""
    if len(word) <= 2:
        return word
    return snowball(word.translate(_QUOTES_AS_APOSTROPHES).removeprefix("'"))


def english_needs_nltk(word: str) -> bool:
    """Whether NLTK's English stem may differ from Snowball's: where -ization, -izer or -ational is
    replaced inside R1 but not wholly inside R2, NLTK's R2 is cut short (or set to "e") and
    later steps read it; and a word with quotes that starts with a special word (or two quotes)."""
    plain = word.translate(_QUOTES_AS_APOSTROPHES)
    if "'" in plain:
        plain = plain.removeprefix("'")
        if plain.startswith(("'", *_ENGLISH_SPECIAL)):
            return True
    starts = [match.start() for match in _ENGLISH_LAGGING.finditer(plain)]
    if not starts:
        return False
    r1, r2 = _english_regions(plain)
    # "tional" is replaced from the letter after the match.
    return any(r1 <= start + 1 and start < r2 for start in starts)


def _english_regions(word: str) -> tuple[int, int]:
    """Where R1 and R2 start, as NLTK's English finds them (y first or after a vowel is a
    consonant; gener, commun and arsen end R1's prefix)."""
    vowel = [char in _ENGLISH_VOWELS for char in word]
    for i, char in enumerate(word):
        if char == "y" and (i == 0 or vowel[i - 1]):
            vowel[i] = False

    def after(start: int) -> int:
        for i in range(start + 1, len(word)):
            if not vowel[i] and vowel[i - 1]:
                return i + 1
        return len(word)

    if word.startswith(("gener", "arsen")):
        r1 = 5
    elif word.startswith("commun"):
        r1 = 6
    else:
        r1 = after(0)
    return r1, after(r1) if r1 < len(word) else len(word)

"""NLTK's French Snowball stems from the Snowball project's own (PyStemmer's), without NLTK.

NLTK's French stemmer is a hand-written port of Snowball 1; PyStemmer runs Snowball 2.2. They agree
on almost every word, and where they do not, NLTK's port departs from the algorithm it ports in a
few known places, each undone here around PyStemmer's stem:

- Marking. Both upper-case u and i between vowels and y next to a vowel (so that they count as
  consonants), but NLTK never marks a first or last letter, and marks a y before looking at the i
  or u after it (`stégomyie`: NLTK reads stégomYie, Snowball stégomyIe). The word is marked here
  as NLTK marks it, and Snowball, which leaves upper-case letters alone, takes it so.
- ë and ï: Snowball 2 reads them as a consonant and a vowel (He, Hi); NLTK as plain vowels.
  They, and an unmarked y first or last, are given to Snowball as ù, a vowel that no French rule
  names, and put back after.
- -icatrice: NLTK tests "ic" anywhere in R2, which holds the suffix's own "ic", so it always drops
  it where Snowball keeps "iqU" outside R2.
- -ment: NLTK refuses it when RV starts with the same letters (`momentanément`); -emment it turns
  into -ent but goes on with the RV of the word before (`récemment` is the same, an invented
  `parlaiemment` is not).
- A first letter é or è: NLTK never takes its accent off.
"""

from __future__ import annotations

from collections.abc import Callable

# NLTK's French vowels (Snowball's too).
VOWELS = frozenset("aeiouyâàëéêèïîôûù")
# What Snowball is given instead of ë, ï and an unmarked first or last y: a vowel in no rule.
_STAND_IN = "ù"
_NEEDS_MARKING = frozenset("yïë")


def stem(word: str, snowball: Callable[[str], str]) -> str:
    """NLTK's stem of a lower-case French word, given Snowball's French stemmer."""
    if _NEEDS_MARKING.isdisjoint(word):
        result = snowball(word)
    else:
        result = _snowball_as_nltk_marks(word, snowball)
    if word.endswith(("icatrice", "icatrices")):
        result = _icatrice(word, _marked(word), result)
    elif word.endswith("emment"):
        result = _emment(_marked(word), result)
    elif word.endswith(("ment", "ments")):
        result = _ment(word, _marked(word), result)
    if word.startswith(("é", "è")) and result[:1] == "e":
        result = word[0] + result[1:]
    return result


def _snowball_as_nltk_marks(word: str, snowball: Callable[[str], str]) -> str:
    """Snowball's stem of the word marked as NLTK marks it, with ë, ï and an unmarked first or
    last y standing in for the plain vowels NLTK reads them as."""
    marked = _marked(word)
    chars = list(marked)
    stand_ins = []
    drop_final_gue = False
    for i, char in enumerate(marked):
        if char == "ë" and i >= 2 and marked[i - 2 : i] == "gu":
            # NLTK's residual step drops a final ë after gu, as Snowball drops a final e.
            tail = marked[i + 1 :]
            chars[i] = "e" if tail in ("", "s") else _STAND_IN
            drop_final_gue = tail in ("ment", "ments")
        elif char in "ïë" or (char == "y" and (i == 0 or i == len(marked) - 1)):
            chars[i] = _STAND_IN
        else:
            continue
        stand_ins.append(i)
    if not stand_ins:
        return snowball(marked)
    result = list(snowball("".join(chars)))
    for i in stand_ins:
        if i < len(result):
            result[i] = word[i]
    if drop_final_gue and "".join(result).endswith("guë"):
        # -ment(s) went in step 1 without ending it, so the residual step came after.
        del result[-1]
    return "".join(result)


def _marked(word: str) -> str:
    """The word as NLTK marks it: qu, u and i between vowels, y beside a vowel upper-cased (the
    letter after is read before it is marked; first and last letters are never marked)."""
    chars = list(word)
    for i in range(1, len(chars)):
        if chars[i - 1] == "q" and chars[i] == "u":
            chars[i] = "U"
    for i in range(1, len(chars) - 1):
        before, after = chars[i - 1] in VOWELS, chars[i + 1] in VOWELS
        if before and after and chars[i] in "ui":
            chars[i] = chars[i].upper()
        if (before or after) and chars[i] == "y":
            chars[i] = "Y"
    return "".join(chars)


def _rv(marked: str) -> str:
    """NLTK's RV: after the third letter when the word starts with two vowels (or par, col, tap),
    otherwise after the first vowel that is not the first letter."""
    if len(marked) < 2:
        return ""
    if marked.startswith(("par", "col", "tap")) or (marked[0] in VOWELS and marked[1] in VOWELS):
        return marked[3:]
    for i in range(1, len(marked)):
        if marked[i] in VOWELS:
            return marked[i + 1 :]
    return ""


def _icatrice(word: str, marked: str, result: str) -> str:
    """Snowball kept "iqU" for an -icatrice outside R2; NLTK drops "ic" with the suffix."""
    suffix = "icatrices" if word.endswith("s") else "icatrice"
    base = marked[: -len(suffix)]
    if result != _lower_marks(base) + "iqu":
        return result
    return _finish(base)


def _ment(word: str, marked: str, result: str) -> str:
    """NLTK refuses -ment (-ments) after a vowel when RV starts with those letters; nothing else
    then applies but step 4's plural s."""
    if word.endswith(("ement", "ements", "amment", "emment")):
        return result
    suffix = "ments" if word.endswith("s") else "ment"
    rv = _rv(marked)
    if rv.startswith(suffix) and len(rv) > len(suffix) and rv[-len(suffix) - 1] in VOWELS:
        return word.removesuffix("s")
    return result


def _emment(marked: str, result: str) -> str:
    """NLTK turns -emment in RV into -ent but keeps the old RV, so that only step 2a can follow,
    and only where the old RV holds its suffix (which it tests anywhere in RV)."""
    rv = _rv(marked)
    if len(rv) < len("emment"):
        return result
    word = marked[: -len("emment")] + "ent"
    suffix = next((s for s in ("issaIent", "iraIent", "issent", "irent") if word.endswith(s)), "")
    if not suffix or suffix not in rv or len(rv) <= len(suffix):
        return _lower_marks(word)
    if rv[rv.rindex(suffix) - 1] not in VOWELS:
        return _finish(word[: -len(suffix)])
    return _lower_marks(word)


def _finish(word: str) -> str:
    """NLTK's last steps after a suffix was removed: final Y and ç, undoubling, the last accent."""
    if word.endswith("Y"):
        word = word[:-1] + "i"
    elif word.endswith("ç"):
        word = word[:-1] + "c"
    if word.endswith(("enn", "onn", "ett", "ell", "eill")):
        word = word[:-1]
    for i in range(len(word) - 1, 0, -1):
        if word[i] in VOWELS:
            if i < len(word) - 1 and word[i] in "éè":
                word = word[:i] + "e" + word[i + 1 :]
            break
    return _lower_marks(word)


def _lower_marks(word: str) -> str:
    return word.replace("I", "i").replace("U", "u").replace("Y", "y")

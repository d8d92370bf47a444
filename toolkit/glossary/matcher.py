"""Finding many spellings in a text at once: one Aho–Corasick automaton, built once per glossary.

Text and spellings are folded alike before they are compared: any case, a run of any spaces for a
space, any apostrophe for an apostrophe, any hyphen for a hyphen. Folding keeps every character in
place (a run of spaces aside, whose length is mapped back), so an occurrence is reported at its
offsets in the text as written. With `whole_words`, an occurrence next to a letter, digit or
combining mark does not count. Where several occurrences overlap, the leftmost wins, and the
longest of those starting there: what a regular expression of the spellings, longest first, finds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import ahocorasick

# Letters, digits and combining marks: a whole word never starts or ends next to one of these.
WORD = r"[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
APOSTROPHES = "'\u2019\u02bc"
HYPHENS = "-\u2010\u2011\u2013"
_WORD_CHAR = re.compile(WORD)
_SPACE_RUN = re.compile(" {2,}")
_SPACES = "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
# One character for one character: İ lower-cases to two, and ſ is s in any case.
_FOLDS = (
    dict.fromkeys(_SPACES, " ")
    | dict.fromkeys(APOSTROPHES, "'")
    | dict.fromkeys(HYPHENS, "-")
    | {"\u0130": "i", "ſ": "s"}
)
# The characters that change, each replaced where present: str.translate looks every character
# up once a text leaves ASCII, some forty times slower. No replacement is itself replaced.
_CHANGES = tuple((char, to) for char, to in _FOLDS.items() if char != to)


def fold(text: str) -> str:
    """The text as the matcher compares it, character for character."""
    for char, to in _CHANGES:
        if char in text:
            text = text.replace(char, to)
    text = text.lower()
    # ς is σ in any case; lower-casing makes a Σ at the end of a word ς, so it comes after.
    return text.replace("ς", "σ") if "ς" in text else text


def fold_all(texts: list[str]) -> list[str]:
    """Each text folded, its runs of spaces made one: all of them joined by NUL and folded at
    once. Folding goes character by character and leaves NUL as it is, making none."""
    if not texts:
        return []
    joined = "\x00".join(texts)
    if joined.count("\x00") != len(texts) - 1:  # a text holds NUL itself: one by one
        return [_SPACE_RUN.sub(" ", fold(text)) for text in texts]
    return _SPACE_RUN.sub(" ", fold(joined)).split("\x00")


@dataclass(frozen=True)
class Hit:
    """An occurrence: its offsets in the text and the keys of the spellings found there."""

    start: int
    end: int
    keys: tuple[Hashable, ...]


class Matcher:
    """Occurrences of many spellings, each given with a key (a spelling may have several keys)."""

    def __init__(self, spellings: Iterable[tuple[str, Hashable]], whole_words: bool = True) -> None:
        pairs = list(spellings)
        self._build([spelling for spelling, _ in pairs], [key for _, key in pairs], whole_words)

    @classmethod
    def of(cls, spellings: list[str], keys: list[Hashable], whole_words: bool = True) -> Matcher:
        """The matcher of spellings and their keys given side by side, in lists of one length:
        for many spellings, without a pair made for each."""
        matcher = cls.__new__(cls)
        matcher._build(spellings, keys, whole_words)
        return matcher

    def _build(self, spellings: list[str], keys: list[Hashable], whole_words: bool) -> None:
        if len(spellings) != len(keys):
            raise ValueError(f"{len(spellings)} spellings for {len(keys)} keys")
        self.whole_words = whole_words
        folded = fold_all(spellings)
        words = dict.fromkeys(folded)
        # The key of each word when every spelling folds to a word of its own (the usual case),
        # else the keys of each word, in the order given.
        self._key: list[Hashable] | None = None
        self._keys: list[tuple[Hashable, ...]] = []
        if len(words) == len(folded):
            self._key = list(keys)
        else:
            groups: dict[str, list[Hashable]] = {}
            for word, key in zip(folded, keys, strict=True):
                group = groups.setdefault(word, [])
                if key not in group:
                    group.append(key)
            self._keys = [tuple(group) for group in groups.values()]
        # The automaton holds each word's number; its length and keys are in lists beside it.
        self._lengths = list(map(len, words))
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for number, word in enumerate(words):
            self._automaton.add_word(word, number)
        if words:
            self._automaton.make_automaton()
        self.empty = not words

    def find(self, text: str) -> list[Hit]:
        """The occurrences left to right, none overlapping another."""
        if self.empty or not text:
            return []
        folded, places = _collapsed(fold(text))
        longest: dict[int, tuple[int, tuple[Hashable, ...]]] = {}
        for last, number in self._automaton.iter(folded):
            length = self._lengths[number]
            start, end = places.original(last - length + 1), places.original(last) + 1
            if start in longest and longest[start][0] >= end:
                continue
            if self.whole_words and not _whole(text, start, end):
                continue
            keys = (self._key[number],) if self._key is not None else self._keys[number]
            longest[start] = (end, keys)
        hits, position = [], 0
        for start in sorted(longest):
            if start >= position:
                end, keys = longest[start]
                hits.append(Hit(start, end, keys))
                position = end
        return hits


class _Places:
    """Offsets in the folded text with its runs of spaces shortened, mapped back to the text."""

    def __init__(self) -> None:
        self.starts: list[int] = []  # where, in the shortened text, a further shift begins
        self.shifts: list[int] = []  # the characters removed before that point

    def original(self, index: int) -> int:
        at = bisect_right(self.starts, index) - 1
        return index + (self.shifts[at] if at >= 0 else 0)


def _collapsed(folded: str) -> tuple[str, _Places]:
    places = _Places()
    if "  " not in folded:
        return folded, places
    pieces, position, removed = [], 0, 0
    for run in _SPACE_RUN.finditer(folded):
        pieces.append(folded[position : run.start() + 1])
        kept = run.start() - removed  # the run's one space, in the shortened text
        removed += run.end() - run.start() - 1
        places.starts.append(kept + 1)
        places.shifts.append(removed)
        position = run.end()
    pieces.append(folded[position:])
    return "".join(pieces), places


def _whole(text: str, start: int, end: int) -> bool:
    before = start > 0 and _WORD_CHAR.match(text, start - 1) is not None
    after = end < len(text) and _WORD_CHAR.match(text, end) is not None
    return not before and not after

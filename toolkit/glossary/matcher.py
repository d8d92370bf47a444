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
_FOLD = str.maketrans(
    dict.fromkeys(_SPACES, " ")
    | dict.fromkeys(APOSTROPHES, "'")
    | dict.fromkeys(HYPHENS, "-")
    | {"\u0130": "i", "ſ": "s"}
)


def fold(text: str) -> str:
    """The text as the matcher compares it, character for character."""
    text = text.translate(_FOLD).lower()
    # ς is σ in any case; lower-casing makes a Σ at the end of a word ς, so it comes after.
    return text.replace("ς", "σ") if "ς" in text else text


@dataclass(frozen=True)
class Hit:
    """An occurrence: its offsets in the text and the keys of the spellings found there."""

    start: int
    end: int
    keys: tuple[Hashable, ...]


class Matcher:
    """Occurrences of many spellings, each given with a key (a spelling may have several keys)."""

    def __init__(self, spellings: Iterable[tuple[str, Hashable]], whole_words: bool = True) -> None:
        self.whole_words = whole_words
        keys: dict[str, list[Hashable]] = {}
        for spelling, key in spellings:
            folded = fold(spelling)
            if "  " in folded:
                folded = _SPACE_RUN.sub(" ", folded)
            group = keys.setdefault(folded, [])
            if key not in group:
                group.append(key)
        self._automaton = ahocorasick.Automaton()
        for folded, group in keys.items():
            self._automaton.add_word(folded, (len(folded), tuple(group)))
        if keys:
            self._automaton.make_automaton()
        self.empty = not keys

    def find(self, text: str) -> list[Hit]:
        """The occurrences left to right, none overlapping another."""
        if self.empty or not text:
            return []
        folded, places = _collapsed(fold(text))
        longest: dict[int, tuple[int, tuple[Hashable, ...]]] = {}
        for last, (length, keys) in self._automaton.iter(folded):
            start, end = places.original(last - length + 1), places.original(last) + 1
            if start in longest and longest[start][0] >= end:
                continue
            if self.whole_words and not _whole(text, start, end):
                continue
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

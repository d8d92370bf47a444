"""Where to cut a paragraph too long to go through an engine whole: at a sentence end if there is
one, else at a weaker boundary (a comma, semicolon or colon and the spaces after it; any spaces;
the edge of a word; the middle of a word too long to be one), never inside what must stay whole
(a protected span, a name of the glossary) nor inside a character as the reader sees it."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from toolkit.text.document import split_sentences
from toolkit.text.spans import LONG_WORD

# A full stop, question or exclamation mark (closing quotes after it) and a space: a sentence may
# end there. Only a window around the first one goes through the sentence splitter.
_SENTENCE_END = re.compile(r"[.!?…][»\"”’)\]]*\s")
# Characters the splitter reads before a sentence end (an abbreviation) and after the last one.
_CONTEXT = 200
_CLAUSE_END = re.compile(r"[,;:][»\"”’)\]]*\s+")
_SPACES = re.compile(r"\s+")
_WORD_EDGE = re.compile(r"\b")
_WORD = re.compile(r"[^\W_]+")  # what Apertium reads as one word: letters and digits
_BETWEEN_SYMBOLS = re.compile(r"(?<=[^\w\s])(?=[^\w\s])")

# The boundaries, strongest first. Across a cut the engine starts afresh, as at a paragraph end.
SENTENCE = "sentence end"
CLAUSE = "comma, semicolon or colon"
SPACE = "space"
WORD_EDGE = "edge of a word"
LONG_WORD_MIDDLE = f"middle of a word of {LONG_WORD:,} letters or more"
SYMBOLS = "between two symbols"

Whole = Callable[[str], Iterable[tuple[int, int]]]


@dataclass(frozen=True)
class Cut:
    position: int  # the first piece is text[:position]
    boundary: str  # one of SENTENCE ... SYMBOLS


def nothing_whole(text: str) -> list[tuple[int, int]]:
    return []


def paragraph_cut(
    text: str, limit: int, whole: Whole = nothing_whole, language: str = "fr"
) -> Cut | None:
    """Where to cut `text` so that the first piece holds at most `limit` characters, at the
    strongest boundary found in them (the last of its kind); None when there is none yet.

    `whole(text)` gives the (start, end) of what no cut may fall inside. When the first `limit`
    characters lie inside one such span, the cut comes at the first boundary after it."""
    head = text[: limit + LONG_WORD]
    kept = _Kept(whole(head))
    position = _sentence_cut(text, limit, kept, language)
    if position is not None:
        return Cut(position, SENTENCE)
    found = _weaker_cut(text, 0, limit, kept)
    if found is None:
        # Everything up to the limit lies inside something kept whole: the first place after it,
        # if the text read so far shows where it ends.
        found = _weaker_cut(text, limit, len(text), _Kept(whole(text)), first=True)
    return found


def _sentence_cut(text: str, limit: int, kept: _Kept, language: str) -> int | None:
    first = _SENTENCE_END.search(text, 0, limit)
    if first is None:
        return None
    begin = max(0, first.start() - _CONTEXT)
    window = text[begin : limit + _CONTEXT]
    # The splitter needs to see what follows a sentence end: none is taken near the text's end.
    last = min(limit, len(text) - _CONTEXT) - begin
    cuts = [
        span.start
        for span in split_sentences(window, language)[1:]
        if span.start <= last and kept.free(begin + span.start)
    ]
    return begin + cuts[-1] if cuts else None


def _weaker_cut(text: str, start: int, end: int, kept: _Kept, first: bool = False) -> Cut | None:
    """The last place between `start` and `end` where a cut falls outside what is kept whole and
    inside no character, at the strongest boundary that has one; with `first`, the first place
    at any of these boundaries."""
    found: list[Cut] = []
    for boundary, places in (
        (CLAUSE, (m.end() for m in _CLAUSE_END.finditer(text, start, end))),
        (SPACE, (m.end() for m in _SPACES.finditer(text, start, end))),
        (WORD_EDGE, _word_edges(text, start, end)),
        (LONG_WORD_MIDDLE, _long_word_middles(text, start, end)),
        (SYMBOLS, (m.start() for m in _BETWEEN_SYMBOLS.finditer(text, start, end))),
    ):
        ordered = places if first else reversed(list(places))
        position = next(
            (p for p in ordered if 0 < p < len(text) and kept.free(p) and _splits_no(text, p)),
            None,
        )
        if position is not None:
            if not first:
                return Cut(position, boundary)
            found.append(Cut(position, boundary))
    return min(found, key=lambda cut: cut.position, default=None)


def _word_edges(text: str, start: int, end: int) -> Iterator[int]:
    for edge in _WORD_EDGE.finditer(text, start, end):
        position = edge.start()
        # Where the text searched ends, \b may fall inside a word that goes on.
        if 0 < position < len(text) and not (
            _is_word(text[position - 1]) and _is_word(text[position])
        ):
            yield position


def _long_word_middles(text: str, start: int, end: int) -> Iterator[int]:
    """A place inside each word so long that both its parts are still LONG_WORD letters or more
    (each part then stays as it is through the engine, as the whole would)."""
    for word in _WORD.finditer(text, max(0, start - LONG_WORD), end + LONG_WORD):
        middle = min(end, word.end() - LONG_WORD)
        if middle - word.start() >= LONG_WORD and middle > start:
            yield middle


# Characters that belong with the one before them: a cut never comes before one.
_JOINING_CATEGORIES = ("Mn", "Mc", "Me")
_JOINERS = "\u200c\u200d"


def _splits_no(text: str, position: int) -> bool:
    """Whether cutting before text[position] leaves every character as the reader sees it whole
    (a letter and its accents, an emoji sequence, a flag, a Hangul syllable in jamo)."""
    before, after = text[position - 1], text[position]
    if before == "\u200d" or after in _JOINERS:
        return False
    if unicodedata.category(after) in _JOINING_CATEGORIES:
        return False
    code = ord(after)
    if 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F:  # skin tones, flag tags
        return False
    if _is_flag_half(after) and _is_flag_half(before):
        # Regional indicators pair up from the first of a run: a flag is two of them.
        run = position
        while run > 0 and _is_flag_half(text[run - 1]):
            run -= 1
        if (position - run) % 2:
            return False
    return not (0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF)  # vowel, final jamo


def _is_flag_half(character: str) -> bool:
    return 0x1F1E6 <= ord(character) <= 0x1F1FF


def _is_word(character: str) -> bool:
    """A letter, a digit, or an accent on one (text not yet composed)."""
    return character.isalnum() or unicodedata.category(character) in _JOINING_CATEGORIES


class _Kept:
    """Spans no cut may fall inside, sorted and apart (as spans.find and names are)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self.spans = merged
        self.starts = [start for start, _ in merged]

    def free(self, position: int) -> bool:
        """Whether `position` falls strictly inside no span."""
        index = bisect.bisect_left(self.starts, position) - 1
        return index < 0 or self.spans[index][1] <= position

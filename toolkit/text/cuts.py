"""Where to cut a paragraph too long to go through an engine whole: at a sentence end, never inside
what must stay whole (a name of the glossary)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from toolkit.text.document import split_sentences

# A full stop, question or exclamation mark (closing quotes after it) and a space: a sentence may
# end there. Only a window around the first one goes through the sentence splitter.
_SENTENCE_END = re.compile(r"[.!?…][»\"”’)\]]*\s")
# Characters the splitter reads before a sentence end (an abbreviation) and after the last one.
_CONTEXT = 200

Whole = Callable[[str], Iterable[tuple[int, int]]]


def nothing_whole(text: str) -> list[tuple[int, int]]:
    return []


def sentence_cut(
    text: str, limit: int, whole: Whole = nothing_whole, language: str = "fr"
) -> int | None:
    """Where to cut `text` so that the first piece holds whole sentences, at most about `limit`
    characters, and ends with the spaces after its last sentence; None when the text read so far
    shows no such place. `whole(text)` gives the (start, end) of what no cut may fall inside."""
    first = _SENTENCE_END.search(text)
    if first is None:
        return None
    begin = max(0, first.start() - _CONTEXT)
    window = text[begin : begin + limit]
    # The splitter needs to see what follows a sentence end: none is taken near the window's end.
    last = len(window) - _CONTEXT
    kept = [
        (start - begin, end - begin) for start, end in whole(text[begin : begin + limit + _CONTEXT])
    ]
    cuts = [
        span.start
        for span in split_sentences(window, language)[1:]
        if span.start <= last and not any(start < span.start < end for start, end in kept)
    ]
    return begin + cuts[-1] if cuts else None

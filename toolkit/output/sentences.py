"""A sentence of a summary as every format shows it: on one line, its score, its rank, the
glossary names in it highlighted."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from toolkit.output import terminal
from toolkit.summary.select import same_score

if TYPE_CHECKING:
    from rich.text import Text

    from toolkit.glossary.matcher import Matcher
    from toolkit.summary.summarize import Summary

_LINE_BREAK = re.compile(r"[^\S\n]*\n\s*")


def one_line(text: str) -> str:
    """A sentence on one line: line breaks inside it (wrapped text) become single spaces."""
    return _LINE_BREAK.sub(" ", text)


def score_text(score: float) -> str:
    return f"{score:.4g}"


def highlighted(text: str, names: Matcher | None) -> Text:
    """Text from the input, control characters escaped, the glossary names in it highlighted."""
    from rich.text import Text

    printable = terminal.printable(text)
    rich_text = Text(printable)
    for hit in names.find(printable) if names is not None else ():
        rich_text.stylize("bold magenta", hit.start, hit.end)
    return rich_text


def shown_ranks(summary: Summary) -> dict[int, str]:
    """Ranks as a reader may take them, by sentence index: "#2" for the second best, "=2" for
    each of the sentences whose equal scores share second place (the scores did not order them),
    "—" for a sentence that is no candidate (a dateline, a heading)."""
    shown = {s.index: "—" for s in summary.sentences if s.set_aside}
    ranked = sorted(
        (s for s in summary.sentences if not s.set_aside), key=lambda s: s.score, reverse=True
    )
    start = 0
    while start < len(ranked):
        end = start + 1
        while end < len(ranked) and same_score(ranked[end].score, ranked[end - 1].score):
            end += 1
        sign = "=" if end - start > 1 else "#"
        for s in ranked[start:end]:
            shown[s.index] = f"{sign}{start + 1}"
        start = end
    return shown

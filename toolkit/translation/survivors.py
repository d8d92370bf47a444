"""What must come through a translation as it is written, checked per paragraph: the letters that
stand for themselves (`les axes x, y et z`, `le point y avant`) and the symbols (±, §, €, →). A
paragraph whose translation holds fewer of one than its source lost it without a trace, whatever
hop dropped it: a --check finding by its French form. Words and numbers have their own checks
(toolkit.translation.rescue, toolkit.translation.numbers); this one needs no engine."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from toolkit.engines.apertium.letters import standing_alone

# A letter standing alone in a translation: no letter, digit, apostrophe or hyphen either side.
_LONE = re.compile(r"(?<![\w'’-])[^\W\d_](?![\w'’-])")
# Symbols: mathematical, currency, other (Sm, Sc, So), less those a target's conventions may
# write otherwise or that Apertium writes itself.
_SYMBOL_CATEGORIES = ("Sm", "Sc", "So")
_CHANGED_BY_CONVENTIONS = frozenset("<>°")


def missing_forms(source: str, translation: str) -> tuple[str, ...]:
    """The letters standing alone and the symbols of `source` that `translation` holds fewer
    times, in the order of the source, once each."""
    wanted = Counter(source[start:end] for start, end in standing_alone(source))
    wanted.update(_symbols(source))
    if not wanted:
        return ()
    found = Counter(m.group() for m in _LONE.finditer(translation))
    found.update(_symbols(translation))
    short = wanted - found
    return tuple(dict.fromkeys(c for c in _in_order(source) if c in short))


def _symbols(text: str) -> list[str]:
    return [
        c
        for c in text
        if unicodedata.category(c) in _SYMBOL_CATEGORIES and c not in _CHANGED_BY_CONVENTIONS
    ]


def _in_order(source: str) -> list[str]:
    return [m.group() for m in _LONE.finditer(source)] + _symbols(source)

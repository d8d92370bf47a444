"""Numbers and dates of the source that a translation lost."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# A number as written in French or in a translation: 9, 2020, 1 000, 1.000, 1,000, 3,5, 3.5.
# Compared by its digits alone, so that separators changed by the translation do not count.
_NUMBER = re.compile(r"\d+(?:[.,]\d+|[ \u00a0\u202f]\d{3}(?!\d))*")
_MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:er)?\s+)?(?:{_MONTHS})(?:\s+\d{{4}})?\b|\b\d{{4}}-\d{{2}}(?:-\d{{2}})?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MissingNumber:
    """A number of a source paragraph that its translation lacks; `context` is the date it is part of."""

    paragraph: int  # index among all input paragraphs
    number: str
    context: str


def _digits(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return digits.lstrip("0") or "0"


def missing_numbers(sources: list[str], targets: list[str]) -> tuple[MissingNumber, ...]:
    """Each number of a source paragraph that occurs fewer times in its translation (9 novembre 2020 → 9, 2020)."""
    missing = []
    for index, (source, target) in enumerate(zip(sources, targets, strict=True)):
        wanted = Counter(_digits(m.group()) for m in _NUMBER.finditer(source))
        if not wanted:
            continue
        found = Counter(_digits(m.group()) for m in _NUMBER.finditer(target))
        shortfall = wanted - found
        if not shortfall:
            continue
        for match in _NUMBER.finditer(source):
            digits = _digits(match.group())
            if shortfall[digits] > 0:
                shortfall[digits] -= 1
                missing.append(MissingNumber(index, match.group(), _context(source, match)))
    return tuple(missing)


def _context(text: str, number: re.Match[str]) -> str:
    for date in _DATE.finditer(text):
        if date.start() <= number.start() and number.end() <= date.end():
            return date.group()
    return number.group()

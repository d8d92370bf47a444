"""Counts in words, the same everywhere: "1 paragraph", "2 paragraphs", "12,345 words", "3.9%"."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def number(value: int) -> str:
    """An integer with thousands separated by commas: 12,345."""
    return f"{value:,}"


def count(value: int, noun: str, plural: str | None = None) -> str:
    """`value` and the noun, singular for exactly one: 1 paragraph, 0 paragraphs, 2,000 words."""
    if value == 1:
        return f"1 {noun}"
    return f"{number(value)} {plural or noun + 's'}"


def percent(share: float) -> str:
    """A share (0 to 1) as a percentage with one decimal, the same on every line that shows it:
    rounded from the four decimals the JSON stores, half up (1 of 26 is 0.0385 there, 3.9%)."""
    value = Decimal(repr(round(share, 4))) * 100
    return f"{value.quantize(Decimal('0.1'), ROUND_HALF_UP)}%"

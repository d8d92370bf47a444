"""Counts in words, the same everywhere: "1 paragraph", "2 paragraphs", "12,345 words"."""

from __future__ import annotations


def number(value: int) -> str:
    """An integer with thousands separated by commas: 12,345."""
    return f"{value:,}"


def count(value: int, noun: str, plural: str | None = None) -> str:
    """`value` and the noun, singular for exactly one: 1 paragraph, 0 paragraphs, 2,000 words."""
    if value == 1:
        return f"1 {noun}"
    return f"{number(value)} {plural or noun + 's'}"

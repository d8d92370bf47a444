"""The target's press conventions, one table per target language: numbers' separators, percent,
times, honorifics, ordinals, Spanish ¡ ¿, and a capital where the source starts with one.

Engines copy French numbers (`120 000`, `35,5 %`, `15 h 30`) and read `M.` as a sentence's end.
Honorifics are replaced before the engine, as protected spans that come back in the target's form
(`M. Petrossian` → `Mr Petrossian`); the rest is rewritten in the engine's output, before the
protected spans come back, so that no address or phone number is touched. Digits are never changed:
the QA of numbers (toolkit.translation.numbers) compares digits alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from toolkit.text.spans import Span

HONORIFIC = "honorific"  # the kind of an honorific's span


def english_ordinal(number: int) -> str:
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def masculine_ordinal(number: int) -> str:
    return f"{number}.º"


@dataclass(frozen=True)
class Conventions:
    """How a target's press writes what French writes its own way."""

    thousands: str  # between groups of three digits: 120 000 → 120,000
    decimal: str  # 35,5 → 35.5
    percent: str  # between a number and %: "" (35.5%) or " " (35,5 %)
    time: str = "{h}:{m}"  # 15 h 30 → 15:30; 22 h → 22:00
    ordinal: Callable[[int], str] | None = None  # 2e → 2nd, where the engine left it
    honorifics: Mapping[str, str] = field(
        default_factory=dict
    )  # source → target, before the engine
    inverted_marks: bool = False  # Spanish ¿ ¡ at the start of a question or exclamation
    rewrites: tuple[tuple[str, str], ...] = ()  # (pattern, replacement) on the engine's output


ENGLISH_HONORIFICS = {"M.": "Mr", "Mme": "Ms", "MM.": "Messrs", "Mmes": "Mses", "Mlle": "Ms"}

TABLE: dict[str, Conventions] = {
    "en": Conventions(",", ".", "", ordinal=english_ordinal, honorifics=ENGLISH_HONORIFICS),
    "es": Conventions(".", ",", " ", ordinal=masculine_ordinal, inverted_marks=True),
    "ca": Conventions(".", ",", " "),
    "it": Conventions(".", ",", "", rewrites=((r"\b([Ss]ignor)e(?= [A-Z])", r"\1"),)),
    "pt": Conventions(" ", ",", "", ordinal=masculine_ordinal),
}

_SPACE = "[ \u00a0\u202f]"
_HONORIFIC = re.compile(r"(?<![\w.])(MM\.|M\.|Mmes|Mme|Mlle)(?=[ \u00a0]+[A-ZÀ-Ý])")
_DECIMAL = re.compile(r"(?<![\d,.])(\d+),(\d+)(?![\d,]|[.]\d)")
_GROUPED = re.compile(rf"(?<![\d,.])\d{{1,3}}(?:{_SPACE}\d{{3}})+(?!\d)")
_PERCENT = re.compile(rf"(?<=\d){_SPACE}*%")
_TIME = re.compile(rf"\b([01]?\d|2[0-4]){_SPACE}?h(?:{_SPACE}?([0-5]\d))?(?![\w])")
_ORDINAL = re.compile(r"\b(\d+)(?:er|re|ère|e|ème|è)\b")
_ENDS = re.compile(r"[?!]+")
_SENTENCE_END = re.compile(r"[.?!…:;]")


def of(target: str) -> Conventions | None:
    return TABLE.get(target)


def honorific_spans(paragraph: str, target: str) -> list[Span]:
    """The honorifics of a paragraph as spans that come back in the target's form."""
    conventions = TABLE.get(target)
    if conventions is None or not conventions.honorifics:
        return []
    return [
        Span(HONORIFIC, m.start(), m.end(), conventions.honorifics[m.group(1)])
        for m in _HONORIFIC.finditer(paragraph)
    ]


def apply(text: str, target: str, source: str = "") -> str:
    """The engine's output in the target's conventions; `source` is what the engine was given."""
    conventions = TABLE.get(target)
    if conventions is None:
        return text
    if conventions.decimal != ",":
        text = _DECIMAL.sub(rf"\1{conventions.decimal}\2", text)
    text = _GROUPED.sub(lambda m: re.sub(_SPACE, conventions.thousands, m.group()), text)
    text = _PERCENT.sub(conventions.percent + "%", text)
    text = _TIME.sub(lambda m: conventions.time.format(h=m.group(1), m=m.group(2) or "00"), text)
    ordinal = conventions.ordinal
    if ordinal is not None:
        text = _ORDINAL.sub(lambda m: ordinal(int(m.group(1))), text)
    for pattern, replacement in conventions.rewrites:
        text = re.sub(pattern, replacement, text)
    if conventions.inverted_marks:
        text = inverted_marks(text)
    return capital_as_source(text, source)


def inverted_marks(text: str) -> str:
    """Spanish ¿ and ¡ at the start of each question and exclamation that lacks them."""
    inserts: list[tuple[int, str]] = []
    for end in _ENDS.finditer(text):
        start = 0
        for previous in _SENTENCE_END.finditer(text, 0, end.start()):
            start = previous.end()
        while start < end.start() and (text[start].isspace() or text[start] in '«“"('):
            start += 1
        if start == end.start() or any(c in "¿¡" for c in text[start : end.start()]):
            continue
        inserts.append((start, "¿" if "?" in end.group() else "¡"))
    for position, mark in reversed(inserts):
        text = text[:position] + mark + text[position:]
    return text


def capital_as_source(text: str, source: str) -> str:
    """The first letter in capitals where the source's first letter is one (`el señor X ha` →
    `El señor X ha`)."""
    first = next((c for c in source if c.isalpha()), "")
    for index, letter in enumerate(text):
        if letter.isalpha():
            if first.isupper() and letter.islower():
                return text[:index] + letter.upper() + text[index + 1 :]
            return text
        if letter not in '¿¡«“"( ':
            return text
    return text

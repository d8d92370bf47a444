"""What no translation may touch, found in a paragraph: addresses, links, numbers to dial, markup.

Each kind is a regular expression anchored where such a span can begin (a lookbehind refuses a
start in the middle of a word), so that a search costs time in proportion to the text. Matches of
all kinds, and of the user's own patterns, are merged left to right, the longer winning where two
overlap. Trailing punctuation is not part of a span: `presse@gov.am.` ends a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from toolkit.errors import UsageError

# Characters an engine cannot carry or would drop: controls (tab and line end aside), bidi
# controls, line and paragraph separators, non-characters. Apertium stops reading at U+0000 and
# U+FFFF; a neural model's vocabulary has none of them.
_PLANE_ENDS = "".join(f"{chr(p << 16 | 0xFFFE)}-{chr(p << 16 | 0xFFFF)}" for p in range(17))
_UNCARRIED = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufdd0-\ufdef"
    + _PLANE_ENDS
)
# Invisible marks: between two letters they are dropped for the engine (toolkit.text.clean);
# anywhere else they are kept as spans.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_LETTER = re.compile(r"[^\W\d_]")
_TRAILING = ".,;:!?'\"’”»…"
_SEPARATOR = r"[ \u00a0\u202f.\-]"

# kind -> pattern. The order is the order of the README's list.
PATTERNS: dict[str, re.Pattern[str]] = {
    "email": re.compile(r"(?<![\w.+\-@])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"),
    "url": re.compile(
        r"(?<![\w@.\-])(?:(?:https?|ftps?|sftp|file)://|mailto:|www\.)"
        rf"[^\s<>\"«»{{}}|\\^`{_UNCARRIED}{INVISIBLE}]+",
        re.IGNORECASE,
    ),
    "phone": re.compile(
        rf"(?<![\w+])(?:(?:\(\+\d{{1,3}}\)|\+\d{{1,3}})(?:{_SEPARATOR}?(?:\(\d{{1,4}}\)|\d{{1,4}})){{2,6}}"
        rf"|0[1-9](?:{_SEPARATOR}?\d\d){{4}})(?![\w])"
    ),
    "handle": re.compile(r"(?<![\w@.+\-/])@\w+(?:[.\-]\w+)*(?:@[\w\-]+(?:\.[\w\-]+)+)?"),
    "hashtag": re.compile(r"(?<![\w#&/])#(?=\d*[^\W\d_])\w+"),
    "path": re.compile(
        r"(?<![\w/:.~\\@])(?:~|\.{1,2})?/[\w.@%+=~\-]+(?:/[\w.@%+=~\-]+)*/?"
        r"|(?<![\w\\])(?:[A-Za-z]:|\\\\[\w.$\-]+)(?:\\[^\\/:*?\"<>|\s]+)+\\?"
    ),
    "markup": re.compile(
        r"<!--.*?-->"
        r"|</?[A-Za-z][\w:.\-]*(?:\s+[^\s<>\"'=/]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?)*\s*/?>"
        r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
        re.DOTALL,
    ),
    "character": re.compile(f"[{_UNCARRIED}]+|[{INVISIBLE}]+"),
}
KINDS = (*PATTERNS, "custom")


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph that must come out of translation byte for byte."""

    kind: str
    start: int
    end: int
    text: str


def compile_patterns(
    patterns: Iterable[str], origin: str = "--protect"
) -> tuple[re.Pattern[str], ...]:
    """The user's regular expressions, refused (exit 2) when invalid or when one matches nothing."""
    compiled = []
    for pattern in patterns:
        try:
            regex = re.compile(pattern)
        except re.error as err:
            raise UsageError(f"{origin}: invalid regular expression {pattern!r}: {err}") from None
        if regex.fullmatch(""):
            raise UsageError(
                f"{origin}: the regular expression {pattern!r} matches empty text; "
                "it must match at least one character"
            )
        compiled.append(regex)
    return tuple(compiled)


def find(text: str, custom: tuple[re.Pattern[str], ...] = ()) -> list[Span]:
    """The protected spans of a paragraph, left to right, none overlapping."""
    candidates: list[Span] = []
    for kind, pattern in PATTERNS.items():
        if _may_occur(kind, text):
            candidates += _matches(kind, pattern, text)
    for pattern in custom:
        candidates += [
            Span("custom", m.start(), m.end(), m.group())
            for m in pattern.finditer(text)
            if m.group()
        ]
    candidates.sort(key=lambda span: (span.start, -span.end))
    spans: list[Span] = []
    for span in candidates:
        if not spans or span.start >= spans[-1].end:
            spans.append(span)
    return spans


def without(text: str) -> str:
    """The text with its protected spans replaced by spaces (addresses say nothing of its language)."""
    pieces, position = [], 0
    for span in find(text):
        pieces += [text[position : span.start], " "]
        position = span.end
    return "".join(pieces) + text[position:]


_TRIGGERS = {
    "email": "@",
    "handle": "@",
    "hashtag": "#",
    "markup": "<&",
}


def _may_occur(kind: str, text: str) -> bool:
    """A cheap test that skips a search that cannot match."""
    triggers = _TRIGGERS.get(kind)
    if triggers is not None:
        return any(t in text for t in triggers)
    if kind == "url":
        return "://" in text or "www." in text.lower() or "mailto:" in text.lower()
    if kind == "path":
        return "/" in text or "\\" in text
    if kind == "phone":
        return any(c.isdigit() for c in text)
    return True


def _matches(kind: str, pattern: re.Pattern[str], text: str) -> list[Span]:
    found = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if kind in ("url", "path", "email", "handle"):
            end = _trim(text, start, end)
        if kind == "character" and text[start] in INVISIBLE and _between_letters(text, start, end):
            continue
        if kind == "path" and not _LETTER.search(text, start, end):
            continue  # 1/2, /20: numbers, not paths
        if kind == "phone" and not 8 <= sum(c.isdigit() for c in text[start:end]) <= 15:
            continue
        if end > start:
            found.append(Span(kind, start, end, text[start:end]))
    return found


def _between_letters(text: str, start: int, end: int) -> bool:
    return (
        start > 0
        and end < len(text)
        and bool(_LETTER.match(text[start - 1]))
        and bool(_LETTER.match(text[end]))
    )


def _trim(text: str, start: int, end: int) -> int:
    """The end of a span without the punctuation that follows it in the sentence."""
    while end > start:
        last = text[end - 1]
        if last in _TRAILING or last in "-":
            end -= 1
        elif last in ")]":
            opener = "(" if last == ")" else "["
            if text.count(opener, start, end) >= text.count(last, start, end):
                break
            end -= 1
        else:
            break
    return end

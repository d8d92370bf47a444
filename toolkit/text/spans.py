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
from toolkit.text import domains, markup

# Characters an engine cannot carry or would drop: controls (tab and line end aside), bidi
# controls, line and paragraph separators, non-characters (U+FDD0 to U+FDEF, and the last two of
# every plane). Apertium stops reading at U+0000 and U+FFFF; a neural model's vocabulary has none.
_UNCARRIED = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff"
# Invisible marks: between two letters they are dropped for the engine (toolkit.text.clean);
# anywhere else they are kept as spans.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Characters beyond U+FFFF are searched with the rest, in one character class (far faster than
# listing the planes' non-characters), and all but the non-characters let go.
_ASTRAL = "\U00010000-\U0010ffff"
_LETTER = re.compile(r"[^\W\d_]")
# Within a run: invisible marks (group 1), characters to keep (group 2), the rest (let go).
_PLANE_ENDS = "".join(chr(plane << 16 | end) for plane in range(1, 17) for end in (0xFFFE, 0xFFFF))
_RUN = re.compile(f"([{INVISIBLE}]+)|([{_UNCARRIED}{_PLANE_ENDS}]+)")
_TRAILING = ".,;:!?'\"’”»…"
_TAG = re.compile(r"</?([A-Za-z][\w:.\-]*)(.*?)/?>\Z", re.DOTALL)
_CLOSING_TAG = re.compile(r"</([A-Za-z][\w:.\-]*)")
_ATTRIBUTE = re.compile(r"([^\s<>\"'=/]+)(\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?")
_SEPARATOR = r"[ \u00a0\u202f.\-]"
_SPACE = "[ \u00a0\u202f]"
# A legal reference's identifier: `12`, `2023-456`, `12-B`, `L. 121-1`, `5 bis`.
_IDENTIFIER = rf"(?:[LRDA]\.{_SPACE}?)?\d+(?:[\-./]?[^\W_]+)*(?:{_SPACE}(?:bis|ter|quater)\b)?"
# Letters and digits with nothing between them, this many or more: no dictionary holds such a word.
# Apertium would give it back as it is, after a time that grows with the square of its length.
LONG_WORD = 1000
WORD = "word"  # the kind of such spans
HOST = "host"  # found as a host name or a file name; kept as a url or a path


@dataclass(frozen=True)
class _Search:
    """One kind of span: the pattern, and what a text must hold for it to be searched at all."""

    kind: str
    trigger: re.Pattern[str] | None
    pattern: re.Pattern[str]
    shortest: int = 0  # a text shorter than this holds none


# In the order of the README's list.
SEARCHES = (
    _Search(
        "email",
        re.compile("@"),
        re.compile(r"(?<![\w.+\-@])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"),
    ),
    _Search(
        "url",
        re.compile(r"://|www\.|mailto:", re.IGNORECASE),
        re.compile(
            r"(?<![\w@.\-])(?:(?:https?|ftps?|sftp|file)://|mailto:|www\.)"
            rf"[^\s<>\"«»{{}}|\\^`{_UNCARRIED}{INVISIBLE}]+",
            re.IGNORECASE,
        ),
    ),
    # A host name with a known top-level domain, with or without a path (`latchine.am`,
    # `presse.gouv.am/fr/le-ministre`), or a file's name (`rapport.pdf`): which of them, and
    # whether at all, is decided on its last label (toolkit.text.domains).
    _Search(
        HOST,
        re.compile(r"[^\W_]\.[A-Za-z]"),
        re.compile(
            r"(?<![\w@.\-/:~\\])(?P<labels>(?:[^\W_]+(?:[\-_]+[^\W_]+)*\.)+)"
            r"(?P<last>[A-Za-z][A-Za-z0-9]{1,12})(?![\w\-@])"
            rf"(?P<rest>[/?#:][^\s<>\"«»{{}}|\\^`{_UNCARRIED}{INVISIBLE}]*)?"
        ),
    ),
    _Search(
        "phone",
        re.compile(r"\+\d|(?<!\d)0[1-9]"),
        re.compile(
            rf"(?<![\w+])(?:(?:\(\+\d{{1,3}}\)|\+\d{{1,3}})(?:{_SEPARATOR}?(?:\(\d{{1,4}}\)|\d{{1,4}})){{2,6}}"
            rf"|0[1-9](?:{_SEPARATOR}?\d\d){{4}})(?![\w])"
        ),
    ),
    _Search(
        "handle",
        re.compile("@"),
        re.compile(r"(?<![\w@.+\-/])@\w+(?:[.\-]\w+)*(?:@[\w\-]+(?:\.[\w\-]+)+)?"),
    ),
    _Search("hashtag", re.compile("#"), re.compile(r"(?<![\w#&/])#(?=\d*[^\W\d_])\w+")),
    _Search(
        "path",
        re.compile("/"),
        re.compile(r"(?<![\w/:.~\\@])(?:~|\.{1,2})?/[\w.@%+=~\-]+(?:/[\w.@%+=~\-]+)*/?"),
    ),
    _Search(
        "path",
        re.compile(r"[A-Za-z]:\\|\\\\"),
        re.compile(r"(?<![\w\\])(?:[A-Za-z]:|\\\\[\w.$\-]+)(?:\\[^\\/:*?\"<>|\s]+)+\\?"),
    ),
    _Search(
        "markup",
        re.compile("[<&]"),
        re.compile(
            r"</?[A-Za-z][\w:.\-]*(?:\s+[^\s<>\"'=/]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?)*\s*/?>"
            r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
            re.DOTALL,
        ),
    ),
    # UN document symbols: an organ's letters, then two or more parts, one of them with a digit
    # (`A/77/123`, `S/RES/2728 (2024)`, `E/CN.4/2005/L.10`); dictionaries read `A` or `RES`.
    _Search(
        "symbol",
        re.compile("[A-Z]/"),
        re.compile(
            r"(?<![\w/.\-])[A-Z]{1,6}(?=(?:/[\w.\-]*)*?\d)(?:/[A-Za-z0-9][A-Za-z0-9.\-]*){2,}"
            rf"(?:{_SPACE}\(\d{{4}}\))?"
        ),
    ),
    # Numbers and references: `n° 2023-456`, `art. 12`, `§ 3` whole; after `article`, `alinéa`
    # or `paragraphe` (which are translated), only the identifier (`L. 121-1`, `5 bis`).
    _Search(
        "reference",
        re.compile(r"[n№][°ºo]|art|§|alin|paragraphe", re.IGNORECASE),
        re.compile(
            rf"(?<!\w)(?:[nN](?:°|º|o)|№|art\.|§){_SPACE}?{_IDENTIFIER}"
            rf"|(?<!\w)(?:[aA]rticles?|[aA]linéas?|[pP]aragraphes?){_SPACE}(?P<keep>{_IDENTIFIER})"
        ),
    ),
    _Search(
        "isbn",
        re.compile("IS[BS]N"),
        re.compile(r"(?<!\w)IS[BS]N(?:-1[03])?:?[ \u00a0]?[\dX](?:-?[\dX]){7,16}(?![\w\-])"),
    ),
    # Models and versions: a short word of letters then digits (`A320neo`, `v2.3.1`, `G20`).
    _Search(
        "model",
        re.compile(r"[^\W\d_]\d"),
        re.compile(r"(?<![\w.\-/])[^\W\d_]{1,8}\d{1,8}(?:[.\-]?[^\W_]{1,12}){0,4}(?![^\W_])"),
    ),
    _Search(WORD, None, re.compile(rf"(?<![^\W_])[^\W_]{{{LONG_WORD},}}"), LONG_WORD),
    _Search("character", None, re.compile(f"[{_UNCARRIED}{INVISIBLE}{_ASTRAL}]+")),
)


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
    for search in SEARCHES:
        if len(text) >= search.shortest and (search.trigger is None or search.trigger.search(text)):
            candidates += _matches(search.kind, search.pattern, text)
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


def _matches(kind: str, pattern: re.Pattern[str], text: str) -> list[Span]:
    if kind == "character":
        return _characters(pattern, text)
    if kind == HOST:
        return _hosts(pattern, text)
    found = _comments(text) if kind == "markup" else []
    closed = {name.lower() for name in _CLOSING_TAG.findall(text)} if kind == "markup" else set()
    for match in pattern.finditer(text):
        start, end = match.span("keep") if match.groupdict().get("keep") else match.span()
        if kind in ("url", "path", "email", "handle", "symbol", "reference", "model"):
            end = _trim(text, start, end)
        if kind == "path" and not _LETTER.search(text, start, end):
            continue  # 1/2, /20: numbers, not paths
        if kind == "phone" and not 8 <= sum(c.isdigit() for c in text[start:end]) <= 15:
            continue
        if kind == "markup" and not _a_tag(match.group(), closed):
            continue  # a<b et b>c, <le plus bas>: prose between angle brackets
        if end > start:
            found.append(Span(kind, start, end, text[start:end]))
    return found


def _hosts(pattern: re.Pattern[str], text: str) -> list[Span]:
    """Web addresses without a scheme (kind `url`) and files' names (kind `path`)."""
    found = []
    for match in pattern.finditer(text):
        labels, last, rest = match.group("labels", "last", "rest")
        if not _LETTER.search(labels):
            continue  # 12.3.fr: numbers
        start = match.start()
        end = _trim(text, start, match.end())
        path = end > match.end("last")
        if last.lower() in domains.FILE_EXTENSIONS and not rest:
            found.append(Span("path", start, end, text[start:end]))
        elif last in domains.TOP_LEVEL:
            if last in domains.FRENCH_WORDS and not path and labels.count(".") < 2:
                continue  # la fin.la suite: a space forgotten, not an address
            found.append(Span("url", start, end, text[start:end]))
    return found


def _a_tag(found: str, closed: set[str]) -> bool:
    """Whether what the markup pattern found is a tag, not prose between `<` and `>`: an entity,
    a closing tag, or an opening one whose name is HTML's, namespaced or hyphenated, closed in
    the text or closing itself, and whose attributes without a value are HTML's boolean ones."""
    tag = _TAG.match(found)
    if tag is None:  # an entity
        return True
    name, attributes, closing = tag.group(1), tag.group(2), found.startswith("</")
    if closing:
        return True
    bare = [a for a in _ATTRIBUTE.findall(attributes) if not a[1]]
    if any(attribute.lower() not in markup.BOOLEAN_ATTRIBUTES for attribute, _ in bare):
        return False
    known = name.lower() in markup.ELEMENTS or ":" in name or "-" in name
    return known or found.endswith("/>") or name.lower() in closed


def _comments(text: str) -> list[Span]:
    """HTML and XML comments, `<!-- … -->`. Not a regular expression: `<!--.*?-->` searches to
    the end of the text from every `<!--` that is never closed, quadratic time on a text of them."""
    found = []
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break  # no later comment is closed either
        end += 3
        found.append(Span("markup", start, end, text[start:end]))
        start = text.find("<!--", end)
    return found


def _characters(pattern: re.Pattern[str], text: str) -> list[Span]:
    """Runs of characters engines cannot carry; invisible marks between two letters are not kept
    (toolkit.text.clean drops them), nor is what lies beyond U+FFFF but its non-characters."""
    found = []
    for match in pattern.finditer(text):
        start = match.start()
        for run in _RUN.finditer(match.group()):
            begin, end = start + run.start(), start + run.end()
            if run.group(2) or not _between_letters(text, begin, end):
                found.append(Span("character", begin, end, run.group()))
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

"""Quoted and bracketed segments: each travels as a unit of its own in the paragraph's engine batch.

An engine that reorders words moves quotation marks with the words next to them (`un « corridor
humanitaire » fermé` → `a “enclosed humanitarian” runner`), or leaves them empty. So each
outermost quote or bracket of a paragraph is lifted out: in the paragraph it becomes a protected
span (a placeholder the engine carries as one word), and its inner text is translated beside the
paragraph, in the same engine call, as its own unit. Coming back, the translated inner text goes
into the target's marks (toolkit.translation.typography) in place of the placeholder, so the same
words stay quoted. A quote the engine dropped is reported as a protected span of kind `quote`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from toolkit.engines.base import Route
from toolkit.glossary import enforce
from toolkit.glossary.model import Glossary
from toolkit.text.spans import Span
from toolkit.translation import conventions, protection, typography
from toolkit.translation.shield import SpanCheck, SpanNote, joined_span_checks

KIND = "quote"  # the kind of a lifted segment's span
# Opening mark → closing mark. Quotation marks take the target's; brackets stay as they are.
PAIRS = {"«": "»", "“": "”", '"': '"', "„": "“", "(": ")", "[": "]"}
BRACKETS = frozenset("([")
T = TypeVar("T")


@dataclass(frozen=True)
class Segment:
    """A quoted or bracketed segment: the whole of it (marks included) and its inner text."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    opening: str


@dataclass(frozen=True)
class Lifted:
    """A paragraph as it goes to the engine: its own unit first, then one unit per segment."""

    paragraph: protection.Outbound
    segments: tuple[Segment, ...]
    inner: tuple[protection.Outbound, ...]  # each segment's inner text, 1:1

    @property
    def units(self) -> list[protection.Outbound]:
        return [self.paragraph, *self.inner]

    @property
    def texts(self) -> list[str]:
        return [unit.text for unit in self.units]

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(stem for unit in self.units for stem in unit.stems)


def segments(text: str) -> list[Segment]:
    """The outermost quoted or bracketed segments of a paragraph, each with a letter inside."""
    found = []
    position = 0
    while position < len(text):
        opening = text[position]
        closing = PAIRS.get(opening)
        end = _closing(text, position, opening, closing) if closing else -1
        if end < 0:
            position += 1
            continue
        inner_start, inner_end = position + 1, end
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        if any(c.isalpha() for c in text[inner_start:inner_end]):
            found.append(Segment(position, end + 1, inner_start, inner_end, opening))
        position = end + 1
    return found


def _closing(text: str, start: int, opening: str, closing: str) -> int:
    """Where the mark opened at `start` closes (nested pairs of the same marks skipped), or -1."""
    if opening == closing:
        return text.find(closing, start + 1)
    depth = 0
    for index in range(start, len(text)):
        if text[index] == opening:
            depth += 1
        elif text[index] == closing:
            depth -= 1
            if depth == 0:
                return index
    return -1


def outbound(
    paragraph: str, glossary: Glossary, patterns: protection.Patterns = (), target: str = ""
) -> Lifted:
    """The paragraph with each segment in a placeholder, and each segment's inner text a unit;
    honorifics, in all of them, in the `target`'s form (toolkit.translation.conventions)."""
    lifted: list[Segment] = []

    def lift(found: list[Span]) -> list[Span]:
        # A quotation inside a protected span (an attribute of markup, a URL's) is the span's;
        # one whose marks are a glossary name's (`« Le Monde »` in a glossary) is the name's.
        candidates = segments(paragraph)
        names = _names_with_marks(paragraph, candidates, glossary)
        kept = [
            s
            for s in candidates
            if not any(_crosses(s, span) or _around(span, s) for span in found)
            and not any(_holds_a_mark(name, s) for name in names)
        ]
        lifted.extend(kept)
        outside = [span for span in found if not any(_inside(span, s) for s in kept)]
        quotes = [Span(KIND, s.start, s.end, paragraph[s.start : s.end]) for s in kept]
        return _with_honorifics(paragraph, outside + quotes, target)

    sent = protection.outbound(paragraph, glossary, patterns, lift)
    inner = []
    for segment in lifted:
        text = paragraph[segment.inner_start : segment.inner_end]
        inner.append(protection.outbound(text, glossary, patterns, _honorifics_of(text, target)))
    return Lifted(sent, tuple(lifted), tuple(inner))


def _names_with_marks(
    paragraph: str, found: list[Segment], glossary: Glossary
) -> list[tuple[int, int]]:
    """Where the glossary's names are in the paragraph, when a segment was found and a name
    holds a quotation mark or bracket."""
    if not found or not glossary.terms:
        return []
    return [
        (name.start, name.end)
        for name in glossary.find(paragraph)
        if any(c in PAIRS or c in PAIRS.values() for c in name.surface)
    ]


def _holds_a_mark(name: tuple[int, int], segment: Segment) -> bool:
    """Whether a name's text takes in one of the segment's marks."""
    start, end = name
    return start <= segment.start < end or start < segment.end <= end


def _honorifics_of(text: str, target: str) -> Callable[[list[Span]], list[Span]]:
    return lambda found: _with_honorifics(text, found, target)


def _with_honorifics(text: str, found: list[Span], target: str) -> list[Span]:
    honorifics = [
        h
        for h in conventions.honorific_spans(text, target)
        if not any(h.start < s.end and s.start < h.end for s in found)
    ]
    return sorted(found + honorifics, key=lambda span: span.start)


def _crosses(segment: Segment, span: Span) -> bool:
    """Whether a span starts inside the segment and ends outside, or the other way round."""
    overlaps = span.start < segment.end and segment.start < span.end
    return overlaps and not _inside(span, segment) and not _around(span, segment)


def _inside(span: Span, segment: Segment) -> bool:
    return segment.start <= span.start and span.end <= segment.end


def _around(span: Span, segment: Segment) -> bool:
    return span.start <= segment.start and segment.end <= span.end


def regroup(outputs: Sequence[T], sent: list[Lifted]) -> Iterator[list[T]]:
    """The engine's outputs, one list per paragraph: its own unit's, then its segments'."""
    position = 0
    for lifted in sent:
        count = len(lifted.units)
        yield list(outputs[position : position + count])
        position += count


def inbound(
    sent: Lifted,
    outputs: list[str],
    glossary: Glossary,
    route: Route,
    apostrophe: str | None = None,
    target_typography: bool = True,
) -> protection.Returned:
    """The translated paragraph with each segment's translation inside the target's marks."""
    own, *inner_outputs = outputs
    parts = [
        protection.inbound(unit, output, glossary, route, apostrophe, target_typography)
        for unit, output in zip(sent.inner, inner_outputs, strict=True)
    ]
    quoted = iter(
        _render(sent, segment, part.text, route.target, target_typography)
        for segment, part in zip(sent.segments, parts, strict=True)
    )
    shielded = sent.paragraph.shielded
    spans = tuple(replace(s, text=next(quoted)) if s.kind == KIND else s for s in shielded.spans)
    paragraph = replace(sent.paragraph, shielded=replace(shielded, spans=spans))
    whole = protection.inbound(paragraph, own, glossary, route, apostrophe, target_typography)
    names = whole.names
    span_check = whole.spans
    for segment, part in zip(sent.segments, parts, strict=True):
        if names is not None and part.names is not None:
            names = enforce.joined_checks(names, part.names)
        span_check = joined_span_checks(span_check, part.spans)
        if not part.text.strip():
            source = _source_text(sent, segment)
            note = SpanNote(KIND, source, "translated empty: the source's words kept")
            span_check = joined_span_checks(span_check, SpanCheck(problems=(note,)))
    return protection.Returned(whole.text, names, span_check)


def _source_text(sent: Lifted, segment: Segment) -> str:
    for span in sent.paragraph.shielded.spans:
        if span.kind == KIND and span.start == segment.start:
            return span.text
    return ""


def _render(
    sent: Lifted, segment: Segment, translated: str, target: str, target_typography: bool
) -> str:
    """The segment as the target writes it: its translation, in the target's marks."""
    source = _source_text(sent, segment)
    inner_start, inner_end = segment.inner_start - segment.start, segment.inner_end - segment.start
    inner = source[inner_start:inner_end]
    translated = translated.strip()
    if translated.casefold() == inner.casefold():  # a word left as it is, its capitals lost alone
        translated = inner
    text = _first_letter_as(inner, translated) or inner
    rules = typography.rules(target)
    if not target_typography or rules.french or segment.opening in BRACKETS:
        return source[:inner_start] + text + source[inner_end:]
    opening, closing = rules.quotes
    return opening + typography.nested(text, target) + closing


def _first_letter_as(source: str, translated: str) -> str:
    """The translation with its first letter in the case of the source's: an engine capitalises
    a unit's first letter as a sentence's (`corridor humanitaire` → `Humanitarian corridor`)."""
    first = next((c for c in source if c.isalpha()), "")
    if not translated or not first:
        return translated
    letter, word = translated[0], translated.split()[0]
    if first.islower() and letter.isupper() and (len(word) == 1 or word[1:2].islower()):
        return letter.lower() + translated[1:]
    if first.isupper() and letter.islower():
        return letter.upper() + translated[1:]
    return translated

"""Protected spans through an engine: each becomes a placeholder word and comes back byte for byte.

Placeholders are made as the glossary's are (toolkit.glossary.enforce.PlaceholderStyle), with a
stem of their own. A span glued to what surrounds it (`<b>Artsakh`, a NUL inside a word) is set
apart by spaces for the engine and glued back after. The text between spans is cleaned
(toolkit.text.clean). Coming back, each placeholder becomes its span; letters the engine glued to
it (an inflection) are dropped; a placeholder whose index letters the engine altered takes, in
order, a span that went missing; a span the engine dropped or repeated is reported.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from toolkit.glossary.enforce import DEFAULT_STYLE, MAX_INFLECTION, PlaceholderStyle
from toolkit.text.clean import clean
from toolkit.text.spans import Span


@dataclass(frozen=True)
class Shielded:
    """A paragraph as the engine gets it: spans replaced by placeholders, the rest cleaned."""

    text: str
    spans: tuple[Span, ...] = ()
    stem: str = ""
    width: int = 0
    style: PlaceholderStyle = field(default_factory=PlaceholderStyle)
    glued: tuple[tuple[bool, bool], ...] = ()  # per span: glued to the text before, after
    composed: bool = False  # whether NFC changed the text
    dropped: tuple[tuple[str, int], ...] = ()  # invisible marks dropped inside words


@dataclass(frozen=True)
class SpanNote:
    """A protected span the engine lost, repeated or whose placeholder it altered."""

    kind: str
    text: str
    what: str


@dataclass(frozen=True)
class SpanCheck:
    """The spans of one paragraph: how many of each kind in source and translation, and notes."""

    counts: tuple[tuple[str, int, int], ...] = ()
    repairs: tuple[SpanNote, ...] = ()
    problems: tuple[SpanNote, ...] = ()


def joined_span_checks(first: SpanCheck, second: SpanCheck) -> SpanCheck:
    """The check of a paragraph translated in two parts, from the checks of its parts."""
    counts: dict[str, tuple[int, int]] = {}
    for kind, source, target in first.counts + second.counts:
        before = counts.get(kind, (0, 0))
        counts[kind] = (before[0] + source, before[1] + target)
    return SpanCheck(
        tuple((kind, source, target) for kind, (source, target) in counts.items()),
        first.repairs + second.repairs,
        first.problems + second.problems,
    )


def shield(text: str, spans: list[Span], style: PlaceholderStyle = DEFAULT_STYLE) -> Shielded:
    """The paragraph with each span replaced by a placeholder and the text between them cleaned."""
    stem = style.stem_for(text) if spans else ""
    width = style.width(len(spans))
    pieces: list[str] = []
    glued: list[tuple[bool, bool]] = []
    composed, dropped = False, Counter[str]()
    position = 0
    for index, span in enumerate([*spans, Span("", len(text), len(text), "")]):
        gap, gap_composed, gap_dropped = clean(text[position : span.start])
        composed, position = composed or gap_composed, span.end
        dropped += gap_dropped
        pieces.append(gap)
        if not span.kind:
            break
        before = span.start > 0 and not text[span.start - 1].isspace()
        after = span.end < len(text) and not text[span.end].isspace()
        glued.append((before, after))
        spaced_already = bool(pieces) and pieces[-1][-1:].isspace()
        word = stem + style.encode(index, width)
        pieces.append(
            (" " if before and not spaced_already else "") + word + (" " if after else "")
        )
    return Shielded(
        "".join(pieces),
        tuple(spans),
        stem,
        width,
        style,
        tuple(glued),
        composed,
        tuple(sorted(dropped.items())),
    )


def unshield(shielded: Shielded, output: str) -> tuple[str, SpanCheck]:
    """The translated paragraph with every span back, and what became of each."""
    if not shielded.spans:
        return output, SpanCheck()
    style = shielded.style
    pattern = re.compile(
        rf"(\s*)([^\W\d_]*?){re.escape(shielded.stem)}([{style.digits}]{{{shielded.width}}})"
        r"([^\W\d_]*)(\s*)",
        re.IGNORECASE,
    )
    pieces: list[str] = []
    used: Counter[int] = Counter()
    unidentified: list[tuple[int, re.Match[str]]] = []  # (position in pieces, placeholder)
    position = 0
    for match in pattern.finditer(output):
        pieces.append(output[position : match.start()])
        position = match.end()
        index = style.decode(match.group(3))
        if 0 <= index < len(shielded.spans):
            used[index] += 1
            pieces.append(_render(shielded, index, match))
        else:
            unidentified.append((len(pieces), match))
            pieces.append(match.group())
    pieces.append(output[position:])

    missing = [i for i in range(len(shielded.spans)) if not used[i]]
    repairs, problems = [], []
    for (slot, match), index in zip(unidentified, missing, strict=False):
        span = shielded.spans[index]
        repairs.append(
            SpanNote(span.kind, span.text, f"placeholder altered to {match.group().strip()}")
        )
        pieces[slot] = _render(shielded, index, match)
        used[index] += 1
    for _, match in unidentified[len(missing) :]:
        problems.append(SpanNote("", match.group().strip(), "unrecognised placeholder"))
    for index, span in enumerate(shielded.spans):
        if not used[index]:
            problems.append(SpanNote(span.kind, span.text, "missing"))
        elif used[index] > 1:
            problems.append(SpanNote(span.kind, span.text, f"repeated {used[index]} times"))
    return "".join(pieces), SpanCheck(
        _counts(shielded.spans, used), tuple(repairs), tuple(problems)
    )


def _render(shielded: Shielded, index: int, match: re.Match[str]) -> str:
    """The span in place of its placeholder, glued back as it was, inflections dropped."""
    space_before, letters_before, _, letters_after, space_after = match.groups()
    glued_before, glued_after = shielded.glued[index]
    before = "" if glued_before else space_before
    after = "" if glued_after else space_after
    if len(letters_before) > MAX_INFLECTION:  # a word the engine joined to it: set apart
        before = letters_before + " " + before
    if len(letters_after) > MAX_INFLECTION:
        after = " " + letters_after + after
    return before + shielded.spans[index].text + after


def _counts(spans: tuple[Span, ...], used: Counter[int]) -> tuple[tuple[str, int, int], ...]:
    source: Counter[str] = Counter(span.kind for span in spans)
    target: Counter[str] = Counter()
    for index, times in used.items():
        target[spans[index].kind] += times
    return tuple((kind, source[kind], target[kind]) for kind in source)

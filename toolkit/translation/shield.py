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
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from toolkit.glossary.enforce import DEFAULT_STYLE, MAX_INFLECTION, PlaceholderStyle
from toolkit.text.clean import clean
from toolkit.text.spans import Span

_LETTER = re.compile(r"[^\W\d_]")


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


def shield(
    text: str, spans: list[Span], style: PlaceholderStyle = DEFAULT_STYLE, avoid: str = ""
) -> Shielded:
    """The paragraph with each span replaced by a placeholder and the text between them cleaned.
    The placeholders' stem occurs neither in the text nor in `avoid` (what will be written in the
    translation before the spans come back: the glossary's forms of the names)."""
    stem = style.stem_for(f"{text}\n{avoid}" if avoid else text) if spans else ""
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
    pattern = _placeholder_pattern(shielded.stem, style.digits, shielded.width)
    pieces: list[str] = []
    used: Counter[int] = Counter()
    unidentified: list[tuple[int, _Placeholder]] = []  # (position in pieces, placeholder)
    position = 0
    for found in _placeholders(pattern, output):
        pieces.append(output[position : found.start])
        position = found.end
        index = style.decode(found.index_letters)
        if 0 <= index < len(shielded.spans):
            used[index] += 1
            pieces.append(_render(shielded, index, found))
        else:
            unidentified.append((len(pieces), found))
            pieces.append(found.written)
    pieces.append(output[position:])

    missing = [i for i in range(len(shielded.spans)) if not used[i]]
    repairs, problems = [], []
    for (slot, match), index in zip(unidentified, missing, strict=False):
        span = shielded.spans[index]
        repairs.append(
            SpanNote(span.kind, span.text, f"placeholder altered to {match.written.strip()}")
        )
        pieces[slot] = _render(shielded, index, match)
        used[index] += 1
    for _, match in unidentified[len(missing) :]:
        problems.append(SpanNote("", match.written.strip(), "unrecognised placeholder"))
    for index, span in enumerate(shielded.spans):
        if not used[index]:
            problems.append(SpanNote(span.kind, span.text, "missing"))
        elif used[index] > 1:
            problems.append(SpanNote(span.kind, span.text, f"repeated {used[index]} times"))
    return "".join(pieces), SpanCheck(
        _counts(shielded.spans, used), tuple(repairs), tuple(problems)
    )


@dataclass(frozen=True)
class _Placeholder:
    """A placeholder in the engine's output, with the letters the engine glued to either side of
    it and the spaces around those."""

    start: int
    end: int
    written: str  # output[start:end]
    space_before: str
    letters_before: str
    index_letters: str
    letters_after: str
    space_after: str


_LETTERS = re.compile(r"[^\W\d_]*")
_SPACES = re.compile(r"\s*")


@lru_cache(maxsize=64)
def _placeholder_pattern(stem: str, digits: str, width: int) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(stem)}([{digits}]{{{width}}})", re.IGNORECASE)


def _placeholders(pattern: re.Pattern[str], output: str) -> Iterator[_Placeholder]:
    """Each placeholder of the output, left to right, with what surrounds it.

    The placeholders are searched for and the letters and spaces around each taken afterwards,
    walking back no further than the end of the one before: a pattern with a lazy run of letters
    before the stem would try every position of a long word, quadratic in its length.
    """
    position = 0
    while match := pattern.search(output, position):
        letters_start = match.start()
        while letters_start > position and _LETTER.match(output, letters_start - 1):
            letters_start -= 1
        start = letters_start
        while start > position and output[start - 1].isspace():
            start -= 1
        after = _LETTERS.match(output, match.end())
        assert after is not None
        spaces = _SPACES.match(output, after.end())
        assert spaces is not None
        end = spaces.end()
        yield _Placeholder(
            start,
            end,
            output[start:end],
            output[start:letters_start],
            output[letters_start : match.start()],
            match.group(1),
            after.group(),
            spaces.group(),
        )
        position = end


def _render(shielded: Shielded, index: int, found: _Placeholder) -> str:
    """The span in place of its placeholder, glued back as it was, inflections dropped."""
    glued_before, glued_after = shielded.glued[index]
    before = "" if glued_before else found.space_before
    after = "" if glued_after else found.space_after
    if len(found.letters_before) > MAX_INFLECTION:  # a word the engine joined to it: set apart
        before = found.letters_before + " " + before
    if len(found.letters_after) > MAX_INFLECTION:
        after = " " + found.letters_after + after
    return before + shielded.spans[index].text + after


def _counts(spans: tuple[Span, ...], used: Counter[int]) -> tuple[tuple[str, int, int], ...]:
    source: Counter[str] = Counter(span.kind for span in spans)
    target: Counter[str] = Counter()
    for index, times in used.items():
        target[spans[index].kind] += times
    return tuple((kind, source[kind], target[kind]) for kind in source)

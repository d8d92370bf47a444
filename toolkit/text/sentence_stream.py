"""The sentences of a text read block by block, each with its place and offsets in the whole text.

Text is cut after paragraph breaks, so the sentences are exactly those of the whole text segmented
at once (toolkit.text.document), however the blocks fall. A paragraph still open after LONG_PARAGRAPH
characters (a text without blank lines) is split a part at a time, each part ending before its last
sentence so far, so that memory stays bounded; only a single sentence is always held whole. The
sentence splitter does not always split a part as it would the whole paragraph (a bracket opened
early can hold sentences together until it closes), so such paragraphs are reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from toolkit.text.document import Span, segment, split_sentences

LONG_PARAGRAPH = 4_000_000
# The end of a paragraph break (as toolkit.text.document defines them), once the next paragraph starts.
_BREAK_END = re.compile(r"\n[^\S\n]*\n\s*(?=\S)")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text, stripped of surrounding spaces, and where it lies."""

    index: int  # among all sentences of the text, from 0
    paragraph: int  # from 1
    sentence: int  # within its paragraph, from 1
    start: int  # character offsets in the whole text
    end: int
    text: str


def sentences(
    blocks: Iterable[str],
    language: str,
    offset: int = 0,
    on_long_paragraph: Callable[[int], None] | None = None,
) -> Iterator[Sentence]:
    """Every non-blank sentence of the text made of `blocks`, in order; offsets count from
    `offset` (the length of any text before the first block). `on_long_paragraph(n)` is told
    whenever paragraph n (from 1) is split a part at a time."""
    numbering = _Numbering(language)
    buffer, base = "", offset
    long = LONG_PARAGRAPH
    for block in blocks:
        search_from = len(buffer.rstrip())  # a break may begin in the previous block's tail
        buffer += block
        cut = None
        for match in _BREAK_END.finditer(buffer, search_from):
            cut = match.end()
        if cut is not None:
            yield from numbering.text(buffer[:cut], base)
            buffer, base = buffer[cut:], base + cut
            long = LONG_PARAGRAPH
        if len(buffer) >= long:
            spans = _open_paragraph(buffer, language)
            if len(spans) > 1:  # all but the last sentence, which may go on in the next block
                yield from numbering.spans(spans[:-1], base, new_paragraph=not numbering.open)
                numbering.open = True
                if on_long_paragraph is not None:
                    on_long_paragraph(numbering.paragraph)
                buffer, base = buffer[spans[-1].start :], base + spans[-1].start
            else:  # one sentence so far: read on, looking again when it has doubled
                long = 2 * len(buffer)
    yield from numbering.text(buffer, base)


def _open_paragraph(buffer: str, language: str) -> list[Span]:
    """The sentences of a text holding no paragraph break (but perhaps one at its end, or space
    before it at the start of the input), offsets in `buffer`."""
    start = len(buffer) - len(buffer.lstrip())
    body = buffer[start:].rstrip()
    return [Span(s.text, start + s.start, start + s.end) for s in split_sentences(body, language)]


class _Numbering:
    """Sentences numbered across the pieces of a text: by index, paragraph, and place in it."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.index = 0
        self.paragraph = 0
        self.sentence = 0
        self.open = False  # the last paragraph may go on in the next piece

    def text(self, text: str, base: int) -> Iterator[Sentence]:
        """The sentences of a piece made of whole paragraphs (the first may continue an open one)."""
        for k, paragraph in enumerate(segment(text).paragraphs):
            spans = split_sentences(paragraph.text, self.language)
            yield from self.spans(
                spans, base + paragraph.start, new_paragraph=k > 0 or not self.open
            )
        self.open = False

    def spans(self, spans: list[Span], base: int, new_paragraph: bool) -> Iterator[Sentence]:
        if new_paragraph:
            self.paragraph += 1
            self.sentence = 0
        for span in spans:
            stripped = span.text.strip()
            if not stripped:
                continue
            start = base + span.start + len(span.text) - len(span.text.lstrip())
            self.sentence += 1
            yield Sentence(
                self.index, self.paragraph, self.sentence, start, start + len(stripped), stripped
            )
            self.index += 1

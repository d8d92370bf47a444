"""Inputs as batches of whole paragraphs, for memory that stays bounded on large inputs.

Input is read in batches of whole paragraphs (about BATCH_CHARS characters, across files), so that
a typical input is still one engine batch. A paragraph longer than PIECE_CHARS is cut into
pieces, each a batch of its own, joined back into one paragraph after the engine: at sentence
ends, or where there is none at a weaker boundary (toolkit.text.cuts), which WeakCuts records for
a note.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from toolkit.text import spans
from toolkit.text.cuts import SENTENCE, paragraph_cut
from toolkit.text.document import Document, segment
from toolkit.text.inputs import Input, ends_paragraph, split_pieces

if TYPE_CHECKING:
    from toolkit.glossary.model import Glossary
    from toolkit.translation.protection import Patterns

BATCH_CHARS = 2_000_000
PIECE_CHARS = 250_000


@dataclass(frozen=True)
class Piece:
    """Paragraphs of one input; an input may come in several pieces, in order. A piece that
    `continues` begins with the rest of the previous piece's last paragraph."""

    input: int
    name: str
    document: Document
    continues: bool = False
    cut: str | None = None  # the boundary it ends at, when it ends inside a paragraph


def batches(
    inputs: list[Input],
    encoding: str | None,
    glossary: Glossary,
    patterns: Patterns = (),
) -> Iterator[list[Piece]]:
    """The inputs in order, as batches of pieces holding about BATCH_CHARS characters each; the
    pieces of a paragraph cut (never inside a protected span, one of `patterns` (the glossary's
    --protect, compiled), or a name) are batches alone, so that an engine never holds more than
    PIECE_CHARS of one paragraph."""

    def whole(text: str) -> list[tuple[int, int]]:
        # A word too long to be one goes through as it is, in parts that are still too long.
        found = [(s.start, s.end) for s in spans.find(text, patterns) if s.kind != spans.WORD]
        return found + [(name.start, name.end) for name in glossary.find(text)]

    boundaries: deque[str] = deque()  # of the cuts made, for the pieces they end

    def cut(text: str) -> int | None:
        found = paragraph_cut(text, PIECE_CHARS, whole)
        if found is None:
            return None
        boundaries.append(found.boundary)
        return found.position

    batch: list[Piece] = []
    size = 0
    for index, source in enumerate(inputs):
        empty, cut_before = True, False
        for text, cut_after in _pieces(split_pieces(source.blocks(encoding), PIECE_CHARS, cut)):
            empty = False
            if (cut_before or cut_after) and batch:
                yield batch
                batch, size = [], 0
            boundary = boundaries.popleft() if cut_after else None
            batch.append(Piece(index, source.name, segment(text), cut_before, boundary))
            size += len(text)
            if size >= BATCH_CHARS or cut_before or cut_after:
                yield batch
                batch, size = [], 0
            cut_before = cut_after
        if empty:  # an empty input is still an input: it gets its (empty) output
            batch.append(Piece(index, source.name, segment("")))
    if batch:
        yield batch


def _pieces(texts: Iterator[str]) -> Iterator[tuple[str, bool]]:
    """Each piece of an input, and whether it ends inside a paragraph that the next one ends."""
    previous = None
    for text in texts:
        if previous is not None:
            yield previous, not ends_paragraph(previous)
        previous = text
    if previous is not None:
        yield previous, False


@dataclass(frozen=True)
class WeakCut:
    """A paragraph longer than `limit` cut elsewhere than at sentence ends, and at what."""

    name: str
    paragraph: int  # 1-based, in its input
    limit: int
    boundaries: Counter[str]


class WeakCuts:
    """The paragraphs cut at a boundary weaker than a sentence end, and where."""

    def __init__(self) -> None:
        self.paragraphs: dict[int, int] = Counter()  # paragraphs so far, per input
        self.cuts: dict[tuple[int, str, int], Counter[str]] = {}

    def add(self, batch: list[Piece]) -> None:
        for piece in batch:
            count = len(piece.document.paragraphs)
            self.paragraphs[piece.input] += count - (piece.continues and count > 0)
            if piece.cut is not None and piece.cut != SENTENCE:
                key = (piece.input, piece.name, self.paragraphs[piece.input])
                self.cuts.setdefault(key, Counter())[piece.cut] += 1

    def found(self) -> list[WeakCut]:
        return [
            WeakCut(name, paragraph, PIECE_CHARS, boundaries)
            for (_, name, paragraph), boundaries in self.cuts.items()
        ]

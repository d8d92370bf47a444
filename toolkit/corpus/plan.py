"""Cutting a corpus into work units: consecutive documents that go to the engine in one call.

Apertium's tagger and transfer look across paragraph ends, so a document's translation can depend on
the documents batched with it. Units are therefore cut from the whole input, in order, by a rule that
depends on the input alone, and a unit with any unfinished document is processed whole: a document's
result is the same in one process, in N workers or on Ray, and after any interruption and rerun.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from toolkit.corpus.sources import CorpusDocument
from toolkit.corpus.store import Done

# A unit closes at this many documents or words, whichever comes first.
UNIT_DOCUMENTS = 32
UNIT_WORDS = 20_000


@dataclass(frozen=True)
class Unit:
    """Consecutive documents, and for each output the positions of those it still lacks."""

    number: int
    documents: tuple[CorpusDocument, ...]
    pending: Mapping[str, tuple[int, ...]]

    @property
    def pending_documents(self) -> list[CorpusDocument]:
        """The documents that at least one output lacks, in order."""
        positions = sorted({p for ps in self.pending.values() for p in ps})
        return [self.documents[p] for p in positions]


def is_done(done: Mapping[str, Done], document: CorpusDocument) -> bool:
    found = done.get(document.key)
    return found is not None and found.sha256 == document.sha256


def units(
    documents: Iterable[CorpusDocument],
    done: Mapping[str, Mapping[str, Done]],
    max_documents: int = UNIT_DOCUMENTS,
    max_words: int = UNIT_WORDS,
) -> Iterator[Unit]:
    """The units that hold unfinished work, in input order; `done` maps each output to its finished documents."""
    batch: list[CorpusDocument] = []
    words = 0
    number = 0
    for document in documents:
        batch.append(document)
        words += document.words
        if len(batch) >= max_documents or words >= max_words:
            unit = _unit(number, batch, done)
            if unit is not None:
                yield unit
            batch, words, number = [], 0, number + 1
    if batch:
        unit = _unit(number, batch, done)
        if unit is not None:
            yield unit


def _unit(
    number: int, batch: list[CorpusDocument], done: Mapping[str, Mapping[str, Done]]
) -> Unit | None:
    pending = {
        output: positions
        for output, finished in done.items()
        if (positions := tuple(i for i, d in enumerate(batch) if not is_done(finished, d)))
    }
    return Unit(number, tuple(batch), pending) if pending else None

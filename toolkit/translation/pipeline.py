"""Inputs → translations: the whole of `toolkit translate` between opening the inputs and rendering.

The inputs are read in batches (toolkit.translation.batching); the language of the first batch is
found or checked (source_language); each batch goes through the route to each target in one engine
call (translate_documents), and the batches of each target are joined back into one Translation
per target (concatenate), checked once (qa.report). The caller hears of each batch as it is done
(to write text as it comes, to advance a progress bar), and gets the translations, their QA
reports and the notes to show at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from toolkit.errors import UsageError
from toolkit.translation import qa
from toolkit.translation.batching import Piece, WeakCut, WeakCuts, batches
from toolkit.translation.protection import compile_patterns
from toolkit.translation.source_language import source_language
from toolkit.translation.translate import (
    Origin,
    Translation,
    concatenate,
    translate_documents,
)

if TYPE_CHECKING:
    from toolkit.engines.base import Advance, Engine, Route
    from toolkit.glossary.model import Glossary
    from toolkit.text.document import Document
    from toolkit.text.inputs import Input

# The engine and route that take the source to a target.
Routed = tuple["Engine", "Route"]
# Chooses the route from a source to a target (toolkit.engines.routing.resolve, say).
Resolve = Callable[[str, str], Routed]


@dataclass(frozen=True)
class BatchTranslation:
    """One batch of the input translated into one target."""

    target: str
    pieces: list[Piece]
    translation: Translation  # one document per piece, in order


@dataclass(frozen=True)
class Translated:
    """Every input translated into each target."""

    source: str
    translations: list[Translation]  # one per target, in the order asked
    reports: list[qa.QaReport]  # the QA of each translation, in the same order
    weak_cuts: list[WeakCut]  # paragraphs cut elsewhere than at sentence ends, for a note
    foreign: tuple[qa.ForeignParagraphs, ...] = ()  # paragraphs that look like another language


class Pipeline:
    """Translates inputs into `targets` with one glossary, its --protect patterns compiled once."""

    def __init__(
        self,
        targets: list[str],
        glossary: Glossary,
        resolve: Resolve,
        target_typography: bool = True,
        force: bool = False,
    ) -> None:
        self.targets = list(targets)
        self.force = force  # translate from the declared language whatever the check says
        self.glossary = glossary
        self.patterns = compile_patterns(glossary)
        self.target_typography = target_typography
        self._resolve = resolve
        self._routes: dict[str, dict[str, Routed]] = {}

    def routes(self, source: str) -> dict[str, Routed]:
        """The route to each target from `source`, chosen once: it depends on what is installed,
        never on the input (with --from auto, on the language found in it)."""
        if source not in self._routes:
            self._routes[source] = {t: self._resolve(source, t) for t in self.targets}
        return self._routes[source]

    def translate_inputs(
        self,
        inputs: list[Input],
        encoding: str | None,
        declared: str | None,
        on_batch: Callable[[BatchTranslation], None] | None = None,
        keep_text: bool = True,
        advance: Advance | None = None,
    ) -> Translated:
        """Translate `inputs` from the `declared` language (None: the one found in the first
        batch). `on_batch` hears of each batch and target as it is done; with `keep_text` False
        the result holds no translated text (it went to `on_batch`), so memory stays bounded.
        `advance` is told of the bytes of input translated (UTF-8, once per target) as the
        engine works through each batch, all of them by the time `on_batch` hears of it."""
        parts: dict[str, list[tuple[list[Origin], Translation]]] = {t: [] for t in self.targets}
        cuts = WeakCuts()
        source = None
        foreign: tuple[qa.ForeignParagraphs, ...] = ()
        for batch in batches(inputs, encoding, self.glossary, self.patterns):
            cuts.add(batch)
            documents = [(piece.name, piece.document) for piece in batch]
            if source is None:  # the language of the input, on its first batch
                source, foreign = self._source(documents, declared)
            size = 0 if advance is None else sum(len(p.document.text.encode()) for p in batch)
            for target, (engine, route) in self.routes(source).items():
                moved = _Moved(advance, size)
                translation = translate_documents(
                    documents,
                    engine,
                    route,
                    self.glossary,
                    self.target_typography,
                    self.patterns,
                    moved.to if advance is not None else None,
                )
                moved.to(1.0)
                if on_batch is not None:
                    on_batch(BatchTranslation(target, batch, translation))
                if not keep_text:
                    blank = [replace(doc, text="") for doc in translation.documents]
                    translation = replace(translation, documents=blank)
                origins = [Origin(piece.input, piece.continues) for piece in batch]
                parts[target].append((origins, translation))
        assert source is not None  # every input, even an empty one, is in a batch
        translations = [concatenate(parts[target]) for target in self.targets]
        reports = [qa.report(translation, foreign) for translation in translations]
        return Translated(source, translations, reports, cuts.found(), foreign)

    def _source(
        self, documents: list[tuple[str, Document]], declared: str | None
    ) -> tuple[str, tuple[qa.ForeignParagraphs, ...]]:
        source, foreign = source_language(documents, declared, self.force)
        if declared is None and source in self.targets:
            raise UsageError(f"--to includes the source language {source}")
        return source, foreign


class _Moved:
    """A share of a batch's bytes, told to `advance` as what was not told yet."""

    def __init__(self, advance: Advance | None, size: int) -> None:
        self.advance, self.size, self.told = advance, size, 0

    def to(self, share: float) -> None:
        done = int(self.size * min(max(share, 0.0), 1.0))
        if self.advance is not None and done > self.told:
            self.advance(done - self.told)
            self.told = done

"""Documents + engine route → translations, one batch per target for the whole input."""

from __future__ import annotations

import time
from dataclasses import dataclass

from toolkit.document import Document
from toolkit.engines.base import Engine, Route


@dataclass(frozen=True)
class DocumentTranslation:
    name: str
    text: str
    paragraphs: int


@dataclass(frozen=True)
class Translation:
    """Every input document translated into one target language along one route."""

    source: str
    target: str
    route: Route
    documents: list[DocumentTranslation]
    words: int
    unknown_words: int
    seconds: float

    @property
    def unknown_share(self) -> float:
        return self.unknown_words / self.words if self.words else 0.0


def translate_documents(
    documents: list[tuple[str, Document]], engine: Engine, route: Route
) -> Translation:
    """Translate the paragraphs of every document in one engine call, then rebuild each document."""
    started = time.perf_counter()
    paragraphs = all_paragraphs(documents)
    output = engine.translate(paragraphs, route) if paragraphs else None
    translated = output.paragraphs if output else []
    if len(translated) != len(paragraphs):
        raise AssertionError(
            f"{route.describe()} gave {len(translated)} paragraphs for {len(paragraphs)}"
        )
    results, position = [], 0
    for name, doc in documents:
        count = len(doc.paragraphs)
        text = doc.join(translated[position : position + count])
        results.append(DocumentTranslation(name, text, count))
        position += count
    return Translation(
        source=route.source,
        target=route.target,
        route=route,
        documents=results,
        words=output.words if output else 0,
        unknown_words=output.unknown_words if output else 0,
        seconds=time.perf_counter() - started,
    )


def all_paragraphs(documents: list[tuple[str, Document]]) -> list[str]:
    return [p.text for _, doc in documents for p in doc.paragraphs]

"""Documents + engine route → translations, one batch per target for the whole input."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from toolkit.engines.base import Engine, Route
from toolkit.text.document import Document

if TYPE_CHECKING:
    from toolkit.glossary.enforce import ParagraphCheck
    from toolkit.glossary.model import Glossary
    from toolkit.translation.numbers import MissingNumber


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
    # One check per input paragraph (1:1, all documents in order) when a glossary was applied.
    terms: tuple[ParagraphCheck, ...] = ()
    # Numbers and dates of each source paragraph that its translation lacks.
    missing_numbers: tuple[MissingNumber, ...] = ()
    # The words the engine did not know, per input paragraph (1:1), when the engine tells them.
    unknown: tuple[tuple[str, ...], ...] = ()

    @property
    def unknown_share(self) -> float:
        return self.unknown_words / self.words if self.words else 0.0

    @property
    def missing_terms(self) -> int:
        return sum(check.missing for check in self.terms)


def translate_documents(
    documents: list[tuple[str, Document]],
    engine: Engine,
    route: Route,
    glossary: Glossary | None = None,
) -> Translation:
    """Translate the paragraphs of every document in one engine call, then rebuild each document.

    Names travel through the engine as placeholders and come back in their glossary form; each
    paragraph's terms are counted and checked. `glossary=None` means the default glossary; pass
    `toolkit.glossary.model.empty()` to translate without one.
    """
    from toolkit.glossary import enforce as glossary_enforce
    from toolkit.glossary.active import default
    from toolkit.translation.numbers import missing_numbers

    if glossary is None:
        glossary = default()

    started = time.perf_counter()
    paragraphs = all_paragraphs(documents)
    protected = []
    if glossary.terms:
        protected = [glossary_enforce.protect(p, glossary) for p in paragraphs]
    sent = [p.text for p in protected] if protected else paragraphs
    output = engine.translate(sent, route) if paragraphs else None
    translated = output.paragraphs if output else []
    if len(translated) != len(paragraphs):
        raise AssertionError(
            f"{route.describe()} gave {len(translated)} paragraphs for {len(paragraphs)}"
        )
    checks: list[ParagraphCheck] = []
    if protected:
        restored = [
            glossary_enforce.restore(p, t, glossary, route.target, route.source)
            for p, t in zip(protected, translated, strict=True)
        ]
        translated = [text for text, _ in restored]
        checks = [check for _, check in restored]
    unknown = output.unknown if output else ()
    if protected and unknown:
        unknown = tuple(
            _not_placeholders(words, p.stem) for words, p in zip(unknown, protected, strict=True)
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
        unknown_words=sum(map(len, unknown)) if unknown else output.unknown_words if output else 0,
        seconds=time.perf_counter() - started,
        terms=tuple(checks),
        missing_numbers=missing_numbers(paragraphs, translated),
        unknown=unknown,
    )


def _not_placeholders(words: tuple[str, ...], stem: str) -> tuple[str, ...]:
    """Unknown words less the glossary's placeholders (which no engine knows, by design)."""
    if not stem:
        return words
    return tuple(word for word in words if not word.casefold().startswith(stem.casefold()))


def concatenate(parts: list[tuple[list[int], Translation]]) -> Translation:
    """One Translation from the translations of consecutive batches of the input, in order.

    Each batch comes with the input index of each of its documents: documents of the same input
    that follow one another are pieces of one input and are joined.
    """

    documents: list[DocumentTranslation] = []
    last_input = None
    terms: list[ParagraphCheck] = []
    missing: list[MissingNumber] = []
    unknown: list[tuple[str, ...]] = []
    offset = 0
    for inputs, translation in parts:
        for index, doc in zip(inputs, translation.documents, strict=True):
            if documents and index == last_input:
                previous = documents.pop()
                doc = DocumentTranslation(
                    doc.name, previous.text + doc.text, previous.paragraphs + doc.paragraphs
                )
            documents.append(doc)
            last_input = index
        terms += translation.terms
        unknown += translation.unknown or [()] * sum(d.paragraphs for d in translation.documents)
        missing += [replace(m, paragraph=m.paragraph + offset) for m in translation.missing_numbers]
        offset += sum(doc.paragraphs for doc in translation.documents)
    first = parts[0][1]
    return Translation(
        source=first.source,
        target=first.target,
        route=first.route,
        documents=documents,
        words=sum(t.words for _, t in parts),
        unknown_words=sum(t.unknown_words for _, t in parts),
        seconds=sum(t.seconds for _, t in parts),
        terms=tuple(terms),
        missing_numbers=tuple(missing),
        unknown=tuple(unknown) if any(unknown) else (),
    )


def all_paragraphs(documents: list[tuple[str, Document]]) -> list[str]:
    return [p.text for _, doc in documents for p in doc.paragraphs]

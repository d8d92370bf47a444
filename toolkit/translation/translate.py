"""Documents + engine route → translations, one batch per target for the whole input."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from toolkit.engines.base import Engine, Route, Share
from toolkit.text.document import Document

if TYPE_CHECKING:
    from toolkit.glossary.enforce import ParagraphCheck
    from toolkit.glossary.model import Glossary
    from toolkit.translation import quotes
    from toolkit.translation.numbers import MissingNumber
    from toolkit.translation.protection import Outbound, Patterns
    from toolkit.translation.shield import SpanCheck


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
    # One check of the protected spans per input paragraph (1:1).
    spans: tuple[SpanCheck, ...] = ()
    # Paragraphs whose accents were composed (NFC), and the invisible marks dropped inside words.
    composed: int = 0
    dropped: tuple[tuple[str, int], ...] = ()
    # The source words the engine dropped without a trace, per input paragraph (1:1), when any.
    lost: tuple[tuple[str, ...], ...] = ()
    # The unknown words of each input paragraph (1:1, when any is unknown) that are names or
    # acronyms (a capital inside a sentence, all capitals): kept as written, listed apart, not
    # counted among the words left untranslated.
    names: tuple[tuple[str, ...], ...] = ()

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
    glossary: Glossary,
    target_typography: bool = True,
    patterns: Patterns | None = None,
    done: Share | None = None,
) -> Translation:
    """Translate the paragraphs of every document in one engine call, then rebuild each document.

    Protected spans and names travel through the engine as placeholders (toolkit.translation.
    protection); spans come back byte for byte, names in their glossary form, and each paragraph's
    spans and terms are counted and checked; `toolkit.glossary.model.empty()` translates without
    a glossary. `patterns` are the glossary's --protect patterns compiled
    (protection.compile_patterns): a run compiles them once for all its calls; without them they
    are compiled here. `target_typography=False` leaves the typography as the engine wrote it.
    `done` is told the share of the engine's work done as it goes (for a progress bar); it
    changes nothing in the result.
    """
    from toolkit.translation import protection, quotes
    from toolkit.translation.numbers import missing_numbers
    from toolkit.translation.rescue import lost_words, rescued
    from toolkit.translation.survivors import missing_forms
    from toolkit.translation.typography import apostrophe_style

    started = time.perf_counter()
    paragraphs = all_paragraphs(documents)
    if patterns is None:
        patterns = protection.compile_patterns(glossary)
    conventions_of = route.target if target_typography else ""  # --keep-typography: none
    sent = [quotes.outbound(p, glossary, patterns, conventions_of) for p in paragraphs]
    outbound_units = [unit for s in sent for unit in s.units]  # a paragraph, then its quotes
    units = [unit.text for unit in outbound_units]
    output = engine.translate(units, route, done) if paragraphs else None
    lost: tuple[tuple[str, ...], ...] = ()
    if output is not None:
        stems = [unit.stems for unit in outbound_units]
        lost = lost_words(units, output, engine, route, stems)
        output = rescued(units, output, engine, route, stems, _document_of_units(documents, sent))
    if output and len(output.paragraphs) != len(units):
        raise AssertionError(
            f"{route.describe()} gave {len(output.paragraphs)} paragraphs for {len(units)}"
        )
    translated_units = list(quotes.regroup(output.paragraphs, sent)) if output else []
    apostrophes = []  # each paragraph's style, else its document's
    for _, doc in documents:
        style_of_document = apostrophe_style(doc.text)
        apostrophes += [apostrophe_style(p.text, style_of_document) for p in doc.paragraphs]
    returned = [
        quotes.inbound(s, t, glossary, route, apostrophe, target_typography)
        for s, t, apostrophe in zip(sent, translated_units, apostrophes, strict=True)
    ]
    translated = [r.text for r in returned]
    unknown = output.unknown if output else ()
    if unknown:
        unknown = tuple(
            _as_written(units, _not_placeholders(tuple(w for unit in words for w in unit), s.stems))
            for words, s, units in zip(
                quotes.regroup(unknown, sent), sent, (s.units for s in sent), strict=True
            )
        )
    if lost:
        lost = tuple(
            tuple(w for unit in words for w in unit) for words in quotes.regroup(lost, sent)
        )
    # Letters and symbols lost by any hop, without a trace the engine tells.
    forms = [missing_forms(p, t) for p, t in zip(paragraphs, translated, strict=True)]
    if any(forms):
        named = lost or tuple(() for _ in paragraphs)
        lost = tuple(
            (*words, *(f for f in found if f not in words))
            for words, found in zip(named, forms, strict=True)
        )
    names = _kept_names(unknown, paragraphs, documents) if unknown else ()
    results, position = [], 0
    for name, doc in documents:
        count = len(doc.paragraphs)
        text = doc.join(translated[position : position + count])
        results.append(DocumentTranslation(name, text, count))
        position += count
    dropped: Counter[str] = Counter()
    for unit in (unit for s in sent for unit in s.units):
        dropped.update(dict(unit.shielded.dropped))
    return Translation(
        source=route.source,
        target=route.target,
        route=route,
        documents=results,
        words=output.words if output else 0,
        unknown_words=(
            sum(w not in kept for words, kept in zip(unknown, names, strict=True) for w in words)
            if unknown
            else output.unknown_words
            if output
            else 0
        ),
        seconds=time.perf_counter() - started,
        terms=tuple(r.names for r in returned if r.names is not None),
        missing_numbers=missing_numbers(paragraphs, translated),
        unknown=unknown,
        spans=tuple(r.spans for r in returned),
        composed=sum(any(u.shielded.composed for u in s.units) for s in sent),
        dropped=tuple(sorted(dropped.items())),
        lost=lost,
        names=names,
    )


def _kept_names(
    unknown: tuple[tuple[str, ...], ...],
    paragraphs: list[str],
    documents: list[tuple[str, Document]],
) -> tuple[tuple[str, ...], ...]:
    """For each paragraph (1:1), its unknown words that are names: a word written as a name in a
    paragraph of its document is one in all of that document, whatever the documents beside it."""
    from toolkit.translation.rescue import is_name

    kept: list[tuple[str, ...]] = []
    position = 0
    for _, doc in documents:
        span = range(position, position + len(doc.paragraphs))
        of_document = {w for i in span for w in unknown[i] if is_name(w, paragraphs[i])}
        kept += [tuple(w for w in unknown[i] if w in of_document) for i in span]
        position = span.stop
    return tuple(kept)


def _document_of_units(
    documents: list[tuple[str, Document]], sent: list[quotes.Lifted]
) -> list[int]:
    """The document each unit sent to the engine belongs to (1:1 with the units, in order)."""
    counts = [len(doc.paragraphs) for _, doc in documents]
    of_paragraph = [index for index, count in enumerate(counts) for _ in range(count)]
    return [of_paragraph[p] for p, s in enumerate(sent) for _ in s.units]


def _as_written(units: list[Outbound], words: tuple[str, ...]) -> tuple[str, ...]:
    """Unknown words as the source writes them, where a unit's capitals were lowered for the
    engine."""
    for unit in units:
        words = unit.lowered.as_written(words)
    return words


def _not_placeholders(words: tuple[str, ...], stems: tuple[str, ...]) -> tuple[str, ...]:
    """Unknown words less the placeholders of names and spans (which no engine knows, by design)."""
    if not stems:
        return words
    folded = tuple(stem.casefold() for stem in stems)
    return tuple(word for word in words if not word.casefold().startswith(folded))


@dataclass(frozen=True)
class Origin:
    """Which input a translated document is a piece of, and whether its first paragraph continues
    the last paragraph of the piece before (a long paragraph cut at a sentence end)."""

    input: int
    continues: bool = False


def concatenate(parts: list[tuple[list[Origin], Translation]]) -> Translation:
    """One Translation from the translations of consecutive batches of the input, in order.

    Each batch comes with the origin of each of its documents: documents of the same input that
    follow one another are pieces of one input and are joined, and so are the two parts of a
    paragraph cut between them, so that the result holds one entry per input paragraph.
    """
    from toolkit.glossary.enforce import joined_checks
    from toolkit.translation.shield import joined_span_checks

    documents: list[DocumentTranslation] = []
    last_input = None
    terms: list[ParagraphCheck] = []
    spans: list[SpanCheck] = []
    missing: list[MissingNumber] = []
    unknown: list[tuple[str, ...]] = []
    names: list[tuple[str, ...]] = []
    lost: list[tuple[str, ...]] = []
    dropped: Counter[str] = Counter()
    count = 0  # paragraphs so far, once joined
    for origins, translation in parts:
        places: list[int] = []  # where each paragraph of the batch goes among the joined ones
        for origin, doc in zip(origins, translation.documents, strict=True):
            same_input = bool(documents) and origin.input == last_input
            continues = same_input and origin.continues and doc.paragraphs > 0
            places += range(count - continues, count - continues + doc.paragraphs)
            count += doc.paragraphs - continues
            if same_input:
                previous = documents.pop()
                doc = DocumentTranslation(
                    doc.name,
                    previous.text + doc.text,
                    previous.paragraphs + doc.paragraphs - continues,
                )
            documents.append(doc)
            last_input = origin.input
        checks = translation.terms or (None,) * len(places)
        words = translation.unknown or ((),) * len(places)
        kept = translation.names or ((),) * len(places)
        losses = translation.lost or ((),) * len(places)
        for place, check, span_check, found, gone, name in zip(
            places, checks, translation.spans, words, losses, kept, strict=True
        ):
            if place == len(lost):
                lost.append(gone)
            else:
                lost[place] += gone
            if place == len(unknown):
                unknown.append(found)
                names.append(name)
                terms += [check] if check is not None else []
                spans.append(span_check)
            else:
                unknown[place] += found
                names[place] += name
                spans[place] = joined_span_checks(spans[place], span_check)
                if check is not None:
                    terms[place] = joined_checks(terms[place], check)
        dropped.update(dict(translation.dropped))
        missing += [replace(m, paragraph=places[m.paragraph]) for m in translation.missing_numbers]
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
        spans=tuple(spans),
        composed=sum(t.composed for _, t in parts),
        dropped=tuple(sorted(dropped.items())),
        lost=tuple(lost) if any(lost) else (),
        names=tuple(names) if any(names) else (),
    )


def all_paragraphs(documents: list[tuple[str, Document]]) -> list[str]:
    return [p.text for _, doc in documents for p in doc.paragraphs]

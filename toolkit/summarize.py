"""Extractive summaries: a text's sentences, scored by an algorithm, the best kept in their order.

Sentences come from toolkit.document (offsets kept), words from toolkit.summarizers.text; the
scores from toolkit.summarizers (fast LexRank and TextRank, or sumy's summarizers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from toolkit import languages, summarizers
from toolkit.document import Span, segment, split_sentences
from toolkit.summarizers import select
from toolkit.summarizers.text import load_language

if TYPE_CHECKING:
    from toolkit.engines.base import Engine
    from toolkit.glossary import Glossary
    from toolkit.translate import Translation

AUTO = "auto"
# The language assumed when a text gives no clue (no letters at all).
FALLBACK_LANGUAGE = "fr"


@dataclass(frozen=True)
class ScoredSentence:
    """One sentence of a text, where it is, and how it fared."""

    index: int  # among all sentences of the text, from 0
    paragraph: int  # from 1
    sentence: int  # within its paragraph, from 1
    start: int  # character offsets of the sentence (without surrounding spaces) in the text
    end: int
    text: str
    score: float
    rank: int  # 1 is the best
    selected: bool


@dataclass(frozen=True)
class Summary:
    """The summary of one text, with every sentence's score."""

    name: str
    language: str
    language_detected: bool
    algorithm: str
    parameters: dict[str, Any]
    requested: int  # sentences asked for (--ratio made a number); all when the text has fewer
    sentences: list[ScoredSentence]
    notes: list[str] = field(default_factory=list)

    @property
    def selected(self) -> list[ScoredSentence]:
        return [s for s in self.sentences if s.selected]


@dataclass(frozen=True)
class Options:
    algorithm: str = summarizers.DEFAULT
    language: str = AUTO
    count: int | None = None
    ratio: float | None = None


def summarize_text(name: str, text: str, options: Options) -> Summary:
    """Score the sentences of one text and select the best."""
    document = segment(text)
    notes: list[str] = []
    if not document.paragraphs:  # nothing to summarise, nor to detect a language from
        language = FALLBACK_LANGUAGE if options.language == AUTO else options.language
        parameters = summarizers.parameters(options.algorithm)
        return Summary(name, language, False, options.algorithm, parameters, 0, [], notes)
    code, detected = _language(text, options.language, notes)
    tools = load_language(code)
    notes += tools.notes
    spans = [
        [(p, s, span) for s, span in enumerate(_sentences(paragraph.text, code))]
        for p, paragraph in enumerate(document.paragraphs)
    ]
    texts = [[span.text.strip() for _, _, span in paragraph] for paragraph in spans]
    scores = summarizers.scores(options.algorithm, texts, tools)
    requested = select.requested(len(scores), options.count, options.ratio)
    chosen = set(select.best(scores, requested))
    ranks = select.ranks(scores)
    sentences = []
    for index, (p, s, span) in enumerate(item for paragraph in spans for item in paragraph):
        offset = document.paragraphs[p].start + span.start
        stripped = span.text.strip()
        start = offset + len(span.text) - len(span.text.lstrip())
        sentences.append(
            ScoredSentence(
                index=index,
                paragraph=p + 1,
                sentence=s + 1,
                start=start,
                end=start + len(stripped),
                text=stripped,
                score=scores[index],
                rank=ranks[index],
                selected=index in chosen,
            )
        )
    return Summary(
        name=name,
        language=code,
        language_detected=detected,
        algorithm=options.algorithm,
        parameters=summarizers.parameters(options.algorithm),
        requested=requested,
        sentences=sentences,
        notes=notes,
    )


def _sentences(paragraph: str, language: str) -> list[Span]:
    return [span for span in split_sentences(paragraph, language) if span.text.strip()]


def _language(text: str, choice: str, notes: list[str]) -> tuple[str, bool]:
    if choice != AUTO:
        return choice, False
    from toolkit.detection import detect_language

    found = detect_language(text)
    if found is None:
        notes.append(
            f"could not tell the language; assuming {languages.name(FALLBACK_LANGUAGE)} "
            "(give --language)"
        )
        return FALLBACK_LANGUAGE, False
    return found, True


@dataclass(frozen=True)
class SelectionTranslation:
    """The selected sentences of one summary, translated, 1:1."""

    target: str
    route: str  # how it was translated, e.g. "apertium fr→es (fr-es)"
    sentences: list[str]


def translate_selections(
    summaries: list[Summary],
    target: str,
    engine: str = "auto",
    glossary: Glossary | None = None,
    engines: list[Engine] | None = None,
) -> tuple[list[SelectionTranslation | None], list[Translation]]:
    """Translate the selected sentences of every summary, one engine batch per source language,
    through the same engines, routes and glossary as `toolkit translate` (None: the default
    glossary). `engines`, when given, are engines already loaded (corpus workers keep theirs)."""
    from toolkit import routing
    from toolkit.translate import translate_documents

    results: list[SelectionTranslation | None] = [None] * len(summaries)
    translations = []
    for source in dict.fromkeys(s.language for s in summaries if s.selected):
        members = [i for i, s in enumerate(summaries) if s.language == source and s.selected]
        if source == target:  # already in the target language
            for i in members:
                texts = [s.text for s in summaries[i].selected]
                results[i] = SelectionTranslation(target, "none (already in that language)", texts)
            continue
        documents = [
            (f"{summaries[i].name}#{s.index}", segment(s.text))
            for i in members
            for s in summaries[i].selected
        ]
        paragraphs = [p.text for _, doc in documents for p in doc.paragraphs]
        engines = engines or routing.candidate_engines(engine)
        chosen, route = routing.resolve(engines, source, target, paragraphs)
        translation = translate_documents(documents, chosen, route, glossary)
        translations.append(translation)
        translated = iter(doc.text.strip() for doc in translation.documents)
        for i in members:
            texts = [next(translated) for _ in summaries[i].selected]
            results[i] = SelectionTranslation(target, route.describe(), texts)
    return results, translations

"""The sentences a summary selected, translated 1:1, through the same engines, routes and glossary
as `toolkit translate`.

Summaries are read by their shape (Selection), so that translation never imports summary/, the room
above it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from toolkit.text.document import segment

if TYPE_CHECKING:
    from toolkit.engines.base import Engine
    from toolkit.glossary.model import Glossary
    from toolkit.translation.translate import Translation


class SelectedSentence(Protocol):
    @property
    def index(self) -> int: ...  # among all sentences of its text

    @property
    def text(self) -> str: ...


class Selection(Protocol):
    """What a summary offers for translation: its name, language and the sentences it chose."""

    @property
    def name(self) -> str: ...

    @property
    def language(self) -> str: ...

    @property
    def selected(self) -> Sequence[SelectedSentence]: ...


@dataclass(frozen=True)
class SelectionTranslation:
    """The selected sentences of one summary, translated, 1:1."""

    target: str
    route: str  # how it was translated, e.g. "apertium fr→es (fr-es)"
    sentences: list[str]


def translate_selections(
    summaries: Sequence[Selection],
    target: str,
    engine: str,
    glossary: Glossary,
    engines: list[Engine] | None = None,
) -> tuple[list[SelectionTranslation | None], list[Translation]]:
    """Translate the selected sentences of every summary, one engine batch per source language,
    through the same engines, routes and glossary as `toolkit translate` (`engine` "auto" lets
    routing choose). `engines`, when given, are engines already loaded (corpus workers keep theirs)."""
    from toolkit.engines import routing
    from toolkit.translation.translate import translate_documents

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
        engines = engines or routing.candidate_engines(engine)
        chosen, route = routing.resolve(engines, source, target)
        translation = translate_documents(documents, chosen, route, glossary)
        translations.append(translation)
        translated = iter(doc.text.strip() for doc in translation.documents)
        for i in members:
            texts = [next(translated) for _ in summaries[i].selected]
            results[i] = SelectionTranslation(target, route.describe(), texts)
    return results, translations

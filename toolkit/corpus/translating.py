"""Corpus translation: each unit through toolkit.translation.translate.translate_documents, one call per target."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, Any

from toolkit.corpus.plan import Unit
from toolkit.corpus.sources import CorpusDocument
from toolkit.corpus.tasks import Result, Work, describe_error, dumps_line, failure
from toolkit.engines.base import EngineUnavailable, Route, Share

if TYPE_CHECKING:
    from toolkit.engines.base import Engine
    from toolkit.glossary.model import Glossary
    from toolkit.text.document import Document
    from toolkit.translation.protection import Patterns
    from toolkit.translation.qa import ForeignParagraphs, QaReport
    from toolkit.translation.translate import Translation

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TranslateTask:
    """Translate each unit into every target along the route chosen for the whole run."""

    source: str
    routes: dict[str, Route]
    glossary: Glossary
    engine_options: dict[str, Any] = field(default_factory=dict)
    strict: bool = False  # a document with a glossary name missing is a failure
    target_typography: bool = True  # False: --keep-typography
    force: bool = False  # translate from `source` whatever the language check says

    @property
    def outputs(self) -> tuple[str, ...]:
        return tuple(self.routes)

    def start(self) -> Work:
        from toolkit.engines import base
        from toolkit.translation.protection import compile_patterns

        engines = {
            name: base.load(name, progress=None, **self.engine_options)
            for name in dict.fromkeys(route.engine for route in self.routes.values())
        }
        for engine in engines.values():
            reason = engine.unavailable_reason()
            if reason:
                raise EngineUnavailable(reason)
        patterns = compile_patterns(self.glossary)  # once for the worker's run

        def work(unit: Unit, done: Share | None = None) -> list[Result]:
            return self._run(unit, engines, patterns, done)

        return work

    def _run(
        self, unit: Unit, engines: dict[str, Any], patterns: Patterns, done: Share | None = None
    ) -> list[Result]:
        from toolkit.text.document import segment

        documents, segmented, refused, foreign = [], [], {}, {}
        for i, document in enumerate(unit.documents):
            if document.error is not None:
                continue
            segments = segment(document.text)
            check = self._check(document.key, segments)
            if isinstance(check, str):
                refused[i] = check
                continue
            documents.append((i, document))
            segmented.append((document.key, segments))
            foreign[i] = check
        results = []
        for number, (target, positions) in enumerate(unit.pending.items()):
            route = self.routes[target]
            share = (
                None if done is None else partial(_target_share, done, number, len(unit.pending))
            )
            outcomes = self._translate(
                segmented, engines[route.engine], route, patterns, set(positions), documents, share
            )
            for position in positions:
                document = unit.documents[position]
                outcome = outcomes.get(
                    position, refused.get(position) or document.error or "not translated"
                )
                line = (
                    self._record(document, target, route, *outcome, foreign.get(position, ()))
                    if isinstance(outcome, tuple)
                    else outcome
                )
                if isinstance(line, str):
                    results.append(
                        failure(target, position, document, line, source=self.source, target=target)
                    )
                else:
                    results.append(Result(target, position, dumps_line(line), False))
        return results

    def _check(self, key: str, document: Document) -> tuple[ForeignParagraphs, ...] | str:
        """The paragraphs of a document that look like another language than the source, or why
        the document is refused: most of it does (unless --force)."""
        from toolkit.errors import ToolkitError
        from toolkit.translation.qa import ForeignParagraphs, Place
        from toolkit.translation.source_language import checked

        try:
            check = checked(
                [p.text for p in document.paragraphs], self.source, self.force, "translate"
            )
        except ToolkitError as err:
            return str(err)
        return tuple(
            ForeignParagraphs(Place(key, passage.first), passage.last, passage.language)
            for passage in check.foreign
        )

    def _translate(
        self,
        segmented: list[tuple[str, Document]],
        engine: Engine,
        route: Route,
        patterns: Patterns,
        wanted: set[int],
        documents: list[tuple[int, CorpusDocument]],
        done: Share | None = None,
    ) -> dict[int, tuple[Translation, int] | str]:
        """Position → (translation, index of the document in it), or the error of a document that failed."""
        from toolkit.translation.translate import translate_documents

        positions = [i for i, _ in documents]
        try:
            translation = translate_documents(
                segmented, engine, route, self.glossary, self.target_typography, patterns, done
            )
            return {position: (translation, k) for k, position in enumerate(positions)}
        except EngineUnavailable:
            raise
        except Exception as err:
            _log.info("unit failed as a whole (%s); one document at a time", describe_error(err))
        # The unit failed as a whole: one document at a time, so that only the failing ones fail.
        outcomes: dict[int, tuple[Translation, int] | str] = {}
        for position, item in zip(positions, segmented, strict=True):
            if position not in wanted:
                continue
            try:
                translation = translate_documents(
                    [item], engine, route, self.glossary, self.target_typography, patterns
                )
                outcomes[position] = (translation, 0)
            except EngineUnavailable:
                raise
            except Exception as err:
                outcomes[position] = describe_error(err)
        return outcomes

    def _record(
        self,
        document: CorpusDocument,
        target: str,
        route: Route,
        translation: Translation,
        k: int,
        foreign: tuple[ForeignParagraphs, ...],
    ) -> dict[str, Any] | str:
        """The line of one translated document, or the error under --strict when a name is missing."""
        from toolkit.output.translations import route_data

        translated = translation.documents[k]
        report = document_report(translation, k, foreign)
        if self.strict and report.missing_terms:
            first = report.missing_terms[0]
            return (
                f"--strict: glossary name {first.term} missing from the {target} translation "
                f"(paragraph {first.place.paragraph}); {report.names_missing} in all"
            )
        return {
            "id": document.id,
            "sha256": document.sha256,
            "source": self.source,
            "target": target,
            "text": translated.text,
            "route": route_data(route),
            "qa": document_qa_data(report, translated.paragraphs),
            "extra": document.extra,
            "error": None,
        }


def _target_share(done: Share, target: int, targets: int, share: float) -> None:
    """The share of a unit done, from the share of one of its targets."""
    done((target + share) / targets)


def document_report(
    translation: Translation, k: int, foreign: tuple[ForeignParagraphs, ...] = ()
) -> QaReport:
    """The QA report of the k-th document of a translation: its terms, repairs, numbers and the
    words unknown to the engine in its paragraphs, none of another document's (a line depends on
    its document alone, so that a rerun writes what a fresh run writes)."""
    from toolkit.translation import qa

    start = sum(doc.paragraphs for doc in translation.documents[:k])
    document = translation.documents[k]
    end = start + document.paragraphs
    alone = replace(
        translation,
        documents=[document],
        terms=translation.terms[start:end],
        spans=translation.spans[start:end],
        missing_numbers=tuple(
            replace(m, paragraph=m.paragraph - start)
            for m in translation.missing_numbers
            if start <= m.paragraph < end
        ),
        words=len(document.text.split()),
        unknown_words=0,
        unknown=translation.unknown[start:end],
        names=translation.names[start:end],
        lost=translation.lost[start:end],
    )
    return qa.report(alone, foreign)


def document_qa_data(report: QaReport, paragraphs: int) -> dict[str, Any]:
    """A document's report as its line holds it: places without the document, which the line
    names, and without the engine's counts of unknown words, which engines make per call, not per
    document."""
    data = report.to_data()
    for key in (
        "missing_terms",
        "repairs",
        "problems",
        "missing_numbers",
        "unknown",
        "kept_names",
        "span_problems",
        "span_repairs",
        "foreign_paragraphs",
        "lost_words",
    ):
        for item in data[key]:
            del item["document"]
    del data["unknown_words"], data["unknown_share"]
    return {"paragraphs": paragraphs, **data}

"""The work done on one unit, the same in every runner: the single-document pipeline, line by line.

A task is plain, picklable settings; `start()` loads what it needs (engines, glossary) once per
worker and returns the function that turns a unit into output lines.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from toolkit.corpus.plan import Unit
from toolkit.corpus.sources import CorpusDocument
from toolkit.engines.base import EngineUnavailable, Route
from toolkit.errors import ToolkitError


@dataclass(frozen=True)
class Result:
    """One output line for one document of a unit."""

    output: str
    position: int  # of the document in its unit
    line: str
    failed: bool


Work = Callable[[Unit], list[Result]]


class Task(Protocol):
    outputs: tuple[str, ...]

    def start(self) -> Work:
        """Load engines and models, once per worker; the returned function does the work."""


def dumps_line(record: dict[str, Any]) -> str:
    """One JSON line, readable UTF-8; escaped only where the data holds unpaired surrogates."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line


def failure(
    output: str, position: int, document: CorpusDocument, error: str, **fields: Any
) -> Result:
    """The line of a document that failed: its error instead of a result."""
    record = {"id": document.id, "sha256": document.sha256, **fields}
    record |= {"extra": document.extra, "error": error}
    return Result(output, position, dumps_line(record), True)


def describe_error(err: Exception) -> str:
    if isinstance(err, ToolkitError):
        return str(err)
    return f"internal error: {type(err).__name__}: {err}"


@dataclass(frozen=True)
class TranslateTask:
    """Translate each unit into every target along the route chosen for the whole run."""

    source: str
    routes: dict[str, Route]
    engine_options: dict[str, Any] = field(default_factory=dict)

    @property
    def outputs(self) -> tuple[str, ...]:
        return tuple(self.routes)

    def start(self) -> Work:
        from toolkit.engines import base

        engines = {
            name: base.load(name, **self.engine_options.get(name, {}))
            for name in {route.engine for route in self.routes.values()}
        }
        for engine in engines.values():
            reason = engine.unavailable_reason()
            if reason:
                raise EngineUnavailable(reason)
        return lambda unit: self._run(unit, engines)

    def _run(self, unit: Unit, engines: dict[str, Any]) -> list[Result]:
        from toolkit.document import segment

        documents = [(i, d) for i, d in enumerate(unit.documents) if d.error is None]
        segmented = [(d.key, segment(d.text)) for _, d in documents]
        results = []
        for target, positions in unit.pending.items():
            route = self.routes[target]
            texts = self._translate(
                segmented, engines[route.engine], route, set(positions), documents
            )
            for position in positions:
                document = unit.documents[position]
                outcome = texts.get(position, document.error or "not translated")
                if isinstance(outcome, str):
                    results.append(
                        failure(
                            target, position, document, outcome, source=self.source, target=target
                        )
                    )
                else:
                    results.append(self._line(target, position, document, route, outcome))
        return results

    def _translate(
        self,
        segmented: list[tuple[str, Any]],
        engine: Any,
        route: Route,
        wanted: set[int],
        documents: list[tuple[int, CorpusDocument]],
    ) -> dict[int, Any]:
        """Position → DocumentTranslation, or the error text of a document that failed."""
        from toolkit.translate import translate_documents

        positions = [i for i, _ in documents]
        try:
            translation = translate_documents(segmented, engine, route)
            return dict(zip(positions, translation.documents, strict=True))
        except EngineUnavailable:
            raise
        except Exception:
            pass
        # The unit failed as a whole: one document at a time, so that only the failing ones fail.
        outcomes: dict[int, Any] = {}
        for position, item in zip(positions, segmented, strict=True):
            if position not in wanted:
                continue
            try:
                outcomes[position] = translate_documents([item], engine, route).documents[0]
            except EngineUnavailable:
                raise
            except Exception as err:
                outcomes[position] = describe_error(err)
        return outcomes

    def _line(
        self, target: str, position: int, document: CorpusDocument, route: Route, translated: Any
    ) -> Result:
        from toolkit import render

        record = {
            "id": document.id,
            "sha256": document.sha256,
            "source": self.source,
            "target": target,
            "text": translated.text,
            "route": render.route_data(route),
            "qa": {"paragraphs": translated.paragraphs, "words": len(translated.text.split())},
            "extra": document.extra,
            "error": None,
        }
        return Result(target, position, dumps_line(record), False)

"""Corpus summaries: each document through toolkit.summary.summarize, its selection translated per unit with --to."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from toolkit.corpus.plan import Unit
from toolkit.corpus.tasks import Result, Work, describe_error, dumps_line, failure
from toolkit.engines.base import EngineUnavailable, Share

if TYPE_CHECKING:
    from toolkit.engines.base import Engine
    from toolkit.glossary.model import Glossary
    from toolkit.summary.summarize import Options, Summary
    from toolkit.translation.selections import SelectionTranslation

OUTPUT = "summaries"

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SummarizeTask:
    """Score and select each document's sentences; with a target, translate the selections."""

    options: Options
    glossary: Glossary
    target: str | None = None
    engine: str = "auto"
    explain: bool = False  # every sentence's score in the line, not only the selected ones

    @property
    def outputs(self) -> tuple[str, ...]:
        return (OUTPUT,)

    def start(self) -> Work:
        from toolkit.engines import routing

        engines = routing.candidate_engines(self.engine, progress=None) if self.target else None

        def work(unit: Unit, done: Share | None = None) -> list[Result]:
            return self._run(unit, engines, done)

        return work

    def _run(
        self, unit: Unit, engines: list[Engine] | None, done: Share | None = None
    ) -> list[Result]:
        from toolkit.summary.summarize import summarize_text

        pending = unit.pending.get(OUTPUT, ())
        summaries: dict[int, Summary | str] = {}
        for position, document in enumerate(unit.documents):
            if document.error is not None:
                summaries[position] = document.error
                continue
            try:
                summaries[position] = summarize_text(document.key, document.text, self.options)
            except Exception as err:
                summaries[position] = describe_error(err)
            if done is not None:  # the selections' translation, if any, is the small part
                done((position + 1) / len(unit.documents))
        translations = self._translate(summaries, set(pending), engines) if self.target else {}
        results = []
        for position in pending:
            document = unit.documents[position]
            summary = summaries[position]
            translation = translations.get(position)
            problem = summary if isinstance(summary, str) else translation
            if isinstance(problem, str):
                results.append(failure(OUTPUT, position, document, problem))
                continue
            assert not isinstance(summary, str) and not isinstance(translation, str)
            results.append(
                Result(OUTPUT, position, self._line(document, summary, translation), False)
            )
        return results

    def _translate(
        self, summaries: dict[int, Summary | str], wanted: set[int], engines: list[Engine] | None
    ) -> dict[int, SelectionTranslation | str | None]:
        """Position → the translated selection, or the error of a summary that failed to translate."""
        from toolkit.translation.selections import translate_selections

        assert self.target is not None
        good = [p for p, s in summaries.items() if not isinstance(s, str)]
        chosen: list[Summary] = [summaries[p] for p in good]  # type: ignore[misc]
        try:
            translated, _ = translate_selections(
                chosen, self.target, self.engine, self.glossary, engines
            )
            return dict(zip(good, translated, strict=True))
        except EngineUnavailable:
            raise
        except Exception as err:
            _log.info("unit failed as a whole (%s); one summary at a time", describe_error(err))
        # The unit failed as a whole: one summary at a time, so that only the failing ones fail.
        outcomes: dict[int, SelectionTranslation | str | None] = {}
        for position, summary in zip(good, chosen, strict=True):
            if position not in wanted:
                continue
            try:
                outcomes[position] = translate_selections(
                    [summary], self.target, self.engine, self.glossary, engines
                )[0][0]
            except EngineUnavailable:
                raise
            except Exception as err:
                outcomes[position] = describe_error(err)
        return outcomes

    def _line(
        self, document: Any, summary: Summary, translation: SelectionTranslation | None
    ) -> str:
        from toolkit.output.summaries import summary_data

        data = summary_data(summary, () if translation is None else (translation,), self.explain)
        del data["name"]
        record = {"id": document.id, "sha256": document.sha256, **data}
        record |= {"notes": summary.notes, "extra": document.extra, "error": None}
        return dumps_line(record)

"""The work behind each route, done on a worker thread with that worker's engines: the same
pipeline (toolkit.translation.pipeline.Pipeline) and summaries (toolkit.summary) as the
commands, so that a text comes out of the server as it comes out of `toolkit translate`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from toolkit.engines import routing
from toolkit.serve.findings import findings
from toolkit.text import languages
from toolkit.text.inputs import inputs
from toolkit.translation.pipeline import Pipeline

if TYPE_CHECKING:
    from toolkit.engines.base import Engine
    from toolkit.glossary.model import Glossary
    from toolkit.summary.summarize import Summary


@dataclass(frozen=True)
class TextTranslation:
    """One text translated, as /translate answers it."""

    text: str
    source: str  # the language it was translated from (found in it for source auto)
    toolkit: dict[str, Any]  # the `toolkit` field: route, engine, findings, names
    confidence: float = 100.0  # for a source found in the text: how sure, 0 to 100


class Workbench:
    """One worker's engines and pipelines, loaded once and kept for every request it serves."""

    def __init__(self, glossary: Glossary, engine: str = "auto") -> None:
        self.glossary = glossary
        self.engines: list[Engine] = routing.candidate_engines(engine)
        self._pipelines: dict[str, Pipeline] = {}

    def pipeline(self, target: str) -> Pipeline:
        """The pipeline into `target`, made once: it keeps the routes it chose."""
        if target not in self._pipelines:
            self._pipelines[target] = Pipeline(
                [target],
                self.glossary,
                lambda source, into: routing.resolve(self.engines, source, into),
            )
        return self._pipelines[target]

    def translate(self, text: str, source: str | None, target: str) -> TextTranslation:
        """`text` from `source` (None: found in it) into `target`, as `toolkit translate --text`
        writes it, with its QA findings and the glossary names in it."""
        translated = self.pipeline(target).translate_inputs(inputs([], text, None), None, source)
        translation, report = translated.translations[0], translated.reports[0]
        output = "".join(doc.text for doc in translation.documents)
        route = translation.route
        extra = {
            "route": route.describe(),
            "engine": route.engine,
            "languages": route.languages,
            "findings": findings(report),
            "names": self.names(output, target),
        }
        confidence = 100.0
        if source is None:
            from toolkit.text.language_guess import ranked_guesses

            confidence = dict(ranked_guesses(text)).get(translated.source, 0.0)
        return TextTranslation(output, translated.source, extra, confidence)

    def names(self, text: str, target: str) -> list[dict[str, Any]]:
        """Each glossary name in a translation, in its form in `target`, with its offsets."""
        whole_words = target not in languages.UNSPACED
        matcher = self.glossary.target_matcher(target, False, whole_words)
        found = []
        for hit in matcher.find(text):
            term = self.glossary.terms[int(hit.keys[0])]  # type: ignore[call-overload]
            found.append(
                {"term": term.name, "form": term.form(target), "start": hit.start, "end": hit.end}
            )
        return found

    def summarize(
        self,
        text: str,
        language: str,
        count: int | None,
        ratio: float | None,
        algorithm: str,
        targets: list[str],
    ) -> dict[str, Any]:
        """The summary of `text` as `toolkit summarize --text` chooses it, its sentences with
        their offsets, and their translation into each target."""
        from toolkit.summary.summarize import Options, summarize_text
        from toolkit.translation.selections import translate_selections

        options = Options(algorithm, language, count, ratio, all_scores=False)
        summary: Summary = summarize_text("<text>", text, options)
        translations = {}
        for target in targets:
            if target == summary.language:
                translations[target] = [s.text for s in summary.selected]
                continue
            per_summary, _ = translate_selections(
                [summary], target, "auto", self.glossary, self.engines
            )
            chosen = per_summary[0]
            translations[target] = [] if chosen is None else chosen.sentences
        return {
            "algorithm": summary.algorithm,
            "language": summary.language,
            "sentences": [
                {"text": s.text, "start": s.start, "end": s.end} for s in summary.selected
            ],
            "translations": translations,
        }

    def close(self) -> None:
        close_engines(self.engines)


def close_engines(engines: list[Engine]) -> None:
    """End the programs each engine keeps running (Apertium's), where it keeps any."""
    for engine in engines:
        close = getattr(engine, "close", None)
        if close is not None:
            close()

"""`toolkit summarize`: read, score the sentences, select, optionally translate, render.

Each input is read block by block; a text longer than --chunk-sentences is ranked in chunks (see
toolkit.summary.summarize), so that memory stays bounded whatever its size.
"""

from __future__ import annotations

import time
from contextlib import nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

from toolkit.commands import reading
from toolkit.environment import Environment
from toolkit.errors import UsageError
from toolkit.glossary.active import load_active
from toolkit.output import terminal as output
from toolkit.output import words
from toolkit.output.summaries import FORMATS, SummaryResult
from toolkit.output.translations import translation_summary
from toolkit.summary.algorithms import NAMES
from toolkit.summary.select import check_length
from toolkit.summary.summarize import AUTO, Options, summarize_blocks
from toolkit.text import languages

if TYPE_CHECKING:
    from toolkit.translation.selections import SelectionTranslation


@dataclass(frozen=True, kw_only=True)
class SummarizeRequest:
    files: list[str]
    text: str | None = None  # --text, instead of files
    sentences: int | None
    ratio: float | None
    algorithm: str
    language: str
    to: str | None
    engine: str
    format: str
    explain: bool
    encoding: str | None
    glossaries: tuple[str, ...] = ()
    use_glossary: bool = True
    chunk_sentences: int | None = None  # None: the algorithm's own limit
    force: bool = False  # --force: summarise as --from says whatever the language check says


def run(request: SummarizeRequest, env: Environment) -> None:
    options = _options(request)
    targets = languages.parse_list(request.to, "target language") if request.to else []
    if options.language in targets:
        raise UsageError(f"--to {options.language} is the language of the text")
    # The whole glossary is read, and refused with file:line, before any input is touched.
    glossary = load_active(list(request.glossaries), request.use_glossary)
    language = None if options.language == AUTO else options.language
    inputs = reading.open_inputs(env, request.files, request.text, language, "summarize")
    summaries = []
    bar = env.input_progress(inputs, "summarizing")
    spinning = nullcontext() if bar.shown else env.status("Scoring sentences…")
    with bar, spinning as status:

        def progress(sentences: int, chunks: int) -> None:
            message = (
                f"{words.number(sentences)} sentences read, {words.count(chunks, 'chunk')} ranked"
            )
            bar.describe(f"summarizing: {message}")
            if status is not None:
                status.update(f"Scoring sentences… {message}")

        for source in inputs:
            started = time.perf_counter()
            blocks = bar.counted(source.blocks(request.encoding))
            summary = summarize_blocks(source.name, blocks, options, progress)
            summaries.append(summary)
            env.detail(
                f"{summary.name}: {summary.algorithm} ranked {words.count(summary.total, 'sentence')} "
                f"({summary.mode}) in {time.perf_counter() - started:.2f} s"
            )
    reading.empty_notes(env, [s.name for s in summaries if s.total == 0], "summarize")
    for summary in summaries:  # env.stderr, and rich with it, only when there is a note
        for note in summary.notes:
            env.stderr.print(
                f"[yellow]{output.shown(f'{summary.name}: {note}')}[/]", highlight=False
            )

    translations: list[list[SelectionTranslation | None]] = []
    if targets:
        from toolkit.engines.routing import candidate_engines
        from toolkit.translation.selections import translate_selections

        engines = candidate_engines(request.engine, progress=env.progress, warn=env.note)
        for target in targets:
            per_summary, runs = translate_selections(
                summaries, target, request.engine, glossary, engines
            )
            translations.append(per_summary)
            for translation in runs:
                translation_summary(env.stderr, translation)

    result = SummaryResult(summaries, translations, request.explain, glossary, targets)
    FORMATS.renderer(request.format)(result, env)


def parse_choices(
    algorithm: str, language: str, sentences: int | None, ratio: float | None
) -> tuple[str, str]:
    """The algorithm and language asked for, validated (usage errors), and the length checked."""
    name = algorithm.strip().lower()
    if name not in NAMES:
        raise UsageError(f"unknown algorithm {algorithm!r}; choose {', '.join(NAMES)}")
    check_length(sentences, ratio)
    code = language.strip().lower()
    return name, code if code == AUTO else languages.parse(code, "language")


def _options(request: SummarizeRequest) -> Options:
    FORMATS.check(request.format)
    algorithm, language = parse_choices(
        request.algorithm, request.language, request.sentences, request.ratio
    )
    if request.chunk_sentences is not None and request.chunk_sentences < 0:
        raise UsageError(
            f"--chunk-sentences must be 0 (rank any text whole) or more, not {request.chunk_sentences}"
        )
    return Options(
        algorithm,
        language,
        request.sentences,
        request.ratio,
        chunk_sentences=request.chunk_sentences,
        all_scores=request.explain,
        force=request.force,
    )

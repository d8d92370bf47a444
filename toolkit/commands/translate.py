"""`toolkit translate`: read the options, open the inputs, hand them to the translation pipeline
(toolkit.translation.pipeline), and render: text written as each batch is done, JSON and --strict
once the whole input is translated and checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from toolkit.commands import reading
from toolkit.engines import routing
from toolkit.environment import Environment
from toolkit.errors import UsageError
from toolkit.glossary.active import load_active, with_patterns
from toolkit.glossary.model import Glossary
from toolkit.output import files, qa_report, words
from toolkit.output import terminal as output
from toolkit.output.sinks import FolderSink, Headers, JoinedSink, Sink, check_distinct, output_name
from toolkit.output.translations import (
    FORMATS,
    normalization_note,
    translation_summary,
    translations_json,
    weak_cut_note,
)
from toolkit.text import languages
from toolkit.text.inputs import Input
from toolkit.translation import qa
from toolkit.translation.pipeline import BatchTranslation, Pipeline, Translated
from toolkit.translation.source_language import foreign_warning

AUTO = "auto"  # --from auto: the input's language is detected


@dataclass(frozen=True, kw_only=True)
class TranslateRequest:
    files: list[str]
    text: str | None = None  # --text, instead of files
    source: str
    targets: str
    engine: str
    via: str | None = None  # --via: the pivot language, "-" for the direct pair
    output: str | Path | None  # as given to -o: a trailing / means a folder
    format: str
    encoding: str | None
    glossaries: tuple[str, ...] = ()
    use_glossary: bool = True
    check: bool = False
    strict: bool = False
    protect: tuple[str, ...] = ()  # --protect: regular expressions of spans to keep as they are
    target_typography: bool = True
    force: bool = False  # --force: translate from --from whatever the language check says
    engine_options: dict[str, object] = field(default_factory=dict)  # --device, --threads, ...


def run(request: TranslateRequest, env: Environment) -> None:
    FORMATS.check(request.format)
    if request.output == files.STDOUT:
        request = replace(request, output=None)
    declared, targets = _direction(request)
    source = declared or languages.DEFAULT_SOURCE  # with --from auto, until the input tells
    inputs = reading.open_inputs(env, request.files, request.text, source)
    folder, path = _destinations(request, inputs, targets)
    # The whole glossary is read, and refused with file:line, before any input or engine is touched.
    glossary = _glossary(request, source, env)
    via = routing.parse_via(request.via)
    progress = env.input_progress(inputs, f"translating into {','.join(targets)}", len(targets))
    # An engine's own progress bar (argos) only when the command draws none.
    engines = routing.candidate_engines(
        request.engine,
        progress=None if progress.shown else env.progress,
        warn=env.note,
        **request.engine_options,
    )
    pipeline = Pipeline(
        targets,
        glossary,
        lambda language, target: routing.resolve(engines, language, target, via, env.detail),
        request.target_typography,
        request.force,
    )
    if declared is not None:
        pipeline.routes(declared)  # before any input is read: a missing route fails first
    headers = _headers(targets, len(inputs), request.output is None)
    streaming = request.format == "text" and not request.strict
    streams = _Streams(folder, path, headers)
    with_text: set[int] = set()  # the inputs that held some text

    def batch_done(batch: BatchTranslation) -> None:
        with_text.update(p.input for p in batch.pieces if p.document.text.strip())
        if streaming:
            streams.write(batch)

    try:
        with progress:
            translated = pipeline.translate_inputs(
                inputs,
                request.encoding,
                declared,
                batch_done,
                keep_text=not streaming,
                advance=progress.advance if progress.shown else None,
            )
        streams.close()
    except BaseException:
        streams.discard()
        raise
    empty = [source.name for i, source in enumerate(inputs) if i not in with_text]
    reading.empty_notes(env, empty, "translate")
    if len(empty) < len(inputs):  # else the notes would only count zeros
        _notes(env, request, translated)
    if request.strict:
        qa.enforce_strict(translated.reports)
    if not streaming:
        _write_all(request, translated, folder, path, headers)


def _direction(request: TranslateRequest) -> tuple[str | None, list[str]]:
    """The declared source language (None: --from auto, found in the input) and the targets."""
    if request.source.strip().lower() == AUTO:
        return None, languages.parse_list(request.targets, "target language")
    return languages.parse_direction(request.source, request.targets)


def _destinations(
    request: TranslateRequest, inputs: list[Input], targets: list[str]
) -> tuple[Path | None, Path | None]:
    """The folder of the output files, or the one file of the output (None, None: stdout),
    checked before any work."""
    if request.output is None:
        return None, None
    destination = files.destination(request.output)
    if destination.folder and request.format == "json":
        raise UsageError(f"{destination.path}: is a folder; --format json writes one file")
    files_read = [source.path for source in inputs if source.text is None]
    several_outputs = len(targets) > 1 and request.format == "text"
    if several_outputs and not destination.folder:
        raise UsageError(
            f"{request.output}: {len(targets)} languages give a file each; for a folder of them, "
            f"end it with /: -o {request.output}/"
        )
    if not destination.folder:
        files.check_writable(destination.path)
        files.check_not_input(destination.path, files_read)
        return None, destination.path
    names = [source.name for source in inputs]
    for target in targets:
        check_distinct(names, destination.path, target)
        for name in names:
            written = destination.path / output_name(name, target)
            files.check_name(written)
            files.check_not_folder(written)
            files.check_not_input(written, files_read)
    return files.output_folder(destination.path), None


def _glossary(request: TranslateRequest, source: str, env: Environment) -> Glossary:
    glossary = load_active(list(request.glossaries), request.use_glossary, source)
    glossary = with_patterns(glossary, request.protect)
    env.detail(
        f"glossary: {words.count(len(glossary.terms), 'term')} ({', '.join(glossary.files) or 'none'})"
    )
    return glossary


def _notes(env: Environment, request: TranslateRequest, translated: Translated) -> None:
    """On stderr: what was changed before the engine, the weak cuts, and each target's summary
    line and QA (the report with --check, else what it found)."""
    console = env.stderr
    for passage in translated.foreign:
        place = passage.place
        warning = foreign_warning(
            place.paragraph, passage.last, passage.language, translated.source
        )
        console.print(
            f"[yellow]warning: {output.shown(f'{place.document} {warning}')}[/]", highlight=False
        )
    normalization_note(console, translated.translations[0])
    for cut in translated.weak_cuts:
        weak_cut_note(console, cut.name, cut.paragraph, cut.limit, cut.boundaries)
    for translation, report in zip(translated.translations, translated.reports, strict=True):
        translation_summary(console, translation)
        if request.check and request.format != "json":
            qa_report.print_report(console, report)
        elif not request.check:
            qa_report.print_findings(console, report)


def _headers(targets: list[str], inputs: int, to_stdout: bool) -> dict[str, Headers]:
    """Headers for each language's text on stdout, when several inputs or languages share it."""
    if not to_stdout or (len(targets) == 1 and inputs == 1):
        return {}
    return {
        target: Headers(target if len(targets) > 1 else None, inputs > 1, first=i == 0)
        for i, target in enumerate(targets)
    }


class _Streams:
    """Text written as each batch is done: a sink per target, opened on its first batch."""

    def __init__(self, folder: Path | None, path: Path | None, headers: dict[str, Headers]):
        self.folder, self.path, self.headers = folder, path, headers
        self.sinks: dict[str, Sink] = {}

    def write(self, batch: BatchTranslation) -> None:
        sink = self.sinks.get(batch.target)
        if sink is None:
            sink = self.sinks[batch.target] = _sink(
                batch.target, self.folder, self.path, self.headers
            )
        for piece, doc in zip(batch.pieces, batch.translation.documents, strict=True):
            sink.write(piece.input, piece.name, doc.text)

    def close(self) -> None:
        for sink in self.sinks.values():
            sink.close()

    def discard(self) -> None:
        for sink in self.sinks.values():
            sink.discard()


def _sink(target: str, folder: Path | None, path: Path | None, headers: dict[str, Headers]) -> Sink:
    if folder is not None:
        return FolderSink(folder, target)
    if path is not None:
        return JoinedSink(files.AtomicFile(path))
    header = headers.get(target)
    return JoinedSink(headers=header, deferred=header is not None and not header.first)


def _write_all(
    request: TranslateRequest,
    translated: Translated,
    folder: Path | None,
    path: Path | None,
    headers: dict[str, Headers],
) -> None:
    """Write results held in memory: JSON, or text under --strict once every name was checked."""
    translations = translated.translations
    if request.format == "json":
        reports = [r.to_data() for r in translated.reports] if request.check else None
        text = translations_json(translations, reports)
        if path is None:
            output.write_stdout(text)
        else:
            files.write_atomic(path, text)
        return
    for translation in translations:
        sink = _sink(translation.target, folder, path, headers)
        try:
            for index, doc in enumerate(translation.documents):
                sink.write(index, doc.name, doc.text)
            sink.close()
        except BaseException:
            sink.discard()
            raise

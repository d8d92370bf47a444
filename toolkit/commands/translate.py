"""`toolkit translate`: read, segment, route, translate, write.

Input is read in batches of whole paragraphs (about BATCH_CHARS characters, across files), so that
memory stays bounded on large inputs while a typical input is still one engine batch. A paragraph
longer than PIECE_CHARS is cut into pieces, each a batch of its own, joined back into one
paragraph: at sentence ends, or where there is none at a weaker boundary (toolkit.text.cuts), which
a note on stderr tells. Plain text is written as each batch is done; JSON and --strict wait for the
whole input.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from toolkit.commands import reading
from toolkit.engines import routing
from toolkit.engines.base import Engine, Route
from toolkit.environment import Environment
from toolkit.errors import ToolkitError, UsageError
from toolkit.glossary.active import load_active, with_patterns
from toolkit.glossary.model import Glossary
from toolkit.output import files, qa_report, render, words
from toolkit.output import terminal as output
from toolkit.output.progress import InputProgress
from toolkit.output.sinks import FolderSink, Headers, JoinedSink, Sink, check_distinct, output_name
from toolkit.text import detection, languages, spans
from toolkit.text.cuts import SENTENCE, paragraph_cut
from toolkit.text.document import Document, segment
from toolkit.text.inputs import Input, ends_paragraph, split_pieces
from toolkit.translation import protection, qa
from toolkit.translation.translate import (
    Origin,
    Translation,
    all_paragraphs,
    concatenate,
    translate_documents,
)

FORMATS = ("text", "json")
AUTO = "auto"  # --from auto: the input's language is detected
# A declared language is checked on inputs of at least this many words (fewer say too little).
MIN_WORDS = 20
_WORD = re.compile(r"[^\W\d_]+")
BATCH_CHARS = 2_000_000
PIECE_CHARS = 250_000


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
    engine_options: dict[str, object] = field(default_factory=dict)  # --device, --threads, ...


@dataclass(frozen=True)
class Piece:
    """Paragraphs of one input; an input may come in several pieces, in order. A piece that
    `continues` begins with the rest of the previous piece's last paragraph."""

    input: int
    name: str
    document: Document
    continues: bool = False
    cut: str | None = None  # the boundary it ends at, when it ends inside a paragraph


def batches(
    inputs: list[Input],
    encoding: str | None,
    glossary: Glossary,
    patterns: tuple[re.Pattern[str], ...] = (),
) -> Iterator[list[Piece]]:
    """The inputs in order, as batches of pieces holding about BATCH_CHARS characters each; the
    pieces of a paragraph cut (never inside a protected span, one of `patterns` (the glossary's
    --protect, compiled), or a name) are batches alone, so that an engine never holds more than
    PIECE_CHARS of one paragraph."""

    def whole(text: str) -> list[tuple[int, int]]:
        # A word too long to be one goes through as it is, in parts that are still too long.
        found = [(s.start, s.end) for s in spans.find(text, patterns) if s.kind != spans.WORD]
        return found + [(name.start, name.end) for name in glossary.find(text)]

    boundaries: deque[str] = deque()  # of the cuts made, for the pieces they end

    def cut(text: str) -> int | None:
        found = paragraph_cut(text, PIECE_CHARS, whole)
        if found is None:
            return None
        boundaries.append(found.boundary)
        return found.position

    batch: list[Piece] = []
    size = 0
    for index, source in enumerate(inputs):
        empty, cut_before = True, False
        for text, cut_after in _pieces(split_pieces(source.blocks(encoding), PIECE_CHARS, cut)):
            empty = False
            if (cut_before or cut_after) and batch:
                yield batch
                batch, size = [], 0
            boundary = boundaries.popleft() if cut_after else None
            batch.append(Piece(index, source.name, segment(text), cut_before, boundary))
            size += len(text)
            if size >= BATCH_CHARS or cut_before or cut_after:
                yield batch
                batch, size = [], 0
            cut_before = cut_after
        if empty:  # an empty input is still an input: it gets its (empty) output
            batch.append(Piece(index, source.name, segment("")))
    if batch:
        yield batch


def _pieces(texts: Iterator[str]) -> Iterator[tuple[str, bool]]:
    """Each piece of an input, and whether it ends inside a paragraph that the next one ends."""
    previous = None
    for text in texts:
        if previous is not None:
            yield previous, not ends_paragraph(previous)
        previous = text
    if previous is not None:
        yield previous, False


def run(request: TranslateRequest, env: Environment) -> None:
    render.check_format(request.format, FORMATS)
    auto = request.source.strip().lower() == AUTO
    if auto:  # the source is known once the first batch is read
        source, targets = (
            languages.DEFAULT_SOURCE,
            languages.parse_list(request.targets, "target language"),
        )
    else:
        source, targets = languages.parse_direction(request.source, request.targets)
    several_outputs = len(targets) > 1 and request.format == "text"
    inputs = reading.open_inputs(env, request.files, request.text, source)
    folder = path = None
    if request.output is not None:
        destination = files.destination(request.output)
        if destination.folder and request.format == "json":
            raise UsageError(f"{destination.path}: is a folder; --format json writes one file")
        files_read = [source.path for source in inputs if source.text is None]
        if several_outputs or destination.folder:
            names = [source.name for source in inputs]
            for target in targets:
                check_distinct(names, destination.path, target)
                for name in names:
                    output = destination.path / output_name(name, target)
                    files.check_name(output)
                    files.check_not_input(output, files_read)
            folder = files.output_folder(destination.path)
        else:
            path = destination.path
            files.check_writable(path)
            files.check_not_input(path, files_read)
    # The whole glossary is read, and refused with file:line, before any input or engine is touched.
    glossary = load_active(list(request.glossaries), request.use_glossary, source)
    glossary = with_patterns(glossary, request.protect)
    env.detail(
        f"glossary: {words.count(len(glossary.terms), 'term')} ({', '.join(glossary.files) or 'none'})"
    )
    patterns = protection.compile_patterns(glossary)  # once for the run
    via = routing.parse_via(request.via)
    progress = InputProgress(env, inputs, f"translating into {','.join(targets)}", len(targets))
    # An engine's own progress bar (argos) only when the command draws none.
    engines = routing.candidate_engines(
        request.engine, progress=not (env.quiet or progress.shown), **request.engine_options
    )

    # The route to each target depends on what is installed and on --via, never on the input
    # (with --from auto, on the language found in it).
    def routes_from(language: str) -> dict[str, tuple[Engine, Route]]:
        return {t: routing.resolve(engines, language, t, via, env.detail) for t in targets}

    routes = {} if auto else routes_from(source)
    checked = False

    headers = _headers(targets, len(inputs), request.output is None)
    streaming = request.format == "text" and not request.strict
    sinks: dict[str, Sink] = {}
    parts: dict[str, list[tuple[list[Origin], Translation]]] = {target: [] for target in targets}
    cuts = _WeakCuts()
    try:
        with progress:
            for batch in batches(inputs, request.encoding, glossary, patterns):
                cuts.add(batch)
                documents = [(piece.name, piece.document) for piece in batch]
                size = sum(len(p.document.text.encode("utf-8")) for p in batch) * progress.shown
                if not checked:  # the language of the input, on its first batch
                    source = _source_language(all_paragraphs(documents), None if auto else source)
                    checked = True
                    if auto:
                        if source in targets:
                            raise UsageError(f"--to includes the source language {source}")
                        routes = routes_from(source)
                for target, (engine, route) in routes.items():
                    translation = translate_documents(
                        documents, engine, route, glossary, request.target_typography, patterns
                    )
                    if streaming:
                        if target not in sinks:
                            sinks[target] = _sink(target, folder, path, headers)
                        for piece, doc in zip(batch, translation.documents, strict=True):
                            sinks[target].write(piece.input, piece.name, doc.text)
                        translation = replace(
                            translation,
                            documents=[replace(d, text="") for d in translation.documents],
                        )
                    origins = [Origin(piece.input, piece.continues) for piece in batch]
                    parts[target].append((origins, translation))
                    progress.advance(size)
        for sink in sinks.values():
            sink.close()
    except BaseException:
        for sink in sinks.values():
            sink.discard()
        raise

    translations = [concatenate(parts[target]) for target in targets]
    console = env.stderr
    render.normalization_note(console, translations[0])
    for name, paragraph, boundaries in cuts.found():
        render.weak_cut_note(console, name, paragraph, PIECE_CHARS, boundaries)
    for translation in translations:
        render.translation_summary(console, translation)
        if request.check and request.format != "json":
            qa_report.print_report(console, translation)
        elif not request.check:
            qa_report.print_findings(console, translation)
    if request.strict:
        qa.enforce_strict(translations)
    if not streaming:
        _write_all(request, translations, folder, path, headers)


class _WeakCuts:
    """The paragraphs cut at a boundary weaker than a sentence end, and where."""

    def __init__(self) -> None:
        self.paragraphs: dict[int, int] = Counter()  # paragraphs so far, per input
        self.cuts: dict[tuple[int, str, int], Counter[str]] = {}

    def add(self, batch: list[Piece]) -> None:
        for piece in batch:
            count = len(piece.document.paragraphs)
            self.paragraphs[piece.input] += count - (piece.continues and count > 0)
            if piece.cut is not None and piece.cut != SENTENCE:
                key = (piece.input, piece.name, self.paragraphs[piece.input])
                self.cuts.setdefault(key, Counter())[piece.cut] += 1

    def found(self) -> Iterator[tuple[str, int, Counter[str]]]:
        for (_, name, paragraph), boundaries in self.cuts.items():
            yield name, paragraph, boundaries


def _headers(targets: list[str], inputs: int, to_stdout: bool) -> dict[str, Headers]:
    """Headers for each language's text on stdout, when several inputs or languages share it."""
    if not to_stdout or (len(targets) == 1 and inputs == 1):
        return {}
    return {
        target: Headers(target if len(targets) > 1 else None, inputs > 1, first=i == 0)
        for i, target in enumerate(targets)
    }


def _source_language(paragraphs: list[str], declared: str | None) -> str:
    """The language of the input: found in it (--from auto), or the declared one unless at least
    MIN_WORDS words of it are surely in another (exit 1, naming it). Addresses, links and the
    like are left out; French, English and Italian are told by their stop words, the rest by
    langdetect."""
    from toolkit.text import spans
    from toolkit.text.language_guess import language_of

    text = "\n".join(spans.without(p) for p in paragraphs)[: detection.SAMPLE]
    if declared is None:
        return language_of(text).code or languages.DEFAULT_SOURCE
    if len(_WORD.findall(text)) < MIN_WORDS:
        return declared
    guess = language_of(text)
    if guess.sure and guess.code not in (None, declared):
        raise ToolkitError(
            f"the input looks like {languages.name(guess.code)} ({guess.code}), not "
            f"{languages.name(declared)} ({declared}); give --from {guess.code}, or --from auto"
        )
    return declared


def _sink(target: str, folder: Path | None, path: Path | None, headers: dict[str, Headers]) -> Sink:
    if folder is not None:
        return FolderSink(folder, target)
    if path is not None:
        return JoinedSink(files.AtomicFile(path))
    header = headers.get(target)
    return JoinedSink(headers=header, deferred=header is not None and not header.first)


def _write_all(
    request: TranslateRequest,
    translations: list[Translation],
    folder: Path | None,
    path: Path | None,
    headers: dict[str, Headers],
) -> None:
    """Write results held in memory: JSON, or text under --strict once every name was checked."""
    if request.format == "json":
        text = render.to_json(
            {
                "inputs": [doc.name for doc in translations[0].documents],
                "translations": [
                    render.translation_data(t) | ({"qa": qa.report(t)} if request.check else {})
                    for t in translations
                ],
            }
        )
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

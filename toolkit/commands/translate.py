"""`toolkit translate`: read, segment, route, translate, write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from toolkit import languages, output, qa, render, routing
from toolkit.document import segment
from toolkit.errors import UsageError
from toolkit.glossary import load_active
from toolkit.inputs import read_sources
from toolkit.translate import Translation, all_paragraphs, translate_documents

FORMATS = ("text", "json")


@dataclass(frozen=True)
class TranslateRequest:
    files: list[str]
    source: str
    targets: str
    engine: str
    output: Path | None
    format: str
    encoding: str | None
    glossaries: tuple[str, ...] = ()
    use_glossary: bool = True
    check: bool = False
    strict: bool = False


def run(request: TranslateRequest) -> None:
    if request.format not in FORMATS:
        raise UsageError(f"unknown format {request.format!r}; choose {' or '.join(FORMATS)}")
    source = languages.parse(request.source, "source language")
    targets = languages.parse_list(request.targets, "target language")
    if source in targets:
        raise UsageError(f"--to includes the source language {source}")
    several_outputs = len(targets) > 1 and request.format == "text"
    if several_outputs and request.output is None:
        raise UsageError("several target languages need -o DIR (one file each) or --format json")
    folder = None
    if several_outputs or (request.output is not None and request.output.is_dir()):
        assert request.output is not None
        folder = output.output_folder(request.output)
    elif request.output is not None:
        output.check_writable(request.output)
    # The whole glossary is read, and refused with file:line, before any input or engine is touched.
    glossary = load_active(list(request.glossaries), request.use_glossary, source)
    sources = read_sources(request.files, request.encoding)
    documents = [(s.name, segment(s.text)) for s in sources]
    paragraphs = all_paragraphs(documents)

    engines = routing.candidate_engines(request.engine)
    translations: list[Translation] = []
    console = render.stderr_console()
    for target in targets:
        engine, route = routing.resolve(engines, source, target, paragraphs)
        translation = translate_documents(documents, engine, route, glossary)
        translations.append(translation)
        render.translation_summary(console, translation)
        if request.check and request.format != "json":
            qa.print_report(console, translation)
    if request.strict:
        qa.enforce_strict(translations)

    if request.format == "json":
        text = render.to_json(
            {
                "inputs": [name for name, _ in documents],
                "translations": [
                    render.translation_data(t) | ({"qa": qa.report(t)} if request.check else {})
                    for t in translations
                ],
            }
        )
        _emit(text, request.output)
    elif folder is not None:
        for translation in translations:
            for doc in translation.documents:
                stem = "stdin" if doc.name == "<stdin>" else Path(doc.name).stem
                output.write_atomic(folder / f"{stem}.{translation.target}.txt", _ending(doc.text))
    else:
        _emit(render.translation_text(translations[0]), request.output)


def _emit(text: str, path: Path | None) -> None:
    if path is None:
        output.write_stdout(text)
    else:
        output.write_atomic(path, text)


def _ending(text: str) -> str:
    return text if text.endswith("\n") or not text else text + "\n"

"""A small corpus of releases for the corpus-mode tests, and reading their output files."""

from __future__ import annotations

import json
from pathlib import Path

from toolkit.text.document import segment

TARGETS = "es,ca"
BATCH = "6"  # documents per engine call: several units, so that workers share the work


def corpus_documents(release_text: str, count: int = 24) -> list[dict[str, object]]:
    """`count` short releases made of one to three paragraphs of the example release."""
    paragraphs = [p.text for p in segment(release_text).paragraphs]
    documents = []
    for i in range(count):
        chosen = [paragraphs[(i + j) % len(paragraphs)] for j in range(1 + i % 3)]
        text = f"Communiqué n° {i + 1}\n\n" + "\n\n".join(chosen) + "\n"
        documents.append({"id": f"release-{i:03d}", "text": text, "desk": "Stepanakert"})
    return documents


def write_jsonl(path: Path, documents: list[dict[str, object]]) -> Path:
    path.write_text(
        "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8"
    )
    return path


def read_lines(path: Path) -> list[dict[str, object]]:
    """Every line of an output file; each must be complete JSON."""
    data = path.read_text(encoding="utf-8")
    assert data == "" or data.endswith("\n"), "a torn last line"
    return [json.loads(line) for line in data.splitlines()]


def output_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.jsonl"))}


def translate_corpus(run_toolkit, corpus: Path, out: Path, *options: str):
    """`toolkit corpus translate` on the test targets and batch size, as a user runs it."""
    return run_toolkit(
        "corpus", "translate", str(corpus), "--to", TARGETS, "-o", str(out), "--batch", BATCH,
        *options,
    )  # fmt: skip

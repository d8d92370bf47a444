"""`toolkit corpus translate --ray`: the same files as one process, on a local Ray started once for these tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import ray
from typer.testing import CliRunner

from tests.corpus_helpers import BATCH, TARGETS, output_files, read_lines
from toolkit.cli import app


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    """One local Ray for the module: the runs below find it started and leave it running."""
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def ray_translate(corpus: Path, out: Path, *options: str):
    args = ["corpus", "translate", str(corpus), "--to", TARGETS, "-o", str(out), "--batch", BATCH]
    return CliRunner().invoke(app, [*args, "--ray", "local", "--workers", "2", *options])


def test_ray_writes_the_same_files_as_one_process(corpus_reference, tmp_path) -> None:
    corpus, reference = corpus_reference
    result = ray_translate(corpus, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert output_files(tmp_path / "out") == output_files(reference)


def test_ray_completes_a_partial_output(corpus_reference, tmp_path) -> None:
    corpus, reference = corpus_reference
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    lines = (reference / "ca.jsonl").read_bytes().splitlines(keepends=True)
    (out / "ca.jsonl").write_bytes(b"".join(lines[:9]))
    result = ray_translate(corpus, out)
    assert result.exit_code == 0, result.output
    assert output_files(out) == output_files(reference)


def test_ray_records_a_failing_document(tmp_path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"id": 1, "text": "Le ministre a parlé."}\n{"id": 2, "text": "Le \\udfff ministre."}\n',
        encoding="utf-8",
    )
    result = ray_translate(corpus, tmp_path / "out")
    assert result.exit_code == 1
    first, second = read_lines(tmp_path / "out" / "es.jsonl")
    assert first["id"] == 1 and first["text"] == "El ministro ha hablado."
    assert second["id"] == 2 and "unpaired surrogate U+DFFF" in second["error"]


def test_ray_summaries_are_the_same_as_in_one_process(tmp_path, release_text) -> None:
    from tests.conftest import run_toolkit
    from tests.corpus_helpers import corpus_documents, write_jsonl

    corpus = write_jsonl(tmp_path / "corpus.jsonl", corpus_documents(release_text, count=8))
    args = ["corpus", "summarize", str(corpus), "-n", "2", "--batch", "3"]
    one = run_toolkit(*args, "-o", str(tmp_path / "one"))
    assert one.returncode == 0, one.stderr
    result = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "ray"), "--ray", "local"])
    assert result.exit_code == 0, result.output
    assert output_files(tmp_path / "one") == output_files(tmp_path / "ray")

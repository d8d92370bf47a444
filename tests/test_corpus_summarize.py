"""`toolkit corpus summarize`: the single-document summaries, line by line, the same in every mode."""

from __future__ import annotations

import json

from tests.conftest import run_toolkit
from tests.corpus_helpers import corpus_documents, output_files, read_lines, write_jsonl


def test_summaries_are_those_of_toolkit_summarize(tmp_path, release_text) -> None:
    documents = corpus_documents(release_text, count=12)
    corpus = write_jsonl(tmp_path / "corpus.jsonl", documents)
    args = ["corpus", "summarize", str(corpus), "-n", "2", "--to", "es", "--batch", "4"]
    one = run_toolkit(*args, "-o", str(tmp_path / "one"))
    assert one.returncode == 0, one.stderr
    assert "summaries.jsonl: 12 written, 0 failed, 0 skipped" in one.stderr
    two = run_toolkit(*args, "-o", str(tmp_path / "two"), "--workers", "2")
    assert two.returncode == 0, two.stderr
    assert output_files(tmp_path / "one") == output_files(tmp_path / "two")

    lines = read_lines(tmp_path / "one" / "summaries.jsonl")
    assert [line["id"] for line in lines] == [d["id"] for d in documents]
    for line, document in list(zip(lines, documents, strict=True))[:3]:
        single = run_toolkit("summarize", "-n", "2", "--format", "json", input=document["text"])
        assert single.returncode == 0, single.stderr
        [expected] = json.loads(single.stdout)["summaries"]
        assert [s["text"] for s in line["summary"]] == [s["text"] for s in expected["summary"]]
        assert [s["score"] for s in line["summary"]] == [s["score"] for s in expected["summary"]]
        assert line["language"] == "fr" and line["algorithm"] == "pacsum"
        assert line["translation"]["target"] == "es"
        assert all(s["translation"] for s in line["summary"])
        assert line["extra"] == {"desk": "Stepanakert"} and line["error"] is None

    rerun = run_toolkit(*args, "-o", str(tmp_path / "one"))
    assert rerun.returncode == 0, rerun.stderr
    assert "summaries.jsonl: 0 written, 0 failed, 12 skipped" in rerun.stderr


def test_a_document_that_cannot_be_summarised_is_recorded(tmp_path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"id": "fr", "text": "Le ministre a parlé. La lettre indique les dangers."}\n'
        '{"id": "ja", "text": "外務大臣は書簡を送った。書簡は危険を示している。"}\n'
        '{"id": "nul", "text": "Le ministre\\u0000 a parlé."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_toolkit("corpus", "summarize", str(corpus), "-o", str(out), "--explain")
    assert result.returncode == 1
    assert f"failed: 2 in {out}/summaries.jsonl" in result.stderr
    lines = {line["id"]: line for line in read_lines(out / "summaries.jsonl")}
    assert lines["fr"]["error"] is None and len(lines["fr"]["scores"]) == 2
    assert "summaries of Japanese text are not supported" in lines["ja"]["error"]
    assert "NUL character" in lines["nul"]["error"]


def test_summarize_usage_errors(tmp_path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [{"id": "a", "text": "Bonjour."}])
    out = str(tmp_path / "out")
    for args, message in [
        (["-a", "nope"], "unknown algorithm 'nope'"),
        (["-n", "2", "--ratio", "0.5"], "give -n/--sentences or --ratio, not both"),
        (["--language", "fr", "--to", "fr"], "--to fr is the language of the text"),
    ]:
        result = run_toolkit("corpus", "summarize", str(corpus), "-o", out, *args)
        assert result.returncode == 2, args
        assert message in result.stderr

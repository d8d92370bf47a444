"""`toolkit corpus translate` as a user runs it: outputs, workers, resume, interruptions, failures, errors."""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import run_toolkit
from tests.corpus_helpers import (
    corpus_documents,
    output_files,
    read_lines,
    translate_corpus,
    write_jsonl,
)
from toolkit.corpus.store import FolderLock
from toolkit.text.document import segment


def copy_reference(reference: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    return out


def test_every_document_has_one_line_per_target(corpus_reference) -> None:
    corpus, reference = corpus_reference
    sources = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    assert sorted(output_files(reference)) == ["ca.jsonl", "es.jsonl"]
    for target in ("es", "ca"):
        lines = read_lines(reference / f"{target}.jsonl")
        assert [line["id"] for line in lines] == [s["id"] for s in sources]
        for line, source in zip(lines, sources, strict=True):
            assert line["error"] is None
            assert line["target"] == target and line["source"] == "fr"
            assert line["sha256"] == hashlib.sha256(source["text"].encode()).hexdigest()
            assert line["extra"] == {"desk": "Stepanakert"}
            assert line["route"]["engine"] == "apertium"
            assert line["qa"]["paragraphs"] == len(segment(source["text"]).paragraphs)
            assert len(segment(line["text"]).paragraphs) == line["qa"]["paragraphs"]
            assert line["text"] != source["text"]


def test_workers_write_the_same_files_as_one_process(corpus_reference, tmp_path) -> None:
    corpus, reference = corpus_reference
    options = ("--workers", "2", "--engine", "apertium")  # an engine that takes no --threads
    result = translate_corpus(run_toolkit, corpus, tmp_path / "out", *options)
    assert result.returncode == 0, result.stderr
    assert output_files(tmp_path / "out") == output_files(reference)
    assert "2 worker processes" in result.stderr


def test_a_rerun_does_nothing(corpus_reference, tmp_path) -> None:
    corpus, reference = corpus_reference
    out = copy_reference(reference, tmp_path)
    result = translate_corpus(run_toolkit, corpus, out)
    assert result.returncode == 0, result.stderr
    assert "es.jsonl: 0 written, 0 failed, 24 skipped" in result.stderr
    assert "all 24 documents already done" in result.stderr
    assert "documents/s" not in result.stderr
    assert output_files(out) == output_files(reference)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_an_interrupted_run_is_completed_by_a_rerun(corpus_reference, tmp_path, stop) -> None:
    corpus, reference = corpus_reference
    out = tmp_path / "out"
    command = [sys.executable, "-m", "toolkit", "corpus", "translate", str(corpus)]
    command += ["--to", "es,ca", "-o", str(out), "--batch", "6", "--workers", "2"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    written = out / "es.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if written.exists() and written.stat().st_size > 0:  # its first unit is being written
            break
        time.sleep(0.02)
    # Frozen at once, so that it cannot finish the run before the signal lands (a fast engine
    # did, under load); a SIGINT is then handled as it goes on, before another unit is written.
    process.send_signal(signal.SIGSTOP)
    assert process.poll() is None, "the run ended before it could be interrupted"
    assert len(read_lines(written)) < 24
    process.send_signal(stop)
    process.send_signal(signal.SIGCONT)
    _, stderr = process.communicate(timeout=60)
    if stop == signal.SIGINT:
        assert process.returncode == 130
        assert b"Traceback" not in stderr
    interrupted = {name: read_lines(out / name) for name in ("es.jsonl", "ca.jsonl")}
    assert 1 <= len(interrupted["es.jsonl"]) < 24

    result = translate_corpus(run_toolkit, corpus, out)
    assert result.returncode == 0, result.stderr
    assert output_files(out) == output_files(reference)


def test_a_torn_last_line_is_cut_off_and_redone(corpus_reference, tmp_path) -> None:
    corpus, reference = corpus_reference
    out = copy_reference(reference, tmp_path)
    lines = (reference / "es.jsonl").read_bytes().splitlines(keepends=True)
    (out / "es.jsonl").write_bytes(b"".join(lines[:10]) + lines[10][:40])
    result = translate_corpus(run_toolkit, corpus, out)
    assert result.returncode == 0, result.stderr
    assert "incomplete last line" in result.stderr
    assert "es.jsonl: 14 written, 0 failed, 10 skipped" in result.stderr
    assert output_files(out) == output_files(reference)


def test_a_changed_document_is_translated_again(corpus_reference, tmp_path, release_text) -> None:
    _, reference = corpus_reference
    out = copy_reference(reference, tmp_path)
    documents = corpus_documents(release_text)
    documents[4]["text"] = "Le ministre a parlé à Stepanakert.\n"
    corpus = write_jsonl(tmp_path / "changed.jsonl", documents)
    (out / "es.jsonl").chmod(0o664)
    result = translate_corpus(run_toolkit, corpus, out)
    assert result.returncode == 0, result.stderr
    assert "es.jsonl: 1 written, 0 failed, 23 skipped" in result.stderr
    lines = read_lines(out / "es.jsonl")
    assert len(lines) == 24 and len({line["id"] for line in lines}) == 24
    changed = next(line for line in lines if line["id"] == "release-004")
    assert changed["text"].startswith("El ministro")
    # In input order again, byte for byte what a fresh run writes, and the file's mode kept.
    fresh = tmp_path / "fresh"
    assert translate_corpus(run_toolkit, corpus, fresh).returncode == 0
    assert output_files(out) == output_files(fresh)
    assert (out / "es.jsonl").stat().st_mode & 0o777 == 0o664


def test_failing_documents_are_recorded_and_the_run_goes_on(tmp_path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"id": "good-1", "text": "Le ministre a parlé."}\n'
        '{"id": "surrogate", "text": "Le ministre \\ud800 a parlé."}\n'
        '{"id": "nul", "text": "Le ministre\\u0000 a parlé."}\n'
        '{"id": "good-2", "text": "La lettre indique les dangers."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_toolkit("corpus", "translate", str(corpus), "--to", "es", "-o", str(out))
    assert result.returncode == 1
    assert f"failed: 2 in {out}/es.jsonl" in result.stderr and "--retry-failed" in result.stderr
    lines = {line["id"]: line for line in read_lines(out / "es.jsonl")}
    assert list(lines) == ["good-1", "surrogate", "nul", "good-2"]
    assert lines["good-1"]["text"] == "El ministro ha hablado."
    assert lines["good-2"]["error"] is None
    assert "unpaired surrogate U+D800 at character 12" in lines["surrogate"]["error"]
    assert "NUL character at character 11" in lines["nul"]["error"]

    rerun = run_toolkit("corpus", "translate", str(corpus), "--to", "es", "-o", str(out))
    assert rerun.returncode == 0, rerun.stderr
    assert "0 written, 0 failed, 4 skipped" in rerun.stderr

    retry = run_toolkit(
        "corpus", "translate", str(corpus), "--to", "es", "-o", str(out), "--retry-failed"
    )
    assert retry.returncode == 1
    assert "0 written, 2 failed, 2 skipped" in retry.stderr
    # The retried lines, appended at first, are put back in input order when the run ends.
    assert [line["id"] for line in read_lines(out / "es.jsonl")] == [
        "good-1",
        "surrogate",
        "nul",
        "good-2",
    ]


def test_a_folder_of_text_files(tmp_path) -> None:
    folder = tmp_path / "releases"
    (folder / "2023" / "05").mkdir(parents=True)
    (folder / ".drafts").mkdir()
    (folder / "a.txt").write_text("Le ministre a parlé.\n", encoding="utf-8")
    (folder / "2023" / "05" / "b.txt").write_bytes("Le peuple d’Artsakh.\r\n".encode())
    (folder / "latin.txt").write_bytes("Le ministre a parlé à Lachin.\n".encode("latin-1"))
    (folder / ".drafts" / "c.txt").write_text("Brouillon.\n", encoding="utf-8")
    (folder / "notes.md").write_text("Pas un communiqué.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_toolkit("corpus", "translate", str(folder), "--to", "es", "-o", str(out))
    assert result.returncode == 1
    lines = read_lines(out / "es.jsonl")
    assert [line["id"] for line in lines] == ["2023/05/b.txt", "a.txt", "latin.txt"]
    assert lines[0]["text"] == "El pueblo de Artsakh.\n"
    assert lines[1]["text"] == "El ministro ha hablado.\n"
    assert lines[2]["error"].startswith("latin.txt: invalid utf-8 at byte offset 18;")
    assert lines[2]["sha256"] == hashlib.sha256((folder / "latin.txt").read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "b", "text": "Bonjour."', "corpus.jsonl:2: not valid JSON"),
        ('["b", "Bonjour."]', "corpus.jsonl:2: a JSON list, not an object"),
        ('{"text": "Bonjour."}', "corpus.jsonl:2: no 'id' field"),
        ('{"id": "b", "texte": "Bonjour."}', "corpus.jsonl:2: no 'text' field"),
        ('{"id": "b", "text": 5}', "corpus.jsonl:2: the text must be a string"),
        ('{"id": null, "text": "Bonjour."}', "corpus.jsonl:2: the id must be"),
        ('{"id": "a", "text": "Bonsoir."}', "corpus.jsonl:2: duplicate id 'a' (first on line 1)"),
        (
            '{"id": 1, "id": 2, "text": "Bonjour."}',
            "corpus.jsonl:2: the key 'id' appears twice in one object; keep one",
        ),
        (
            '{"id": "b", "text": "Bonjour.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "corpus.jsonl:2: JSON values nested too deeply",
        ),
        (
            '{"id": "b", "text": "Bonjour.", "x": ' + '{"a": ' * 5_000 + "1" + "}" * 5_001,
            "corpus.jsonl:2: JSON values nested too deeply",
        ),
        (
            '{"id": ' + "9" * 5000 + ', "text": "Bonjour."}',
            "corpus.jsonl:2: an integer of 5000 digits (at most 4300); write long ids as strings",
        ),
        # Python's json reads these, which no other JSON reader does, and wrote them back out.
        (
            '{"id": "b", "text": "Bonjour.", "n": NaN}',
            "corpus.jsonl:2: NaN is not a JSON number; write it as a string or null",
        ),
        (
            '{"id": "b", "text": "Bonjour.", "n": -Infinity}',
            "corpus.jsonl:2: -Infinity is not a JSON number",
        ),
        (
            '{"id": "b", "text": "Bonjour.", "n": 1e999}',
            "corpus.jsonl:2: the number 1e999 is too large for JSON; write it as a string",
        ),
    ],
)
def test_a_malformed_line_stops_the_run_before_any_work(tmp_path, line, message) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "a", "text": "Bonjour."}\n' + line + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_toolkit("corpus", "translate", str(corpus), "--to", "es", "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.startswith(f"toolkit: error: {corpus.parent}/{message}"), result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not (out / "es.jsonl").exists()


def test_invalid_utf8_in_a_jsonl_line_names_the_line(tmp_path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b'{"id": "a", "text": "Bonjour."}\n\n{"id": "b", "text": "Caf\xe9"}\n')
    result = run_toolkit("corpus", "translate", str(corpus), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert f"{corpus}:3: invalid utf-8 at byte 24 of the line" in result.stderr


def test_an_output_line_it_did_not_write_is_named(tmp_path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [{"id": "a", "text": "Bonjour."}])
    out = tmp_path / "out"
    out.mkdir()
    (out / "es.jsonl").write_text('{"id": "z", "sha256": "0"}\nnot json\n', encoding="utf-8")
    result = run_toolkit("corpus", "translate", str(corpus), "--to", "es", "-o", str(out))
    assert result.returncode == 2
    assert f"{out}/es.jsonl:2: not a line of a corpus run" in result.stderr


def test_a_folder_being_written_by_another_run_is_refused(tmp_path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [{"id": "a", "text": "Bonjour."}])
    out = tmp_path / "out"
    out.mkdir()
    with FolderLock(out):
        result = run_toolkit("corpus", "translate", str(corpus), "-o", str(out))
    assert result.returncode == 2
    assert "another corpus run is writing to this folder" in result.stderr


def test_an_empty_corpus_gives_empty_outputs(tmp_path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n", encoding="utf-8")
    result = run_toolkit("corpus", "translate", str(corpus), "--to", "es,ca", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "es.jsonl").read_text() == (tmp_path / "ca.jsonl").read_text() == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.jsonl", "-o", "out"], "missing.jsonl: no such file or folder"),
        (["corpus.jsonl", "-o", "out", "--to", "xx"], "unknown target language 'xx'"),
        (["corpus.jsonl", "-o", "out", "--to", "fr"], "--to includes the source language fr"),
        (["corpus.jsonl", "-o", "corpus.jsonl"], "several outputs need a folder"),
        (["corpus.jsonl", "-o", "out", "--workers", "0"], "--workers"),
    ],
)
def test_usage_errors(tmp_path, args, message) -> None:
    write_jsonl(tmp_path / "corpus.jsonl", [{"id": "a", "text": "Bonjour."}])
    result = run_toolkit("corpus", "translate", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_an_input_that_is_also_an_output_is_refused(tmp_path) -> None:
    corpus = write_jsonl(tmp_path / "es.jsonl", [{"id": "a", "text": "Bonjour."}])
    result = run_toolkit("corpus", "translate", str(corpus), "--to", "es", "-o", str(tmp_path))
    assert result.returncode == 2
    assert "is also an output file of this run; choose another -o" in result.stderr
    assert corpus.read_text(encoding="utf-8") == '{"id": "a", "text": "Bonjour."}\n'


def test_ray_without_the_extra_says_how_to_get_it(tmp_path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [{"id": "a", "text": "Bonjour."}])
    hide_ray = (
        "import sys; sys.modules['ray'] = None; sys.argv[0] = 'toolkit'; "
        "from toolkit.__main__ import main; main()"
    )
    argv = ["corpus", "translate", str(corpus), "-o", str(tmp_path / "out"), "--ray", "local"]
    result = subprocess.run(
        [sys.executable, "-c", hide_ray, *argv], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "--ray needs Ray" in result.stderr
    assert "pip install 'toolkit[cluster]'" in result.stderr
    assert not (tmp_path / "out" / "es.jsonl").exists()


def test_glossary_options_reach_the_workers(tmp_path) -> None:
    glossary = tmp_path / "names.toml"
    glossary.write_text(
        '[glossary]\nsource = "fr"\n\n[[term]]\nname = "Ghazaryan"\nes = "Ghazarián"\n',
        encoding="utf-8",
    )
    documents = [
        {"id": i, "text": f"Sergey Ghazaryan a écrit la lettre {i} sur l’Artsakh."}
        for i in range(4)
    ]
    corpus = write_jsonl(tmp_path / "corpus.jsonl", documents)
    args = ["corpus", "translate", str(corpus), "--to", "es", "--batch", "2", "--workers", "2"]
    result = run_toolkit(*args, "-o", str(tmp_path / "with"), "-g", str(glossary))
    assert result.returncode == 0, result.stderr
    for line in read_lines(tmp_path / "with" / "es.jsonl"):
        assert "Sergey Ghazarián" in line["text"]
        terms = {term["term"]: term for term in line["qa"]["terms"]}
        assert terms["Ghazaryan"]["form"] == "Ghazarián" and terms["Ghazaryan"]["missing"] == 0
        assert terms["Artsakh"]["target"] == 1
        assert line["qa"]["terms_ok"] is True

    result = run_toolkit(*args, "-o", str(tmp_path / "without"), "--no-glossary")
    assert result.returncode == 0, result.stderr
    assert all(line["qa"]["terms"] == [] for line in read_lines(tmp_path / "without" / "es.jsonl"))


def test_argos_packages_in_workers_give_the_same_files(argos_env, release_text, tmp_path) -> None:
    documents = corpus_documents(release_text, count=8)
    corpus = write_jsonl(tmp_path / "corpus.jsonl", documents)
    args = ["corpus", "translate", str(corpus), "--engine", "argos", "--to", "en", "--batch", "3"]
    args.append("--keep-typography")  # French spacing kept: the copies are exact
    one = run_toolkit(*args, "-o", str(tmp_path / "one"), env=argos_env)
    assert one.returncode == 0, one.stderr
    two = run_toolkit(*args, "-o", str(tmp_path / "two"), "--workers", "2", env=argos_env)
    assert two.returncode == 0, two.stderr
    assert output_files(tmp_path / "one") == output_files(tmp_path / "two")
    lines = read_lines(tmp_path / "one" / "en.jsonl")
    # The test package copies its input: every document comes back as it was.
    assert [line["text"] for line in lines] == [d["text"] for d in documents]
    assert lines[0]["route"]["description"] == "argos fr→en (translate-fr_en-1_0)"

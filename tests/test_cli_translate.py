"""`toolkit translate` as a user runs it: pipes, files, formats and errors."""

import json

import pytest

from toolkit.text.document import segment


@pytest.mark.parametrize("target", ["es", "ca", "en", "eo"])
def test_pipe_gives_one_paragraph_per_paragraph(toolkit, release_text: str, target: str) -> None:
    result = toolkit("translate", "--from", "fr", "--to", target, input=release_text)
    assert result.returncode == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert len(segment(result.stdout).paragraphs) == len(segment(release_text).paragraphs)
    assert "apertium" in result.stderr  # the route is reported


def test_file_argument_and_dash_are_equivalent(toolkit, release_text: str, tmp_path) -> None:
    path = tmp_path / "release.txt"
    path.write_text(release_text, encoding="utf-8")
    by_file = toolkit("translate", str(path), "--to", "es")
    by_stdin = toolkit("translate", "-", "--to", "es", input=release_text)
    assert by_file.returncode == by_stdin.returncode == 0
    assert by_file.stdout == by_stdin.stdout


def test_several_targets_write_one_file_each(toolkit, release_text: str, tmp_path) -> None:
    path = tmp_path / "release.txt"
    path.write_text(release_text, encoding="utf-8")
    out = tmp_path / "out"
    result = toolkit("translate", str(path), "--to", "es,ca", "-o", f"{out}/")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["release.ca.txt", "release.es.txt"]


def test_json_holds_every_target_and_its_route(toolkit, release_text: str) -> None:
    result = toolkit("translate", "--to", "es,en", "--format", "json", input=release_text)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [t["target"] for t in data["translations"]] == ["es", "en"]
    english = data["translations"][1]
    assert english["route"]["engine"] == "apertium"
    assert len(english["route"]["languages"]) == 3
    assert english["documents"][0]["paragraphs"] == 6


def test_empty_input_gives_empty_output(toolkit) -> None:
    result = toolkit("translate", "--to", "es", input="")
    assert result.returncode == 0
    assert result.stdout.strip() == ""


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--to", "xx"], 2, "unknown target language 'xx'"),
        (["--from", "klingon", "--to", "es"], 2, "unknown source language"),
        (["--to", "ro"], 2, "no engine translates French to Romanian here"),
        (["--to", "es", "--engine", "nope"], 2, "unknown engine 'nope'"),
        (["--to", "es", "--format", "xml"], 2, "unknown format 'xml'"),
        (["missing.txt", "--to", "es"], 2, "missing.txt: no such file"),
        (["--to", "es", "-o", "/nonexistent/folder/out.txt"], 2, "does not exist"),
    ],
)
def test_errors_are_one_line(toolkit, args: list[str], code: int, message: str) -> None:
    result = toolkit("translate", *args, input="Bonjour.")
    assert result.returncode == code, result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_invalid_utf8_is_refused(toolkit) -> None:
    result = toolkit("translate", "--to", "es", input=b"Bonjour \xff\xfe")
    assert result.returncode == 1
    assert "invalid utf-8 at byte offset 8" in result.stderr


def test_closed_pipe_ends_quietly(release_text: str) -> None:
    import subprocess
    import sys

    big = (release_text + "\n\n") * 40  # an output over a pipe's 64 KiB, written to a closed pipe
    # The direct pair, as when this test was written (the measured fr→ca→es is 3 times as dear).
    command = f"{sys.executable} -m toolkit translate --to es --via - | head -c 10"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], input=big.encode(), capture_output=True
    )
    assert b"Traceback" not in result.stderr
    assert b"Broken pipe" not in result.stderr
    assert len(result.stdout) == 10


def test_help_lists_the_commands(toolkit) -> None:
    result = toolkit("--help")
    assert result.returncode == 0
    for command in ("translate", "engines"):
        assert command in result.stdout


def test_engines_lists_routes_and_install_hints(toolkit) -> None:
    result = toolkit("engines", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    apertium = next(e for e in data["engines"] if e["engine"] == "apertium")
    assert apertium["available"]
    assert {"es", "ca", "en", "eo", "oc", "frp", "pt", "gl", "it"} <= set(apertium["routes"])
    assert "ro" in data["missing"]

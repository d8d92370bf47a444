"""Command-line edges (issue 23): what a user types by mistake or at the limits gets a clear answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_process, run_toolkit

SENTENCE = "Le ministre a reçu les ambassadeurs."


@pytest.mark.parametrize("command", ["translate", "summarize"])
def test_a_sentence_given_as_a_file_points_to_text(command: str, tmp_path: Path) -> None:
    result = run_toolkit(command, SENTENCE, "--to", "en", cwd=tmp_path)
    assert result.returncode == 2
    verb = command
    assert result.stderr.strip() == (
        f"toolkit: error: {SENTENCE}: no such file; to {verb} this text, give it with --text"
    )


def test_a_missing_file_name_gets_no_text_hint(tmp_path: Path) -> None:
    result = run_toolkit("translate", "release.txt", "--to", "en", cwd=tmp_path)
    assert result.returncode == 2
    assert "--text" not in result.stderr


@pytest.mark.parametrize(
    ("command", "verb"), [(("translate", "--to", "es"), "translate"), (("summarize",), "summarize")]
)
def test_empty_input_is_said_on_stderr(command: tuple[str, ...], verb: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run_toolkit(*command, str(empty))
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr.strip() == f"{empty}: empty input, nothing to {verb}"
    from_stdin = run_toolkit(*command, input="")
    assert from_stdin.returncode == 0
    assert f"empty input, nothing to {verb}" in from_stdin.stderr


def test_to_takes_lists_repeats_regions_and_names(tmp_path: Path) -> None:
    repeated = run_toolkit("translate", "--text", SENTENCE, "-t", "es", "-t", "english")
    listed = run_toolkit("translate", "--text", SENTENCE, "--to", "es,en")
    assert repeated.returncode == 0, repeated.stderr
    assert repeated.stdout == listed.stdout
    assert "==> es <==" in repeated.stdout and "==> en <==" in repeated.stdout
    for given, code in [("pt-BR", "pt"), ("es-ES", "es"), ("Spanish", "es"), ("español", "es")]:
        result = run_toolkit("translate", "--text", SENTENCE, "--to", given)
        assert result.returncode == 0, (given, result.stderr)
        assert f"fr→{code} via" in result.stderr


def test_an_unknown_language_name_gets_did_you_mean() -> None:
    result = run_toolkit("translate", "--text", SENTENCE, "--to", "Spansh")
    assert result.returncode == 2
    assert "unknown target language 'Spansh'; did you mean es (Spanish)?" in result.stderr


def test_summarize_translates_into_each_target() -> None:
    result = run_toolkit("summarize", "--text", SENTENCE, "--to", "es,en", "--format", "json")
    assert result.returncode == 0, result.stderr
    import json

    [item] = json.loads(result.stdout)["summaries"][0]["summary"]
    assert set(item["translations"]) == {"es", "en"}
    repeated = run_toolkit("summarize", "--text", SENTENCE, "-t", "es", "-t", "en")
    assert repeated.returncode == 0, repeated.stderr
    assert "==> es <==\nEl ministro" in repeated.stdout
    assert "==> en <==\nThe minister" in repeated.stdout


def test_summarize_heads_each_text_when_several_share_stdout(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(SENTENCE + "\n")
    result = run_toolkit("summarize", "a.txt", "b.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"==> a.txt <==\n{SENTENCE}\n\n==> b.txt <==\n{SENTENCE}\n"


def test_o_dash_is_stdout(tmp_path: Path) -> None:
    result = run_toolkit("translate", "--text", SENTENCE, "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("El ministro")
    assert list(tmp_path.iterdir()) == []


def test_a_file_name_for_several_outputs_is_refused(tmp_path: Path) -> None:
    result = run_toolkit(
        "translate", "--text", SENTENCE, "-o", "o3.txt", "--to", "es,en", cwd=tmp_path
    )
    assert result.returncode == 2
    assert "end it with /: -o o3.txt/" in result.stderr
    assert list(tmp_path.iterdir()) == []
    folder = run_toolkit(
        "translate", "--text", SENTENCE, "-o", "out/", "--to", "es,en", cwd=tmp_path
    )
    assert folder.returncode == 0, folder.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["text.en.txt", "text.es.txt"]


def test_argos_without_a_package_says_what_argos_lacks() -> None:
    result = run_toolkit("translate", "--text", SENTENCE, "--engine", "argos", "--to", "en")
    assert result.returncode == 2
    assert "apt-get" not in result.stderr and "apertium" not in result.stderr
    assert result.stderr.rstrip().endswith("install one: toolkit models install fr-en")


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ("translate", "Usage: toolkit translate [OPTIONS] [FILE]..."),
        ("summarize", "Usage: toolkit summarize [OPTIONS] [FILE]..."),
        ("glossary check", "Usage: toolkit glossary check [OPTIONS] FILE..."),
        ("corpus translate", "Usage: toolkit corpus translate [OPTIONS] INPUT"),
    ],
)
def test_help_shows_usage_without_braces_or_parenthesised_defaults(
    command: str, usage: str
) -> None:
    result = run_toolkit(*command.split(), "--help")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == usage
    assert "[default: (" not in result.stdout and "{" not in result.stdout


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ("--target", "--to"),
        ("--lang", "--language"),
        ("--source", "--from"),
        ("--fromat", "--format"),
    ],
)
def test_an_unknown_option_suggests_the_one_meant(given: str, meant: str) -> None:
    result = run_toolkit("translate", given, "en")
    assert result.returncode == 2
    assert result.stderr == f"toolkit: error: no such option {given}; did you mean {meant}?\n"


def test_version_after_a_command_points_to_toolkit_version() -> None:
    result = run_toolkit("translate", "--version")
    assert result.returncode == 2
    assert "--version is an option of toolkit itself: toolkit --version" in result.stderr


def test_a_user_row_keyed_by_a_spelling_adds_to_the_default_term(tmp_path: Path) -> None:
    import json

    glossary = tmp_path / "names.csv"
    glossary.write_text("fr,es,en\nLatchine,Lachín,\n", encoding="utf-8")
    result = run_toolkit(
        "translate", "--text", "Le corridor de Latchine.", "--to", "en", "-g", str(glossary)
    )
    assert result.returncode == 0, result.stderr
    assert "Lachin" in result.stdout and "Latchine" not in result.stdout
    shown = run_toolkit("glossary", "show", "-g", str(glossary), "--format", "json")
    [term] = [t for t in json.loads(shown.stdout)["terms"] if "Latchine" in t["match"]]
    assert term["name"] == "Lachin"
    assert term["forms"]["es"] == "Lachín" and term["forms"]["ru"] == "Лачин"
    assert term["from"]["es"] == f"{glossary}:2"
    assert term["from"]["ru"].endswith("default.toml:" + term["origin"].rsplit(":", 1)[1])


def _releases(tmp_path: Path) -> Path:
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE + "\n", encoding="utf-8")
    return folder


def test_corpus_says_its_route_removes_its_lock_and_skips_no_zero(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_toolkit("corpus", "translate", str(_releases(tmp_path)), "-o", str(out), "-v")
    assert result.returncode == 0, result.stderr
    assert "fr→es via apertium" in result.stderr
    assert "0 documents already done" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["es.jsonl"]


def test_corpus_given_a_text_file_says_what_input_it_takes(tmp_path: Path) -> None:
    release = tmp_path / "release.txt"
    release.write_text(SENTENCE + "\n", encoding="utf-8")
    result = run_toolkit("corpus", "translate", str(release), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "give a folder of .txt files or a .jsonl file" in result.stderr


def test_corpus_interrupted_says_a_rerun_resumes(tmp_path: Path, monkeypatch) -> None:
    from toolkit.commands import corpus

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt  # Ctrl-C while the documents are worked on

    monkeypatch.setattr(corpus, "record", interrupted)
    result = run_toolkit("corpus", "translate", str(_releases(tmp_path)), "-o", str(tmp_path / "o"))
    assert result.returncode == 130
    assert "run the same command again to resume" in result.stderr


def test_debug_is_read_from_the_parsed_options_only() -> None:
    # "--debug" as the value of --text is text to translate, not the option.
    as_text = run_process("translate", "--text", "--debug", "--to", "es,zz")
    assert as_text.returncode == 2
    assert "Traceback" not in as_text.stderr
    assert as_text.stderr.startswith("toolkit: error: unknown target language 'zz'")
    as_option = run_process("--debug", "translate", "no-such-file.txt", "--to", "es")
    assert as_option.returncode != 0
    assert "Traceback" in as_option.stderr

"""Defaults a desk sets once: the config file in the XDG config folder, the environment over it,
options over both; `toolkit config` shows what applies and where from."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

TEXT = "Le ministre a reçu les ambassadeurs à Stepanakert. La réunion a duré deux heures."


def config_file(text: str) -> Path:
    """The config file of the test's sealed home (conftest points XDG_CONFIG_HOME there)."""
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "toolkit" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_sets_the_targets_and_engine_of_translate(toolkit) -> None:
    config_file('to = ["ca", "eo"]\nengine = "apertium"\n')
    result = toolkit("translate", "--text", TEXT)
    wanted = toolkit("translate", "--text", TEXT, "--to", "ca,eo", "--engine", "apertium")
    assert result.returncode == 0, result.stderr
    assert result.stdout == wanted.stdout  # stderr differs in its timings
    assert "fr→ca via apertium" in result.stderr and "fr→eo via apertium" in result.stderr


def test_the_file_sets_the_targets_and_length_of_summarize(toolkit, release_text: str) -> None:
    config_file('to = "ca"\nengine = "apertium"\nsentences = 1\nalgorithm = "lead"\n')
    result = toolkit("summarize", input=release_text)
    wanted = toolkit(
        "summarize", "-n", "1", "-a", "lead", "--to", "ca", "-e", "apertium", input=release_text
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == wanted.stdout
    assert "fr→ca via apertium" in result.stderr
    # --ratio chooses the length instead of the file's sentences (-n with --ratio is refused).
    ratio = toolkit("summarize", "--ratio", "0.5", input=release_text)
    wanted = toolkit("summarize", "--ratio", "0.5", "-a", "lead", "--to", "ca", input=release_text)
    assert ratio.returncode == 0, ratio.stderr
    assert ratio.stdout == wanted.stdout


def test_the_environment_overrides_the_file(toolkit) -> None:
    config_file('to = "ca"\n')
    result = toolkit("translate", "--text", TEXT, env={"TOOLKIT_TO": "eo"})
    wanted = toolkit("translate", "--text", TEXT, "--to", "eo")
    assert result.returncode == 0, result.stderr
    assert result.stdout == wanted.stdout and "fr→eo" in result.stderr


def test_an_option_overrides_both(toolkit) -> None:
    config_file('to = "ca"\nengine = "argos"\n')
    env = {"TOOLKIT_TO": "eo"}
    result = toolkit("translate", "--text", TEXT, "--to", "es", "-e", "apertium", env=env)
    wanted = toolkit("translate", "--text", TEXT, "--to", "es", "-e", "apertium")
    assert result.returncode == 0, result.stderr
    assert result.stdout == wanted.stdout and "fr→es via apertium" in result.stderr
    # Given on the command line even as its own default, the option still wins: argos, set in
    # the file, has no package in the test's home.
    assert toolkit("translate", "--text", TEXT, "--to", "es", env=env).returncode != 0
    auto = toolkit("translate", "--text", TEXT, "--to", "es", "--engine", "auto", env=env)
    assert auto.returncode == 0, auto.stderr


def test_a_bad_file_is_one_line_with_its_place(toolkit) -> None:
    cases = {
        'to = "es"\ntargets = "ca"\n': ":2: unknown setting 'targets'; known: to, from, engine,",
        "engine = 3\n": ":1: engine must be a string, not 3",
        '\n\nengine = "deepl"\n': ":3: unknown engine 'deepl'; choose auto, argos, apertium",
        'to = ["es", "xx"]\n': ":1: unknown target language 'xx'",
        "[summarize]\nsentences = 2\n": ":1: unknown setting 'summarize'",
        'engines = "apertium"\n': ":1: unknown setting 'engines'; did you mean 'engine'?",
        'to = "es"\nengine = \n': ":2: not valid TOML: ",
        'engine = "apertium"\nto = ' + "[" * 100_000 + "]" * 100_000 + "\n": (
            ":2: not valid TOML: values nested too deeply"
        ),
    }
    for text, wanted in cases.items():
        path = config_file(text)
        result = toolkit("translate", "--text", TEXT)
        assert result.returncode == 2, (text, result.stderr)
        assert result.stderr.startswith(f"toolkit: error: {path}{wanted}"), result.stderr
        assert result.stderr.count("\n") == 1 and result.stdout == ""
        # --help reads no config: it works whatever the file holds.
        assert toolkit("translate", "--help").returncode == 0


def test_a_bad_variable_is_named(toolkit) -> None:
    result = toolkit("translate", "--text", TEXT, env={"TOOLKIT_ENGINE": "deepl"})
    assert result.returncode == 2
    assert result.stderr.startswith("toolkit: error: TOOLKIT_ENGINE: unknown engine 'deepl'")


def test_glossaries_are_found_beside_the_file_and_come_before_the_options(
    toolkit, tmp_path: Path
) -> None:
    path = config_file('glossaries = ["names.csv"]\n')
    (path.parent / "names.csv").write_text("fr,es\nStepanakert,Estepanakert\n", encoding="utf-8")
    later = tmp_path / "later.csv"
    later.write_text("fr,es\nStepanakert,Stepanakertó\n", encoding="utf-8")
    shown = json.loads(toolkit("glossary", "show", "--format", "json").stdout)
    assert shown["files"][-1] == str(path.parent / "names.csv")
    both = toolkit("translate", "--text", TEXT, "-g", str(later), "-q")
    assert both.returncode == 0, both.stderr
    assert "Stepanakertó" in both.stdout  # -g's file comes after the config's: it wins
    one = toolkit("translate", "--text", TEXT, "-q")
    assert "Estepanakert" in one.stdout
    env = {"TOOLKIT_GLOSSARY": str(later)}  # the variable replaces the file's list
    assert "Stepanakertó" in toolkit("translate", "--text", TEXT, "-q", env=env).stdout


def test_config_shows_each_setting_and_where_it_comes_from(toolkit) -> None:
    path = config_file('# the desk\nto = ["ca", "es"]\n\nengine = "apertium"\n')
    result = toolkit("config", env={"TOOLKIT_FROM": "en"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"to\tca,es\t{path}:2",
        "from\ten\tenvironment TOOLKIT_FROM",
        f"engine\tapertium\t{path}:4",
        "glossaries\t\tdefault",
        "via\t\t—",
        "algorithm\tpacsum\tdefault",
        "sentences\t3\tdefault",
    ]
    data = json.loads(toolkit("config", "--format", "json").stdout)
    assert data["file"] == str(path) and data["exists"] is True
    assert data["settings"]["to"] == {"value": ["ca", "es"], "origin": f"{path}:2"}
    assert data["settings"]["via"] == {"value": None, "origin": "—"}
    assert toolkit("config", "--path").stdout == f"{path}\n"


def test_without_a_file_everything_is_a_default(toolkit) -> None:
    data = json.loads(toolkit("config", "--format", "json").stdout)
    assert data["exists"] is False
    assert {name: s["origin"] for name, s in data["settings"].items()} == {
        "to": "default",
        "from": "default",
        "engine": "default",
        "glossaries": "default",
        "via": "—",
        "algorithm": "default",
        "sentences": "default",
    }
    assert data["settings"]["to"]["value"] == ["es"]


def test_help_reads_no_config_and_imports_no_toml_reader(tmp_path: Path) -> None:
    (tmp_path / "toolkit").mkdir()
    (tmp_path / "toolkit" / "config.toml").write_text("not toml [[[", encoding="utf-8")
    code = (
        "import sys\n"
        "sys.argv = ['toolkit', 'translate', '--help']\n"
        "from toolkit.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit as end:\n    code = end.code\n"
        "print(code, 'tomllib' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path)},
        check=False,
    )
    assert result.stderr.splitlines()[-1] == "0 False"


def test_config_on_a_terminal_is_a_table() -> None:
    from tests.terminal import run_in_terminal

    path = config_file('engine = "apertium"\n')
    screen, _ = run_in_terminal("config", env={"TOOLKIT_TO": "ca"})
    assert screen.returncode == 0, screen.text
    text = screen.text
    assert f"Config file: {path}" in text
    for row in (("engine", "apertium", ":1"), ("to", "ca", "environment TOOLKIT_TO")):
        assert any(all(cell in line for cell in row) for line in text.splitlines()), text


def test_the_corpus_commands_take_the_file_too(toolkit, tmp_path: Path) -> None:
    from tests.corpus_helpers import read_lines, write_jsonl

    config_file('to = "ca"\nengine = "apertium"\nsentences = 1\nalgorithm = "lead"\n')
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [{"id": "a", "text": TEXT}])
    result = toolkit("corpus", "translate", str(corpus), "-o", str(tmp_path / "t"))
    assert result.returncode == 0, result.stderr
    assert [line["id"] for line in read_lines(tmp_path / "t" / "ca.jsonl")] == ["a"]
    result = toolkit("corpus", "summarize", str(corpus), "-o", str(tmp_path / "s"))
    assert result.returncode == 0, result.stderr
    [line] = read_lines(tmp_path / "s" / "summaries.jsonl")
    assert [s["text"] for s in line["summary"]] == [TEXT.split(". ")[0] + "."]  # type: ignore[index]
    assert all(s["translation"] for s in line["summary"])  # type: ignore[index]

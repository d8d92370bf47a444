"""The conventions of well-loved command-line tools: --version, -q/-v on every command, one
--format option, the same name for the same thing, and mistakes answered in one line."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from toolkit import __version__

COMMANDS = [
    ("translate",),
    ("summarize",),
    ("engines",),
    ("glossary", "show"),
    ("glossary", "check"),
    ("models", "list"),
    ("models", "available"),
    ("models", "install"),
    ("models", "remove"),
    ("corpus", "translate"),
    ("corpus", "summarize"),
    ("config",),
]


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(toolkit, flag: str) -> None:
    result = toolkit(flag)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"toolkit {__version__}\n", "")


@pytest.mark.parametrize("arguments", [["--help"], ["--version"], ["translate", "--help"]])
def test_help_and_version_import_no_heavy_module(arguments: list[str]) -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['toolkit', *{arguments!r}]\n"
        "from toolkit.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('rich', 'numpy', 'scipy', 'sumy', 'ctranslate2', 'toolkit.commands', 'toolkit.engines')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.stderr == "[]\n"


def test_a_translation_with_stderr_in_a_pipe_imports_no_rich() -> None:
    """Its route line and notes are plain text there, written without rich (a tenth of the
    command's time); on a terminal rich styles them."""
    from tests.imports import imported_packages

    release = str(ROOT / "examples" / "release-fr.txt")
    imported = imported_packages("translate", "--to", "es", "--via", "-", "-v", release)
    assert "toolkit" in imported and "rich" not in imported


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_takes_quiet_and_verbose(toolkit, command: tuple[str, ...]) -> None:
    result = toolkit(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert "-q, --quiet" in result.stdout and "-v, --verbose" in result.stdout


def test_quiet_leaves_only_the_result(toolkit, release_text: str) -> None:
    loud = toolkit("translate", "--to", "es", input=release_text)
    quiet = toolkit("translate", "--to", "es", "-q", input=release_text)
    assert "fr→es via apertium" in loud.stderr
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, loud.stdout, "")
    summary = toolkit("summarize", "--to", "es", "--quiet", input=release_text)
    assert summary.returncode == 0 and summary.stdout and summary.stderr == ""


def test_quiet_keeps_errors(toolkit) -> None:
    result = toolkit("translate", "-q", "no-such-file.txt")
    assert result.returncode == 2
    assert result.stderr == "toolkit: error: no-such-file.txt: no such file\n"


def test_verbose_tells_the_glossary_the_engines_passed_over_and_the_timings(
    toolkit, release_text: str
) -> None:
    result = toolkit("translate", "--to", "es", "-v", input=release_text)
    assert result.returncode == 0, result.stderr
    assert "glossary: 3 terms" in result.stderr
    assert "fr→es: skipped no Argos Translate package is installed" in result.stderr
    summary = toolkit("summarize", "--verbose", input=release_text)
    assert re.search(r"<stdin>: \w+ ranked \d+ sentences \(exact\) in [0-9.]+ s", summary.stderr)


def test_quiet_and_verbose_together_are_refused(toolkit) -> None:
    result = toolkit("engines", "-q", "-v")
    assert result.returncode == 2
    assert result.stderr == (
        "toolkit: error: -q/--quiet and -v/--verbose cannot be used together\n"
    )


@pytest.mark.parametrize(
    "command", [("engines",), ("glossary", "show"), ("models", "list")], ids=" ".join
)
def test_format_json_everywhere_and_json_kept_as_its_alias(
    toolkit, command: tuple[str, ...]
) -> None:
    new = toolkit(*command, "--format", "json")
    old = toolkit(*command, "--json")
    assert new.returncode == 0, new.stderr
    assert json.loads(new.stdout) == json.loads(old.stdout)
    assert "--format" in toolkit(*command, "--help").stdout
    assert "--json" not in toolkit(*command, "--help").stdout


def test_an_unknown_format_is_a_usage_error(toolkit) -> None:
    result = toolkit("glossary", "show", "--format", "xml")
    assert result.returncode == 2
    assert result.stderr == "toolkit: error: unknown format 'xml'; choose text or json\n"


@pytest.mark.parametrize("spelling", ["--from", "-f", "--language", "-l"])
def test_summarize_takes_from_like_translate(toolkit, release_text: str, spelling: str) -> None:
    result = toolkit("summarize", spelling, "fr", "--format", "json", input=release_text)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)["summaries"][0]
    assert (summary["language"], summary["language_detected"]) == ("fr", False)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["translate", "--fromat", "json"], "no such option --fromat; did you mean --format?"),
        (["translate", "--xyz"], "no such option --xyz; see toolkit translate --help"),
        (["tranlsate"], "no such command tranlsate; did you mean translate?"),
        (["glossary", "check"], "missing argument FILE; see toolkit glossary check --help"),
    ],
)
def test_mistakes_on_the_command_line_are_one_line(
    toolkit, arguments: list[str], message: str
) -> None:
    result = toolkit(*arguments)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"toolkit: error: {message}\n"


def test_a_bad_value_is_one_line(toolkit) -> None:
    result = toolkit("summarize", "-n", "three")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("toolkit: error: invalid value for --sentences: ")
    assert "three" in result.stderr  # the wording of the reason is the library's
    assert result.stderr.endswith("; see toolkit summarize --help\n")
    assert result.stderr.count("\n") == 1


def test_no_command_shows_the_help(toolkit) -> None:
    result = toolkit()
    assert result.returncode == 2
    assert "Commands:" in result.stdout + result.stderr


def test_a_missing_language_pair_is_one_short_line(toolkit) -> None:
    result = toolkit("translate", "--to", "de", input="Bonjour.")
    assert result.returncode == 2
    assert result.stderr == (
        "toolkit: error: no engine translates French to German here; "
        "install one: toolkit models install fr-de (or fr-en and en-de)\n"
    )
    # What each engine lacks is for -v (and --debug), before the same line.
    verbose = toolkit("translate", "--to", "de", "-v", input="Bonjour.")
    assert "fr→de: skipped apertium has no route fr→de" in verbose.stderr
    assert verbose.stderr.endswith(result.stderr)


def test_the_listing_gives_each_command_a_whole_sentence(toolkit) -> None:
    for group in ((), ("glossary",), ("models",), ("corpus",)):
        result = toolkit(*group, "--help", env={"COLUMNS": "80"})
        assert result.returncode == 0, result.stderr
        listing = result.stdout.split("Commands:\n", 1)[1].splitlines()
        descriptions = [line.split(None, 1)[1] for line in listing if line.strip()]
        assert descriptions and all(
            d.endswith(".") and not d.endswith("...") and d[0].isupper() for d in descriptions
        ), listing
    names = [
        line.split()[0] for line in toolkit("--help").stdout.split("Commands:\n")[1].splitlines()
    ]
    assert names == [
        "translate",
        "summarize",
        "engines",
        "serve",
        "config",
        "glossary",
        "models",
        "corpus",
    ]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_help_ends_with_examples_and_reads_plainly(toolkit, command: tuple[str, ...]) -> None:
    help = toolkit(*command, "--help", env={"COLUMNS": "80"}).stdout
    examples = help.rsplit("Examples:\n", 1)[1]
    lines = [line.strip() for line in examples.splitlines() if line.strip()]
    assert 2 <= len(lines) <= 4 and all(f"toolkit {command[0]}" in line for line in lines)
    for machine_word in ("<list", "<int", "<str>", "<path>", "<float", "range", "x>="):
        assert machine_word not in help, (machine_word, help)
    assert all(len(line) <= 80 for line in help.splitlines())

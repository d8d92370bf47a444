"""Text on the command line (--text), and stdin typed at a terminal: a hint, one Ctrl-D ends it."""

from __future__ import annotations

from tests.terminal import run_in_terminal

SENTENCE = "Le ministre a souligné les préoccupations du gouvernement d’Artsakh."
HINT = "reading French from the terminal; end with Ctrl-D"


def test_translate_text_from_the_command_line(toolkit) -> None:
    given = toolkit("translate", "--text", SENTENCE, "--to", "en")
    piped = toolkit("translate", "--to", "en", input=SENTENCE)
    assert given.returncode == 0, given.stderr
    assert given.stdout == piped.stdout and "Artsakh" in given.stdout


def test_summarize_text_from_the_command_line(toolkit, release_text: str) -> None:
    given = toolkit("summarize", "--text", release_text, "-n", "2")
    piped = toolkit("summarize", "-n", "2", input=release_text)
    assert given.returncode == 0, given.stderr
    assert given.stdout == piped.stdout and len(given.stdout.splitlines()) == 2


def test_text_into_a_folder_is_named_text(toolkit, tmp_path) -> None:
    result = toolkit("translate", "--text", "Bonjour.", "--to", "es,ca", "-o", f"{tmp_path}/")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["text.ca.txt", "text.es.txt"]


def test_text_and_files_together_are_refused(toolkit) -> None:
    result = toolkit("translate", "release.txt", "--text", "Bonjour.")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "toolkit: error: give input files or --text, not both\n"


def test_text_that_is_not_text_is_refused(toolkit) -> None:
    # A byte the locale cannot decode reaches Python as a lone surrogate.
    result = toolkit("translate", "--text", "Le ministre \udcff")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("toolkit: error: --text holds bytes that are not text")


def test_a_terminal_on_stdin_gets_a_hint_and_one_ctrl_d_ends_it() -> None:
    screen, _ = run_in_terminal("translate", "--to", "es", stdin="Le ministre a parlé.")
    assert screen.returncode == 0
    assert HINT in screen.text
    assert "El ministro ha hablado." in screen.text
    summary, _ = run_in_terminal("summarize", stdin="Le ministre a parlé. Il est parti.")
    assert summary.returncode == 0
    assert "reading the text from the terminal; end with Ctrl-D" in summary.text


def test_no_hint_from_a_pipe_or_under_quiet(toolkit) -> None:
    assert "reading" not in toolkit("translate", input=SENTENCE).stderr
    screen, _ = run_in_terminal("translate", "-q", stdin="Bonjour.")
    assert screen.returncode == 0 and HINT not in screen.text

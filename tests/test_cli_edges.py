"""Command-line edges (issue 23): what a user types by mistake or at the limits gets a clear answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_toolkit

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

"""Bad places to write: stdout closed, full or gone, and -o onto what is not a plain file.

Each case gives its exit code and at most one line on stderr, never a traceback, like the bad
inputs of test_bad_inputs.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RELEASE

# Commands that write to stdout, with what they read on stdin.
WRITERS = {
    "translate": (["translate", "--to", "es"], b"Le ministre d\xe2\x80\x99Artsakh.\n"),
    "summarize": (["summarize"], RELEASE.read_bytes()),
    "glossary show": (["glossary", "show"], b""),
    "models list": (["models", "list", "--json"], b""),
    "engines": (["engines"], b""),
}


def run(args: list[str], stdin: bytes, stdout: int | None, close_stdout: bool = False):
    """The toolkit with stdout given (a file descriptor), or closed before it starts."""
    return subprocess.run(
        [sys.executable, "-m", "toolkit", *args],
        input=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        preexec_fn=(lambda: os.close(1)) if close_stdout else None,
        check=False,
    )


@pytest.mark.parametrize("command", list(WRITERS))
def test_full_disk_on_stdout_is_one_line_and_exit_1(command: str) -> None:
    args, stdin = WRITERS[command]
    with open("/dev/full", "wb") as full:
        result = run(args, stdin, full.fileno())
    assert result.returncode == 1, result.stderr
    lines = result.stderr.decode().strip().splitlines()
    assert lines[-1] == "toolkit: error: cannot write to standard output (No space left on device)"
    assert "Traceback" not in result.stderr.decode()


@pytest.mark.parametrize("command", list(WRITERS))
def test_a_reader_that_went_away_ends_the_command_quietly(command: str) -> None:
    args, stdin = WRITERS[command]
    process = subprocess.Popen(
        [sys.executable, "-m", "toolkit", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # the reader is gone before anything is written: `| head -0`
    _, stderr = process.communicate(stdin)
    assert process.returncode == 0, stderr
    assert b"error" not in stderr and b"Traceback" not in stderr


def test_closed_stdout_is_one_line_and_exit_1() -> None:
    args, stdin = WRITERS["translate"]
    result = run(args, stdin, None, close_stdout=True)
    assert result.returncode == 1
    assert result.stderr.decode().strip().splitlines()[-1] == (
        "toolkit: error: standard output is closed; give it a file or a pipe, or use -o"
    )


def test_closed_stdout_does_not_matter_with_an_output_file(tmp_path: Path) -> None:
    args, stdin = WRITERS["translate"]
    out = tmp_path / "out.txt"
    result = run([*args, "-o", str(out)], stdin, None, close_stdout=True)
    assert result.returncode == 0, result.stderr
    assert "Artsakh" in out.read_text()

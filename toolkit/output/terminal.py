"""stdout, and whether the user is looking at a terminal.

`guard_stdout` puts a guard in front of sys.stdout for the whole run, so that every writer (plain
writes, rich consoles, print) fails alike: a reader that went away (`| head`) ends the command
quietly, and any other failure to write (a full disk, a closed stdout) is one line and exit 1.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from toolkit.errors import OutputClosed, ToolkitError

# Bidirectional controls (U+202E turns the rest of a line around) are written as escapes too.
_BIDI = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}]")
_ANY_CONTROL = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_BIDI}]")


class _GuardedStdout:
    """sys.stdout, with its write failures turned into toolkit's errors."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        with _reported():
            return self._open().write(text)

    def flush(self) -> None:
        with _reported():
            if self._stream is not None:
                self._stream.flush()

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def __getattr__(self, name: str) -> object:
        return getattr(self._open(), name)

    def _open(self) -> TextIO:
        if self._stream is None:
            raise ToolkitError("standard output is closed; give it a file or a pipe, or use -o")
        return self._stream


@contextmanager
def _reported() -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        raise OutputClosed from None
    except OSError as err:
        raise ToolkitError(f"cannot write to standard output ({err.strerror or err})") from None


def guard_stdout(own_process: bool = True) -> None:
    """Guard sys.stdout for the run. A stdout closed at start (`>&-`) refuses every write; in
    the command's own process, /dev/null is put on its descriptor, so that no file opened later
    takes descriptor 1."""
    if sys.stdout is None and own_process:
        devnull = os.open(os.devnull, os.O_WRONLY)
        if devnull != 1:
            os.dup2(devnull, 1)
            os.close(devnull)
    sys.stdout = _GuardedStdout(sys.stdout)


def shown(text: str) -> str:
    """Text from a package, a glossary or an input, safe to print through rich as markup: control
    characters written as escapes (\\x1b), square brackets that would be markup escaped."""
    from toolkit.output.markup import escape

    return escape(printable(text))


def printable(text: str) -> str:
    """Text safe to print through rich as a Text (not markup): control characters written as
    escapes (\\x1b), tabs and line ends kept."""
    return _CONTROL.sub(_escape, text)


def escaped_line(text: str) -> str:
    """Text for one line or one field of a table (an error line, a TSV cell): every control
    character written as an escape, tabs and line ends included."""
    return _ANY_CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    return repr(match.group())[1:-1]


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def write_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()

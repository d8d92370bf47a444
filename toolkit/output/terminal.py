"""stdout, and whether the user is looking at a terminal.

`guard_stdout` puts a guard in front of sys.stdout for the whole run, so that every writer (plain
writes, rich consoles, print) fails alike: a reader that went away (`| head`) ends the command
quietly, and any other failure to write (a full disk, a closed stdout) is one line and exit 1.
The guard writes the bytes itself and checks what each write took: an unbuffered stdout
(PYTHONUNBUFFERED, `python -u`) hands a write straight to the system, and the text layer above
it drops the count of a short write, which is how a disk that fills up used to cut the output
silently.
"""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import BinaryIO, TextIO

from toolkit.errors import OutputClosed, ToolkitError

# Bidirectional controls (U+202E turns the rest of a line around) are written as escapes too.
_BIDI = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}]")
_ANY_CONTROL = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_BIDI}]")


class _GuardedStdout:
    """sys.stdout, with its write failures turned into toolkit's errors."""

    def __init__(self, stream: TextIO | None, own_process: bool) -> None:
        self._stream = stream
        self._own_process = own_process

    def write(self, text: str) -> int:
        with self._reported():
            stream = self._open()
            buffer = getattr(stream, "buffer", None)
            if buffer is None:  # a text stream with no bytes under it (a StringIO)
                return stream.write(text)
            stream.flush()  # whatever went through the text layer first stays first
            _write_all(buffer, text.encode(stream.encoding, stream.errors or "strict"))
            return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        with self._reported():
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
    def _reported(self) -> Iterator[None]:
        try:
            yield
        except BrokenPipeError:
            raise OutputClosed from None
        except OSError as err:
            if self._own_process:
                # What the failed write left in the buffer would fail again at exit, after
                # the error line, and turn exit 1 into 120.
                discard(1)
            raise ToolkitError(f"cannot write to standard output ({err.strerror or err})") from None


def discard(descriptor: int) -> None:
    """Point `descriptor` (1 or 2) at /dev/null: the interpreter's last flush of a stream that
    cannot be written (a reader gone, a full disk) is then silent, the failure having been dealt
    with, and the exit status stays the command's."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    if devnull != descriptor:
        os.dup2(devnull, descriptor)
        os.close(devnull)


def _write_all(buffer: BinaryIO, data: bytes) -> None:
    """Write every byte of `data`, or fail: a short write goes on with the rest, and the write
    after it meets the error (ENOSPC, EFBIG) that cut it short."""
    view = memoryview(data)
    while view:
        written = buffer.write(view)
        if written is None:  # a non-blocking stdout that cannot take more now
            raise BlockingIOError(errno.EAGAIN, os.strerror(errno.EAGAIN))
        if written == 0:  # taking nothing, it would take nothing forever
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        view = view[written:]


def guard_stdout(own_process: bool = True) -> None:
    """Guard sys.stdout for the run. A stdout closed at start (`>&-`) refuses every write; in
    the command's own process, /dev/null is put on its descriptor, so that no file opened later
    takes descriptor 1."""
    if sys.stdout is None and own_process:
        discard(1)
    sys.stdout = _GuardedStdout(sys.stdout, own_process)


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

"""Where translated text goes as it is produced: stdout, one file, or one file per input and language.

Text arrives in pieces, each tagged with the input it belongs to; an input's pieces arrive in order
and inputs follow one another. Every input's text ends with a line end, and on stdout or in one file
a blank line separates inputs. When several inputs or languages share stdout, each input's text
comes under a header line, `==> release.txt <==` or `==> es <==`, as `head` marks several files.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from toolkit.errors import ToolkitError, UsageError
from toolkit.output import terminal as output
from toolkit.output.files import AtomicFile


class Sink(Protocol):
    def write(self, index: int, name: str, text: str) -> None: ...
    def close(self) -> None: ...
    def discard(self) -> None: ...


@dataclass(frozen=True)
class Headers:
    """The header lines of one language's text on stdout."""

    language: str | None  # when several languages share stdout
    names: bool  # when several inputs do
    first: bool  # the first block on stdout: no blank line before it

    def line(self, name: str) -> str:
        """The header over `name`'s text; a name's control characters (a colour code, a
        terminal title, a line end) written as escapes, as every name the tool prints."""
        name = output.escaped_line(name)
        if self.language is None:
            label = name
        else:
            label = f"{name} ({self.language})" if self.names else self.language
        return f"==> {label} <==\n"


class JoinedSink:
    """Inputs one after another, into stdout or (renamed into place on close) into one file.

    A `deferred` sink holds its text (in memory, then in a temporary file) until it is closed:
    the languages after the first, which are translated along with it, wait for it on stdout.
    """

    def __init__(
        self, file: AtomicFile | None = None, headers: Headers | None = None, deferred: bool = False
    ) -> None:
        self._file = file
        self._headers = headers
        self._held: IO[str] | None = (
            tempfile.SpooledTemporaryFile(_HELD_IN_MEMORY, mode="w+", encoding="utf-8")  # noqa: SIM115 (closed by close or discard)
            if deferred
            else None
        )
        self._current: int | None = None
        self._last = ""

    def write(self, index: int, name: str, text: str) -> None:
        if index != self._current:
            if self._current is not None:
                self._emit("\n" if self._last == "\n" else "\n\n")
            elif self._headers is not None and not self._headers.first:
                self._emit("\n")
            if self._headers is not None:
                self._emit(self._headers.line(name))
            self._current, self._last = index, "\n"
        if text:
            self._emit(text)
            self._last = text[-1]

    def close(self) -> None:
        if self._current is not None and self._last != "\n":
            self._emit("\n")
        if self._held is not None:
            try:
                self._held.seek(0)
            except OSError as err:
                raise _cannot_hold(err) from None
            shutil.copyfileobj(self._held, _Stdout(), _HELD_IN_MEMORY)
            self._held.close()
        if self._file is not None:
            self._file.commit()

    def discard(self) -> None:
        if self._held is not None:
            with contextlib.suppress(OSError):  # text that failed to be held, now dropped
                self._held.close()
        if self._file is not None:
            self._file.discard()

    def _emit(self, text: str) -> None:
        if self._held is not None:
            try:
                self._held.write(text)
            except OSError as err:
                raise _cannot_hold(err) from None
        elif self._file is None:
            output.write_stdout(text)
        else:
            self._file.write(text)


_HELD_IN_MEMORY = 1 << 23  # characters of a deferred language kept in memory before a file


def _cannot_hold(err: OSError) -> ToolkitError:
    return ToolkitError(
        f"cannot hold a later language's text in a temporary file ({tempfile.gettempdir()}): "
        f"{err.strerror or err}; free space there, set TMPDIR, or write to files with -o DIR/"
    )


class _Stdout:
    def write(self, text: str) -> None:
        output.write_stdout(text)


class FolderSink:
    """One file per input, FOLDER/<input stem>.<language>.txt, each renamed into place when done."""

    def __init__(self, folder: Path, language: str) -> None:
        self.folder, self.language = folder, language
        self._current: int | None = None
        self._file: AtomicFile | None = None
        self._last = "\n"

    def write(self, index: int, name: str, text: str) -> None:
        if index != self._current:
            self._finish()
            self._file = AtomicFile(self.folder / output_name(name, self.language), derived=True)
            self._current, self._last = index, "\n"
        assert self._file is not None
        if text:
            self._file.write(text)
            self._last = text[-1]

    def close(self) -> None:
        self._finish()

    def discard(self) -> None:
        if self._file is not None:
            self._file.discard()

    def _finish(self) -> None:
        if self._file is not None:
            if self._last != "\n":
                self._file.write("\n")
            self._file.commit()
            self._file = None


def output_name(name: str, language: str) -> str:
    """The name of an input's file in an output folder: <input stem>.<language>.txt."""
    stem = name.strip("<>") if name in ("<stdin>", "<text>") else Path(name).stem
    return f"{stem}.{language}.txt"


def check_distinct(names: list[str], folder: Path, language: str) -> None:
    """Refuse, before any work, two inputs whose outputs would be the same file."""
    seen: dict[str, str] = {}
    for name in names:
        output = output_name(name, language)
        if output in seen:
            raise UsageError(
                f"{seen[output]} and {name} would both be written to {folder / output}; "
                "translate them in separate runs, or rename one"
            )
        seen[output] = name

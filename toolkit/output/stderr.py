"""The console for everything but results: rich on a terminal, plain lines otherwise.

Both take the same calls (rich's `Console.print` with markup, `is_terminal`, `file`). In a pipe or
a log, rich would print the text of the markup without styles anyway; `PlainStderr` prints that
text itself (a tab as a tab, where rich writes spaces up to the next tab stop), so that a command
whose stderr is not a terminal never imports rich for its notes and summary lines. Anything but a
string (a table) is handed to a rich Console made then.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import IO, TYPE_CHECKING, Any, Protocol

from toolkit.output.markup import plain as plain_text

if TYPE_CHECKING:
    from rich.console import Console


class Stderr(Protocol):
    """What the commands ask of their stderr console."""

    @property
    def is_terminal(self) -> bool: ...

    @property
    def file(self) -> IO[str]: ...

    def print(self, *objects: Any, **options: Any) -> None: ...


def console(stream: IO[str] | None, quiet: bool = False) -> Stderr:
    """For the run's stderr `stream`: a rich Console when it is a terminal, or rich is told to
    act as if it were one (FORCE_COLOR, TTY_COMPATIBLE=1); else plain lines. Nothing at all
    under `quiet`."""
    forced = os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1"
    if (stream is not None and stream.isatty()) or forced:
        return rich_console(quiet)
    return PlainStderr(stream, quiet)


def rich_console(quiet: bool = False) -> Console:
    # Emoji codes are not replaced: a file named :fire:.txt is shown as it is named.
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True, quiet=quiet, emoji=False)


def write_diagnostic(stream: IO[str] | None, text: str) -> None:
    """Write `text` to stderr `stream`, if it can be: diagnostics are not the product, so a
    stderr closed (`2>&-`), full (`2>/dev/full`) or gone (`2>&1 | head -1`) costs no work and
    never sends a line elsewhere (print's file=None would be stdout)."""
    if stream is None:
        return
    with _given_up_on_failure(stream):
        stream.write(text)
        stream.flush()


@contextmanager
def _given_up_on_failure(stream: IO[str] | None) -> Iterator[None]:
    """A write to stderr that fails is given up; the process's own stderr is pointed at
    /dev/null then, or what its buffer holds would fail again at exit and make the exit 120."""
    try:
        yield
    except ValueError:  # a stream already closed
        pass
    except OSError:
        if stream is not None and stream is sys.__stderr__:
            from toolkit.output.terminal import discard

            discard(2)


class PlainStderr:
    """stderr that is not a terminal: markup written as its text, one call per line."""

    is_terminal = False

    def __init__(self, stream: IO[str] | None = None, quiet: bool = False) -> None:
        self.stream = stream
        self.quiet = quiet

    @property
    def file(self) -> IO[str]:
        return self.stream or sys.stderr

    def print(
        self,
        *objects: Any,
        sep: str = " ",
        end: str = "\n",
        markup: bool | None = None,
        **options: Any,
    ) -> None:
        """As rich's Console.print: strings are markup unless `markup=False`; styles and
        highlighting are left out, as rich leaves them out of what is not a terminal."""
        if self.quiet:
            return
        if not all(isinstance(item, str) for item in objects):
            with _given_up_on_failure(self.file):  # as write_diagnostic
                self._rich.print(*objects, sep=sep, end=end, markup=markup, **options)
            return
        if markup is not False:
            objects = tuple(plain_text(item) for item in objects)
        write_diagnostic(self.stream, sep.join(objects) + end)

    def __getattr__(self, name: str) -> Any:
        # Whatever else a caller asks of a console (its width, a status) is rich's; a private
        # name asked before __init__ ran (copy, pickle) is not, or the lookup would never end.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._rich, name)

    @cached_property
    def _rich(self) -> Console:
        return rich_console(self.quiet)

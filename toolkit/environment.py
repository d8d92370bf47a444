"""The run environment: the streams a command reads and writes, and how talkative it is.

Every command receives one (as httpie's commands receive its Environment) instead of reading
module state: the streams and whether each is a terminal, `-q` (nothing on stderr but errors),
`-v` (timings, routes, what was skipped), and the progress bars long work draws. A test, or a
program calling `toolkit.__main__.main(argv, env)`, gives streams of its own.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, TextIO

from toolkit.errors import UsageError

if TYPE_CHECKING:
    from rich.status import Status

    from toolkit.engines.base import Advance
    from toolkit.output.progress import InputProgress, Transferred
    from toolkit.output.stderr import Stderr
    from toolkit.text.inputs import Input


@dataclass(frozen=True)
class Streams:
    """stdin, stdout and stderr of a run; None where the process was started with one closed."""

    stdin: TextIO | None
    stdout: TextIO | None
    stderr: TextIO | None

    @classmethod
    def of_process(cls) -> Streams:
        return cls(sys.stdin, sys.stdout, sys.stderr)

    @contextmanager
    def installed(self) -> Iterator[None]:
        """These streams as sys.stdin, sys.stdout and sys.stderr while the run lasts, so that
        every writer (print, rich, the command-line library) uses them; put back after."""
        saved = sys.stdin, sys.stdout, sys.stderr
        sys.stdin, sys.stdout, sys.stderr = self.stdin, self.stdout, self.stderr
        try:
            yield
        finally:
            sys.stdin, sys.stdout, sys.stderr = saved


def _is_terminal(stream: TextIO | None) -> bool:
    return stream is not None and stream.isatty()


@dataclass(frozen=True)
class Environment:
    quiet: bool = False
    verbose: bool = False
    streams: Streams = field(default_factory=Streams.of_process)

    def __post_init__(self) -> None:
        if self.quiet and self.verbose:
            raise UsageError("-q/--quiet and -v/--verbose cannot be used together")

    def stdin_is_terminal(self) -> bool:
        return _is_terminal(self.streams.stdin)

    def stdout_is_terminal(self) -> bool:
        return _is_terminal(self.streams.stdout)

    def stderr_is_terminal(self) -> bool:
        return _is_terminal(self.streams.stderr)

    @cached_property
    def stderr(self) -> Stderr:
        """The console for everything but results, silent under -q; one per run, so that
        progress bars and messages share it. Rich only on a terminal (toolkit.output.stderr)."""
        from toolkit.output import stderr

        return stderr.console(self.streams.stderr, self.quiet)

    def shows_progress(self) -> bool:
        """Whether bars and spinners show: on a terminal, unless -q."""
        return not self.quiet and self.stderr_is_terminal()

    def progress(self, total: int, label: str) -> AbstractContextManager[Advance | None]:
        """A bar on stderr for work of `total` units, where progress shows; else nothing
        (None). Engines are handed this factory, never a console of their own."""
        from toolkit.output.progress import counted_bar

        return counted_bar(
            self.stderr if total > 1 and self.shows_progress() else None, total, label
        )

    def transfer_progress(self, label: str) -> AbstractContextManager[Transferred | None]:
        """A bar of bytes done out of a total known as the work goes, where progress shows."""
        from toolkit.output.progress import transfer_bar

        return transfer_bar(self.stderr if self.shows_progress() else None, label)

    def status(self, message: str) -> AbstractContextManager[Status | None]:
        """A spinner with `message` on stderr while the work runs, where progress shows."""
        from toolkit.output.progress import spinner

        return spinner(self.stderr if self.shows_progress() else None, message)

    def input_progress(self, inputs: list[Input], label: str, rounds: int = 1) -> InputProgress:
        """A bar of the bytes of `inputs` done, `rounds` times over (a round per target
        language, say), for large inputs when stderr is a terminal and not -q."""
        from toolkit.output.progress import InputProgress

        return InputProgress(
            self.stderr if self.shows_progress() else None,
            inputs,
            self.streams.stdin,
            label,
            rounds,
            redirect_stdout=self.stdout_is_terminal(),
        )

    def note(self, message: str) -> None:
        """A line on stderr, unless -q."""
        self.stderr.print(message, highlight=False)

    def detail(self, message: str) -> None:
        """A line on stderr only with -v."""
        if self.verbose:
            from toolkit.output.terminal import printable

            # Names from the command line or the input: control characters written as escapes.
            self.stderr.print(printable(message), style="dim", markup=False, highlight=False)

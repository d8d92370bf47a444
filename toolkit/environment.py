"""The run environment: how talkative a command is and what it is connected to.

Every command receives one (as httpie's commands receive its Environment) instead of reading
module state: `-q` leaves nothing on stderr but errors, `-v` adds timings, routes and what was
skipped.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from toolkit.errors import UsageError

if TYPE_CHECKING:
    from toolkit.output.stderr import Stderr


@dataclass(frozen=True)
class Environment:
    quiet: bool = False
    verbose: bool = False

    def __post_init__(self) -> None:
        if self.quiet and self.verbose:
            raise UsageError("-q/--quiet and -v/--verbose cannot be used together")

    def stdin_is_terminal(self) -> bool:
        return sys.stdin is not None and sys.stdin.isatty()

    def stdout_is_terminal(self) -> bool:
        return sys.stdout.isatty()

    def stderr_is_terminal(self) -> bool:
        return sys.stderr.isatty()

    @cached_property
    def stderr(self) -> Stderr:
        """The console for everything but results, silent under -q; one per run, so that
        progress bars and messages share it. Rich only on a terminal (toolkit.output.stderr)."""
        from toolkit.output import stderr

        return stderr.console(self.quiet)

    def note(self, message: str) -> None:
        """A line on stderr, unless -q."""
        self.stderr.print(message, highlight=False)

    def detail(self, message: str) -> None:
        """A line on stderr only with -v."""
        if self.verbose:
            from toolkit.output.terminal import printable

            # Names from the command line or the input: control characters written as escapes.
            self.stderr.print(printable(message), style="dim", markup=False, highlight=False)

"""The errors the command line turns into one line on stderr, and the exit codes."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1  # at run time: invalid input bytes, an engine that failed
    USAGE = 2  # in how the tool was called: unknown language, bad option, missing file
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class ToolkitError(Exception):
    """A failure at run time: the message says what went wrong and what to do."""

    exit_code = ExitCode.FAILURE


class InputRefused(ToolkitError):
    """An input that is not what it was declared to be (surely another language): exit 1 on the
    command line, a client's mistake (400) for the server."""


class UsageError(ToolkitError):
    """A mistake in how the tool was called: unknown language, missing file, bad option."""

    exit_code = ExitCode.USAGE


class OutputClosed(Exception):
    """The reader of stdout went away (`toolkit ... | head`): the command ends quietly, exit 0.

    Not an OSError, so that the command-line library does not take it for its own."""

"""The errors the command line turns into one line on stderr and an exit code."""


class ToolkitError(Exception):
    """A failure at run time (exit 1): the message says what went wrong and what to do."""

    exit_code = 1


class UsageError(ToolkitError):
    """A mistake in how the tool was called (exit 2): unknown language, missing file, bad option."""

    exit_code = 2


class OutputClosed(Exception):
    """The reader of stdout went away (`toolkit ... | head`): the command ends quietly, exit 0.

    Not an OSError, so that the command-line library does not take it for its own."""

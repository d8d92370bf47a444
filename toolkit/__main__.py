"""Entry point: runs the typer app and turns errors into one line on stderr and an exit code.

`main(argv, env)` runs a command line in the calling process, on the streams of `env` (a test's,
or a program's): they are the process's streams while it runs, so that the command's own
Environment, and every writer, uses them. It ends with SystemExit, as the command does.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from toolkit.environment import Environment


def main(argv: Sequence[str] | None = None, env: Environment | None = None) -> None:
    """Run the command line `argv` (the process's own by default) on the streams of `env`."""
    from toolkit.environment import Environment, Streams

    args = list(sys.argv[1:] if argv is None else argv)
    base = env if env is not None else Environment(streams=Streams.of_process())
    with base.streams.installed(), signals_end_the_command():
        _run(args, base, own_process=env is None)


def _run(args: list[str], env: Environment, own_process: bool) -> None:
    from toolkit.cli import RunOptions, app
    from toolkit.errors import ExitCode, OutputClosed, ToolkitError
    from toolkit.output.terminal import guard_stdout
    from toolkit.usage import click_exceptions, one_line

    click = click_exceptions()
    # `toolkit` alone, or a group alone, shows its help (raised as a usage error by newer click).
    no_arguments = getattr(click, "NoArgsIsHelpError", ())

    guard_stdout(own_process)
    # The top-level callback sets `debug` as the command line is parsed, once; a mistake on the
    # command line itself is a one-line usage error either way.
    options = RunOptions(debug=bool(os.environ.get("TOOLKIT_DEBUG")))
    try:
        try:
            # Not standalone, so that mistakes on the command line come here as exceptions.
            code = app(args=args, prog_name="toolkit", standalone_mode=False, obj=options)
        finally:
            sys.stdout.flush()  # now, while a failure can still be reported
    except ToolkitError as err:
        if options.debug:
            raise
        _fail(str(err), err.exit_code)
    except no_arguments as err:
        err.show()
        sys.exit(err.exit_code)
    except click.UsageError as err:
        _fail(one_line(err), err.exit_code)
    except click.ClickException as err:
        _fail(err.format_message(), err.exit_code)
    except OutputClosed:
        _quiet_exit(ExitCode.OK, own_process)
    except (KeyboardInterrupt, typer.Abort):
        _quiet_exit(ExitCode.INTERRUPTED, own_process)
    except Exception as err:  # any other failure is a bug: one line unless --debug
        if options.debug:
            raise
        _fail(
            f"internal error: {type(err).__name__}: {err} (rerun with --debug for details)",
            ExitCode.FAILURE,
        )
    sys.exit(code if isinstance(code, int) else ExitCode.OK)


@contextmanager
def signals_end_the_command() -> Iterator[None]:
    """SIGTERM and SIGHUP end the command as Ctrl-C does, quietly, through the same clean-up:
    an output file being written is removed, never left half-written. Exit 128 + the signal.
    The handlers before are put back after (a caller's own process goes on)."""

    def end(number: int, _: object) -> None:
        raise SystemExit(128 + number)

    numbers = (signal.SIGTERM, signal.SIGHUP)
    saved = [signal.signal(number, end) for number in numbers]
    try:
        yield
    finally:
        for number, handler in zip(numbers, saved, strict=True):
            signal.signal(number, handler)


def _fail(message: str, code: int) -> None:
    from toolkit.output.stderr import write_diagnostic
    from toolkit.output.terminal import escaped_line

    # A file name or a word from the input may hold escape sequences: never sent raw.
    write_diagnostic(sys.stderr, f"toolkit: error: {escaped_line(message)}\n")
    sys.exit(code)


def _quiet_exit(code: int, own_process: bool) -> None:
    if own_process:
        # stdout may be a closed pipe: point it at /dev/null so the interpreter's final flush
        # is silent.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(code)


if __name__ == "__main__":
    main()

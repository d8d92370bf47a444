"""Entry point: runs the typer app and turns errors into one line on stderr and an exit code."""

from __future__ import annotations

import os
import signal
import sys

import typer


def main() -> None:
    # Read before the command line is parsed, so that errors while parsing it are covered too.
    debug = bool(os.environ.get("TOOLKIT_DEBUG")) or "--debug" in sys.argv[1:]
    from toolkit.cli import app
    from toolkit.errors import ExitCode, OutputClosed, ToolkitError
    from toolkit.output.terminal import guard_stdout
    from toolkit.usage import click_exceptions, one_line

    click = click_exceptions()
    # `toolkit` alone, or a group alone, shows its help (raised as a usage error by newer click).
    no_arguments = getattr(click, "NoArgsIsHelpError", ())

    guard_stdout()
    end_on_signals()
    try:
        try:
            # Not standalone, so that mistakes on the command line come here as exceptions.
            code = app(prog_name="toolkit", standalone_mode=False)
        finally:
            sys.stdout.flush()  # now, while a failure can still be reported
    except ToolkitError as err:
        if debug:
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
        _quiet_exit(ExitCode.OK)
    except (KeyboardInterrupt, typer.Abort):
        _quiet_exit(ExitCode.INTERRUPTED)
    except Exception as err:  # any other failure is a bug: one line unless --debug
        if debug:
            raise
        _fail(
            f"internal error: {type(err).__name__}: {err} (rerun with --debug for details)",
            ExitCode.FAILURE,
        )
    sys.exit(code if isinstance(code, int) else ExitCode.OK)


def end_on_signals() -> None:
    """SIGTERM and SIGHUP end the command as Ctrl-C does, quietly, through the same clean-up:
    an output file being written is removed, never left half-written. Exit 128 + the signal."""

    def end(number: int, _: object) -> None:
        raise SystemExit(128 + number)

    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, end)


def _fail(message: str, code: int) -> None:
    from toolkit.output.terminal import escaped_line

    # A file name or a word from the input may hold escape sequences: never sent raw.
    print(f"toolkit: error: {escaped_line(message)}", file=sys.stderr)
    sys.exit(code)


def _quiet_exit(code: int) -> None:
    # stdout may be a closed pipe: point it at /dev/null so the interpreter's final flush is silent.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(code)


if __name__ == "__main__":
    main()

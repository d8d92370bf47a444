"""Mistakes on the command line as the tool's own one line: `no such option --fromat; did you
mean --format?`, instead of the command-line library's three-line block."""

from __future__ import annotations

import re
import sys
from difflib import get_close_matches
from types import ModuleType

import typer

# How typer words an unknown command, with its own suggestions.
_NO_SUCH_COMMAND = re.compile(r"No such command '(.+?)'\.(?: Did you mean '(.+?)'.*)?")


def click_exceptions() -> ModuleType:
    """The exceptions module of the click that typer runs on (its own copy in recent versions)."""
    return sys.modules[typer.BadParameter.__module__]


def one_line(error: Exception) -> str:
    """A usage error's message, then the likeliest meaning or where the command's help is."""
    exceptions = click_exceptions()
    suggestion = None
    command = re.fullmatch(_NO_SUCH_COMMAND, getattr(error, "message", ""))
    if isinstance(error, exceptions.NoSuchOption):
        message = f"no such option {error.option_name}"
        best = get_close_matches(error.option_name, error.possibilities or [], n=1, cutoff=0)
        suggestion = best[0] if best else None
    elif command:
        message, suggestion = f"no such command {command[1]}", command[2]
    elif isinstance(error, exceptions.MissingParameter):
        message = _lower_first(error.format_message()).replace("'", "")
    elif isinstance(error, exceptions.BadParameter) and error.param is not None:
        hint = error.param_hint or max(error.param.opts, key=len)
        message = f"invalid value for {hint}: {_lower_first(error.message)}"
    else:
        message = _lower_first(getattr(error, "message", str(error)))
    if suggestion:
        return f"{message}; did you mean {suggestion}?"
    ctx = getattr(error, "ctx", None)
    return f"{message}; see {ctx.command_path if ctx is not None else 'toolkit'} --help"


def _lower_first(text: str) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text[:1].lower() + text[1:]

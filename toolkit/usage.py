"""Mistakes on the command line as the tool's own one line: `no such option --fromat; did you
mean --format?`, instead of the command-line library's three-line block."""

from __future__ import annotations

import re
import sys
from difflib import get_close_matches
from types import ModuleType

import typer

# Options people reach for from other tools, and the one meant here, when the command has it.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "--target": ("--to",),
    "--targets": ("--to",),
    "--target-language": ("--to",),
    "--lang": ("--language", "--to", "--from"),
    "--language": ("--to", "--from"),
    "--source": ("--from",),
    "--source-language": ("--from",),
    "--out": ("--output",),
    "--output-dir": ("--output",),
    "--input": ("--text",),
    "--model": ("--engine",),
}
# Options of `toolkit` itself, given after a command.
_MAIN_OPTIONS = ("--version", "-V")

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
        if error.option_name in _MAIN_OPTIONS:
            return (
                f"{error.option_name} is an option of toolkit itself: toolkit {error.option_name}"
            )
        message = f"no such option {error.option_name}"
        suggestion = meant_option(error.option_name, _options_of(error), error.possibilities or [])
    elif command:
        message, suggestion = f"no such command {command[1]}", command[2]
    elif isinstance(error, exceptions.MissingParameter):
        # FILE..., the usage line's metavar, is one FILE here.
        message = _lower_first(error.format_message()).replace("'", "").replace("...", "")
    elif isinstance(error, exceptions.BadParameter) and error.param is not None:
        hint = error.param_hint or max(error.param.opts, key=len)
        message = f"invalid value for {hint}: {_lower_first(error.message)}"
    else:
        message = _lower_first(getattr(error, "message", str(error)))
    if suggestion:
        return f"{message}; did you mean {suggestion}?"
    ctx = getattr(error, "ctx", None)
    return f"{message}; see {ctx.command_path if ctx is not None else 'toolkit'} --help"


def meant_option(given: str, options: list[str], close: list[str]) -> str | None:
    """The option most likely meant: a synonym among the command's `options` (--target is
    --to), else the closest of the `close` spellings click found."""
    name = given.split("=", 1)[0].lower()
    for synonym in SYNONYMS.get(name, ()):
        if synonym in options:
            return synonym
    best = get_close_matches(name, close, n=1, cutoff=0)
    return best[0] if best else None


def _options_of(error: Exception) -> list[str]:
    """Every option of the command the error is about (click passes on only the close ones)."""
    ctx = getattr(error, "ctx", None)
    if ctx is None:
        return []
    return [name for param in ctx.command.params for name in param.opts if name.startswith("--")]


def _lower_first(text: str) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text[:1].lower() + text[1:]

"""The inputs of translate and summarize, checked before any work; a word when stdin is a terminal."""

from __future__ import annotations

import re
from pathlib import Path

from toolkit.environment import Environment
from toolkit.errors import UsageError
from toolkit.text import languages
from toolkit.text.inputs import Input, inputs

# A "file name" with a space and a letter then sentence punctuation, or several spaces, is a
# sentence typed where a file was expected: `toolkit translate "Le ministre a reçu…"`.
_SENTENCE = re.compile(r"\w\s+\w.*([.!?…»]\s*$|\s\w+\s)", re.DOTALL)


def open_inputs(
    env: Environment,
    files: list[str],
    text: str | None,
    language: str | None,
    verb: str = "translate",
) -> list[Input]:
    """The files (none: stdin) or the text of --text; a missing file is refused now, before the
    inputs ahead of it are worked on. Reading a terminal, say so: a bare command otherwise waits
    in silence for what is typed."""
    found = inputs(files, text, env.streams.stdin)
    for source in found:
        try:
            source.check()
        except UsageError as error:
            if source.text is None and looks_like_text(source.path):
                raise UsageError(f"{error}; to {verb} this text, give it with --text") from None
            raise
    if any(source.is_stdin for source in found) and env.stdin_is_terminal():
        what = languages.name(language) if language else "the text"
        env.note(f"reading {what} from the terminal; end with Ctrl-D")
    return found


def looks_like_text(path: str) -> bool:
    """Whether a missing file's name reads as a sentence rather than a path."""
    return not Path(path).exists() and _SENTENCE.search(path) is not None


def empty_notes(env: Environment, names: list[str], verb: str) -> None:
    """One line per input that held no text: exit 0, but not in silence."""
    for name in names:
        env.note(f"{name}: empty input, nothing to {verb}")

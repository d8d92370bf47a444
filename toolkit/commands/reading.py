"""The inputs of translate and summarize, checked before any work; a word when stdin is a terminal."""

from __future__ import annotations

from toolkit.environment import Environment
from toolkit.text import languages
from toolkit.text.inputs import Input, inputs


def open_inputs(
    env: Environment, files: list[str], text: str | None, language: str | None
) -> list[Input]:
    """The files (none: stdin) or the text of --text; a missing file is refused now, before the
    inputs ahead of it are worked on. Reading a terminal, say so: a bare command otherwise waits
    in silence for what is typed."""
    found = inputs(files, text, env.streams.stdin)
    for source in found:
        source.check()
    if any(source.is_stdin for source in found) and env.stdin_is_terminal():
        what = languages.name(language) if language else "the text"
        env.note(f"reading {what} from the terminal; end with Ctrl-D")
    return found

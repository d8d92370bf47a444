"""The active glossary: the default one shipped with the package, with the user's files on top."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from toolkit.glossary import formats
from toolkit.glossary.model import Glossary, empty


def default_path() -> Path:
    """The glossary shipped with the package (glossaries/default.toml, installed as toolkit.glossaries)."""
    from importlib.resources import files

    # A source checkout reads the glossary beside its code: an editable install's mapping of
    # toolkit.glossaries may point at another checkout (a git worktree).
    beside = Path(__file__).resolve().parents[2] / "glossaries" / "default.toml"
    if beside.is_file():
        return beside
    return Path(str(files("toolkit.glossaries") / "default.toml"))


@cache
def default() -> Glossary:
    """The default glossary, read once."""
    return formats.load(default_path())


def load_active(paths: list[str], use_default: bool = True, source: str = "fr") -> Glossary:
    """The default glossary (unless turned off) with each user file on top, later files winning."""
    glossaries = [default()] if use_default else []
    glossaries += [formats.load(formats.glossary_path(path)) for path in paths]
    active = empty(glossaries[0].source if glossaries else source)
    for glossary in glossaries:
        active = active.merge(glossary)
    return active


def with_patterns(glossary: Glossary, patterns: tuple[str, ...]) -> Glossary:
    """The glossary with the user's --protect patterns added, each checked (exit 2 if invalid)."""
    from toolkit.text.spans import compile_patterns

    compile_patterns(patterns)
    return replace(glossary, protect=tuple(dict.fromkeys(glossary.protect + patterns)))

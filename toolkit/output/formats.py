"""A result type's formats in one table: each name with its renderer and a line saying what it
gives. The command line builds --format's choices, its help and its error from the table.

Tables are read on every run, to build the help: a module that declares one imports rich, sumy or
numpy only inside its renderers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from toolkit.errors import UsageError

Renderer = TypeVar("Renderer", bound=Callable[..., object])


@dataclass(frozen=True)
class Format(Generic[Renderer]):
    name: str
    description: str  # what the format gives, for --help
    render: Renderer


class FormatTable(Generic[Renderer]):
    """The formats of one result type, in the order --help lists them; the first is the default."""

    def __init__(self, *formats: Format[Renderer]) -> None:
        self._formats = {format.name: format for format in formats}

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._formats)

    @property
    def default(self) -> str:
        return self.names[0]

    def check(self, name: str) -> str:
        """`name`, refused (a usage error) unless the table has it."""
        if name not in self._formats:
            raise UsageError(f"unknown format {name!r}; choose {_either(self.names)}")
        return name

    def renderer(self, name: str) -> Renderer:
        return self._formats[self.check(name)].render

    def help(self) -> str:
        """The --format help: "text (...), json (...) or markdown (...)."."""
        return _either([f"{f.name} ({f.description})" for f in self._formats.values()]) + "."


def _either(items: tuple[str, ...] | list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"

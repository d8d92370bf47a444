"""A result type's formats in one table: each name with its renderer and a line saying what it
gives. The command line builds --format's choices, its help and its error from the table.

Tables are read on every run, to build the help: a module that declares one imports rich, sumy or
numpy only inside its renderers, and declares no dataclass (a millisecond each to create).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from toolkit.output.stderr import Stderr


class Run(Protocol):
    """What a renderer asks of the run (toolkit.environment.Environment is one): the console
    for notes, and whether stdout is a terminal."""

    @property
    def stderr(self) -> Stderr: ...

    def stdout_is_terminal(self) -> bool: ...


Renderer = TypeVar("Renderer", bound=Callable[..., object] | None)


# A plain class, not a dataclass: see the module's docstring.
class Format(Generic[Renderer]):
    __slots__ = ("description", "name", "render")

    def __init__(self, name: str, description: str, render: Renderer) -> None:
        self.name = name
        self.description = description  # what the format gives, for --help
        self.render = render


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
            from toolkit.errors import UsageError

            raise UsageError(f"unknown format {name!r}; choose {_either(self.names)}")
        return name

    def renderer(self, name: str) -> Renderer:
        return self._formats[self.check(name)].render

    def help(self) -> str:
        """The --format help: "text (...), json (...) or markdown (...)."."""
        return _either([f"{f.name} ({f.description})" for f in self._formats.values()]) + "."


def _either(items: tuple[str, ...] | list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"

"""The rich consoles that results are printed on (stderr has its own, in toolkit.output.stderr)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def stdout_console(stream: TextIO | None = None) -> Console:
    """A console on `stream`; by default stdout, looked up at each write as rich does."""
    from rich.console import Console

    return Console(file=stream)


def plain_console(stream: TextIO, width: int) -> Console:
    """A console writing to `stream` `width` columns wide, with no styles: rich's layout as text."""
    from rich.console import Console

    return Console(file=stream, width=width, color_system=None, force_terminal=False)

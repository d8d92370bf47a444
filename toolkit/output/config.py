"""`toolkit config`: each setting, its value and where it comes from; a table on a terminal,
a line per setting in a pipe (name, value, origin, tab-separated), or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from toolkit.output import terminal
from toolkit.output.formats import Format, FormatTable
from toolkit.output.json_text import to_json

if TYPE_CHECKING:
    from collections.abc import Callable

    from toolkit.output.formats import Run


class SettingRow(NamedTuple):
    name: str
    value: object  # None: unset
    origin: str  # "default", "<file>:<line>", "environment VAR" or "—"
    help: str


class ConfigView(NamedTuple):
    """The config file (whether it exists) and the settings that apply."""

    path: str
    exists: bool
    rows: list[SettingRow]


def shown_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(str(item) for item in value)
    return str(value)


def write_json(view: ConfigView, env: Run) -> None:
    settings = {row.name: {"value": row.value, "origin": row.origin} for row in view.rows}
    terminal.write_stdout(to_json({"file": view.path, "exists": view.exists, "settings": settings}))


def write_text(view: ConfigView, env: Run) -> None:
    if env.stdout_is_terminal():
        print_table(view)
        return
    terminal.write_stdout(
        "".join(
            "\t".join(
                terminal.escaped_line(cell)
                for cell in (row.name, shown_value(row.value), row.origin)
            )
            + "\n"
            for row in view.rows
        )
    )


def print_table(view: ConfigView) -> None:
    from rich.table import Table

    from toolkit.output.consoles import stdout_console

    console = stdout_console()
    state = "" if view.exists else " [dim](none there: every setting is a default)[/]"
    console.print(f"[bold]Config file[/]: {terminal.shown(view.path)}{state}", highlight=False)
    table = Table()
    for column in ("setting", "value", "from", "meaning"):
        table.add_column(column)
    for row in view.rows:
        table.add_row(
            row.name,
            terminal.shown(shown_value(row.value)) or "—",
            terminal.shown(_short(row.origin, view.path)),
            row.help,
        )
    console.print(table)
    console.print(
        "Options override the environment, which overrides the file; -g files come after the"
        " glossaries set here.",
        highlight=False,
    )


def _short(origin: str, path: str) -> str:
    """file:line with the file's name only: its folder is on the line above the table."""
    return origin.replace(path, path.rsplit("/", 1)[-1], 1) if origin.startswith(path) else origin


FORMATS: FormatTable[Callable[[ConfigView, Run], None]] = FormatTable(
    Format("text", "a table on a terminal, a line per setting in a pipe", write_text),
    Format("json", "for programs", write_json),
)

"""`toolkit models list` and `toolkit models available`: the Argos packages installed, and those
of the online index; as a table on a terminal, tab-separated lines in a pipe, or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from toolkit.output.formats import Format, FormatTable
from toolkit.output.json_text import to_json
from toolkit.output.terminal import escaped_line, shown, write_stdout

if TYPE_CHECKING:
    from collections.abc import Callable

    from toolkit.output.formats import Run


class InstalledPackages(NamedTuple):
    """The packages in `install_dir`, a row each, and a line for each one that could not be read."""

    install_dir: str
    rows: list[dict[str, Any]]
    broken: list[str]


class IndexPackages(NamedTuple):
    """The packages of the index at `index`, a row each, with the version installed if any."""

    address: str
    rows: list[dict[str, Any]]


def write_installed_json(packages: InstalledPackages, env: Run) -> None:
    data = {"install_dir": packages.install_dir, "packages": packages.rows}
    data["broken"] = packages.broken
    write_stdout(to_json(data))


def write_installed_text(packages: InstalledPackages, env: Run) -> None:
    """The unreadable packages on stderr; then a table on a terminal, or a line per package."""
    console = env.stderr
    for problem in packages.broken:
        console.print(f"[yellow]skipped[/]: {shown(problem)}", highlight=False)
    if not packages.rows:
        console.print(
            f"no Argos Translate package in {shown(packages.install_dir)}; install one with "
            "`toolkit models install FILE.argosmodel` (or FROM-TO when online)",
            highlight=False,
        )
        return
    if env.stdout_is_terminal():
        _print_installed(packages)
    else:
        write_stdout(
            "".join(
                f"{r['pair']}\t{escaped_line(r['version'])}\t{_size(r['size'])}"
                f"\t{escaped_line(r['path'])}\n"
                for r in packages.rows
            )
        )


def _print_installed(packages: InstalledPackages) -> None:
    from rich.table import Table

    from toolkit.output.consoles import stdout_console

    table = Table(title=f"Argos Translate packages ({shown(packages.install_dir)})")
    for column in ("pair", "version", "size", "path"):
        table.add_column(column, justify="right" if column == "size" else "left")
    for row in packages.rows:
        table.add_row(row["pair"], shown(row["version"]), _size(row["size"]), shown(row["path"]))
    stdout_console().print(table)


def _size(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def write_index_json(packages: IndexPackages, env: Run) -> None:
    write_stdout(to_json({"index": packages.address, "packages": packages.rows}))


def write_index_text(packages: IndexPackages, env: Run) -> None:
    write_stdout(
        "".join(
            f"{r['pair']}\t{escaped_line(r['version'])}\t{r['from']} → {r['to']}"
            + (f"\tinstalled {escaped_line(r['installed'])}" if r["installed"] else "")
            + "\n"
            for r in packages.rows
        )
    )


INSTALLED_FORMATS: FormatTable[Callable[[InstalledPackages, Run], None]] = FormatTable(
    Format("text", "a table on a terminal, a line per package in a pipe", write_installed_text),
    Format("json", "for programs", write_installed_json),
)
INDEX_FORMATS: FormatTable[Callable[[IndexPackages, Run], None]] = FormatTable(
    Format("text", "a line per package", write_index_text),
    Format("json", "for programs", write_index_json),
)

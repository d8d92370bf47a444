"""`toolkit engines`: a table of engines, their routes and measured chrF++, or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from toolkit.output.formats import Format, FormatTable
from toolkit.output.json_text import to_json
from toolkit.output.terminal import shown, write_stdout
from toolkit.text import languages

if TYPE_CHECKING:
    from collections.abc import Callable


class EngineReport(NamedTuple):
    """From one source language: each engine's row (availability, reason, routes and chrF++ per
    target), and what to install for the targets no engine reaches."""

    source: str
    engines: list[dict[str, Any]]
    missing: dict[str, str]


def write_json(report: EngineReport) -> None:
    write_stdout(
        to_json({"source": report.source, "engines": report.engines, "missing": report.missing})
    )


def write_text(report: EngineReport) -> None:
    """A table of engine, status, target, routes and chrF++; then a line per missing target."""
    from rich.table import Table

    from toolkit.output.consoles import stdout_console

    console = stdout_console()
    source = report.source
    table = Table(title=f"Engines and routes from {languages.name(source)} ({source})")
    for column in ("engine", "status", "target", "routes, preferred first"):
        table.add_column(column)
    table.add_column("chrF++", justify="right")
    for row in report.engines:
        status = (
            "[green]available[/]"
            if row["available"]
            else f"[red]unavailable[/]: {shown(str(row['reason']))}"
        )
        routes: dict[str, list[str]] = row["routes"]
        scores: dict[str, list[float | None]] = row["chrf"]
        first = True
        if not routes:
            table.add_row(str(row["engine"]), status, "", "", "")
        for target, descriptions in routes.items():
            for j, (description, score) in enumerate(
                zip(descriptions, scores[target], strict=True)
            ):
                table.add_row(
                    str(row["engine"]) if first else "",
                    status if first else "",
                    target if j == 0 else "",
                    shown(description),
                    "" if score is None else f"{score:.1f}",
                )
                first = False
        table.add_section()
    console.print(table)
    console.print(
        "chrF++: measured on Debian's Debian Reference (benchmarks/translation_quality.py);"
        " a route without one is tried after those measured.",
        highlight=False,
    )
    for target, hint in report.missing.items():
        console.print(
            f"[yellow]{target}[/] ({languages.name(target)}): not reachable; {hint}",
            highlight=False,
        )


FORMATS: FormatTable[Callable[[EngineReport], None]] = FormatTable(
    Format("text", "a table", write_text),
    Format("json", "for programs", write_json),
)

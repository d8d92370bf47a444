"""`toolkit engines`: each engine, whether it runs here, its routes from a language, what to install."""

from __future__ import annotations

from toolkit.engines import base
from toolkit.engines.routing import install_hint
from toolkit.environment import Environment
from toolkit.text import languages

# Targets a news desk asks for most; listed even when no engine reaches them, with what to install.
WANTED_TARGETS = (
    "es",
    "ca",
    "en",
    "eo",
    "oc",
    "frp",
    "pt",
    "gl",
    "it",
    "ro",
    "de",
    "ru",
    "uk",
    "hy",
    "el",
    "ar",
    "fa",
)


def describe(source: str) -> list[dict[str, object]]:
    """One entry per engine: availability, reason, and for each reachable target its routes."""
    rows = []
    for name in base.ENGINE_NAMES:
        engine = base.load(name)
        reason = engine.unavailable_reason()
        hops = [] if reason else engine.hops()
        reachable = {}
        for target in sorted({hop.target for hop in hops} | set(WANTED_TARGETS)):
            routes = base.find_routes(name, hops, source, target)
            if routes:
                reachable[target] = [route.describe() for route in routes]
        rows.append(
            {"engine": name, "available": reason is None, "reason": reason, "routes": reachable}
        )
    return rows


def run(source: str, format: str, env: Environment) -> None:
    from toolkit.output import render

    render.check_format(format, ("text", "json"))
    source = languages.parse(source, "source language")
    rows = describe(source)
    reached = {t for row in rows for t in row["routes"]}  # type: ignore[attr-defined]
    missing = {
        t: install_hint(source, t) for t in WANTED_TARGETS if t not in reached and t != source
    }
    if format == "json":
        from toolkit.output.terminal import write_stdout

        write_stdout(render.to_json({"source": source, "engines": rows, "missing": missing}))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"Engines and routes from {languages.name(source)} ({source})")
    for column in ("engine", "status", "target", "routes"):
        table.add_column(column)
    for row in rows:
        status = (
            "[green]available[/]" if row["available"] else f"[red]unavailable[/]: {row['reason']}"
        )
        routes: dict[str, list[str]] = row["routes"]  # type: ignore[assignment]
        if not routes:
            table.add_row(str(row["engine"]), status, "", "")
        for i, (target, descriptions) in enumerate(routes.items()):
            table.add_row(
                str(row["engine"]) if i == 0 else "",
                status if i == 0 else "",
                target,
                "\n".join(descriptions),
            )
        table.add_section()
    console.print(table)
    for target, hint in missing.items():
        console.print(
            f"[yellow]{target}[/] ({languages.name(target)}): not reachable; {hint}",
            highlight=False,
        )

"""`toolkit engines`: each engine, whether it runs here, its routes from a language, what to install."""

from __future__ import annotations

from toolkit.engines import base, quality, routing
from toolkit.engines.install_hints import install_hint
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
    """One entry per engine: availability, reason, and for each reachable target its routes in
    order of preference, with each route's measured chrF++ (None where not measured)."""
    rows = []
    for name in base.ENGINE_NAMES:
        engine = base.load(name)
        reason = engine.unavailable_reason()
        hops = [] if reason else engine.hops()
        reachable, scores = {}, {}
        for target in sorted({hop.target for hop in hops} | set(WANTED_TARGETS)):
            routes = [] if reason else routing.routes(engine, source, target)
            if routes:
                reachable[target] = [route.describe() for route in routes]
                scores[target] = [quality.score(route) for route in routes]
        rows.append(
            {
                "engine": name,
                "available": reason is None,
                "reason": reason,
                "routes": reachable,
                "chrf": scores,
            }
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

    from toolkit.output.terminal import shown

    console = Console()
    table = Table(title=f"Engines and routes from {languages.name(source)} ({source})")
    for column in ("engine", "status", "target", "routes, preferred first"):
        table.add_column(column)
    table.add_column("chrF++", justify="right")
    for row in rows:
        status = (
            "[green]available[/]"
            if row["available"]
            else f"[red]unavailable[/]: {shown(str(row['reason']))}"
        )
        routes: dict[str, list[str]] = row["routes"]  # type: ignore[assignment]
        scores: dict[str, list[float | None]] = row["chrf"]  # type: ignore[assignment]
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
    for target, hint in missing.items():
        console.print(
            f"[yellow]{target}[/] ({languages.name(target)}): not reachable; {hint}",
            highlight=False,
        )

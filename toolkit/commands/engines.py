"""`toolkit engines`: each engine, whether it runs here, its routes from a language, what to install."""

from __future__ import annotations

from toolkit.engines import base, quality, routing
from toolkit.engines.install_hints import install_hint
from toolkit.environment import Environment
from toolkit.output.engines import FORMATS, EngineReport
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
    render = FORMATS.renderer(format)
    source = languages.parse(source, "source language")
    rows = describe(source)
    reached = {t for row in rows for t in row["routes"]}  # type: ignore[attr-defined]
    missing = {
        t: install_hint(source, t) for t in WANTED_TARGETS if t not in reached and t != source
    }
    render(EngineReport(source, rows, missing))

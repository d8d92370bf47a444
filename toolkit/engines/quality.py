"""The measured quality of routes, and the order of preference it gives.

route_scores.toml, beside this module, holds the chrF++ of each route on the translation quality
benchmark (real human translations); `python -m benchmarks.translation_quality --write-scores`
measures them again and rewrites it. A measured route is preferred to any route not measured, and
the better measured to the worse; routes not measured come shortest first.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources

from toolkit.engines.base import Route

SCORES_FILE = "route_scores.toml"


@cache
def scores() -> dict[str, dict[str, float]]:
    """engine → route key (fr-es-en) → chrF++."""
    text = resources.files("toolkit.engines").joinpath(SCORES_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


def key(route: Route) -> str:
    return "-".join(route.languages)


def score(route: Route) -> float | None:
    return scores().get(route.engine, {}).get(key(route))


def _no_tie_break(route: Route) -> int:
    return 0


def ranked(routes: list[Route], tie_break: Callable[[Route], int] = _no_tie_break) -> list[Route]:
    """Measured routes best first, then the others shortest first, then by `tie_break` (an engine's
    own preference), then by their languages: the order never depends on the input."""

    def preference(route: Route) -> tuple[bool, float, int, int, list[str]]:
        measured = score(route)
        return (
            measured is None,
            -(measured or 0.0),
            len(route.hops),
            tie_break(route),
            route.languages,
        )

    return sorted(routes, key=preference)

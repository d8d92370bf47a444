"""Choosing the engine and route that take a source language to each target."""

from __future__ import annotations

from collections.abc import Callable

from toolkit.engines import base
from toolkit.engines.base import Engine, Route
from toolkit.engines.install_hints import install_hint
from toolkit.errors import UsageError
from toolkit.text import languages

AUTO = "auto"
DIRECT = "-"  # `--via -`: the direct pair, no pivot
MAX_HOPS = 2  # routes compared: the direct pair and every pivot through one other language


def candidate_engines(choice: str, **options: object) -> list[Engine]:
    """The engines to try, in order of preference: for `auto`, neural first."""
    if choice == AUTO:
        return [base.load(name, strict=False, **options) for name in base.ENGINE_NAMES]
    return [base.load(choice, strict=True, **options)]


def routes(engine: Engine, source: str, target: str) -> list[Route]:
    """Every route of the engine from source to target, in its order of preference."""
    found = base.find_routes(
        engine.name, engine.hops(), source, target, max_hops=MAX_HOPS, shortest_only=False
    )
    return engine.rank(found)


def parse_via(via: str | None) -> str | None:
    """The pivot of `--via` as a language code, `-` for the direct pair, None for any route."""
    if via is None or via.strip() == DIRECT:
        return None if via is None else DIRECT
    return languages.parse(via, "pivot language (--via)")


def through(route: Route, via: str) -> bool:
    """Whether the route goes through `via` (a code, or `-` for the direct pair)."""
    return route.languages[1:-1] == ([] if via == DIRECT else [via])


def resolve(
    engines: list[Engine],
    source: str,
    target: str,
    via: str | None = None,
    skipped: Callable[[str], None] | None = None,
) -> tuple[Engine, Route]:
    """The first engine that reaches the target, with its preferred route (through `via` when
    given): the choice depends on what is installed, never on the input. `skipped` is told why
    each engine before it was passed over."""
    reasons = []
    offered: list[Route] = []
    for engine in engines:
        reason = engine.unavailable_reason()
        if not reason:
            found = routes(engine, source, target)
            offered += found
            if via is not None:
                found = [route for route in found if through(route, via)]
            if found:
                return engine, found[0]
            reason = f"{engine.name} has no route {source}→{target}"
        reasons.append(reason)
        if skipped is not None:
            skipped(f"{source}→{target}: skipped {reason}")
    if via is not None and offered:
        pinned = "direct pair" if via == DIRECT else f"route through {via}"
        existing = ", ".join(describe_pivot(route) for route in offered)
        raise UsageError(
            f"--via {via}: no {pinned} from {source} to {target}; the routes are: {existing}"
        )
    # An engine the user chose says why it cannot; of several, each reason is for -v or --debug.
    why = f" ({reasons[0]})" if len(reasons) == 1 else ""
    names = frozenset(engine.name for engine in engines)
    error = UsageError(
        f"no engine translates {languages.name(source)} to {languages.name(target)} here{why}; "
        f"install one: {install_hint(source, target, names)}"
    )
    for reason in reasons:  # shown by --debug and -v; `toolkit engines` tells the whole story
        error.add_note(reason)
    raise error


def describe_pivot(route: Route) -> str:
    """A route as `--via` names it: `es` (fr→es→en), or `-` for a direct pair."""
    pivots = route.languages[1:-1]
    return f"{route.engine} {'→'.join(route.languages)} (--via {'→'.join(pivots) or DIRECT})"

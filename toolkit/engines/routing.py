"""Choosing the engine and route that take a source language to each target."""

from __future__ import annotations

from toolkit.engines import base
from toolkit.engines.base import Engine, Route
from toolkit.errors import UsageError
from toolkit.text import languages

AUTO = "auto"


def candidate_engines(choice: str, **options: object) -> list[Engine]:
    """The engines to try, in order of preference: for `auto`, neural first."""
    if choice == AUTO:
        return [base.load(name, **options) for name in base.ENGINE_NAMES]
    return [base.load(choice, strict=True, **options)]


def install_hint(source: str, target: str) -> str:
    """What to install to reach a target that no installed engine reaches."""
    from toolkit.engines.apertium.engine import DEBIAN_PACKAGES

    hints = []
    if source == "fr" and target in DEBIAN_PACKAGES:
        hints.append("apt-get install " + " ".join(DEBIAN_PACKAGES[target]))
    pivot = "" if "en" in (source, target) else f" (or {source}-en and en-{target})"
    hints.append(f"toolkit models install {source}-{target}{pivot}")
    return " or ".join(hints)


def resolve(
    engines: list[Engine], source: str, target: str, paragraphs: list[str]
) -> tuple[Engine, Route]:
    """The first engine that reaches the target, with its best route for this input."""
    reasons = []
    for engine in engines:
        reason = engine.unavailable_reason()
        if reason:
            reasons.append(reason)
            continue
        routes = base.find_routes(engine.name, engine.hops(), source, target)
        if routes:
            return engine, engine.choose(paragraphs, routes)
        reasons.append(f"{engine.name} has no route {source}→{target}")
    raise UsageError(
        f"no way to translate {languages.name(source)} ({source}) to "
        f"{languages.name(target)} ({target}): {'; '.join(reasons)}; to add it: {install_hint(source, target)}"
    )

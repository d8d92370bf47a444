"""Choosing the engine and route that take a source language to each target."""

from __future__ import annotations

from collections.abc import Callable

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
    engines: list[Engine],
    source: str,
    target: str,
    paragraphs: list[str],
    skipped: Callable[[str], None] | None = None,
) -> tuple[Engine, Route]:
    """The first engine that reaches the target, with its best route for this input; `skipped`
    is told why each engine before it was passed over."""
    reasons = []
    for engine in engines:
        reason = engine.unavailable_reason()
        if not reason:
            routes = base.find_routes(engine.name, engine.hops(), source, target)
            if routes:
                return engine, engine.choose(paragraphs, routes)
            reason = f"{engine.name} has no route {source}→{target}"
        reasons.append(reason)
        if skipped is not None:
            skipped(f"{source}→{target}: skipped {reason}")
    error = UsageError(
        f"no engine translates {languages.name(source)} to {languages.name(target)} here; "
        f"install one: {install_hint(source, target)}"
    )
    for reason in reasons:  # shown by --debug and -v; `toolkit engines` tells the whole story
        error.add_note(reason)
    raise error

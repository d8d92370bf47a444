"""Turning results into text: plain for pipes, JSON for programs, rich for people at a terminal."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from toolkit.engines.base import Route
    from toolkit.translate import Translation


def translation_text(translation: Translation) -> str:
    """The translated documents as plain text, one after the other, a blank line between."""
    texts = [
        doc.text if doc.text.endswith("\n") else doc.text + "\n" for doc in translation.documents
    ]
    return "\n".join(texts)


def route_data(route: Route) -> dict[str, Any]:
    return {
        "engine": route.engine,
        "languages": route.languages,
        "models": [hop.model for hop in route.hops],
        "description": route.describe(),
    }


def translation_data(translation: Translation) -> dict[str, Any]:
    return {
        "source": translation.source,
        "target": translation.target,
        "route": route_data(translation.route),
        "documents": [asdict(doc) for doc in translation.documents],
        "words": translation.words,
        "unknown_words": translation.unknown_words,
        "unknown_share": round(translation.unknown_share, 4),
        "seconds": round(translation.seconds, 3),
    }


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)


def translation_summary(console: Console, translation: Translation) -> None:
    """A short line per target on stderr: route, paragraphs, words, unknown words, time."""
    paragraphs = sum(doc.paragraphs for doc in translation.documents)
    console.print(
        f"[bold]{translation.source}→{translation.target}[/] via [cyan]{translation.route.describe()}[/]: "
        f"{paragraphs} paragraphs, {translation.words} words, "
        f"{translation.unknown_share:.1%} unknown, {translation.seconds:.2f} s",
        highlight=False,
    )

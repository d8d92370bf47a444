"""Translations: their formats, their data for JSON, and the lines about them on stderr."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from toolkit.output import terminal, words
from toolkit.output.formats import Format, FormatTable
from toolkit.output.json_text import to_json

if TYPE_CHECKING:
    from collections import Counter
    from collections.abc import Callable

    from toolkit.engines.base import Route
    from toolkit.output.stderr import Stderr
    from toolkit.translation.translate import Translation


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
        # What was changed before the engine: accents composed (NFC), invisible marks dropped.
        "normalized": {
            "composed_paragraphs": translation.composed,
            "dropped": dict(translation.dropped),
        },
    }


def translations_json(
    translations: list[Translation], reports: list[dict[str, Any]] | None = None
) -> str:
    """The whole JSON document: the inputs' names, then each target's translation, with its QA
    report (`reports`, one per translation) when --check asked for one."""
    return to_json(
        {
            "inputs": [doc.name for doc in translations[0].documents],
            "translations": [
                translation_data(t) | ({"qa": reports[i]} if reports is not None else {})
                for i, t in enumerate(translations)
            ],
        }
    )


# Text is streamed as each batch is done, by the sinks of toolkit.output.sinks; JSON waits for the
# whole input.
FORMATS: FormatTable[Callable[..., str] | None] = FormatTable(
    Format("text", "the translated text", None),
    Format("json", "with routes and counts", translations_json),
)


def translation_summary(console: Stderr, translation: Translation) -> None:
    """A short line per target on stderr: route, paragraphs, words, unknown words, time."""
    paragraphs = sum(doc.paragraphs for doc in translation.documents)
    console.print(
        f"[bold]{translation.source}→{translation.target}[/] via [cyan]{terminal.shown(translation.route.describe())}[/]: "
        f"{words.count(paragraphs, 'paragraph')}, {words.count(translation.words, 'word')}, "
        f"{words.percent(translation.unknown_share)} unknown, {translation.seconds:.2f} s",
        highlight=False,
    )


def normalization_note(console: Stderr, translation: Translation) -> None:
    """A line on stderr when marks inside words were dropped before the engine: never silently."""
    if translation.dropped:
        marks = ", ".join(f"{code} ×{count}" for code, count in translation.dropped)
        console.print(
            f"note: invisible marks inside words dropped for the engine: {marks}", highlight=False
        )


def weak_cut_note(
    console: Stderr, name: str, paragraph: int, limit: int, boundaries: Counter[str]
) -> None:
    """A line on stderr for a paragraph longer than `limit` cut elsewhere than at sentence ends:
    the text either side of such a cut was translated apart."""
    from toolkit.text.cuts import LONG_WORD_MIDDLE

    places = ", ".join(
        f"{boundary} ×{count}" if count > 1 else boundary for boundary, count in boundaries.items()
    )
    apart = (
        "the word goes through as it is"
        if set(boundaries) == {LONG_WORD_MIDDLE}
        else "the text either side of a cut was translated apart"
    )
    console.print(
        f"note: {terminal.shown(name)}, paragraph {paragraph}: no sentence end within {limit:,} "
        "characters, "
        f"cut at: {places}; {apart}",
        highlight=False,
    )

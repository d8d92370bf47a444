"""Words the chosen route left untranslated, looked up through the other installed routes.

A word unknown to the route is a French word (`désarmement` in fr→es) or a word of the pivot that
its next hop did not know (`ordenanza` in fr→es→en): such a word is traced back to the French word
of its paragraph that the hops before gave it. Each French word is looked up alone, all of a call's
words at once per route, through the other routes in their order of preference, and the first
translation found takes the place of the word, its capitals kept. What no route knows stays unknown,
named by its French word: the one a translator can put in a glossary.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol, runtime_checkable

from toolkit.engines import routing
from toolkit.engines.base import Engine, EngineOutput, Route

# A word of the source as Apertium cuts it: apostrophes and digits end it.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@runtime_checkable
class WordLookup(Protocol):
    def look_up(self, words: list[str], route: Route) -> list[str | None]:
        """Each word alone through the route (1:1), None where the route does not know it."""


def rescued(
    sources: list[str],
    output: EngineOutput,
    engine: Engine,
    route: Route,
    placeholders: list[tuple[str, ...]],
) -> EngineOutput:
    """The engine's output with the words it left untranslated translated where another route
    knows them, and its unknown words those left, each by its French word."""
    if not isinstance(engine, WordLookup) or not any(output.unknown):
        return output
    origins = _french_words(sources, output.unknown, engine, route, placeholders)
    wanted = list(dict.fromkeys(w for words in origins for w in words if w))
    found = _translations(wanted, engine, route)
    paragraphs = list(output.paragraphs)
    unknown: list[tuple[str, ...]] = []
    for index, (words, french) in enumerate(zip(output.unknown, origins, strict=True)):
        left = []
        for word, source_word in zip(words, french, strict=True):
            translation = found.get(source_word) if source_word else None
            if translation is None:
                left.append(source_word or word)
            else:
                paragraphs[index] = _replaced(paragraphs[index], word, translation)
        unknown.append(tuple(left))
    remaining = sum(map(len, unknown))
    return replace(output, paragraphs=paragraphs, unknown_words=remaining, unknown=tuple(unknown))


def _french_words(
    sources: list[str],
    unknown: tuple[tuple[str, ...], ...],
    engine: WordLookup,
    route: Route,
    placeholders: list[tuple[str, ...]],
) -> list[list[str]]:
    """For each unknown word, the French word it stands for ('' for a placeholder, a single
    letter, or a pivot word traced to no French word)."""
    words_of = [_WORD.findall(source) for source in sources]
    pivot_words: dict[str, str] = {}  # a pivot word, casefolded → the French word that gave it
    leftovers = [i for i, words in enumerate(unknown) if any(w not in words_of[i] for w in words)]
    if leftovers and len(route.hops) > 1:
        before_last = Route(route.engine, route.hops[:-1])
        candidates = list(dict.fromkeys(w for i in leftovers for w in words_of[i] if len(w) > 1))
        for word, pivot in zip(candidates, engine.look_up(candidates, before_last), strict=True):
            if pivot:
                pivot_words.setdefault(pivot.casefold(), word)
    origins = []
    for words, source_words, stems in zip(unknown, words_of, placeholders, strict=True):
        folded = tuple(stem.casefold() for stem in stems)
        french = []
        for word in words:
            if len(word) < 2 or (folded and word.casefold().startswith(folded)):
                french.append("")
            elif word in source_words:
                french.append(word)
            else:
                french.append(_traced(word, pivot_words))
        origins.append(french)
    return origins


def _traced(word: str, pivot_words: dict[str, str]) -> str:
    """The French word that gave a pivot word: its form alone, or a form that differs only in its
    ending (the word alone is singular and masculine, `aldeano` for `aldeanos` in context)."""
    folded = word.casefold()
    if folded in pivot_words:
        return pivot_words[folded]
    best, shared = "", 0
    for pivot, french in pivot_words.items():
        common = _shared_start(pivot, folded)
        if common >= 4 and common >= min(len(pivot), len(folded)) - 2 and common > shared:
            best, shared = french, common
    return best


def _shared_start(one: str, other: str) -> int:
    return next(
        (i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b),
        min(len(one), len(other)),
    )


def _translations(words: list[str], engine: WordLookup, route: Route) -> dict[str, str]:
    """The French words that another route knows, with their translation, capitals kept."""
    found: dict[str, str] = {}
    if not words:
        return found
    for other in routing.routes(engine, route.source, route.target):  # type: ignore[arg-type]
        asked = [w for w in words if w not in found]
        if not asked:
            break
        if other == route:
            continue
        for word, translation in zip(asked, engine.look_up(asked, other), strict=True):
            if translation:
                found[word] = _with_capitals_of(word, translation)
    return found


def _with_capitals_of(word: str, translation: str) -> str:
    if len(word) > 1 and word.isupper():
        return translation.upper()
    if word[:1].isupper():
        return translation[:1].upper() + translation[1:]
    return translation


def _replaced(paragraph: str, word: str, translation: str) -> str:
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    return pattern.sub(lambda _: _with_capitals_of(word, translation), paragraph)

"""Words the chosen route left untranslated, looked up through the other installed routes.

A word unknown to the route is a French word (`désarmement` in fr→es) or a word of the pivot that
its next hop did not know (`ordenanza` in fr→es→en): such a word is traced back to the French word
of its paragraph that the hops before gave it. Each French word is looked up alone, all of a call's
words at once per route, through the other routes in their order of preference, and the first
translation found takes the place of the word, its capitals kept. A word that no route knows but
that is a word of the target language as it stands (`shell` in English) is rightly left as it is,
and not unknown. What no route knows stays unknown, named by its French word: the one a translator
can put in a glossary.

The cost is bounded: nothing is started when no word is unknown; only the best MAX_ROUTES other
routes are asked, never for a word with a digit, and for names and acronyms (a capital inside a
sentence, all capitals) only along with other words, never alone; each
dictionary is one lt-proc for all the words (toolkit.engines.apertium.lexicon).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol, runtime_checkable

from toolkit.engines import routing
from toolkit.engines.base import Engine, EngineOutput, Route

# A word of the source as Apertium cuts it: apostrophes and digits end it.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Other routes asked, best first: on the Debian Reference a third route knew next to nothing that
# the first two did not.
MAX_ROUTES = 2
# What may come between a sentence end and the word that starts the next sentence.
_OPENING = " \t\n\"'«»“”‘’([{—–-"


# A word of the source as Apertium's analyser reads it, hyphens and apostrophes cutting it.
_TOKEN = re.compile(r"[^\W\d_]+")


@runtime_checkable
class LossLookup(Protocol):
    def translated_to_nothing(self, words: list[str], route: Route) -> list[tuple[str, ...]]:
        """For each word (1:1), the tags of its readings that the route's first hop translates to
        no word."""


@runtime_checkable
class LanguageWords(Protocol):
    def words_of(self, words: list[str], language: str) -> list[bool]:
        """Whether each word (1:1), as written, is a word of the language."""


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
    # Names and acronyms are looked up along with other words, never alone: they start nothing.
    names = {
        w
        for words, source in zip(origins, sources, strict=True)
        for w in words
        if w and _name(w, source)
    }
    if all(w in names for w in wanted):
        wanted = []
    # French words the route's first hop did not know: a route through the same hop knows none.
    first_unknown = {w for words in output.unknown for w in words}
    found = _translations(wanted, engine, route, first_unknown)
    as_is = list(
        dict.fromkeys(
            word
            for words, french in zip(output.unknown, origins, strict=True)
            for word, source_word in zip(words, french, strict=True)
            if word == source_word and source_word not in found
        )
    )
    of_target = _words_of(as_is, engine, route.target)
    paragraphs = list(output.paragraphs)
    unknown: list[tuple[str, ...]] = []
    for index, (words, french) in enumerate(zip(output.unknown, origins, strict=True)):
        left = []
        for word, source_word in zip(words, french, strict=True):
            translation = found.get(source_word) if source_word else None
            if translation is not None:
                paragraphs[index] = _replaced(paragraphs[index], word, translation)
            elif source_word != word or word not in of_target:
                left.append(source_word or word)
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
    # Sets for membership: a paragraph of a megabyte has some 200,000 words.
    word_sets = [set(words) for words in words_of]
    unknown_sets = [set(words) for words in unknown]
    pivot_words: dict[str, str] = {}  # a pivot word, casefolded → the French word that gave it
    leftovers = [
        i
        for i, words in enumerate(unknown)
        if any(_maybe_pivot(w, word_sets[i], placeholders[i]) for w in words)
    ]
    if leftovers and len(route.hops) > 1:
        before_last = Route(route.engine, route.hops[:-1])
        candidates = list(
            dict.fromkeys(
                w
                for i in leftovers
                for w in words_of[i]
                if len(w) > 1 and w not in unknown_sets[i] and not w.isupper()
            )
        )
        for word, pivot in zip(candidates, engine.look_up(candidates, before_last), strict=True):
            if pivot:
                pivot_words.setdefault(pivot.casefold(), word)
    origins = []
    for words, source_words, stems in zip(unknown, word_sets, placeholders, strict=True):
        folded = tuple(stem.casefold() for stem in stems)
        french = []
        for word in words:
            if len(word) < 2 or (folded and word.casefold().startswith(folded)):
                french.append("")
            elif word in source_words:
                french.append("" if _no_word(word) else word)
            else:
                french.append(_traced(word, pivot_words))
        origins.append(french)
    return origins


def _maybe_pivot(word: str, source_words: set[str], stems: tuple[str, ...]) -> bool:
    """Whether an unknown word may be a pivot's word, to trace to its French word: not a word of
    the source, a placeholder, a letter, or a word with a digit or in capitals."""
    folded = tuple(stem.casefold() for stem in stems)
    return not (
        word in source_words
        or len(word) < 2
        or word.isupper()
        or any(c.isdigit() for c in word)
        or (folded and word.casefold().startswith(folded))
    )


def _no_word(word: str) -> bool:
    """Whether a word of the source that the route's first hop did not know is no word to look
    up: a word with a digit."""
    return any(c.isdigit() for c in word)


def _name(word: str, source: str) -> bool:
    """Whether a word is an acronym or is written with a capital inside a sentence each time: a
    name, which another route may know (Arménie, GNU) but which is looked up only along with other
    words."""
    if len(word) > 1 and word.isupper():
        return True
    if not word[:1].isupper():
        return False
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    return all(not _starts_sentence(source, m.start()) for m in pattern.finditer(source))


def _starts_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(_OPENING)
    return not before or before[-1] in ".!?…:;\n"


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


def _translations(
    words: list[str], engine: WordLookup, route: Route, first_unknown: set[str]
) -> dict[str, str]:
    """The French words that another route knows, with their translation, capitals kept: the
    best MAX_ROUTES other routes are asked, best first, each for the words not found yet (not
    for those unknown to its first hop, when it is the route's)."""
    found: dict[str, str] = {}
    if not words:
        return found
    others = [r for r in routing.routes(engine, route.source, route.target) if r != route]  # type: ignore[arg-type]
    for other in others[:MAX_ROUTES]:
        same_start = other.hops[0] == route.hops[0]
        asked = [w for w in words if w not in found and not (same_start and w in first_unknown)]
        if not asked:
            continue
        for word, translation in zip(asked, engine.look_up(asked, other), strict=True):
            if translation:
                found[word] = _with_capitals_of(word, translation)
    return found


def _words_of(words: list[str], engine: WordLookup, language: str) -> set[str]:
    """The words that are words of the target language as they stand (an English word of a French
    text, `shell`, in an English translation): left as they are, rightly, they are not unknown."""
    if not words or not isinstance(engine, LanguageWords):
        return set()
    return {w for w, known in zip(words, engine.words_of(words, language), strict=True) if known}


def _with_capitals_of(word: str, translation: str) -> str:
    if len(word) > 1 and word.isupper():
        return translation.upper()
    if word[:1].isupper():
        return translation[:1].upper() + translation[1:]
    return translation


def _replaced(paragraph: str, word: str, translation: str) -> str:
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    return pattern.sub(lambda _: _with_capitals_of(word, translation), paragraph)


def lost_words(
    sources: list[str],
    output: EngineOutput,
    engine: Engine,
    route: Route,
    stems: list[tuple[str, ...]],
) -> tuple[tuple[str, ...], ...]:
    """For each paragraph (1:1), the source words the engine dropped without a trace, each named
    by its French word: the word of the paragraph that the first hop translates to tags alone, the
    tags the engine wrote for it (Apertium's `#<prn>`, dropped). A word a later hop dropped, or
    one not found, is named by its tags. () when the engine dropped none."""
    if not output.lost:
        return ()
    tokens = [
        [w for w in _TOKEN.findall(source) if not _placeholder(w, stem)]
        for source, stem in zip(sources, stems, strict=True)
    ]
    asked = list(
        dict.fromkeys(
            w
            for words, lost in zip(tokens, output.lost, strict=True)
            if any(hop == 0 for hop, _ in lost)
            for w in words
        )
    )
    empty: dict[str, tuple[str, ...]] = {}
    if asked and isinstance(engine, LossLookup):
        empty = dict(zip(asked, engine.translated_to_nothing(asked, route), strict=True))
    named: list[tuple[str, ...]] = []
    for words, lost in zip(tokens, output.lost, strict=True):
        left = list(words)
        found = []
        for hop, tags in lost:
            first = _FIRST_TAG.match(tags)
            word = next(
                (
                    w
                    for w in left
                    if hop == 0
                    and first
                    and any(t.startswith(first.group()) for t in empty.get(w, ()))
                ),
                None,
            )
            if word is None:
                found.append(tags)
            else:
                left.remove(word)
                found.append(word)
        named.append(tuple(found))
    return tuple(named)


_FIRST_TAG = re.compile(r"<[^>]+>")


def _placeholder(word: str, stems: tuple[str, ...]) -> bool:
    folded = tuple(stem.casefold() for stem in stems)
    return bool(folded) and word.casefold().startswith(folded)

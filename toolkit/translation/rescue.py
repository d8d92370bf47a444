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
sentence, all capitals) only along with other words of the same input, never alone; each
dictionary is one lt-proc for all the words (toolkit.engines.apertium.lexicon).

A call may hold several inputs (files, corpus documents): what is looked up for an input, and so
what it is translated to, depends on its own text alone, never on the inputs beside it. Each
route is still asked once per call, for the words of every input together: a word alone gets the
same answer whoever asks for it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, runtime_checkable

from toolkit.engines import routing
from toolkit.engines.base import Engine, EngineOutput, Route

# A word of the source as Apertium cuts it: apostrophes and digits end it.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Other routes asked, best first: on the Debian Reference a second other route (fr→eo→en,
# fr→oc→es) changed no word of any target's translation, and each route asked starts its own
# dictionaries.
MAX_ROUTES = 1
# What joins the parts of a word that Apertium may cut, left at the end of the first part (`apt-`).
_JOINERS = "-_"
# A word of the source with its joined parts, digits included (`dm-crypt`, `regex_t`, `ISO-8859`).
_JOINED = re.compile(r"\w+(?:[-_]\w+)*")
# A French word that may be a verb of repetition (réinitialiser, reconnectez), and the prefix that
# says it in each target.
# Only forms that are verbs whatever the word (an infinitive, a participle, the second person
# plural, a gerund): `réattache` may be a noun's `attache`, `religadura`.
_REPEATED = re.compile(r"r[eé](?=[^\W\d_]{5,}$)(?=.*(?:er|ir|é|ée|és|ées|i|ie|is|ies|ez|ant)$)")
_AGAIN = {"en": "re", "es": "re", "ca": "re", "pt": "re", "it": "ri"}
# Italian writes re- before i (reinizializzare), ri- elsewhere (riconnettere).
_AGAIN_BEFORE_I = {"it": "re"}
# French endings and their English (typographique → typographic, textuel → textual, interpréteur →
# interpreter, partitionner → partition, personnalisation → personalisation), longest first.
_COGNATE_ENDINGS = (
    ("isation", "isation"),
    ("ionner", "ion"),
    ("ique", "ic"),
    ("eur", "er"),
    ("uel", "ual"),
    ("el", "al"),
    ("if", "ive"),
)
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
    inputs: Sequence[int] | None = None,
) -> EngineOutput:
    """The engine's output with the words it left untranslated translated where another route
    knows them, and its unknown words those left, each by its French word. `inputs` names the
    input each source belongs to (1:1; None: all one input): which words an input looks up and
    replaces depends on its own sources alone."""
    if not isinstance(engine, WordLookup) or not any(output.unknown):
        return output
    of_input = list(inputs) if inputs is not None else [0] * len(sources)
    groups = list(dict.fromkeys(of_input))
    cut = tuple(
        _joined(words, source) for words, source in zip(output.unknown, sources, strict=True)
    )
    origins = _french_words(sources, cut, engine, route, placeholders, of_input)
    # Words of the target language as written (`scripts`, `firewall` in English; a pivot's
    # `facultativa` traced to `facultative`) are right as they stand: nothing to look up.
    unchanged = [
        f
        for words, french in zip(cut, origins, strict=True)
        for word, f in zip(words, french, strict=True)
        if f
    ]
    of_target = _words_of(list(dict.fromkeys(unchanged)), engine, route.target)
    wanted: dict[int, list[str]] = {}
    names: dict[int, set[str]] = {}
    first_unknown: dict[int, set[str]] = {}
    for group in groups:
        members = [i for i, g in enumerate(of_input) if g == group]
        looked_up = list(
            dict.fromkeys(w for i in members for w in origins[i] if w and w not in of_target)
        )
        names[group] = {w for i in members for w in origins[i] if w and is_name(w, sources[i])}
        # Names and acronyms are looked up along with other words of their input, never alone:
        # they start nothing.
        wanted[group] = [] if all(w in names[group] for w in looked_up) else looked_up
        # French words the route's first hop did not know: a route through the same hop knows
        # none.
        first_unknown[group] = {w for i in members for w in cut[i]}
    found = _translations(wanted, engine, route, first_unknown)
    left_over = {
        g: [w for w in words if w not in found[g] and w not in names[g]]
        for g, words in wanted.items()
    }
    cognates = _cognates(
        list(dict.fromkeys(w for words in left_over.values() for w in words)), engine, route
    )
    for group, rest in left_over.items():
        found[group] |= {w: cognates[w] for w in rest if w in cognates}
    paragraphs = list(output.paragraphs)
    unknown: list[tuple[str, ...]] = []
    for index, (words, french) in enumerate(zip(cut, origins, strict=True)):
        left = []
        for word, source_word in zip(words, french, strict=True):
            translation = found[of_input[index]].get(source_word) if source_word else None
            if translation is None and source_word in of_target and source_word != word:
                translation = source_word  # a pivot's word for a French word of the target
            if translation is not None:
                paragraphs[index] = _replaced(paragraphs[index], word, translation)
            elif source_word not in of_target:
                left.append(source_word or word)
        unknown.append(tuple(left))
    remaining = sum(map(len, unknown))
    return replace(output, paragraphs=paragraphs, unknown_words=remaining, unknown=tuple(unknown))


def _joined(words: tuple[str, ...], source: str) -> tuple[str, ...]:
    """The unknown words of a paragraph, the parts of a word joined by hyphens or underscores
    that Apertium cut (`apt-` and `get` of `apt-get`) given back as that one word."""
    joined = [w for w in _JOINED.findall(source) if any(c in _JOINERS for c in w)]
    if not joined:
        return words
    result: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        whole = next((j for j in joined if word[-1:] in _JOINERS and j.startswith(word)), None)
        if whole is not None:
            end, so_far = index + 1, word
            while end < len(words) and whole.startswith(so_far + words[end]):
                so_far += words[end]
                end += 1
                if so_far == whole:
                    result.append(whole)
                    index = end
                    break
            else:
                result.append(word)
                index += 1
            continue
        result.append(word)
        index += 1
    return tuple(result)


def _french_words(
    sources: list[str],
    unknown: tuple[tuple[str, ...], ...],
    engine: WordLookup,
    route: Route,
    placeholders: list[tuple[str, ...]],
    of_input: list[int],
) -> list[list[str]]:
    """For each unknown word, the French word it stands for ('' for a placeholder, a single
    letter, a part of a word cut at a hyphen, or a pivot word traced to no French word): a pivot
    word is traced among the words of its own input (`of_input`, 1:1 with the sources)."""
    words_of = [_WORD.findall(source) for source in sources]
    parts_of = [_source_words(source) for source in sources]
    # Sets for membership: a paragraph of a megabyte has some 200,000 words.
    unknown_sets = [set(words) for words in unknown]
    # Per input: a pivot word, casefolded → the French word that gave it.
    pivot_words: dict[int, dict[str, str]] = {g: {} for g in of_input}
    leftovers = [
        i
        for i, words in enumerate(unknown)
        if any(_maybe_pivot(w, parts_of[i], placeholders[i]) for w in words)
    ]
    if leftovers and len(route.hops) > 1:
        before_last = Route(route.engine, route.hops[:-1])
        candidates: dict[int, list[str]] = {}  # per input, in its order
        for i in leftovers:
            candidates.setdefault(of_input[i], []).extend(
                w
                for joined in words_of[i]
                for w in (joined, *(joined.split("-") if "-" in joined else ()))
                if len(w) > 1 and w not in unknown_sets[i] and not w.isupper()
            )
        asked = list(dict.fromkeys(w for words in candidates.values() for w in words))
        pivots = dict(zip(asked, engine.look_up(asked, before_last), strict=True))
        for group, asked_by in candidates.items():
            traced, lost = pivot_words[group], []
            for word in dict.fromkeys(asked_by):
                pivot = pivots[word]
                if pivot:
                    traced.setdefault(pivot.casefold(), word)
                else:
                    lost.append(word)
            # A word the dictionaries alone cannot follow (`reconnectez`, `reconnectarse` in
            # context) is traced by its own beginning.
            for word in lost:
                traced.setdefault(word.casefold(), word)
    origins = []
    for words, source_words, stems, group in zip(
        unknown, parts_of, placeholders, of_input, strict=True
    ):
        folded = tuple(stem.casefold() for stem in stems)
        french = []
        for word in words:
            if (
                len(word) < 2
                or word[-1] in _JOINERS
                or (folded and word.casefold().startswith(folded))
            ):
                french.append("")
            elif word in source_words:
                french.append("" if _no_word(word) else word)
            else:
                french.append(_traced(word, pivot_words[group]))
        origins.append(french)
    return origins


def _source_words(source: str) -> set[str]:
    """The words of a source paragraph, and the parts of those joined by hyphens or underscores
    (`apt-get`, `bash-completion`): Apertium may cut such a word and leave a part unknown."""
    return {*_WORD.findall(source), *_TOKEN.findall(source)}


def _maybe_pivot(word: str, source_words: set[str], stems: tuple[str, ...]) -> bool:
    """Whether an unknown word may be a pivot's word, to trace to its French word: not a word of
    the source, a placeholder, a letter, or a word with a digit or in capitals."""
    folded = tuple(stem.casefold() for stem in stems)
    return not (
        word in source_words
        or word[-1:] in _JOINERS
        or len(word) < 2
        or word.isupper()
        or any(c.isdigit() for c in word)
        or (folded and word.casefold().startswith(folded))
    )


def _no_word(word: str) -> bool:
    """Whether a word of the source that the route's first hop did not know is no word to look
    up: a word with a digit."""
    return any(c.isdigit() for c in word)


def is_name(word: str, source: str) -> bool:
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
    ending (the word alone is singular and masculine, `aldeano` for `aldeanos` in context), its
    accents aside (`reconnectáis` alone, `reconnectarse` in context)."""
    folded = word.casefold()
    if folded in pivot_words:
        return pivot_words[folded]
    best, shared = "", 0
    bare = _unaccented(folded)
    for pivot, french in pivot_words.items():
        common = _shared_start(_unaccented(pivot), bare)
        if common >= 4 and common >= min(len(pivot), len(folded)) - 2 and common > shared:
            best, shared = french, common
    return best


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _shared_start(one: str, other: str) -> int:
    return next(
        (i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b),
        min(len(one), len(other)),
    )


def _translations(
    wanted: dict[int, list[str]],
    engine: WordLookup,
    route: Route,
    first_unknown: dict[int, set[str]],
) -> dict[int, dict[str, str]]:
    """Per input, the French words it wants that another route knows, with their translation,
    capitals kept: the best MAX_ROUTES other routes are asked, best first, each for the words
    not found yet (not for those unknown to its first hop, when it is the route's). A verb of
    repetition no route knows (`réinitialiser`, `reconnectez`) is the target's prefix before the
    verb repeated, when a route, the chosen one first, knows that verb; its words travel in the
    same calls. Each route is asked once for the words of every input; what an input finds
    depends on its own words alone."""
    found: dict[int, dict[str, str]] = {group: {} for group in wanted}
    if not any(wanted.values()):
        return found
    stems = {group: _repeated(words, route) for group, words in wanted.items()}
    known_stems: dict[int, dict[str, str]] = {group: {} for group in wanted}
    others = [r for r in routing.routes(engine, route.source, route.target) if r != route]  # type: ignore[arg-type]
    for other in [route, *others[:MAX_ROUTES]]:
        same_start = other.hops[0] == route.hops[0]
        asks: dict[int, list[str]] = {}
        for group, words in wanted.items():
            asked = (
                []
                if other == route
                else [
                    w
                    for w in words
                    if w not in found[group] and not (same_start and w in first_unknown[group])
                ]
            )
            asked += [
                s
                for w, s in stems[group].items()
                if w not in found[group] and s not in known_stems[group] and s not in asked
            ]
            asks[group] = asked
        every = list(dict.fromkeys(w for asked in asks.values() for w in asked))
        if not every:
            continue
        answers = dict(zip(every, engine.look_up(every, other), strict=True))
        for group, asked in asks.items():
            for word in asked:
                translation = answers[word]
                if not translation:
                    continue
                if word in wanted[group] and other != route:
                    found[group].setdefault(word, _with_capitals_of(word, translation))
                known_stems[group].setdefault(word, translation)
    for group in wanted:
        for word, stem in stems[group].items():
            if word not in found[group] and stem in known_stems[group]:
                verb = known_stems[group][stem]
                prefix = _AGAIN[route.target]
                if verb[:1].lower() == "i":
                    prefix = _AGAIN_BEFORE_I.get(route.target, prefix)
                found[group][word] = _with_capitals_of(word, prefix + verb)
    return found


def _cognates(words: list[str], engine: WordLookup, route: Route) -> dict[str, str]:
    """French words no route knows, written as the English cognate that English's own dictionary
    knows (interpréteur → interpreter, textuels → textual, trilatérale → trilateral): the word
    less its accents and its plural or feminine ending, then the endings French and English
    regularly differ by, tried in turn, and nothing the dictionary does not confirm. English only, where the endings are regular enough."""
    if route.source != "fr" or route.target != "en" or not words:
        return {}
    candidates = {w: _english_forms(w) for w in words if w.islower()}
    asked = list(dict.fromkeys(c for forms in candidates.values() for c in forms))
    known = _words_of(asked, engine, "en")
    found = {}
    for word, forms in candidates.items():
        form = next((f for f in forms if f in known), None)
        if form is not None:
            found[word] = form
    return found


def _english_forms(word: str) -> list[str]:
    """The English forms a French word may have, by its ending: plural and feminine set aside
    (an English adjective has neither), then each ending's English, accents dropped."""
    bare = _unaccented(word)
    if bare[-3:] != word[-3:]:  # an accent in the ending is grammar (forcé, forced), not spelling
        return []
    stems = [bare]
    for ending in ("es", "s", "e"):
        if bare.endswith(ending) and len(bare) - len(ending) >= 5:
            stems.append(bare[: -len(ending)])
    forms = [stem for stem in stems if stem != word]  # trilatérale → trilateral
    for stem in stems:
        for french, english in _COGNATE_ENDINGS:
            if stem.endswith(french) and len(stem) - len(french) >= 3:
                forms.append(stem[: -len(french)] + english)
    # French doubles consonants English writes once (personnalisation → personalisation).
    return list(dict.fromkeys([*forms, *(f.replace("nn", "n") for f in forms)]))


def _repeated(words: list[str], route: Route) -> dict[str, str]:
    """The words that may be a French verb of repetition (ré- or re- before a verb of five
    letters or more), each with that verb, for a target whose prefix is known."""
    if route.source != "fr" or route.target not in _AGAIN:
        return {}
    return {w: w[2:] for w in words if _REPEATED.match(w) and not w.isupper()}


def _words_of(words: list[str], engine: WordLookup, language: str) -> set[str]:
    """The words that are words of the target language as they stand (an English word of a French
    text, `shell`, in an English translation): left as they are, rightly, they are not unknown.
    A word joined by hyphens is one when each of its parts is (`apt-get`)."""
    if not words or not isinstance(engine, LanguageWords):
        return set()
    parts = {w: _TOKEN.findall(w) for w in words if any(c in _JOINERS for c in w)}
    asked = list(dict.fromkeys([*words, *(p for found in parts.values() for p in found)]))
    known = {w for w, k in zip(asked, engine.words_of(asked, language), strict=True) if k}
    return {w for w in words if w in known or (parts.get(w) and known.issuperset(parts[w]))}


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

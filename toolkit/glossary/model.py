"""The glossary of proper names: terms, their form in each language, and finding them in a source text.

A term has a canonical form (kept in every language the glossary gives no form of its own), the
spellings matched in the source text, a form per language where one is established, and variants:
spellings a translation may produce that are repaired into the glossary form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import cast

from toolkit.glossary.matcher import APOSTROPHES, HYPHENS, WORD, Matcher


@dataclass(frozen=True)
class Term:
    """One proper name: its canonical form, source spellings, forms per language, and variants."""

    name: str
    matches: tuple[str, ...]
    forms: Mapping[str, str] = field(default_factory=dict)
    variants: tuple[str, ...] = ()
    origin: str = ""  # file:line it was read from
    # The definite article the name takes in a language ("" for none), where the entry gives one.
    articles: Mapping[str, str] = field(default_factory=dict)
    # file:line of each form that came from another entry than `origin` (a user's file on top).
    form_origins: Mapping[str, str] = field(default_factory=dict)

    def form(self, language: str) -> str:
        """The form of this name in a language: its own where the glossary gives one, else canonical."""
        return self.forms.get(language, self.name)

    def form_origin(self, language: str) -> str:
        """file:line of the entry that gave the form in `language` (the name's own, if none did)."""
        return self.form_origins.get(language, self.origin)


@dataclass(frozen=True)
class Found:
    """One occurrence of a term in a text."""

    term: Term
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class Glossary:
    """The active terms for texts in one source language; later terms win over earlier ones."""

    source: str
    terms: tuple[Term, ...]
    files: tuple[str, ...] = ()
    # Regular expressions of spans that no translation may change (toolkit.text.spans).
    protect: tuple[str, ...] = ()

    def merge(self, later: Glossary) -> Glossary:
        """This glossary with `later` on top.

        A later term that shares its name or a source spelling with earlier ones is merged into
        them, language by language: its forms override theirs, and the spellings, forms and
        variants it does not give itself are kept: a file that adds a Russian form keeps the
        default Armenian one. The name stays the earlier one's: a row keyed by a spelling
        (Latchine) must not turn every language without a form of its own to that spelling.
        """
        terms = _TermIndex(self.terms)
        held = terms.keys()
        later_keys = [_keys(term) for term in later.terms]
        # When no two later terms share a key (so in any one file), a later term that shares
        # none with this glossary takes nothing, then or after: a merged term's keys are its own
        # and this glossary's. It is added as it is, without indexing its keys.
        apart = _apart(later_keys)
        for term, keys in zip(later.terms, later_keys, strict=True):
            if apart and held.isdisjoint(keys):
                terms.put(term, [])
                continue
            earlier = terms.take(keys)
            if not earlier:
                terms.put(term, keys)
                continue
            forms: dict[str, str] = {}
            articles: dict[str, str] = {}
            origins: dict[str, str] = {}
            for old in earlier:
                forms |= old.forms
                articles |= old.articles
                origins |= {language: old.form_origin(language) for language in old.forms}
            origins |= {language: term.origin for language in term.forms}
            # Keyed by a spelling of an earlier name, the term keeps that name and where it is from.
            keep = earlier[0] if term.name.casefold() != earlier[0].name.casefold() else term
            merged = replace(
                term,
                name=keep.name,
                matches=_union(term.matches, *(old.matches for old in earlier)),
                forms=forms | dict(term.forms),
                variants=_union(term.variants, *(old.variants for old in earlier)),
                origin=keep.origin,
                articles=articles | dict(term.articles),
            )
            terms.put(replace(merged, form_origins=origins))
        return Glossary(
            later.source if later.terms else self.source,
            terms.ordered(),
            self.files + later.files,
            tuple(dict.fromkeys(self.protect + later.protect)),
        )

    def find(self, text: str) -> list[Found]:
        """Every whole-word occurrence of a term in the text, in any case, left to right."""
        return [
            Found(self.terms[cast(int, hit.keys[0])], hit.start, hit.end, text[hit.start : hit.end])
            for hit in self._source_matcher.find(text)
        ]

    def target_matcher(self, target: str, same_language: bool, whole_words: bool) -> Matcher:
        """The terms' spellings in a translation (their form in `target`; with `same_language`,
        their source spellings too), keyed by term index; built once."""
        key = (target, same_language, whole_words)
        if key not in self._target_matchers:
            if same_language:
                spellings = [(t.form(target), *t.matches) for t in self.terms]
                self._target_matchers[key] = _matcher(spellings, whole_words)
            else:
                forms = [term.form(target) for term in self.terms]
                self._target_matchers[key] = Matcher.of(forms, list(range(len(forms))), whole_words)
        return self._target_matchers[key]

    @cached_property
    def names_matcher(self) -> Matcher:
        """Every term's name and source spellings, whole words in any case: what a summary
        highlights; built once."""
        return _matcher([(term.name, *term.matches) for term in self.terms])

    def position(self, name: str) -> int:
        """The index of the term with this name."""
        return self._positions[name]

    @cached_property
    def _source_matcher(self) -> Matcher:
        return _matcher([term.matches for term in self.terms])

    @cached_property
    def _target_matchers(self) -> dict[tuple[str, bool, bool], Matcher]:
        return {}

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {term.name: index for index, term in enumerate(self.terms)}


def _matcher(spellings: list[tuple[str, ...]], whole_words: bool = True) -> Matcher:
    """A matcher of each term's spellings (given in the order of the terms), keyed by the
    term's index."""
    return Matcher.of(
        [spelling for group in spellings for spelling in group],
        [index for index, group in enumerate(spellings) for _ in group],
        whole_words,
    )


def spelling_pattern(spelling: str) -> str:
    """A regular expression for a spelling: any kind of space, apostrophe or hyphen between its words."""
    parts = []
    for char in spelling:
        if char.isspace():
            parts.append(r"\s+")
        elif char in APOSTROPHES:
            parts.append(f"[{APOSTROPHES}]")
        elif char in HYPHENS:
            parts.append(f"[{HYPHENS}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts).replace(r"\s+\s+", r"\s+")


def word_pattern(spellings: Iterable[str]) -> re.Pattern[str]:
    """Whole-word, any-case matches of any of the spellings."""
    return _word_pattern(tuple(sorted(set(spellings))))


@lru_cache(maxsize=256)
def _word_pattern(spellings: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(spellings, key=lambda s: -len(s))
    body = "|".join(spelling_pattern(s) for s in ordered)
    return re.compile(f"(?<!{WORD})(?:{body})(?!{WORD})", re.IGNORECASE)


def is_capitals(surface: str) -> bool:
    """A name written all in capitals (STEPANAKERT), as opposed to a capitalised one."""
    letters = [c for c in surface if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters if c.lower() != c.upper())


def _union(*groups: tuple[str, ...]) -> tuple[str, ...]:
    """The spellings of all groups in order, each once (in any case)."""
    seen: dict[str, str] = {}
    for group in groups:
        for spelling in group:
            seen.setdefault(spelling.casefold(), spelling)
    return tuple(seen.values())


class _TermIndex:
    """Terms in order, each found by its keys (name and spellings, in any case)."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._terms: dict[int, Term] = {}
        # Only keys some term holds: a term whose keys are all absent is new, at one set lookup.
        self._owners: dict[str, set[int]] = {}
        self._count = 0
        for term in terms:
            self.put(term)

    def put(self, term: Term, keys: list[str] | None = None) -> None:
        """Add a term after the others, found by its keys (by none with `keys=[]`)."""
        number, self._count = self._count, self._count + 1
        self._terms[number] = term
        for key in _keys(term) if keys is None else keys:
            self._owners.setdefault(key, set()).add(number)

    def keys(self) -> set[str]:
        """Every key a term holds."""
        return set(self._owners)

    def take(self, keys: list[str]) -> list[Term]:
        """Remove and return, in order, the terms holding any of the keys."""
        if self._owners.keys().isdisjoint(keys):
            return []
        numbers = sorted({n for key in keys for n in self._owners.get(key, ())})
        taken = [self._terms.pop(n) for n in numbers]
        for number, term in zip(numbers, taken, strict=True):
            for key in set(_keys(term)):
                owners = self._owners[key]
                owners.discard(number)
                if not owners:
                    del self._owners[key]
        return taken

    def ordered(self) -> tuple[Term, ...]:
        return tuple(self._terms.values())


def _keys(term: Term) -> list[str]:
    return [term.name.casefold(), *[m.casefold() for m in term.matches]]


def _apart(groups: list[list[str]]) -> bool:
    """Whether no key is in two of the groups."""
    owners: dict[str, int] = {}
    for number, keys in enumerate(groups):
        for key in keys:
            if owners.setdefault(key, number) != number:
                return False
    return True


def empty(source: str = "fr") -> Glossary:
    return Glossary(source, ())

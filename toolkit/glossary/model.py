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

# Letters, digits and combining marks: a name never starts or ends next to one of these.
_WORD = r"[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
_APOSTROPHES = "'\u2019\u02bc"
_HYPHENS = "-\u2010\u2011\u2013"


@dataclass(frozen=True)
class Term:
    """One proper name: its canonical form, source spellings, forms per language, and variants."""

    name: str
    matches: tuple[str, ...]
    forms: Mapping[str, str] = field(default_factory=dict)
    variants: tuple[str, ...] = ()
    origin: str = ""  # file:line it was read from

    def form(self, language: str) -> str:
        """The form of this name in a language: its own where the glossary gives one, else canonical."""
        return self.forms.get(language, self.name)


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

    def merge(self, later: Glossary) -> Glossary:
        """This glossary with `later` on top.

        A later term that shares its name or a source spelling with earlier ones replaces them,
        keeping the spellings, forms and variants it does not give itself: a file that adds a
        Russian form keeps the default Armenian one.
        """
        terms = list(self.terms)
        for term in later.terms:
            keys = set(_keys(term))
            earlier = [t for t in terms if keys & set(_keys(t))]
            terms = [t for t in terms if t not in earlier]
            forms: dict[str, str] = {}
            for old in earlier:
                forms |= old.forms
            matches = _union(term.matches, *(old.matches for old in earlier))
            variants = _union(term.variants, *(old.variants for old in earlier))
            terms.append(
                replace(term, matches=matches, forms=forms | dict(term.forms), variants=variants)
            )
        return Glossary(
            later.source if later.terms else self.source, tuple(terms), self.files + later.files
        )

    def find(self, text: str) -> list[Found]:
        """Every whole-word occurrence of a term in the text, in any case, left to right."""
        if not self.terms:
            return []
        found = []
        for match in self._pattern.finditer(text):
            assert match.lastgroup is not None
            term = self.terms[int(match.lastgroup[1:].partition("_")[0])]
            found.append(Found(term, match.start(), match.end(), match.group()))
        return found

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        alternatives = [
            (spelling, f"t{i}_{k}")
            for i, term in enumerate(self.terms)
            for k, spelling in enumerate(term.matches)
        ]
        # Longest first, so that a longer spelling wins over a shorter one it starts with.
        alternatives.sort(key=lambda item: -len(item[0]))
        body = "|".join(f"(?P<{group}>{spelling_pattern(s)})" for s, group in alternatives)
        return re.compile(f"(?<!{_WORD})(?:{body})(?!{_WORD})", re.IGNORECASE)


def spelling_pattern(spelling: str) -> str:
    """A regular expression for a spelling: any kind of space, apostrophe or hyphen between its words."""
    parts = []
    for char in spelling:
        if char.isspace():
            parts.append(r"\s+")
        elif char in _APOSTROPHES:
            parts.append(f"[{_APOSTROPHES}]")
        elif char in _HYPHENS:
            parts.append(f"[{_HYPHENS}]")
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
    return re.compile(f"(?<!{_WORD})(?:{body})(?!{_WORD})", re.IGNORECASE)


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


def _keys(term: Term) -> list[str]:
    return [term.name.casefold(), *(m.casefold() for m in term.matches)]


def empty(source: str = "fr") -> Glossary:
    return Glossary(source, ())

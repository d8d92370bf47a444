"""Definite articles per language: which there are, how they contract with a preposition before
them (Spanish de + el: del), and how they elide before a vowel (Catalan el: l'). Language facts,
read by the glossary (which articles an entry may give) and by translation (rewriting them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

_VOWELS = "aeiouàáâäèéêëìíîïòóôöùúûü"


@dataclass(frozen=True)
class Articles:
    """A language's definite articles, their contractions with prepositions, and elision."""

    articles: frozenset[str]
    joined: Mapping[tuple[str, str], str]  # (preposition, article) -> one word: de + el -> del
    elided: Mapping[str, str]  # a word's form before a vowel: de -> d', el -> l'
    silent_h: bool = False

    @cached_property
    def split(self) -> dict[str, tuple[str, str]]:
        return {word: pair for pair, word in self.joined.items() if not word.endswith("'")}

    @cached_property
    def prepositions(self) -> frozenset[str]:
        return frozenset(p for p, _ in self.joined) | frozenset(
            w for w in self.elided if w not in self.articles
        )

    def starts_with_vowel(self, name: str) -> bool:
        first = name[:1].lower()
        if first == "h" and self.silent_h:
            first = name[1:2].lower()
        return bool(first) and first in _VOWELS


def _italian() -> dict[tuple[str, str], str]:
    joined = {}
    for preposition, stem in (("di", "de"), ("a", "a"), ("da", "da"), ("in", "ne"), ("su", "su")):
        joined[(preposition, "il")] = stem + "l"
        joined[(preposition, "lo")] = stem + "llo"
        joined[(preposition, "la")] = stem + "lla"
        joined[(preposition, "l'")] = stem + "ll'"
    return joined


RULES: dict[str, Articles] = {
    "es": Articles(frozenset({"el", "la"}), {("de", "el"): "del", ("a", "el"): "al"}, {}),
    "ca": Articles(
        frozenset({"el", "la"}),
        {("de", "el"): "del", ("a", "el"): "al", ("per", "el"): "pel", ("ca", "el"): "cal"},
        {"de": "d'", "el": "l'", "la": "l'"},
        silent_h=True,
    ),
    "it": Articles(
        frozenset({"il", "lo", "la"}), _italian(), {"il": "l'", "lo": "l'", "la": "l'"}, True
    ),
    "pt": Articles(
        frozenset({"o", "a"}),
        {
            ("de", "o"): "do",
            ("de", "a"): "da",
            ("em", "o"): "no",
            ("em", "a"): "na",
            ("a", "o"): "ao",
            ("a", "a"): "à",
            ("por", "o"): "pelo",
            ("por", "a"): "pela",
        },
        {},
    ),
    # English has one article and no contraction: the rule serves names that take none (of Artsakh).
    "en": Articles(frozenset({"the"}), {}, {}),
}


def articles_of(language: str) -> frozenset[str] | None:
    """The articles a glossary entry may give for a language, or None when it has no rules."""
    rules = RULES.get(language)
    return rules.articles if rules else None

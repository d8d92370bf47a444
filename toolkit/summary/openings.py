"""Sentences that lean on the one before: they open with a connective or a pronoun.

`Mais l'arrivée…`, `Il a ajouté…`, `Ce dernier…`, `En effet…` make sense after the sentence they
follow, not alone: a summary that chose one without its predecessor reads as a non sequitur. The
lists are per language, lower-cased phrases matched at the sentence's start (after a stamp, quotes
and dashes) on whole words; the exceptions are impersonal or self-contained openings (`Il y a…`,
`Alors que…`) that lean on nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Protocol, TypeVar

from toolkit.summary import candidates

# One phrase a line; a phrase is followed in the sentence by anything but a letter.
_LEANING = {
    "fr": """
        mais  car  or  donc  et  puis  ensuite  enfin  alors  aussi  ainsi  sinon
        cependant  pourtant  toutefois  néanmoins  neanmoins  nonobstant
        en effet  de fait  en fait  de plus  en plus  en outre  par ailleurs  d'ailleurs
        d'autre part  de même  de son côté  de leur côté  en revanche  par contre  au contraire
        à l'inverse  pour autant  malgré cela  malgré tout  du coup  par conséquent
        en conséquence  c'est pourquoi  c'est pour cela  c'est ainsi  d'autant
        dans ce cadre  dans ce contexte  dans ce cas  à cet égard  à ce titre  à cette occasion
        pour cela  pour ce faire  face à cela  selon lui  selon elle  selon eux  selon elles
        pour lui  pour elle  pour eux  d'après lui  d'après elle  quant à lui  quant à elle
        il  elle  ils  elles  lui  eux  celui-ci  celle-ci  ceux-ci  celles-ci  celui-là
        cela  ceci  ça  ce dernier  cette dernière  ces derniers  ces dernières
        ce faisant  là encore  lui aussi  elle aussi
    """,
    "en": """
        but  yet  so  thus  hence  therefore  moreover  furthermore  also  besides  meanwhile
        nevertheless  nonetheless  however  still  instead  indeed  otherwise  then  and  or
        in fact  in addition  additionally  as a result  consequently  on the other hand
        by contrast  in contrast  even so  that is why  this is why  for this reason
        he  she  they  him  her  them  his  their  its  it  the latter  the former
        this is  this was  that is  that was  these are  those are
    """,
}
# Openings that begin like a leaning one but lean on nothing.
_SELF_CONTAINED = {
    "fr": """
        il y  il faut  il s'agit  il semble  il suffit  il convient  il existe  il reste
        il importe  il manque  il se peut  il paraît  il était une fois  il est temps
        il est possible  il est probable  il est prévu  il est nécessaire  il est question
        il est difficile  il est important  il est impossible  il est interdit  il est vrai
        il est clair  il n'y  il ne faut  il ne reste  il fallait  il y avait
        alors que  ainsi que  aussi bien  lui-même
    """,
    "en": """
        it is  it's  it was  it has been  it will be  it takes  it seems  so far  so-called
        yet another  then-
    """,
}
_OPENING_MARKS = "«»\"“”„'‘’‹›()[]-–—*•·: \t\n"


@dataclass(frozen=True)
class Openings:
    leaning: tuple[str, ...]
    self_contained: tuple[str, ...]
    # Each list as one pattern: this runs on every sentence of every text summarised.
    leaning_pattern: re.Pattern[str] | None = None
    self_contained_pattern: re.Pattern[str] | None = None


@cache
def openings(code: str) -> Openings:
    """The language's lists (none for a language without them: nothing leans)."""
    leaning = _phrases(_LEANING.get(code, ""))
    self_contained = _phrases(_SELF_CONTAINED.get(code, ""))
    return Openings(leaning, self_contained, _pattern(leaning), _pattern(self_contained))


def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """The phrases at a text's start, each on whole words: a phrase ending with a letter is not
    followed by one."""
    if not phrases:
        return None
    each = [re.escape(p) + (r"(?![^\W\d_])" if p[-1].isalpha() else "") for p in phrases]
    return re.compile("|".join(f"(?:{p})" for p in each))


def _phrases(block: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in re.split(r"\s{2,}|\n", block) if p.strip())


def leans(text: str, code: str) -> bool:
    """Whether the sentence opens with a word that leans on the sentence before it."""
    facts = openings(code)
    if facts.leaning_pattern is None:
        return False
    start = text[candidates.stamp_length(text, candidates.language(code)) :]
    start = start.lstrip(_OPENING_MARKS).lower().replace("’", "'")
    if facts.self_contained_pattern is not None and facts.self_contained_pattern.match(start):
        return False
    return facts.leaning_pattern.match(start) is not None


class _Located(Protocol):
    @property
    def index(self) -> int: ...
    @property
    def text(self) -> str: ...


L = TypeVar("L", bound=_Located)


def noting_leaning(sentences: Iterable[L], code: str, found: dict[int, int]) -> Iterator[L]:
    """The sentences, as they come; `found` gains, for each one that leans on the sentence
    before it, its index -> that sentence's index. A stamp set apart (a dateline) is no sentence
    to lean on, and the first sentence of the text leans on nothing."""
    facts = candidates.language(code)
    previous: int | None = None
    for sentence in sentences:
        if previous is not None and leans(sentence.text, code):
            found[sentence.index] = previous
        if not candidates.is_dateline(sentence.text, facts):
            previous = sentence.index
        yield sentence


def leaning_on(sentences: Iterable[_Located], code: str) -> dict[int, int]:
    """Each sentence that leans on the one before: its index -> that sentence's index."""
    found: dict[int, int] = {}
    for _ in noting_leaning(sentences, code, found):
        pass
    return found

"""Single letters that stand for themselves (`les axes x, y et z`, `le point y.`, a paragraph that
is one letter): they pass through Apertium untouched, as a superblank does. Apertium reads them as
words (`y` a pronoun, `a` a verb) and drops or translates them: `x, y et z` came out `x, and z`."""

from __future__ import annotations

import re

_LONE = r"(?<![\w'’-])[^\W\d_](?![\w'’-])"
_JOIN = r"(?:\s*[,;/]\s*|\s+(?:et|ou)\s+)"
# Letters in a list of letters: `x, y et z`, `a, b ou c`, `x/y`.
_LIST = re.compile(rf"{_LONE}(?:{_JOIN}{_LONE})+")
# A `y` ending a clause is the letter, not the pronoun, which comes before its verb (`allez-y.`,
# the imperative, has its hyphen).
_Y_BEFORE_STOP = re.compile(r"(?<![\w'’-])[yY](?=\s*(?:[.,;:!?)]|$))")
# A `y` before a word the pronoun never comes before (a preposition, an article, a conjunction:
# `le point y avant la frontière`, `l'axe y de la figure`), or before a sign or a number, is the
# letter: the pronoun comes before its verb, `en` (`il y en a`) or `compris` (`y compris`).
_NOT_AFTER_PRONOUN = """
    avant après et ou mais ni puis donc car or sur sous dans de du des à au aux le la les un une
    pour par entre vers contre selon sans avec chez comme que qui dont où mais pendant depuis
    jusqu dès hors parmi près loin
"""
_Y_BEFORE_WORD = re.compile(
    r"(?<![\w'’-])[yY](?=\s+(?:"
    + "|".join(_NOT_AFTER_PRONOUN.split())
    + r")(?![\w'’-])|\s*[=<>+*/×÷(\d])"
)
_ALONE = re.compile(r"^\s*([^\W\d_])\s*$")
_LETTER = re.compile(_LONE)


def standing_alone(text: str) -> list[tuple[int, int]]:
    """Where the letters of the (French) text that stand for themselves are, in order."""
    found: set[tuple[int, int]] = set()
    alone = _ALONE.match(text)
    if alone:
        found.add(alone.span(1))
    for match in _LIST.finditer(text):
        found.update(
            (match.start() + m.start(), match.start() + m.end())
            for m in _LETTER.finditer(match.group())
        )
    found.update(m.span() for m in _Y_BEFORE_STOP.finditer(text))
    found.update(m.span() for m in _Y_BEFORE_WORD.finditer(text))
    return sorted(found)

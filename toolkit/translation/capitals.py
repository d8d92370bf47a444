"""Runs of words in capitals (a headline, a dateline `LYON, 12 MAI 2024 (AFP) –`): the engine
gets them in the case it understands, and their translation is given back in capitals.

Dictionaries read a word in capitals as a name where they can (`MARS` the planet, `MAI` a
surname, which fr→ca passes on and ca→es reads as Catalan *mai*, "never"). Before the engine a run
is written in lower case, but for the place of a dateline and the words the paragraph writes
capitalised elsewhere (names, kept as `Lyon`), and short words that may be acronyms (`ONU`,
`AFP`). Two runs are found, both without any mark for the engine to carry: a paragraph all in
capitals, upper-cased whole after the engine, and a paragraph's opening run up to a dash or a colon
(a dateline), upper-cased up to the first such mark of the translation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WHOLE = "whole"
OPENING = "opening"

_MONTHS_AND_DAYS = frozenset(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
)
# Articles, prepositions and conjunctions of a headline: never acronyms.
_FUNCTION_WORDS = frozenset(
    "le la les l un une des de du d au aux à a et ou en dans par pour sur sous avec sans "
    "ne pas se sa son ses qui que est".split()
)
_ACRONYM_LETTERS = 3  # a word this short in capitals may be an acronym: kept as written
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# The end of a dateline: a dash between spaces, or a colon.
_OPENING_END = re.compile(r"\s[–—-]\s|:(?=\s)")


@dataclass(frozen=True)
class Lowered:
    """A paragraph as the engine gets it, and which part of its translation to upper-case."""

    text: str
    run: str | None = None  # WHOLE, OPENING or None
    end_mark: str = ""  # for an opening run: the mark that ends it
    written: tuple[tuple[str, str], ...] = ()  # (word as the engine gets it, as the source has it)

    def as_written(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """Words of the engine's input (the unknown ones, say) as the source writes them."""
        if not self.written:
            return words
        source = dict(self.written)
        return tuple(source.get(word, word) for word in words)


def lower(text: str, placeholder_stem: str = "") -> Lowered:
    """The paragraph with its run in capitals, if any, in the case engines understand."""
    if _in_capitals(text, placeholder_stem):
        run = _engine_case(text, "", placeholder_stem, dateline=False)
        return Lowered(run, WHOLE, "", _written(run, text))
    end = _OPENING_END.search(text)
    if end is None or not _in_capitals(text[: end.start()], placeholder_stem):
        return Lowered(text)
    rest = text[end.start() :]
    run = _engine_case(text[: end.start()], rest, placeholder_stem, dateline=True)
    written = _written(run, text[: end.start()])
    return Lowered(run + rest, OPENING, end.group().strip(), written)


def restore(lowered: Lowered, output: str) -> str:
    """The translation with the run's translation in capitals."""
    if lowered.run == WHOLE:
        return output.upper()
    if lowered.run == OPENING:
        end = output.find(lowered.end_mark)
        if end > 0:
            return output[:end].upper() + output[end:]
    return output


def _in_capitals(text: str, placeholder_stem: str) -> bool:
    """Whether every word is in capitals, two of them of two letters or more."""
    words = [w for w in _WORD.findall(text) if not _placeholder(w, placeholder_stem)]
    return all(w.isupper() for w in words) and sum(len(w) > 1 for w in words) >= 2


def _engine_case(run: str, context: str, placeholder_stem: str, dateline: bool) -> str:
    capitalised = {w.casefold() for w in _WORD.findall(context) if w[:1].isupper()}
    place_ends = run.find(",") if dateline else -1

    def case(match: re.Match[str]) -> str:
        word = match.group()
        folded = word.lower()
        if _placeholder(word, placeholder_stem) or folded in _MONTHS_AND_DAYS:
            return word if _placeholder(word, placeholder_stem) else folded
        if match.end() <= place_ends or folded in capitalised:
            return "-".join(part.capitalize() for part in folded.split("-"))
        if len(word) <= _ACRONYM_LETTERS and folded not in _FUNCTION_WORDS:
            return word
        return folded

    return _WORD.sub(case, run)


def _written(run: str, source: str) -> tuple[tuple[str, str], ...]:
    """Each word the run's case changed, with its source form."""
    if len(run) != len(source):
        return ()  # a letter whose lower case is longer (İ): no word-for-word map
    return tuple(
        (word.group(), source[word.start() : word.end()])
        for word in _WORD.finditer(run)
        if word.group() != source[word.start() : word.end()]
    )


def _placeholder(word: str, stem: str) -> bool:
    return bool(stem) and word.casefold().startswith(stem.casefold())

"""Names through an engine: protect them with placeholders, restore them, repair and verify.

Before translation each name becomes a placeholder: a made-up word (stem + index letters, Zqxb,
Zqxc, ...) that engines copy as they copy any unknown proper noun; plain ASCII letters, so that a
neural model's subword vocabulary knows every piece. After translation each placeholder becomes the
name's form in the target language, in the case of the source (STEPANAKERT stays in capitals).
What engines do to placeholders is repaired: a changed case, letters glued on as an inflection
(Zqxbn, alZqxb), an index letter altered. A name the engine dropped is reported, never invented.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, cast

from toolkit.glossary.model import Found, Glossary, is_capitals, word_pattern
from toolkit.text import languages

if TYPE_CHECKING:
    pass

# Letters glued to a placeholder up to this length are an inflection and removed; a longer run is
# a word the engine joined to it, kept and set apart by a space.
MAX_INFLECTION = 3
_LETTER = re.compile(r"[^\W\d_]")
_LETTERS = re.compile(r"[^\W\d_]*")


def looks_like_placeholder(word: str, style: PlaceholderStyle | None = None) -> bool:
    """Whether a word is made as placeholders are (a stem, repeated or not, then index letters)."""
    return _placeholder_shape(style or PlaceholderStyle()).fullmatch(word) is not None


@lru_cache(maxsize=8)
def _placeholder_shape(style: PlaceholderStyle) -> re.Pattern[str]:
    stems = "|".join(re.escape(stem) for stem in style.stems)
    return re.compile(f"(?:{stems})+[{style.digits}]+", re.IGNORECASE)


@dataclass(frozen=True)
class PlaceholderStyle:
    """What placeholders are made of: a stem, then index letters; both must survive the engine."""

    stems: tuple[str, ...] = ("Zqx", "Qzx", "Xqz", "Zxq", "Qxz", "Xzq")
    digits: str = "bcdfghjklmnpqrstvwxz"
    # Whether placeholders take the case of the name (Zqxb, ZQXB, zqxb), a cue for the engine.
    keep_case: bool = True

    def stem_for(self, text: str) -> str:
        """The first stem that does not already occur in the text (in any case) before an index letter."""
        candidates = list(self.stems)
        repeat = 2
        while True:
            for stem in candidates:
                if not re.search(f"{re.escape(stem)}[{self.digits}]", text, re.IGNORECASE):
                    return stem
            candidates = [stem * repeat for stem in self.stems]
            repeat += 1

    def width(self, count: int) -> int:
        width, capacity = 1, len(self.digits)
        while capacity < count:
            width, capacity = width + 1, capacity * len(self.digits)
        return width

    def encode(self, index: int, width: int) -> str:
        letters = []
        for _ in range(width):
            index, digit = divmod(index, len(self.digits))
            letters.append(self.digits[digit])
        return "".join(reversed(letters))

    def decode(self, letters: str) -> int:
        """The index the letters encode, or -1 when one is not an index letter."""
        index = 0
        for letter in letters.casefold():
            position = self.digits.find(letter)
            if position < 0 or len(letter) != 1:
                return -1
            index = index * len(self.digits) + position
        return index


DEFAULT_STYLE = PlaceholderStyle()


@dataclass(frozen=True)
class Protected:
    """A paragraph with its names replaced by placeholders."""

    text: str
    found: tuple[Found, ...]
    stem: str
    width: int
    style: PlaceholderStyle

    def placeholder(self, index: int) -> str:
        word = self.stem + self.style.encode(index, self.width)
        surface = self.found[index].surface
        if not self.style.keep_case:
            return word.lower()
        if is_capitals(surface):
            return word.upper()
        return word.lower() if surface.islower() else word


def protect(text: str, glossary: Glossary, style: PlaceholderStyle = DEFAULT_STYLE) -> Protected:
    found = tuple(glossary.find(text))
    if not found:
        return Protected(text, (), "", 0, style)
    protected = Protected(text, found, style.stem_for(text), style.width(len(found)), style)
    pieces, position = [], 0
    for index, occurrence in enumerate(found):
        pieces += [text[position : occurrence.start], protected.placeholder(index)]
        position = occurrence.end
    pieces.append(text[position:])
    return Protected("".join(pieces), found, protected.stem, protected.width, style)


@dataclass(frozen=True)
class TermCount:
    """How often a term occurs in a source paragraph and, in its glossary form, in the translation."""

    name: str
    form: str
    source: int
    target: int

    @property
    def missing(self) -> int:
        return max(0, self.source - self.target)


@dataclass(frozen=True)
class Note:
    """A repair made to a name, or a problem left: which term, what happened."""

    term: str
    kind: str
    detail: str


@dataclass(frozen=True)
class ParagraphCheck:
    """The terms of one paragraph: counts in source and translation, repairs made, problems left."""

    counts: tuple[TermCount, ...] = ()
    repairs: tuple[Note, ...] = ()
    problems: tuple[Note, ...] = ()

    @property
    def missing(self) -> int:
        return sum(count.missing for count in self.counts)


def joined_checks(first: ParagraphCheck, second: ParagraphCheck) -> ParagraphCheck:
    """The check of a paragraph translated in two parts, from the checks of its parts."""
    counts = {count.name: count for count in first.counts}
    for count in second.counts:
        before = counts.get(count.name)
        if before is not None:
            count = replace(
                count, source=before.source + count.source, target=before.target + count.target
            )
        counts[count.name] = count
    return ParagraphCheck(
        tuple(counts.values()), first.repairs + second.repairs, first.problems + second.problems
    )


@dataclass
class _Restoring:
    protected: Protected
    target: str
    same_language: bool
    used: set[int] = field(default_factory=set)
    unidentified: list[int] = field(default_factory=list)  # positions in `pieces`
    pieces: list[str] = field(default_factory=list)
    repairs: list[Note] = field(default_factory=list)
    # Where a name was written: (position in `pieces`, offset in that piece, length).
    written: list[tuple[int, int, int]] = field(default_factory=list)

    def rendering(self, index: int) -> str:
        found = self.protected.found[index]
        if self.same_language:
            return found.surface
        form = found.term.form(self.target)
        if is_capitals(found.surface):
            return form.upper()
        return form.lower() if found.surface.islower() else form

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        digits = self.protected.style.digits
        stem = re.escape(self.protected.stem)
        return re.compile(rf"{stem}[{digits}]{{{self.protected.width}}}", re.IGNORECASE)

    def run(self, output: str) -> str:
        """Each placeholder, with the letters glued to either side of it, replaced by its name.

        The placeholders are searched for and the letters around each taken afterwards, so that
        the work stays linear in the length of a run of letters.
        """
        position = 0
        while match := self.pattern.search(output, position):
            start = match.start()
            while start > position and _LETTER.match(output, start - 1):
                start -= 1
            after = _LETTERS.match(output, match.end())
            assert after is not None
            self.pieces.append(output[position:start])
            self.pieces.append(
                self.replace(output[start : match.start()], match.group(), after.group())
            )
            position = after.end()
        self.pieces.append(output[position:])
        return "".join(self.pieces)

    def replace(self, before: str, placeholder: str, after: str) -> str:
        written = before + placeholder + after
        index = self.protected.style.decode(placeholder[len(self.protected.stem) :])
        if not 0 <= index < len(self.protected.found):
            self.unidentified.append(len(self.pieces))
            return written
        self.used.add(index)
        name = self.protected.found[index].term.name
        rendering = self.rendering(index)
        if self.target not in languages.UNSPACED and (before or after):
            kind = "inflection" if len(before) + len(after) <= MAX_INFLECTION else "joined word"
            self.repairs.append(Note(name, kind, f"{written} → {rendering}"))
            before = before + " " if len(before) > MAX_INFLECTION else ""
            after = " " + after if len(after) > MAX_INFLECTION else ""
        self.written.append((len(self.pieces), len(before), len(rendering)))
        return before + rendering + after

    def places(self) -> list[tuple[int, int]]:
        """Where the names were written in the joined pieces: (start, end), left to right."""
        offsets, total = [], 0
        for piece in self.pieces:
            offsets.append(total)
            total += len(piece)
        return sorted(
            (offsets[slot] + at, offsets[slot] + at + size) for slot, at, size in self.written
        )


def restore(
    protected: Protected, output: str, glossary: Glossary, target: str, source: str | None = None
) -> tuple[str, ParagraphCheck]:
    """Put the names back into a translated paragraph, repair what can be, and count the terms."""
    same_language = target == (source or glossary.source)
    state = _Restoring(protected, target, same_language)
    text = state.run(output) if protected.found else output
    problems: list[Note] = []
    missing = [i for i in range(len(protected.found)) if i not in state.used]
    # A placeholder whose index letters the engine changed stands for a name that went missing.
    if state.unidentified and missing:
        text, missing = _assign_unidentified(state, missing)
    for slot in state.unidentified:
        problems.append(
            Note("", "unrecognised", f"{state.pieces[slot]} left as the engine wrote it")
        )
    places = state.places()
    counts = _counts(protected, text, places, glossary, target, same_language)
    text, counts = _repair_variants(protected, text, counts, target, state)
    for index in missing:
        found = protected.found[index]
        still_missing = any(c.name == found.term.name and c.missing for c in counts)
        if still_missing:
            problems.append(Note(found.term.name, "lost", f"the engine dropped {found.surface!r}"))
    return text, ParagraphCheck(tuple(counts), tuple(state.repairs), tuple(problems))


def _assign_unidentified(state: _Restoring, missing: list[int]) -> tuple[str, list[int]]:
    """Give the missing names, in order, to the unidentified placeholders, in order."""
    pairs = list(zip(state.unidentified, missing, strict=False))
    for slot, index in pairs:
        rendering = state.rendering(index)
        name = state.protected.found[index].term.name
        state.repairs.append(
            Note(name, "altered placeholder", f"{state.pieces[slot]} → {rendering}")
        )
        state.pieces[slot] = rendering
        state.written.append((slot, 0, len(rendering)))
    state.unidentified = state.unidentified[len(pairs) :]
    return "".join(state.pieces), missing[len(pairs) :]


def _counts(
    protected: Protected,
    text: str,
    places: list[tuple[int, int]],
    glossary: Glossary,
    target: str,
    same_language: bool,
) -> list[TermCount]:
    """Each term of the source, how often in the source and how often the translation writes its
    form where a name was put back (`places`): a form that is also a common word (`y`, Spanish
    "and") is not counted wherever the word occurs."""
    in_source: Counter[str] = Counter(found.term.name for found in protected.found)
    matcher = glossary.target_matcher(target, same_language, target not in languages.UNSPACED)
    starts = [start for start, _ in places]
    in_target: Counter[str] = Counter()
    for hit in matcher.find(text):
        place = bisect_right(starts, hit.start) - 1
        at_a_place = place >= 0 and hit.start < places[place][1]
        if at_a_place or (place + 1 < len(places) and places[place + 1][0] < hit.end):
            in_target.update(glossary.terms[cast(int, index)].name for index in hit.keys)
    counts = []
    for name in sorted(in_source.keys(), key=glossary.position):
        form = glossary.terms[glossary.position(name)].form(target)
        counts.append(TermCount(name, form, in_source[name], in_target[name]))
    return counts


def _repair_variants(
    protected: Protected, text: str, counts: list[TermCount], target: str, state: _Restoring
) -> tuple[str, list[TermCount]]:
    """Where a name is short, turn spellings of it that the source did not have into its form."""
    terms = {found.term.name: found.term for found in protected.found}
    repaired = []
    for count in counts:
        term = terms.get(count.name)
        if not count.missing or term is None or state.same_language:
            repaired.append(count)
            continue
        form = term.form(target)
        spellings = {
            s
            for s in (*term.variants, *term.matches, term.name, *term.forms.values())
            if s.casefold() != form.casefold()
        }
        # Spellings already in the source are the author's, not the engine's: leave them.
        source_text = protected.text
        candidates = [s for s in spellings if not word_pattern([s]).search(source_text)]
        budget = count.missing
        if candidates:
            pattern = word_pattern(candidates)

            def fix(match: re.Match[str], form: str = form, name: str = term.name) -> str:
                nonlocal budget
                if budget <= 0:
                    return match.group()
                budget -= 1
                rendering = form.upper() if is_capitals(match.group()) else form
                state.repairs.append(Note(name, "variant", f"{match.group()} → {rendering}"))
                return rendering

            text = pattern.sub(fix, text)
        fixed = count.missing - budget
        repaired.append(TermCount(count.name, count.form, count.source, count.target + fixed))
    return text, repaired

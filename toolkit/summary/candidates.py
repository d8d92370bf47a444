"""Which sentences are worth choosing for a summary: not a dateline or a stamp, not a heading.

A news release carries lines that are no sentence of its story: the dateline or stamp that dates
and signs it (`STEPANAKERT, 25 MAI, ARTSAKHPRESS :`, `Paris, le 3 mai 2023 (AFP)`, a `date
2023-05` header) and its subheadings (`Contexte`, `BENOÎT HAMON ÉGALEMENT CANDIDAT ?`). They stay
in the document, scored like the rest, but a summary does not choose them. The rules are about
form, with each language's month and day names, the words a dateline holds besides them, and its
commonest verb forms (a line with a verb may be a headline worth keeping).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from toolkit.text.sentence_stream import Sentence

# Month and day names, with their usual abbreviations.
_CALENDAR = {
    "fr": "janvier février fevrier mars avril mai juin juillet août aout septembre octobre "
    "novembre décembre decembre janv févr fév avr juil sept oct nov déc "
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "en": "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre "
    "noviembre diciembre lunes martes miércoles jueves viernes sábado domingo",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "de": "januar februar märz april mai juni juli august september oktober november dezember "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro segunda terça quarta quinta sexta sábado domingo feira",
}
# Other words a dateline or a date header holds: labels, articles, prepositions, ordinals.
_STAMP_WORDS = {
    "fr": "date le la du au à mis jour publié publiée par er h",
    "en": "date on the of at by updated published posted st nd rd th am pm",
    "es": "fecha el de del a las actualizado publicado por",
    "it": "data il del di al aggiornato pubblicato da",
    "de": "datum den am vom im aktualisiert veröffentlicht von",
    "pt": "data de do da em atualizado publicado por",
}
# The commonest finite verb forms: a short line holding one is a headline, not a bare heading.
_VERBS = {
    "fr": "est sont a ont était étaient sera seront fut fait font va vont peut peuvent doit "
    "doivent dit disent veut veulent faut devient reste",
    "en": "is are was were be been has have had will would can could may must does do did says "
    "said",
    "es": "es son está están fue fueron ha han era será hay puede dice",
    "it": "è sono era erano ha hanno sarà può deve dice",
    "de": "ist sind war waren hat haben wird werden kann muss sagt",
    "pt": "é são está estão foi foram tem têm será pode há diz",
}
MAX_WORDS = 12  # a dateline or a heading is short
_TOKEN = re.compile(r"[^\W_]+")
# A capitalised word a dateline may hold: a place, followed by a comma, a bracket, a colon or
# a dash, or ending the line.
_PLACE_END = re.compile(r"\s*(?:[,(:\-–—)]|$)")
_FINAL = re.compile(r"[.!?…][\"'»”’)\]]*\s*$")
# Where a stamp glued to the first sentence of a paragraph may end: a colon or a dash between
# spaces (`PARIS, 3 mai (AFP) – Le ...`), or an ISO date (`date 2023-05 Le ...`); the story goes
# on with a capital, perhaps after an opening quote or bracket.
_STAMP_END = re.compile(
    r"(?:\s+[:\-–—]{1,2}|\s*:|\b\d{4}-\d{2}(?:-\d{2})?\b)\s+(?=[«\"“(]?\s*[^\W\d_])"
)

# A line of a table of contents or of a list of figures: its title, dot leaders, a numbered entry
# ending in its page, a chapter's label, or mostly digits.
_CONTENTS = re.compile(
    r"^(?:sommaire|table des matières|table of contents|contents)\s*:?$", re.IGNORECASE
)
_LEADERS = re.compile(r"(?:\.\s?){4,}|…{2,}|_{4,}|·{3,}")
_NUMBERED_ENTRY = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|[A-Z]\.)\s+\S.*\s\d+$")
_PART = re.compile(
    r"^(?:chapitre|partie|section|annexe|tome|livre|chapter|part|appendix|volume)"
    r"\s+(?:\d+|[ivxlc]+|[a-z])\b(?!.*[.!?…]$)",
    re.IGNORECASE,
)

DATELINE = "dateline"  # or a stamp: a place, a date, an agency; a date header
HEADING = "heading"
NO_WORDS = "no words"
LISTING = "listing"  # a table of contents, a list of figures


@dataclass(frozen=True)
class Language:
    calendar: frozenset[str]
    stamp_words: frozenset[str]
    verbs: frozenset[str] | None  # None: no list for this language, headings by form alone


@cache
def language(code: str) -> Language:
    verbs = _VERBS.get(code)
    return Language(
        frozenset(_CALENDAR.get(code, "").split()),
        frozenset(_STAMP_WORDS.get(code, "").split()),
        None if verbs is None else frozenset(verbs.split()),
    )


def reason(text: str, alone: bool, facts: Language) -> str | None:
    """Why a sentence is not worth choosing (DATELINE, HEADING, NO_WORDS), or None if it is.
    `alone`: the sentence is a paragraph of its own (a line between blank lines)."""
    if not any(c.isalpha() for c in text):
        return NO_WORDS
    tokens = list(_TOKEN.finditer(text))
    if len(tokens) <= MAX_WORDS and _is_stamp(text, tokens, facts):
        return DATELINE
    if is_listing(text):
        return LISTING
    if len(tokens) > MAX_WORDS:
        return None
    words = [t.group() for t in tokens if not t.group().isdigit()]
    if facts.verbs is not None and any(w.lower() in facts.verbs for w in words):
        return None
    if _labelled(text):
        return None
    shouted = [w for w in words if len(w) > 1]
    if len(shouted) >= 2 and all(w.isupper() for w in shouted):
        return HEADING
    if alone and not _FINAL.search(text):
        return HEADING
    return None


def _labelled(text: str) -> bool:
    """Whether the line is a label, a colon and what it says (`BILAN : TROIS MORTS ET DIX
    BLESSÉS`): a sentence, often the most important one, not a heading. Two words or more after
    the colon, one with a letter; `Contexte :` or `Annexe : Artsakh` stay headings."""
    label, colon, content = text.partition(":")
    if not colon or not any(c.isalpha() for c in label):
        return False
    words = _TOKEN.findall(content)
    return len(words) >= 2 and any(not w.isdigit() for w in words)


def is_listing(text: str) -> bool:
    """Whether the sentence is lines of a table of contents or a list (half its lines or more)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return sum(map(_listing_line, lines)) * 2 >= len(lines) > 0


def _listing_line(line: str) -> bool:
    if any(p.search(line) for p in (_CONTENTS, _LEADERS, _NUMBERED_ENTRY, _PART)):
        return True
    # Counted by the str methods themselves: this runs on every line of every sentence.
    digits = sum(map(str.isdigit, line))
    if not digits:
        return not any(map(str.isalnum, line))
    return digits * 2 >= sum(map(str.isalnum, line))


def is_dateline(text: str, facts: Language) -> bool:
    """Whether the sentence is a stamp set apart (a dateline), as `reason` says, for less: only
    that is looked at."""
    tokens = list(_TOKEN.finditer(text))
    return (
        len(tokens) <= MAX_WORDS
        and any(c.isalpha() for c in text)
        and _is_stamp(text, tokens, facts)
    )


def _is_stamp(text: str, tokens: Sequence[re.Match[str]], facts: Language) -> bool:
    dated = False
    for token in tokens:
        word = token.group()
        lower = word.lower()
        if word.isdigit() or lower in facts.calendar:
            dated = True
        elif lower in facts.stamp_words or (word.isupper() and len(word) > 1):
            continue
        elif not (word[0].isupper() and _PLACE_END.match(text, token.end())):
            return False
    return dated


def reasons(sentences: Sequence[str], alone: Sequence[bool], code: str) -> list[str | None]:
    facts = language(code)
    return [reason(s, a, facts) for s, a in zip(sentences, alone, strict=True)]


def split_stamps(sentences: Iterable[Sentence], code: str) -> Iterator[Sentence]:
    """The sentences with a stamp that opens a paragraph's first sentence (a dateline, a date
    header) set apart as a sentence of its own, renumbered; offsets stay those of the text."""
    facts = language(code)
    added = 0  # sentences added so far
    paragraph, added_here = 0, 0
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            paragraph, added_here = sentence.paragraph, 0
        cut = stamp_length(sentence.text, facts) if sentence.sentence == 1 else 0
        if not cut:
            yield replace(
                sentence, index=sentence.index + added, sentence=sentence.sentence + added_here
            )
            continue
        stamp = sentence.text[:cut].rstrip()
        yield replace(
            sentence, index=sentence.index + added, end=sentence.start + len(stamp), text=stamp
        )
        added, added_here = added + 1, 1
        yield replace(
            sentence,
            index=sentence.index + added,
            sentence=2,
            start=sentence.start + cut,
            text=sentence.text[cut:],
        )


def stamp_length(text: str, facts: Language) -> int:
    """The length of the stamp opening `text` (its spaces included), or 0 if it has none."""
    for end in _STAMP_END.finditer(text):
        if not text[end.end() :].lstrip('«"“( ')[:1].isupper():
            continue
        prefix = text[: end.start()] + (end.group() if end.group()[:1].isdigit() else "")
        tokens = list(_TOKEN.finditer(prefix))
        if len(tokens) > MAX_WORDS:
            return 0
        if _is_stamp(prefix, tokens, facts):
            return end.end()
    return 0

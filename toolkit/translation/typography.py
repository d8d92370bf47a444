"""The target language's typography, after the engine: one table of rules, one per language.

Engines copy the source's French spacing (a space, no-break or narrow no-break, before : ; ! ? and
inside « »), its guillemets, and leave double spaces where they dropped a word. Each target gets its
own usage instead: no space before those marks outside French-speaking typography, its own
quotation marks where it does not use guillemets (English “ ”), no space before a full stop or
comma and no hyphen left by a French inversion. A run of spaces the engine left (where it dropped
a word) collapses to one; a run the source had (columns aligned with spaces) is kept, as the
engine kept it. Apostrophes between letters follow the source's style (’ or ').
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Typography:
    """How a language writes what French typography spaces: `french` keeps the spacing as it is."""

    quotes: tuple[str, str] = ("«", "»")
    french: bool = False
    inner: tuple[str, str] = ("“", "”")  # a quotation inside a quotation


GUILLEMETS = Typography()
ENGLISH_QUOTES = Typography(("“", "”"), inner=("‘", "’"))
LOW_HIGH_QUOTES = Typography(("„", "“"), inner=("‚", "‘"))  # German, Czech, ...
LOW_RIGHT_QUOTES = Typography(("„", "”"), inner=("«", "»"))  # Polish, Hungarian, Romanian, Dutch
RIGHT_QUOTES = Typography(("”", "”"), inner=("’", "’"))  # Finnish, Swedish
CORNER_QUOTES = Typography(("「", "」"), inner=("『", "』"))

# Languages not listed keep guillemets (Spanish, Catalan, Italian, Portuguese, Russian, ...) without
# the French spaces.
RULES: dict[str, Typography] = {
    "fr": Typography(french=True),
    "frp": Typography(french=True),
    "oc": Typography(french=True),
    "br": Typography(french=True),
    "en": ENGLISH_QUOTES,
    "eo": ENGLISH_QUOTES,
    "ga": ENGLISH_QUOTES,
    "cy": ENGLISH_QUOTES,
    "mt": ENGLISH_QUOTES,
    "id": ENGLISH_QUOTES,
    "ms": ENGLISH_QUOTES,
    "tl": ENGLISH_QUOTES,
    "tr": ENGLISH_QUOTES,
    "vi": ENGLISH_QUOTES,
    "hi": ENGLISH_QUOTES,
    "bn": ENGLISH_QUOTES,
    "th": ENGLISH_QUOTES,
    "ko": ENGLISH_QUOTES,
    "zh": ENGLISH_QUOTES,
    "de": LOW_HIGH_QUOTES,
    "cs": LOW_HIGH_QUOTES,
    "sk": LOW_HIGH_QUOTES,
    "sl": LOW_HIGH_QUOTES,
    "bg": LOW_HIGH_QUOTES,
    "lt": LOW_HIGH_QUOTES,
    "et": LOW_HIGH_QUOTES,
    "is": LOW_HIGH_QUOTES,
    "ka": LOW_HIGH_QUOTES,
    "pl": LOW_RIGHT_QUOTES,
    "hu": LOW_RIGHT_QUOTES,
    "ro": LOW_RIGHT_QUOTES,
    "nl": LOW_RIGHT_QUOTES,
    "he": LOW_RIGHT_QUOTES,
    "fi": RIGHT_QUOTES,
    "sv": RIGHT_QUOTES,
    "ja": CORNER_QUOTES,
    "zt": CORNER_QUOTES,
}

_SPACE = "[ \u00a0\u202f]"
_BEFORE_MARK = re.compile(rf"(?<=\S){_SPACE}+(?=[:;!?])")
# A space before a full stop or comma (where the engine dropped a word), and the hyphen a French
# inversion leaves on its verb (`passeront-ils` → `will spend-`).
_BEFORE_STOP = re.compile(rf"(?<=[^\s.]){_SPACE}+(?=[.,](?:\s|$))")
_INVERSION_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[\s?!.,;:]|$)")
# A French inversion: a verb, a hyphen (and a euphonic t), a subject pronoun.
_INVERSION = re.compile(
    r"[^\W\d_]-(?:t-)?(?:je|tu|il|elle|on|nous|vous|ils|elles|ce)(?![\w-])", re.IGNORECASE
)
_OPENING = re.compile(rf"«{_SPACE}*")
_CLOSING = re.compile(rf"{_SPACE}*»")
_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
# A time written with French spaces around its colon (`12 : 30`; `12: 30` where an engine took
# one away), whose space before the colon would otherwise go alone (`12: 30`).
_SPACED_TIME = re.compile(
    rf"(?<![\d:])([01]?\d|2[0-4])(?:{_SPACE}+:{_SPACE}*|:{_SPACE}+)([0-5]\d)(?![\d:])"
)
# A quotation inside a quoted segment: any pair of marks, with French spaces inside or not.
_INNER_QUOTE = re.compile(rf"[«“‹„‚]{_SPACE}*([^«»“”‹›„‚‘\n]*?){_SPACE}*[»”›“‘]")
_RUN = re.compile(" {2,}")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])")


def rules(language: str) -> Typography:
    return RULES.get(language, GUILLEMETS)


def apostrophe_style(text: str, fallback: str | None = None) -> str | None:
    """The apostrophe a text writes between letters, ’ or '; None when it writes both, `fallback`
    when it writes none."""
    kinds = {match.group() for match in _APOSTROPHE.finditer(text)}
    if not kinds:
        return fallback
    return kinds.pop() if len(kinds) == 1 else None


def apply(text: str, language: str, apostrophe: str | None = None, source: str = "") -> str:
    """A translated paragraph in the typography of its language; `source` is what the engine was
    given, whose runs of spaces are kept. Given its source, a hyphen ending a word is taken for
    what a French inversion left only when the source has one (`« M- »` and `pré- et post-` keep
    theirs)."""
    typography = rules(language)
    aligned = frozenset(len(run) for run in _RUN.findall(source)) if "  " in source else frozenset()

    def unless_aligned(replacement: str) -> Callable[[re.Match[str]], str]:
        def replace(match: re.Match[str]) -> str:
            run = match.group()
            return run if len(run) in aligned and run.count(" ") == len(run) else replacement

        return replace

    if not typography.french:
        text = _SPACED_TIME.sub(r"\1:\2", text)
        text = _BEFORE_MARK.sub(unless_aligned(""), text)
        if not source or _INVERSION.search(source):
            text = _INVERSION_HYPHEN.sub("", text)
        text = _BEFORE_STOP.sub(unless_aligned(""), text)
        opening, closing = typography.quotes
        if "«" in text or "»" in text:
            text = _CLOSING.sub(closing, _OPENING.sub(opening, text))
    text = _SPACES.sub(unless_aligned(" "), text)
    if apostrophe is not None:
        text = _APOSTROPHE.sub(apostrophe, text)
    return text


def nested(text: str, language: str) -> str:
    """The quotations inside a quoted segment's text in the language's inner marks, without
    French spaces (English `“I say ‘no’”`); a French-spaced language keeps them as they are."""
    typography = rules(language)
    if typography.french:
        return text
    opening, closing = typography.inner
    return _INNER_QUOTE.sub(lambda m: opening + m.group(1) + closing, text)

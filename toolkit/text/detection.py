"""Guessing the language of a text offline, with langdetect (character n-gram profiles it ships).

langdetect was chosen for its start-up: it loads its profiles in about 0.4 s, where py3langid takes
about 2 s to decompress its model and lingua's wheel weighs about 100 MB.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from toolkit.text import languages

# Enough text to be sure of the language; langdetect would read at most 10,000 characters anyway.
SAMPLE = 10_000
# Below this many letters langdetect's guesses cannot be trusted, whatever probability it gives
# ("Merci." is Italian at 0.99999): on OrangeSum's French titles and abstracts and on English
# lines of licence and release notes, every wrong guess came from a text of under 80 letters.
SHORT_LETTERS = 100
# langdetect's probability of its best guess below which it was torn between languages.
SURE_PROBABILITY = 0.9


@dataclass(frozen=True)
class Guess:
    code: str | None  # None: no letters, or a language the project has no code for
    sure: bool  # not in Latin letters, or enough of them and langdetect not torn between languages


def detect_language(text: str) -> Guess:
    """The project's code for the language of `text`, and whether the guess can be trusted."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    sample = text[:SAMPLE]
    DetectorFactory.seed = 0  # langdetect samples at random: a fixed seed gives the same answer
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return Guess(None, False)
    letters = [char for char in sample if char.isalpha()]
    latin = sum(unicodedata.name(char, "").startswith("LATIN") for char in letters)
    # French is written in Latin letters: a text mostly in another script is not French, however
    # short, and langdetect tells scripts apart.
    sure = 2 * latin < len(letters) or (
        len(letters) >= SHORT_LETTERS and best.prob >= SURE_PROBABILITY
    )
    return Guess(languages.normalize(best.lang.split("-")[0]), sure)

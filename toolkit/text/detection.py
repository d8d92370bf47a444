"""Guessing the language of a text offline, with langdetect (character n-gram profiles it ships).

langdetect was chosen for its start-up: it loads its profiles in about 0.4 s, where py3langid takes
about 2 s to decompress its model and lingua's wheel weighs about 100 MB.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.text import languages

if TYPE_CHECKING:
    from langdetect.detector_factory import DetectorFactory

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


# langdetect names a few languages otherwise than the project does.
_PROFILE_NAMES = {"nb": ("no",), "nn": ("no",), "zh": ("zh-cn", "zh-tw")}


def has_profile(code: str) -> bool:
    """Whether langdetect knows the language (the project's code)."""
    return bool(_profile_names(code))


def detect_among(text: str, codes: Iterable[str]) -> tuple[str | None, float]:
    """The likeliest of `codes` for `text` and its probability, langdetect loading only their
    profiles (all 55 take about 0.3 s of CPU); (None, 0.0) when it finds no letters."""
    from langdetect.lang_detect_exception import LangDetectException

    factory = _factory(tuple(sorted({p for c in codes for p in _profile_names(c)})))
    detector = factory.create()
    detector.append(text[:SAMPLE])
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None, 0.0
    return languages.normalize(best.lang.split("-")[0]), best.prob


def _profile_names(code: str) -> tuple[str, ...]:
    names = _PROFILE_NAMES.get(code, (code,))
    return tuple(name for name in names if name in _available_profiles())


@functools.cache
def _available_profiles() -> frozenset[str]:
    from langdetect.detector_factory import PROFILES_DIRECTORY

    return frozenset(os.listdir(PROFILES_DIRECTORY))


@functools.cache
def _factory(names: tuple[str, ...]) -> DetectorFactory:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.set_seed(0)  # langdetect samples at random: a fixed seed gives the same answer
    if len(names) < 2:  # langdetect wants two profiles at least; English is a harmless second
        names = (*names, "en" if "en" not in names else "fr")
    profiles = [Path(PROFILES_DIRECTORY, name).read_text("utf-8") for name in names]
    factory.load_json_profile(profiles)
    return factory

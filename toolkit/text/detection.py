"""Guessing the language of a text offline, with langdetect (character n-gram profiles it ships).

langdetect was chosen for its start-up: it loads its profiles in about 0.4 s, where py3langid takes
about 2 s to decompress its model and lingua's wheel weighs about 100 MB.
"""

from __future__ import annotations

from toolkit.text import languages

# Enough text to be sure of the language; langdetect would read at most 10,000 characters anyway.
SAMPLE = 10_000


def detect_language(text: str) -> str | None:
    """The project's code for the language of `text`, or None when it cannot tell (no letters, or
    a language the project has no code for)."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect samples at random: a fixed seed gives the same answer
    try:
        found = detect(text[:SAMPLE])
    except LangDetectException:
        return None
    return languages.normalize(found.split("-")[0])

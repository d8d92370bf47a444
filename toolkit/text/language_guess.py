"""The language of a text: its stop words counted first, langdetect when unsure.

langdetect takes about 0.4 s to load its profiles, more than all the rest of a summary of a press
release. Running French, English or Italian is about 40% words of that language's stop-word list
(sumy's, with toolkit's additions: stop_words), and holds far fewer of any other list's. When
the counts say so that clearly, they are the answer; anything else (a short text, another
language, a mix) goes to langdetect. The thresholds were set on about 4,900 texts in some 190
languages (OrangeSum's articles, the Debian Reference in five languages, Apertium's translations
into Catalan, Occitan, Arpitan, Esperanto and Galician, Debian's manual pages and message
catalogues): the counts answered for 99% of OrangeSum's articles and never differed from
langdetect. tests/test_language_guess.py checks this on the manual pages and Apertium's output.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from toolkit.text.detection import Guess
from toolkit.text.stop_words import SUMY_LANGUAGES, sumy_stop_words

# The languages the counts may answer; the other lists only count against them.
QUICK = ("fr", "en", "it")
MIN_WORDS = 30
MIN_SHARE = 0.38  # of the words, in the best list
MAX_RIVAL = 0.5  # the next list's count, as a fraction of the best's
_WORD = re.compile(r"[^\W\d_]+")


def language_of(text: str) -> Guess:
    """The language of `text`, and whether the guess can be trusted (see detect_language)."""
    found = stop_word_guess(text)
    if found is not None:
        return Guess(found, sure=True)
    from toolkit.text.detection import detect_language

    return detect_language(text)


def stop_word_guess(text: str) -> str | None:
    """One of QUICK when the stop words leave no doubt, else None."""
    counts = Counter(word.lower() for word in _WORD.findall(text))
    total = sum(counts.values())
    if total < MIN_WORDS:
        return None
    hits = stop_word_hits(counts)
    (best, code), (rival, _) = hits[0], hits[1]
    if code in QUICK and best >= MIN_SHARE * total and rival <= MAX_RIVAL * best:
        return code
    return None


def stop_word_hits(
    counts: Counter[str], lists: Callable[[str], frozenset[str]] = sumy_stop_words
) -> list[tuple[int, str]]:
    """How many of the counted words are in each language's stop-word list, most first."""
    found = set(counts)
    return sorted(
        (
            (sum(counts[word] for word in found & lists(code)), code)
            for code in sorted(set(SUMY_LANGUAGES))
        ),
        reverse=True,
    )


def ranked_guesses(text: str, limit: int = 3) -> list[tuple[str, float]]:
    """The likeliest languages of `text`, best first, each with a confidence from 0 to 100: the
    one `language_of` finds first (as translation's --from auto takes it), then langdetect's
    other candidates. Empty when the text has no letters."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    from toolkit.text.detection import SAMPLE
    from toolkit.text.languages import normalize

    sample = text[:SAMPLE]
    DetectorFactory.seed = 0  # langdetect samples at random: a fixed seed gives the same answer
    try:
        found = detect_langs(sample)
    except LangDetectException:
        found = []
    scores: dict[str, float] = {}
    for candidate in found:
        code = normalize(candidate.lang.split("-")[0])
        if code is not None and code not in scores:
            scores[code] = round(candidate.prob * 100, 2)
    first = language_of(sample)
    if first.code is None:
        return []
    # Stop words that leave no doubt, or langdetect sure of a long text: 100 at least as sure.
    best = scores.pop(first.code, 0.0)
    ranked = [(first.code, max(best, 90.0) if first.sure else best)]
    return (ranked + sorted(scores.items(), key=lambda item: -item[1]))[:limit]

"""Each language's stop words, lower case: sumy's lists, read as files (sumy itself is not imported),
with toolkit's additions. Language guessing (language_guess) counts them; the summarizers
(toolkit.summary.language_tools) leave them out of sentence terms."""

from __future__ import annotations

import functools

# sumy's names for the languages it has a stemmer or a stop-word list for.
SUMY_LANGUAGES = {
    "ar": "arabic",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "he": "hebrew",
    "hu": "hungarian",
    "it": "italian",
    "nb": "norwegian",
    "nl": "dutch",
    "nn": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sk": "slovak",
    "sv": "swedish",
    "uk": "ukrainian",
}
# sumy's French list lacks the commonest French words, and none of the lists have the elided
# forms that the tokenizer splits off.
EXTRA_STOP_WORDS = {
    "fr": "à au aux c d de j l m n qu s t un une y jusqu lorsqu puisqu quoiqu",
    "it": "all c d dall dell l nell quell quest sull un",
}

# Words the language check (toolkit.text.language_check) counts too, kept apart so that the
# summarizers' terms do not change: French "a" (has) is as common as "le", and Italian's list has
# both; sumy's Spanish list lacks its commonest words ("de", "que", "y"), which French and
# Portuguese have, so that Spanish passed for French.
CHECK_STOP_WORDS = {
    "fr": "a",
    "es": "de del que y a se al lo su sus o e u ni",
}


@functools.cache
def check_stop_words(code: str) -> frozenset[str]:
    """The words the language check counts as a language's stop words."""
    return sumy_stop_words(code) | frozenset(CHECK_STOP_WORDS.get(code, "").split())


@functools.cache
def sumy_stop_words(code: str) -> frozenset[str]:
    """A language's stop words, lower case: sumy's list with toolkit's additions (or none)."""
    return _sumy_list(SUMY_LANGUAGES.get(code)) | frozenset(EXTRA_STOP_WORDS.get(code, "").split())


def _sumy_list(name: str | None) -> frozenset[str]:
    if name is None:
        return frozenset()
    import importlib.resources

    resource = importlib.resources.files("sumy") / "data" / "stopwords" / f"{name}.txt"
    if not resource.is_file():
        return frozenset()
    lines = resource.read_text(encoding="utf-8").splitlines()
    return frozenset(word.strip().lower() for word in lines if word.strip())

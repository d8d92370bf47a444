"""The language of the input to translate: found in it (--from auto), or the declared one checked."""

from __future__ import annotations

import re

from toolkit.errors import ToolkitError
from toolkit.text import detection, languages

# A declared language is checked on inputs of at least this many words (fewer say too little).
MIN_WORDS = 20
_WORD = re.compile(r"[^\W\d_]+")


def source_language(paragraphs: list[str], declared: str | None) -> str:
    """The language of the input: found in it (`declared` None), or the declared one unless at
    least MIN_WORDS words of it are surely in another (exit 1, naming it). Addresses, links and
    the like are left out; French, English and Italian are told by their stop words, the rest by
    langdetect."""
    from toolkit.text import spans
    from toolkit.text.language_guess import language_of

    text = "\n".join(spans.without(p) for p in paragraphs)[: detection.SAMPLE]
    if declared is None:
        return language_of(text).code or languages.DEFAULT_SOURCE
    if len(_WORD.findall(text)) < MIN_WORDS:
        return declared
    guess = language_of(text)
    if guess.sure and guess.code not in (None, declared):
        raise ToolkitError(
            f"the input looks like {languages.name(guess.code)} ({guess.code}), not "
            f"{languages.name(declared)} ({declared}); give --from {guess.code}, or --from auto"
        )
    return declared

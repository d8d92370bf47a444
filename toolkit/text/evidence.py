"""The words of a paragraph that say what language it is in, lower case.

Names, capitals and quotations say little of the language a text is written in, and they are what
fools a guess: a quotation of English in a French release, a dateline in capitals (`STEPANAKERT,
12 MARS`), a list of people's names. So the evidence leaves out quoted segments (« … », “ … ”,
" … "), words in capitals, words starting with a capital other than a sentence's first, and the
protected spans (addresses, links: toolkit.text.spans).
"""

from __future__ import annotations

import re

from toolkit.text import spans

_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"\n]*\"")
_WORD = re.compile(r"[^\W\d_]+")
# What may stand between a sentence's end and its first word: spaces, quotes, brackets, dashes.
_OPENING = r"[\s«»“”\"'’()\[\]–—-]*"
_SENTENCE_START = re.compile(rf"(^|[.!?…]){_OPENING}$")
# A paragraph longer than this is judged on its start: enough to tell, and a 1 MB line stays cheap.
SAMPLE = 5_000


def evidence_words(paragraph: str) -> list[str]:
    """The words of `paragraph` (its first SAMPLE characters) that count as evidence of its
    language, lower case."""
    text = _QUOTED.sub(" ", spans.without(paragraph[:SAMPLE]))
    kept = []
    for match in _WORD.finditer(text):
        word = match.group()
        if word[0].isupper() and (
            (len(word) > 1 and word.isupper()) or not _starts_sentence(text, match.start())
        ):
            continue
        kept.append(word.lower())
    return kept


def _starts_sentence(text: str, start: int) -> bool:
    # `^` matches only at the text's real start, not at the search's.
    return bool(_SENTENCE_START.search(text, max(0, start - 12), start))

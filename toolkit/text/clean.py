"""Text as engines and the glossary expect it: composed accents, no invisible marks inside words.

Decomposed accents (NFD, as some editors and macOS file names write them) are composed (NFC), so
that `Stépanakert` is found and `arrivé` translated whatever its bytes. Soft hyphens and zero-width
characters between two letters are dropped, so that `Art\u200bsakh` is one word; what was dropped
is counted, never silent.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from toolkit.text.spans import INVISIBLE

_INSIDE_WORD = re.compile(rf"(?<=[^\W\d_])[{INVISIBLE}]+(?=[^\W\d_])")


def clean(text: str) -> tuple[str, bool, Counter[str]]:
    """The text without invisible marks inside words, composed (NFC); whether composing changed
    it, and the marks dropped (U+XXXX -> how many)."""
    dropped: Counter[str] = Counter()
    if any(c in INVISIBLE for c in text):
        for match in _INSIDE_WORD.finditer(text):
            dropped.update(f"U+{ord(c):04X}" for c in match.group())
        text = _INSIDE_WORD.sub("", text)
    composed = not text.isascii() and not unicodedata.is_normalized("NFC", text)
    if composed:
        text = unicodedata.normalize("NFC", text)
    return text, composed, dropped

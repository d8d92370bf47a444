"""A large French text for benchmarks, built from Debian's French documentation at run time.

The prose paragraphs of the French Debian Reference (package debian-reference-fr, read by
benchmarks/debian_reference.py): no code blocks, tables or command lines, and none of the
paragraphs its translators left in English.
"""

from __future__ import annotations

from benchmarks.lib import debian_reference
from benchmarks.lib.debian_reference import WORK

__all__ = ["WORK", "debian_reference_text", "french_paragraphs", "french_text", "prose_paragraphs"]


def debian_reference_text() -> str:
    """The French Debian Reference as plain text (Debian's own rendering, untranslated parts too)."""
    return debian_reference.plain_text("fr")


def prose_paragraphs() -> list[str]:
    """The French prose paragraphs of the Debian Reference, each on one line, in order."""
    paragraphs = [
        paragraph.text
        for paragraph in debian_reference.paragraphs("fr")
        if debian_reference.is_prose(paragraph, "fr", min_words=8, max_words=1000)
    ]
    if not paragraphs:
        raise RuntimeError("no French prose found in debian-reference-fr")
    return paragraphs


def french_paragraphs(min_words: int = 50_000) -> list[str]:
    """Prose paragraphs, repeated if needed until they hold at least `min_words` words."""
    paragraphs = prose_paragraphs()
    result, count = [], 0
    while count < min_words:
        for paragraph in paragraphs:
            result.append(paragraph)
            count += len(paragraph.split())
            if count >= min_words:
                break
    return result


def french_text(min_words: int = 50_000) -> str:
    return "\n\n".join(french_paragraphs(min_words)) + "\n"


if __name__ == "__main__":
    paragraphs = prose_paragraphs()
    print(len(paragraphs), "paragraphs,", sum(len(p.split()) for p in paragraphs), "words")
    print(paragraphs[len(paragraphs) // 2])

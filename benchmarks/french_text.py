"""A large French text for benchmarks, built from Debian's French documentation at run time.

The Debian Reference in French (package debian-reference-fr) is downloaded with `apt-get download`
into benchmarks/work/ (git-ignored), unpacked, and its prose paragraphs kept: tables, code and
lines in English-only sections are left out as far as a simple filter can tell.
"""

from __future__ import annotations

import gzip
import re
import subprocess
from pathlib import Path

WORK = Path(__file__).resolve().parent / "work"
PACKAGE = "debian-reference-fr"
_TEXT = "usr/share/debian-reference/debian-reference.fr.txt.gz"
_FRENCH_HINTS = re.compile(r"\b(le|la|les|des|est|une|pour|dans|qui|que|avec)\b")


def debian_reference_text() -> str:
    """The French Debian Reference as plain text, fetched once."""
    unpacked = WORK / PACKAGE
    target = unpacked / _TEXT
    if not target.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", PACKAGE], cwd=WORK, check=True, capture_output=True)
        deb = max(WORK.glob(f"{PACKAGE}_*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
    return gzip.decompress(target.read_bytes()).decode("utf-8")


def prose_paragraphs() -> list[str]:
    """The French prose paragraphs of the Debian Reference, each on one line, in order."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", debian_reference_text()):
        text = " ".join(block.split())
        words = text.split()
        if len(words) < 8 or any(c in text for c in "|+=^[]$"):
            continue
        if len(_FRENCH_HINTS.findall(text.lower())) * 8 < len(words):
            continue
        paragraphs.append(text)
    if not paragraphs:
        raise RuntimeError(f"no French prose found in {PACKAGE}")
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

"""Makes the samples of real text in many languages that the tests read (tests/data/samples/), from
Debian's word-list, manual-page and Debian Reference packages:

    sudo apt-get install wamerican wdanish wdutch wfrench witalian wngerman wnorwegian \\
        wportuguese wspanish wswedish manpages-fi manpages-hu manpages-ro manpages-ru \\
        debian-reference-en debian-reference-es debian-reference-fr debian-reference-it \\
        debian-reference-pt
    .venv/bin/python -m support.test_samples

The tests then need none of those packages, and run on the same words on every machine. Each
sample is an even slice of the sorted words (or the first pages of each language), so a re-run on
the same packages gives the same files.
"""

from __future__ import annotations

import gzip
import json
import lzma
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "samples"
DICT = Path("/usr/share/dict")
MAN = Path("/usr/share/man")
REFERENCE = Path("/usr/share/debian-reference")
# Each language's real words: word lists, manual pages, the Debian Reference in that language.
WORD_SOURCES: dict[str, list[Path]] = {
    "danish": [DICT / "danish"],
    "dutch": [DICT / "dutch"],
    "english": [DICT / "american-english", REFERENCE / "debian-reference.en.txt.gz"],
    "finnish": [MAN / "fi"],
    "french": [DICT / "french", REFERENCE / "debian-reference.fr.txt.gz"],
    "german": [DICT / "ngerman"],
    "hungarian": [MAN / "hu"],
    "italian": [DICT / "italian", REFERENCE / "debian-reference.it.txt.gz"],
    "norwegian": [DICT / "bokmaal"],
    "portuguese": [DICT / "portuguese", REFERENCE / "debian-reference.pt.txt.gz"],
    "romanian": [MAN / "ro"],
    "russian": [MAN / "ru"],
    "spanish": [DICT / "spanish", REFERENCE / "debian-reference.es.txt.gz"],
    "swedish": [DICT / "swedish"],
}
# Words kept per language: French, whose stems are mended rather than left to NLTK, gets more.
WORDS = 12_000
FRENCH_WORDS = 40_000
PAGES_PER_LANGUAGE = 15
WORDS_PER_PAGE = 400
_WORD = re.compile(r"[^\W\d_]+")
_GROFF = re.compile(r"\\f[BIRP]|\\\(..|\\[-&e]|\\s[-+]?\d")


def texts_of(source: Path) -> list[str]:
    paths = sorted(source.rglob("*.gz")) if source.is_dir() else [source]
    data = (gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes() for p in paths)
    return [text.decode("utf-8", "replace") for text in data]


def word_sample(language: str) -> list[str]:
    texts = [text for source in WORD_SOURCES[language] for text in texts_of(source)]
    found = sorted({word.lower() for text in texts for word in _WORD.findall(text)})
    most = FRENCH_WORDS if language == "french" else WORDS
    return found[:: max(1, len(found) // most)]


def man_pages() -> list[dict[str, str]]:
    """The running text of the first pages of every language of manual pages installed."""
    pages = []
    for folder in sorted(MAN.iterdir()):
        if folder.name.startswith("man") or not folder.is_dir():
            continue
        for page in sorted(folder.rglob("*.gz"))[:PAGES_PER_LANGUAGE]:
            source = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
            lines = [_GROFF.sub("", line) for line in source.splitlines()]
            words = " ".join(line for line in lines if not line.startswith((".", "'"))).split()
            if len(words) >= 60:
                text = " ".join(words[:WORDS_PER_PAGE])
                pages.append({"language": folder.name, "text": text})
    return pages


def write_xz(path: Path, text: str) -> None:
    path.write_bytes(lzma.compress(text.encode("utf-8"), preset=9))


def main() -> None:
    SAMPLES.mkdir(parents=True, exist_ok=True)
    for language in WORD_SOURCES:
        words = word_sample(language)
        write_xz(SAMPLES / f"words-{language}.txt.xz", "\n".join(words) + "\n")
        print(f"{language}: {len(words)} words")
    pages = man_pages()
    lines = "".join(json.dumps(page, ensure_ascii=False) + "\n" for page in pages)
    write_xz(SAMPLES / "man-pages.jsonl.xz", lines)
    print(f"manual pages: {len(pages)}")


if __name__ == "__main__":
    main()

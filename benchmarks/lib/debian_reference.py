"""Debian's Debian Reference in several languages: one book, paragraphs aligned across translations.

The debian-reference-{en,fr,es,it,pt} packages hold the same DocBook book rendered as HTML per
language (English is the original). A paragraph is identified by its file (ch02), the id of the
section heading above it and its position among that section's paragraphs, which is the same in
every language where the translation is complete. Code blocks and tables are left out while
reading; `is_prose` and `pairs` drop the rest of what is not comparable prose.

The packages are read where Debian installs them; when one is not installed it is fetched with
`apt-get download` into benchmarks/work/ (git-ignored) and unpacked there, which needs no root.
"""

from __future__ import annotations

import gzip
import re
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

WORK = Path(__file__).resolve().parent.parent / "work"
LANGUAGES = ("en", "fr", "es", "it", "pt")
_BOOK = Path("usr/share/debian-reference")
_FILE = re.compile(r"^((?:ch|apa|pr)\d*)\.([a-z]{2})\.html$")

# Function words frequent in each language and absent from English (and English ones absent from
# these languages): a paragraph is in the expected language when it holds more of that language's
# words than of English ones. Short lists on purpose: they are only a tie-breaker between two.
_STOP_WORDS = {
    "en": "the and of to is are this that with for you it be by which not can from an or as".split(),
    "fr": "le la les l de des du d est une et en pour dans qui que avec sur pas vous ce cette sont un au aux par ou à".split(),
    "es": "el la los las de del es una y para en que con por se su no un al como este esta o".split(),
    "it": "il lo la gli le di della del è una e per che con non sono un questo si dei alla da o".split(),
    "pt": "o os as de do da dos das é uma e para em que com não um por se no na este esta ou ao".split(),
}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Paragraph:
    file: str
    section: str
    position: int
    text: str
    code_share: float  # the share of its characters in <code>, <command>, <filename> and the like

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.file, self.section, self.position)

    @property
    def words(self) -> int:
        return len(self.text.split())


def book_directory(language: str) -> Path:
    """Where the HTML book of this language lies, fetching its package once when not installed."""
    if language not in LANGUAGES:
        raise ValueError(f"the Debian Reference has no {language!r} translation; use {LANGUAGES}")
    installed = Path("/") / _BOOK
    if (installed / f"index.{language}.html").exists():
        return installed
    unpacked = WORK / f"debian-reference-{language}"
    if not (unpacked / _BOOK / f"index.{language}.html").exists():
        _fetch(f"debian-reference-{language}", unpacked)
    return unpacked / _BOOK


def _fetch(package: str, unpacked: Path) -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(["apt-get", "download", package], cwd=WORK, check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as err:
        raise SystemExit(
            f"{package} is not installed and could not be fetched ({err}); "
            f"run: sudo apt-get install {package}"
        ) from None
    deb = max(WORK.glob(f"{package}_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)


def plain_text(language: str) -> str:
    """The whole book of one language as Debian's plain-text rendering."""
    path = book_directory(language) / f"debian-reference.{language}.txt.gz"
    return gzip.decompress(path.read_bytes()).decode("utf-8")


def paragraphs(language: str) -> list[Paragraph]:
    """Every paragraph outside code blocks and tables, in book order."""
    directory = book_directory(language)
    files = sorted(
        match.group(1)
        for path in directory.glob(f"*.{language}.html")
        if (match := _FILE.match(path.name))
    )
    result: list[Paragraph] = []
    for name in files:
        parser = _BookParser(name)
        parser.feed((directory / f"{name}.{language}.html").read_text(encoding="utf-8"))
        parser.close()
        result += parser.paragraphs
    return result


def looks_like(text: str, language: str) -> bool:
    """True when the text holds more function words of `language` than of English."""
    if language == "en":
        return not any(looks_like(text, other) for other in ("fr", "es", "it", "pt"))
    words = [word.lower() for word in _WORD.findall(text)]
    own = sum(word in _STOP_WORDS[language] for word in words)
    english = sum(word in _STOP_WORDS["en"] for word in words)
    return own > english


def is_prose(paragraph: Paragraph, language: str, min_words: int = 6, max_words: int = 120) -> bool:
    """A paragraph of running text in the given language, of a length worth comparing."""
    return (
        min_words <= paragraph.words <= max_words
        and paragraph.code_share < 0.3
        and looks_like(paragraph.text, language)
    )


def pairs(
    source: str, target: str, min_words: int = 6, max_words: int = 120
) -> list[tuple[str, str]]:
    """Aligned (source, target) prose paragraphs: same file, section and position in both books.

    A section whose paragraph count differs between the two books is left out whole (its
    translation is out of step). Pairs are dropped when either side is not prose in its language
    (the translators left some paragraphs in English), when the word counts differ by more than
    half, and when their digits differ (a version number updated in one book only).
    """
    by_section: dict[str, dict[tuple[str, str], list[Paragraph]]] = {}
    for language in (source, target):
        sections: dict[tuple[str, str], list[Paragraph]] = {}
        for paragraph in paragraphs(language):
            sections.setdefault((paragraph.file, paragraph.section), []).append(paragraph)
        by_section[language] = sections
    result = []
    for section, originals in by_section[source].items():
        translations = by_section[target].get(section, [])
        if len(translations) != len(originals):
            continue
        for original, translation in zip(originals, translations, strict=True):
            if _comparable(original, source, translation, target, min_words, max_words):
                result.append((original.text, translation.text))
    return result


def _comparable(
    original: Paragraph,
    source: str,
    translation: Paragraph,
    target: str,
    min_words: int,
    max_words: int,
) -> bool:
    if not (
        is_prose(original, source, min_words, max_words)
        and is_prose(translation, target, 1, max_words * 2)
    ):
        return False
    ratio = translation.words / original.words
    return 0.5 <= ratio <= 2.0 and _digits(original.text) == _digits(translation.text)


def _digits(text: str) -> list[str]:
    return sorted(re.findall(r"\d+", text))


class _BookParser(HTMLParser):
    """Collects the <p> paragraphs of one HTML file with their section and position."""

    # Code blocks (<pre>) and tables are skipped, but notes and warnings are framed by a table too.
    _CODE = frozenset({"code", "tt", "kbd", "samp"})
    _HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5"})

    def __init__(self, file: str) -> None:
        super().__init__(convert_charrefs=True)
        self.file = file
        self.paragraphs: list[Paragraph] = []
        self._section = ""
        self._position = 0
        self._skipping = 0
        self._in_heading = False
        self._admonitions: list[int] = []  # table depths that are an admonition's frame
        self._tables = 0
        self._text: list[str] | None = None
        self._code_chars = 0
        self._code_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "div" and attributes.get("class") in {"note", "tip", "caution", "warning"}:
            self._admonitions.append(self._tables + 1)
        elif tag == "table":
            self._tables += 1
            if not (self._admonitions and self._admonitions[-1] == self._tables):
                self._skipping += 1
        elif tag == "pre":
            self._skipping += 1
        elif tag in self._HEADINGS:
            self._in_heading = True
        elif tag == "a" and self._in_heading and attributes.get("id"):
            self._section = attributes["id"] or ""
            self._position = 0
        elif tag == "p" and not self._skipping and attributes.get("class") != "title":
            self._text, self._code_chars = [], 0
        elif tag in self._CODE:
            self._code_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            if self._admonitions and self._admonitions[-1] == self._tables:
                self._admonitions.pop()
            else:
                self._skipping -= 1
            self._tables -= 1
        elif tag == "pre":
            self._skipping -= 1
        elif tag in self._HEADINGS:
            self._in_heading = False
        elif tag == "p" and self._text is not None:
            text = " ".join("".join(self._text).split())
            if text:
                share = self._code_chars / len(text)
                self.paragraphs.append(
                    Paragraph(self.file, self._section, self._position, text, share)
                )
                self._position += 1
            self._text = None
        elif tag in self._CODE:
            self._code_depth = max(0, self._code_depth - 1)

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)
            if self._code_depth:
                self._code_chars += len(data.strip())


def spread(items: list[tuple[str, str]], words: int) -> list[tuple[str, str]]:
    """Every k-th pair, k chosen so that the pairs come from the whole book, until their source
    side holds at least `words` words (all of them when there are fewer)."""
    total = sum(len(source.split()) for source, _ in items)
    step = max(1, total // max(words, 1))
    chosen, count = [], 0
    for source, target in items[::step]:
        if count >= words:
            break
        chosen.append((source, target))
        count += len(source.split())
    return chosen

"""The language guess from stop words answers langdetect's answer or nothing, on real text in many
languages; and a summary of the release loads neither langdetect nor anything heavy."""

from __future__ import annotations

import functools
import json
import lzma
import subprocess
from pathlib import Path

import pytest

from tests.conftest import RELEASE, ROOT
from tests.imports import imported_packages
from tests.summary_texts import DATA
from toolkit.text.detection import SAMPLE, detect_language
from toolkit.text.language_guess import language_of, stop_word_guess

# The first pages of every language of Debian's manual pages (support/test_samples.py).
MAN_PAGES = Path(__file__).parent / "data" / "samples" / "man-pages.jsonl.xz"
REQUIRED_MAN = ("fi", "hu", "ro", "ru")


def man_texts() -> list[tuple[str, str]]:
    """(language folder, the running text of a page), for every language of manual pages."""
    lines = lzma.decompress(MAN_PAGES.read_bytes()).decode("utf-8").splitlines()
    return [(page["language"], page["text"]) for page in map(json.loads, lines)]


def langdetects_answer(text: str) -> str | None:
    """What summarize takes from langdetect: its guess when sure, else French."""
    guess = detect_language(text)
    return guess.code if guess.sure else "fr"


def test_manual_pages_in_every_language_get_langdetects_answer_or_none() -> None:
    texts = man_texts()
    assert {language for language, _ in texts} >= set(REQUIRED_MAN)
    differ = [
        (language, guess, detect_language(text), text[:80])
        for language, text in texts
        if (guess := stop_word_guess(text)) is not None and guess != langdetects_answer(text)
    ]
    assert differ == []
    # Not a guess that never answers: French pages (when installed) and English text do get one.
    assert stop_word_guess((DATA / "gpl-3-en.txt").read_text("utf-8")[:SAMPLE]) == "en"


@functools.cache
def through(modes: tuple[str, ...]) -> str:
    """tests/data/french.txt through `apertium -u` of each mode in turn; kept, as several cases
    begin with the same modes and Apertium gives the same text each time."""
    if not modes:
        return (ROOT / "tests" / "data" / "french.txt").read_text("utf-8")
    return subprocess.run(
        ["apertium", "-u", modes[-1]],
        input=through(modes[:-1]),
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.parametrize(
    ("modes", "expected"),
    [
        (["fra-cat"], None),  # Catalan: no stop-word list; near Spanish and Italian
        (["fra-oci"], None),  # Occitan
        (["fra-frp"], None),  # Arpitan, near French
        (["fr-eo"], None),  # Esperanto
        (["fr-es", "es-gl"], None),  # Galician, near Portuguese
        (["fr-es"], None),  # Spanish and Portuguese: left to langdetect
        (["fr-es", "es-pt"], None),
        (["fr-es", "spa-ita"], "it"),
    ],
)
def test_languages_near_the_quick_ones_are_left_to_langdetect(
    modes: list[str], expected: str | None
) -> None:
    assert stop_word_guess(through(tuple(modes))) == expected


def test_french_news_is_guessed_without_langdetect(release_text: str) -> None:
    articles = [
        json.loads(line)["article"]
        for line in (DATA / "orangesum-fr.jsonl").read_text("utf-8").splitlines()
    ]
    assert [stop_word_guess(text[:SAMPLE]) for text in [release_text, *articles]] == ["fr"] * (
        1 + len(articles)
    )


def test_a_short_text_is_left_to_langdetect() -> None:
    sentence = "Le ministre a signé l'accord ce matin avec les représentants des syndicats."
    assert stop_word_guess(sentence) is None
    assert language_of(sentence) == detect_language(sentence)
    assert language_of(sentence).code == "fr"


def test_a_summary_of_the_release_imports_nothing_heavy() -> None:
    """The whole command: neither langdetect, scipy, numpy nor NLTK, nor pydantic through typer."""
    imported = imported_packages("summarize", str(RELEASE))
    assert "toolkit" in imported
    assert imported & {"langdetect", "scipy", "numpy", "nltk", "pydantic"} == set()

"""Names through real Apertium: every route to es, ca, en and eo keeps every name in glossary form."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit.engines.apertium.engine import ApertiumEngine
from toolkit.engines.base import find_routes
from toolkit.glossary import active
from toolkit.glossary.enforce import DEFAULT_STYLE
from toolkit.text import spans
from toolkit.text.document import segment
from toolkit.translation.translate import translate_documents

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = ROOT / "tests" / "data" / "glossary-sentences-fr.txt"
RELEASE = ROOT / "examples" / "release-fr.txt"
GLOSSARY = active.load_active([])
ENGINE = ApertiumEngine()
# Words that contain a name but are other words: they must come out as the source wrote them.
DERIVED = ("ARTSAKHPRESS", "Artsakhiotes", "artsakhpress")


def routes() -> list:
    found = []
    for target in ("es", "ca", "en", "eo"):
        found += find_routes("apertium", ENGINE.hops(), "fr", target)
    return found


def documents() -> list:
    return [(str(p), segment(p.read_text(encoding="utf-8"))) for p in (SENTENCES, RELEASE)]


@pytest.fixture(scope="module", params=routes(), ids=lambda r: "-".join(r.languages))
def translated(request: pytest.FixtureRequest):
    docs = documents()
    return docs, translate_documents(docs, ENGINE, request.param, GLOSSARY)


def test_the_routes_cover_es_ca_en_through_a_pivot_and_eo() -> None:
    languages = {tuple(r.languages) for r in routes()}
    assert {("fr", "es"), ("fr", "ca"), ("fr", "ca", "en"), ("fr", "eo")} <= languages


def test_every_name_comes_out_in_glossary_form_with_counts_matching_per_paragraph(
    translated,
) -> None:
    docs, translation = translated
    sources = [p.text for _, doc in docs for p in doc.paragraphs]
    assert len(translation.terms) == len(sources) > 60
    names = 0
    for source, check in zip(sources, translation.terms, strict=True):
        expected: dict[str, int] = {}
        protected = spans.find(source)
        for found in GLOSSARY.find(source):
            if not any(s.start <= found.start < s.end for s in protected):
                expected[found.term.name] = expected.get(found.term.name, 0) + 1
        got = {count.name: (count.source, count.target) for count in check.counts}
        assert got == {name: (n, n) for name, n in expected.items()}, source
        assert not check.problems, source
        names += sum(expected.values())
    assert names >= 100


def test_capitals_derived_words_and_no_placeholder_left(translated) -> None:
    docs, translation = translated
    text = "\n".join(doc.text for doc in translation.documents)
    source = "\n".join(doc.text for _, doc in docs)
    assert not re.search(f"(?i)(zqx|qzx|xqz)[{DEFAULT_STYLE.digits}]", text)
    for capitals in ("STEPANAKERT", "LACHIN", "ARTSAKH"):
        assert len(re.findall(rf"\b{capitals}\b", text)) == len(
            re.findall(rf"\b{capitals}\b", source)
        )
    for word in DERIVED:
        assert text.count(word) == source.count(word), word
    # Names inside a handle or a hashtag are part of a protected span: never rewritten.
    assert text.count("@Artsakh") == source.count("@Artsakh") == 1
    assert text.count("#Artsakh") == source.count("#Artsakh") == 1
    # The French spellings come out in the glossary's.
    assert "Stépanakert" not in text and "Latchine" not in text


def test_the_release_keeps_its_paragraphs_and_names(translated) -> None:
    _, translation = translated
    release = translation.documents[1]
    assert release.paragraphs == 6
    assert len(re.findall(r"\bArtsakh\b", release.text)) == 11
    assert len(re.findall(r"(?i)\bArtsakh\b", release.text)) == 11
    assert release.text.count("Lachin") == 1 and release.text.count("STEPANAKERT") == 1

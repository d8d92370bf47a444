"""Property-based tests: random French-like text with random protected spans inserted comes back with
every span intact, through real Apertium and through the argos copy model."""

from __future__ import annotations

import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.engines.apertium.engine import ApertiumEngine
from toolkit.engines.base import find_routes
from toolkit.glossary.active import default
from toolkit.text.document import segment
from toolkit.translation.translate import translate_documents

WORDS = (
    "le ministre a déclaré que la république du blocus corridor à été ça — ( ) « » , . ! ? : ; "
    "l’Artsakh d’Artsakh Stepanakert Lachin écrivez suivez voir contact appelez fichier"
).split()

_NAME = st.from_regex(r"[a-z][a-z0-9]{0,7}", fullmatch=True)
_SEGMENT = st.from_regex(r"[a-z0-9]{1,6}(?:[-_][a-z0-9]{1,6})?", fullmatch=True)


def _joined(parts: st.SearchStrategy[list[str]], separator: str) -> st.SearchStrategy[str]:
    return parts.map(separator.join)


_DIGITS = st.from_regex(r"[0-9]{2}", fullmatch=True)
EMAIL = st.builds(
    lambda user, domain, tld: f"{user}@{domain}.{tld}",
    _joined(st.lists(_NAME, min_size=1, max_size=2), "."),
    _NAME,
    st.sampled_from(["am", "fr", "org"]),
)
URL = st.builds(
    lambda scheme, host, path, query, fragment: f"{scheme}{host}.am{path}{query}{fragment}",
    st.sampled_from(["https://", "http://www.", "www."]),
    _NAME,
    _joined(st.lists(_SEGMENT, max_size=3), "/").map(lambda p: "/" + p if p else ""),
    st.sampled_from(["", "?id=2023", "?id=1&lang=fr"]),
    st.sampled_from(["", "#texte", "#top-1"]),
)
PHONE = st.one_of(
    st.builds(lambda *d: "+374 " + " ".join(d), *[_DIGITS] * 4),
    st.builds(lambda *d: "0" + str(1 + len(d[0]) % 9) + " " + " ".join(d), *[_DIGITS] * 4),
)
HANDLE = st.from_regex(r"@[A-Za-z_][A-Za-z0-9_]{1,12}", fullmatch=True)
HASHTAG = st.from_regex(r"#[A-Za-zé][A-Za-z0-9é]{1,12}", fullmatch=True)
PATH = st.one_of(
    _joined(st.lists(_SEGMENT, min_size=1, max_size=4), "/").map(lambda p: "/home/" + p),
    _joined(st.lists(_SEGMENT, min_size=1, max_size=3), "\\").map(lambda p: "C:\\" + p + ".pdf"),
)
GLUED = st.sampled_from(["<b>", "</b>", '<a href="x.html">', "&amp;", "\x00", "\uffff", "\ufdd0"])
# A UN document symbol has a number among its parts (`A/RES/RES` is no symbol, but words).
SYMBOL = st.builds(
    lambda organ, parts, number, year: organ + "/" + "/".join([*parts, number]) + year,
    st.sampled_from(["A", "S", "E", "A/HRC", "E/CN.4"]),
    st.lists(
        st.from_regex(r"[0-9]{1,4}|RES|L\.[0-9]{1,2}", fullmatch=True), min_size=1, max_size=2
    ),
    st.from_regex(r"[0-9]{1,4}|L\.[0-9]{1,2}", fullmatch=True),
    st.sampled_from(["", " (2024)"]),
)
REFERENCE = st.builds(
    lambda mark, number: mark + number,
    st.sampled_from(["n° ", "nº ", "no ", "art. ", "§ "]),
    st.from_regex(r"[0-9]{1,4}(?:-[0-9]{1,3}|-[A-Z])?", fullmatch=True),
)
ISBN = st.sampled_from(["ISBN 978-2-07-036822-8", "ISBN 2-07-036822-X", "ISSN 0395-2037"])
MODEL = st.from_regex(
    r"[A-Z][a-z]{0,2}[0-9]{1,4}(?:neo|\.[0-9]){0,2}|v[0-9]\.[0-9]{1,2}\.[0-9]", fullmatch=True
)
SPACED = st.one_of(EMAIL, URL, PHONE, HANDLE, HASHTAG, PATH, SYMBOL, REFERENCE, ISBN, MODEL)


@st.composite
def text_with_spans(draw: st.DrawFn) -> tuple[str, list[str]]:
    paragraphs, inserted = [], []
    for _ in range(draw(st.integers(1, 3))):
        pieces = []
        for _ in range(draw(st.integers(1, 12))):
            kind = draw(st.sampled_from(["word", "word", "spaced", "glued"]))
            if kind == "word":
                pieces.append(" " + draw(st.sampled_from(WORDS)))
            elif kind == "spaced":
                span = draw(SPACED)
                inserted.append(span)
                pieces.append(" " + span)
            else:
                span = draw(GLUED)
                inserted.append(span)
                pieces.append(span)
        paragraphs.append("".join(pieces).strip() or ".")
    return "\n\n".join(paragraphs) + "\n", inserted


def assert_every_span_intact(source: str, result: str, inserted: list[str]) -> None:
    for span in inserted:
        assert result.count(span) == source.count(span), (span, result)
    placeholder = re.compile("(?i)(zqx|qzx|xqz)[bcdfghjklmnpqrstvwxz]")
    assert len(placeholder.findall(result)) == len(placeholder.findall(source)), result


@pytest.fixture(scope="module")
def apertium_fr_es():
    """One engine for every example, its programs kept loaded between calls as in a run: that
    a call translates as in a process of its own is test_apertium_pipelines' matter."""
    engine = ApertiumEngine()
    [route] = find_routes("apertium", engine.hops(), "fr", "es")
    yield engine, route
    engine.close()


@pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed")
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(example=text_with_spans())
def test_spans_come_back_through_apertium(apertium_fr_es, example: tuple[str, list[str]]) -> None:
    text, inserted = example
    engine, route = apertium_fr_es
    document = segment(text)
    translation = translate_documents([("t", document)], engine, route, default())
    [result] = translation.documents
    assert len(segment(result.text).paragraphs) == len(document.paragraphs)
    assert_every_span_intact(text, result.text, inserted)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(example=text_with_spans())
def test_spans_come_back_through_the_copy_model(copy_engine, example) -> None:
    text, inserted = example
    engine, route = copy_engine
    document = segment(text)
    copied = translate_documents([("t", document)], engine, route, default(), False)
    # A copy, French typography kept: exactly the input, names in their glossary form.
    assert copied.documents[0].text == text.replace("Stépanakert", "Stepanakert")
    typeset = translate_documents([("t", document)], engine, route, default())
    assert_every_span_intact(text, typeset.documents[0].text, inserted)
    assert not any(check.problems for check in typeset.spans)

"""The Apertium engine through the real Debian packages."""

import pytest

from toolkit.engines import routing
from toolkit.engines.apertium import stream as apertium_stream
from toolkit.engines.apertium.engine import ApertiumEngine
from toolkit.text.document import segment

RESERVED = "Le chat* [noir] ^dort$ sur l’Artsakh @ 5 € \\ {x} <y> #z / w ~q | a+b"


@pytest.fixture(scope="module")
def engine() -> ApertiumEngine:
    engine = ApertiumEngine()
    assert engine.unavailable_reason() is None, engine.unavailable_reason()
    return engine


def route(engine: ApertiumEngine, target: str):
    routes = routing.routes(engine, "fr", target)
    assert routes, f"no apertium route fr→{target}"
    return routes[0]


@pytest.mark.parametrize("target", ["es", "ca", "eo", "oc", "frp", "en", "pt", "gl", "it"])
def test_targets_reachable_from_french(engine: ApertiumEngine, target: str) -> None:
    translated = engine.translate(["Le ministre a envoyé des lettres."], route(engine, target))
    assert len(translated.paragraphs) == 1
    assert translated.paragraphs[0].strip()
    assert translated.paragraphs[0] != "Le ministre a envoyé des lettres."


def test_pivot_routes_go_through_another_language(engine: ApertiumEngine) -> None:
    english = route(engine, "en")
    assert len(english.hops) == 2
    assert english.languages[0] == "fr" and english.languages[-1] == "en"


@pytest.mark.parametrize("target", ["es", "ca", "en", "eo"])
def test_release_keeps_one_paragraph_per_paragraph(
    engine: ApertiumEngine, release_text: str, target: str
) -> None:
    paragraphs = [p.text for p in segment(release_text).paragraphs]
    output = engine.translate(paragraphs, route(engine, target))
    assert len(output.paragraphs) == len(paragraphs)
    assert all(p.strip() for p in output.paragraphs)
    assert 0 < output.unknown_words < output.words


@pytest.mark.parametrize("target", ["es", "ca", "en"])
def test_reserved_characters_survive(engine: ApertiumEngine, target: str) -> None:
    output = engine.translate([RESERVED, "Deux.\nLignes"], route(engine, target))
    text = output.paragraphs[0]
    for char in "*[]^$@€\\{}<>#/~|+":
        assert text.count(char) >= RESERVED.count(char), (char, text)
    assert "\n" in output.paragraphs[1]


def test_unknown_word_marks_are_counted_and_removed(engine: ApertiumEngine) -> None:
    output = engine.translate(["Le ministre Ghazaryan est arrivé."], route(engine, "es"))
    assert output.unknown_words == 1
    assert "*" not in output.paragraphs[0]
    assert "Ghazaryan" in output.paragraphs[0]


@pytest.mark.parametrize("target", ["es", "en"])
@pytest.mark.parametrize(
    "text",
    ["xqz/yqz/zqz wkw-wkw", "xqzd'yqzl'zqz", "a_b_c_d_xqz", "xqz²yqz³zqz", "xqz.yqz.zqz.wqz"],
)
def test_unknown_words_are_never_more_than_the_words(
    engine: ApertiumEngine, target: str, text: str
) -> None:
    # Apertium marks parts of a run of letters unknown ("xqz/yqz/zqz" is three words to it, and
    # was one to a count of words between spaces: 300% unknown): a marked part is one word.
    output = engine.translate([text], route(engine, target))
    assert 0 < output.unknown_words <= output.words


def test_stream_round_trip_without_translation() -> None:
    paragraphs = [RESERVED, "a\nb", "Fin."]
    decoded, unknown = apertium_stream.decode(apertium_stream.encode(paragraphs))
    assert decoded == paragraphs and not unknown


def test_a_word_unknown_to_both_hops_of_a_pivot_counts_once(engine: ApertiumEngine) -> None:
    direct = engine.translate(["Le ministre Ghazaryan est arrivé."], route(engine, "es"))
    english = route(engine, "en")
    pivot = engine.translate(["Le ministre Ghazaryan est arrivé."], english)
    assert direct.unknown_words == 1
    assert pivot.unknown_words == 1, english.describe()
    assert pivot.unknown == (("Ghazaryan",),)


def test_unknown_words_are_told_per_paragraph(engine: ApertiumEngine) -> None:
    paragraphs = ["Le blorfex est là.", "Rien de neuf.", "Un zumbrak et un blorfex."]
    output = engine.translate(paragraphs, route(engine, "es"))
    assert output.unknown == (("blorfex",), (), ("zumbrak", "blorfex"))
    assert output.unknown_words == 3

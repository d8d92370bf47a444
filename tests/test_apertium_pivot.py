"""A pivot route's second hop never reads a French word as a word of the pivot language: what the
first hop did not know reaches the second hop in a superblank and comes out untouched."""

from __future__ import annotations

import shutil

import pytest

from toolkit.engines.apertium import stream as apertium_stream
from toolkit.engines.apertium.engine import ApertiumEngine
from toolkit.engines.base import find_routes

pytestmark = pytest.mark.skipif(
    shutil.which("apertium") is None, reason="apertium is not installed"
)
ENGINE = ApertiumEngine()


def test_words_unknown_to_the_first_hop_travel_in_superblanks() -> None:
    decoded = apertium_stream.decode_paragraphs("Un *cal ossi[ ]. x.[][\n\n]")
    assert decoded.paragraphs == ["Un cal ossi . x"]
    assert decoded.unknown_at == [[(3, 6)]]
    assert apertium_stream.encode_for_next_hop(decoded) == "Un [cal] ossi . x" + (
        apertium_stream.PARAGRAPH_END
    )


@pytest.mark.parametrize("target", ["es", "it", "pt"])
def test_a_french_word_unknown_to_fr_ca_is_not_read_as_catalan(target: str) -> None:
    """French *cal* (a callus) is unknown to fra-cat; cat-spa read it as Catalan *cal*, "it is
    needed": `Uno hace falta óseo`."""
    route = next(
        r
        for r in find_routes("apertium", ENGINE.hops(), "fr", target, shortest_only=False)
        if r.languages == ["fr", "ca", target]
    )
    output = ENGINE.translate(["Un cal osseux s’est formé après la fracture."], route)
    assert " cal " in output.paragraphs[0], output.paragraphs[0]
    assert output.unknown == (("cal",),)

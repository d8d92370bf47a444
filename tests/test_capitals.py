"""Runs in capitals (datelines, headlines): translated as the lower-case text engines understand,
given back in capitals, on real Apertium."""

from __future__ import annotations

import shutil

import pytest

from toolkit.engines.apertium.engine import ApertiumEngine
from toolkit.engines.base import find_routes
from toolkit.glossary.active import default
from toolkit.text.document import segment
from toolkit.translation import capitals
from toolkit.translation.translate import translate_documents

ENGINE = ApertiumEngine()


def test_a_dateline_keeps_its_place_and_acronyms_and_lowers_the_rest() -> None:
    lowered = capitals.lower("LYON, LUNDI 12 MAI 2024 (AFP) – Le maire de Lyon a parlé.")
    assert lowered.text == "Lyon, lundi 12 mai 2024 (AFP) – Le maire de Lyon a parlé."
    assert capitals.restore(lowered, "Lyon, lunes 12 de mayo de 2024 (AFP) – El alcalde.") == (
        "LYON, LUNES 12 DE MAYO DE 2024 (AFP) – El alcalde."
    )


def test_a_headline_is_upper_cased_whole_and_mixed_text_is_left_alone() -> None:
    lowered = capitals.lower("L’ONU DEMANDE UNE TRÊVE")
    assert lowered.text == "l’ONU demande une trêve"
    assert capitals.restore(lowered, "la ONU pide una tregua") == "LA ONU PIDE UNA TREGUA"
    text = "Le CICR et l’ONU – deux acteurs : la paix."
    assert capitals.lower(text) == capitals.Lowered(text)


@pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed")
@pytest.mark.parametrize(
    ("target", "month"),
    [("es", "MAYO"), ("ca", "MAIG"), ("en", "MAY"), ("it", "MAGGIO"), ("pt", "MAIO")],
)
def test_the_month_of_a_dateline_comes_out_in_every_target(target: str, month: str) -> None:
    """fr→ca→es read the capital MAI, a surname to fra-cat, as Catalan *mai*: `12 NUNCA`."""
    route = find_routes("apertium", ENGINE.hops(), "fr", target)[0]
    text = "STEPANAKERT, 25 MAI, ARTSAKHPRESS: Le gouvernement a annoncé des mesures.\n"
    result = translate_documents([("t", segment(text))], ENGINE, route, default())
    translated = result.documents[0].text
    assert translated.startswith("STEPANAKERT, 25"), translated
    assert month in translated.split(":")[0], translated
    assert "NUNCA" not in translated

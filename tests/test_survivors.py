"""Letters standing alone and symbols that a translation lost, whatever dropped them
(toolkit.translation.survivors), and the letter `y` before a word the pronoun never precedes
(toolkit.engines.apertium.letters), through real Apertium."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import run_toolkit
from toolkit.engines.apertium.letters import standing_alone
from toolkit.translation.survivors import missing_forms


def test_a_letter_or_a_symbol_the_translation_lacks_is_named() -> None:
    assert missing_forms("Le point y avant la ligne ± 3 €.", "El punto antes de la línea ± 3.") == (
        "y",
        "€",
    )


def test_a_translation_with_every_letter_and_symbol_names_none() -> None:
    assert missing_forms("Les axes x, y et z ± 1.", "The axes x, y and z ± 1.") == ()


def test_the_pronoun_y_is_no_letter_to_keep() -> None:
    assert missing_forms("Il y a une route.", "There is a road.") == ()


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("le point y avant la frontière", True),
        ("l'axe y de la carte", True),
        ("on note y la valeur", True),
        ("y = 3", True),
        ("il y a deux routes", False),
        ("il y en a trois", False),
        ("y compris le nord", False),
        ("pour y aller", False),
    ],
)
def test_y_is_the_letter_only_before_what_the_pronoun_never_precedes(
    text: str, letter: bool
) -> None:
    start = text.index("y")
    assert ((start, start + 1) in standing_alone(text)) is letter


@pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed")
@pytest.mark.parametrize(("target", "expected"), [("es", "punto y antes"), ("pt", "ponto y antes")])
def test_the_letter_y_before_a_preposition_survives_every_hop(target: str, expected: str) -> None:
    done = run_toolkit(
        "translate",
        "-",
        "--from",
        "fr",
        "--to",
        target,
        "--check",
        "--format",
        "json",
        input="Le drone a survolé le point y avant la frontière.\n",
    )
    assert done.returncode == 0, done.stderr
    [translation] = json.loads(done.stdout)["translations"]
    [document] = translation["documents"]
    assert expected in document["text"], document["text"]
    assert translation["qa"]["lost_words"] == []

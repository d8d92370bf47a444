"""The target's press conventions (toolkit.translation.conventions), through real Apertium."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_toolkit
from toolkit.translation import conventions


def _translate(text: str, target: str) -> str:
    done = run_toolkit("translate", "-", "--from", "fr", "--to", target, input=text + "\n")
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("en", ["120,000", "35.5%", "15:30"]),
        ("es", ["120.000", "35,5 %", "15:30"]),
        ("it", ["120.000", "35,5%", "15:30"]),
        ("pt", ["120 000", "35,5%", "15:30"]),
    ],
)
def test_numbers_percent_and_times_follow_the_target(target: str, expected: list[str]) -> None:
    text = _translate("Quelque 120 000 personnes, soit 35,5 %, attendent depuis 15 h 30.", target)
    assert all(e in text for e in expected), text


def test_new_separators_are_no_lost_number_for_the_check() -> None:
    done = run_toolkit(
        *("translate", "-", "--from", "fr", "--to", "en", "--check", "--format", "json"),
        input="Quelque 2 500 000 euros, soit 4,2 %, à 15 h 30.\n",
    )
    [translation] = json.loads(done.stdout)["translations"]
    assert translation["qa"]["missing_numbers"] == [], translation["documents"][0]["text"]


def test_english_honorifics_before_the_engine() -> None:
    text = _translate("M. Petrossian a reçu Mme Lefèvre et MM. Aliev et Pachinian.", "en")
    assert "Mr Petrossian" in text and "Ms Lefèvre" in text and "Messrs Aliev" in text, text


@pytest.mark.parametrize(
    ("target", "expected"), [("es", "El señor"), ("ca", "El senyor"), ("pt", "O senhor")]
)
def test_a_paragraph_starts_with_a_capital_as_its_source(target: str, expected: str) -> None:
    assert _translate("M. Petrossian a rencontré le ministre.", target).startswith(expected)


def test_spanish_opens_questions_and_exclamations() -> None:
    text = _translate(
        "« Nous ne céderons jamais ! », dit-il. Les civils sont-ils en sécurité ?", "es"
    )
    assert "«¡No cederemos nunca!»" in text and "¿Los civiles" in text, text


def test_no_hyphen_of_an_inversion_and_no_space_before_a_full_stop() -> None:
    text = _translate("Les négociations reprendront-elles ? Le convoi est arrivé .", "en")
    assert "- " not in text and " ." not in text, text


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (22, "22nd")],
)
def test_english_ordinals(number: int, expected: str) -> None:
    assert conventions.english_ordinal(number) == expected


def test_inverted_marks_start_at_the_sentence() -> None:
    assert conventions.inverted_marks("Sí. ¿Vienen? Qué bien!") == "Sí. ¿Vienen? ¡Qué bien!"

"""Quoted and bracketed segments keep the same words inside the target's marks, through engines
that reorder words (toolkit.translation.quotes)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_toolkit
from toolkit.translation.quotes import segments


def _translate(text: str, target: str, *options: str) -> str:
    done = run_toolkit("translate", "-", "--from", "fr", "--to", target, *options, input=text)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_segments_are_the_outermost_pairs_with_words_inside() -> None:
    text = 'Il a dit « non (vraiment) » puis « » et "oui" (2023).'
    found = [text[s.inner_start : s.inner_end] for s in segments(text)]
    assert found == ["non (vraiment)", "oui"]


def test_an_unclosed_mark_is_no_segment() -> None:
    assert segments("« Nous continuerons, a-t-il dit.") == []


@pytest.mark.parametrize(
    ("source", "quoted", "outside"),
    [
        (
            "Le gouvernement évoque un « cessez-le-feu humanitaire » fragile.",
            "cease-fire”",
            "fragile",
        ),
        ("Cette « opération antiterroriste » brutale a fait des victimes.", "operation”", "brutal"),
    ],
)
def test_an_engine_that_reorders_words_leaves_the_quoted_words_quoted(
    source: str, quoted: str, outside: str
) -> None:
    text = _translate(source + "\n", "en")
    assert quoted in text and "“" in text, text
    opening, closing = text.index("“"), text.index("”")
    assert outside not in text[opening:closing], text
    assert "“”" not in text


@pytest.mark.parametrize(
    ("target", "expected"),
    [("es", "«limpieza étnica»"), ("ca", "«neteja ètnica»"), ("pt", "«limpeza étnica»")],
)
def test_the_quote_takes_the_targets_marks_without_french_spaces(
    target: str, expected: str
) -> None:
    assert expected in _translate("Il dénonce un « nettoyage ethnique » ici.\n", target)


def test_brackets_and_straight_quotes_stay_around_their_words() -> None:
    text = _translate('Le rapport (en anglais) parle d’une "crise alimentaire".\n', "es")
    assert "(en inglés)" in text and "«crisis alimentaria»" in text, text


def test_a_quote_is_one_more_unit_of_the_same_batch_and_counted_by_the_check() -> None:
    done = run_toolkit(
        "translate",
        "-",
        "--from",
        "fr",
        "--to",
        "es",
        "--check",
        "--format",
        "json",
        input="Il dénonce un « nettoyage ethnique » à Stepanakert.\n",
    )
    [translation] = json.loads(done.stdout)["translations"]
    assert {"kind": "quote", "source": 1, "target": 1} in translation["qa"]["spans"]
    assert "Stepanakert" in translation["documents"][0]["text"]


def test_keep_typography_keeps_the_source_marks() -> None:
    text = _translate("Il dénonce un « nettoyage ethnique » ici.\n", "es", "--keep-typography")
    assert "« limpieza étnica »" in text, text


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("en", "It has said: “I say ‘no’ and ‘yes’” to 12:30."),
        ("es", "Ha dicho: «Digo “no” y “sí”» a 12:30."),
        ("ca", "Ha dit: «Dic “no” i “sí”» a 12:30."),
    ],
)
def test_quotations_inside_a_quotation_take_the_targets_inner_marks(
    target: str, expected: str
) -> None:
    # Inside the outer marks, the inner ones (“ ” or ‹ ›, French-spaced) are the target's
    # inner marks without the spaces; a time spaced in French is written 12:30, not 12: 30.
    text = "Il a dit : « Je dis “ non ” et ‹ oui › » à 12 : 30."
    assert _translate(text, target) == expected + "\n"
    kept = _translate(text, target, "--keep-typography")
    assert "‹" in kept or "“ " in kept or ": 30" in kept

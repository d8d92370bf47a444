"""The target's typography and the articles before names, after the engine."""

from __future__ import annotations

import re

import pytest

from tests.conftest import run_toolkit
from toolkit.engines.apertium import stream
from toolkit.errors import ToolkitError
from toolkit.glossary.model import Term
from toolkit.translation import articles, typography

FRENCH = "Il a déclaré : « Nous ne céderons pas  ! » ; est-ce clair ? Oui\u202f!"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Il a déclaré: “Nous ne céderons pas!”; est-ce clair? Oui!"),
        ("es", "Il a déclaré: «Nous ne céderons pas!»; est-ce clair? Oui!"),
        ("de", "Il a déclaré: „Nous ne céderons pas!“; est-ce clair? Oui!"),
        ("ja", "Il a déclaré: 「Nous ne céderons pas!」; est-ce clair? Oui!"),
        ("oc", "Il a déclaré : « Nous ne céderons pas ! » ; est-ce clair ? Oui\u202f!"),
    ],
)
def test_french_spacing_and_guillemets_become_the_targets(language: str, expected: str) -> None:
    assert typography.apply(FRENCH, language) == expected


def test_apostrophes_follow_the_source() -> None:
    assert typography.apostrophe_style("l’État d’Artsakh") == "’"
    assert typography.apostrophe_style("l'État") == "'"
    assert typography.apostrophe_style("l'État d’Artsakh") is None
    assert typography.apostrophe_style("Bonjour", "’") == "’"
    assert typography.apply("L'Artsakh's  people", "en", "’") == "L’Artsakh’s people"


ARTSAKH = Term("Artsakh", ("Artsakh",))
LACHIN = Term("Lachin", ("Lachin",))


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ca", "El ministre del Artsakh i de Artsakh.", "El ministre de l'Artsakh i d'Artsakh."),
        ("ca", "El Artsakh i la Artsakh, pel Artsakh.", "L'Artsakh i l'Artsakh, per l'Artsakh."),
        ("ca", "El ministre del Lachin i de Lachin.", "El ministre del Lachin i de Lachin."),
        ("it", "Il ministro del Artsakh e il Artsakh.", "Il ministro dell'Artsakh e l'Artsakh."),
        ("it", "Dalla Artsakh al Lachin.", "Dall'Artsakh al Lachin."),
        ("es", "El ministro de la Artsakh.", "El ministro de la Artsakh."),
        ("en", "The minister of the Artsakh.", "The minister of the Artsakh."),
    ],
)
def test_elision_before_names(language: str, text: str, expected: str) -> None:
    assert articles.adjust(text, language, [ARTSAKH, LACHIN]) == expected


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        ("", "El ministro de Artsakh. Artsakh ha dicho, a Artsakh."),
        ("el", "El ministro del Artsakh. El Artsakh ha dicho, al Artsakh."),
        ("la", "El ministro de la Artsakh. La Artsakh ha dicho, a la Artsakh."),
    ],
)
def test_the_glossary_article_replaces_the_engines_guess(article: str, expected: str) -> None:
    term = Term("Artsakh", ("Artsakh",), articles={"es": article})
    text = "El ministro de la Artsakh. La Artsakh ha dicho, al Artsakh."
    assert articles.adjust(text, "es", [term]) == expected


def test_keep_typography_leaves_the_engine_output() -> None:
    text = "Il a dit : « Non ! »\n"
    typeset = run_toolkit("translate", "--to", "es", input=text)
    kept = run_toolkit("translate", "--to", "es", "--keep-typography", input=text)
    assert "«¡No!»" in typeset.stdout and ": «" in typeset.stdout, typeset.stdout
    assert "« No" in kept.stdout, kept.stdout


def test_the_stream_decoder_refuses_a_paragraph_apertium_did_not_finish() -> None:
    whole = stream.encode(["Le ministre est venu.", "Il a parlé."])
    assert stream.decode(whole)[0] == ["Le ministre est venu.", "Il a parlé."]
    with pytest.raises(ToolkitError, match="stops inside a paragraph, after 'Il a'"):
        stream.decode(whole[: whole.index("Il a") + 4])


def test_the_stream_refuses_what_apertium_cannot_read() -> None:
    with pytest.raises(ToolkitError, match=r"U\+FFFF \(paragraph 2, offset 4\)"):
        stream.encode(["Bonjour.", "Venu\uffff Il a parlé."])


@pytest.mark.parametrize(
    ("target", "expected", "engines_article"),
    [("en", "of Artsakh", "the Artsakh"), ("pt", "de Artsakh", "do Artsakh")],
)
def test_the_default_glossary_writes_artsakh_without_an_article(
    target: str, expected: str, engines_article: str
) -> None:
    done = run_toolkit(
        "translate", "-", "--from", "fr", "--to", target, input="Le président de l’Artsakh.\n"
    )
    assert expected in done.stdout and engines_article not in done.stdout


def test_runs_of_spaces_the_source_had_are_kept() -> None:
    # A table aligned with spaces keeps its columns, as raw Apertium keeps them; a run the
    # engine left where it dropped a word still collapses.
    table = "Nom        Ville\nParis      Lyon\n"
    for target in ("es", "en"):
        result = run_toolkit("translate", "--to", target, "-q", input=table)
        assert result.returncode == 0, result.stderr
        first, second = result.stdout.splitlines()
        assert re.search(r"\S {8}\S", first), result.stdout
        assert re.search(r"\S {6}\S", second), result.stdout
    source = "Total     : 12 ; il a dit  non."
    assert typography.apply("Total     : 12 ; he said  no.", "en", None, source) == (
        "Total     : 12; he said  no."
    )
    assert typography.apply("He has  said no .", "en", None, "Il a dit non .") == (
        "He has said no."
    )


def test_glossary_forms_come_out_as_the_glossary_writes_them(tmp_path) -> None:
    # Typography and conventions act on the engine's words: a name's form keeps its French
    # spaces, its guillemets, its apostrophe, its digits.
    glossary = tmp_path / "names.csv"
    glossary.write_text(
        "fr,en,es\nYahoo,Yahoo !,Yahoo !\nLe Monde,« Le Monde »,« Le Monde »\n"
        "Lachin,Lach'in 2 000,Lach'in 2 000\n",
        encoding="utf-8",
    )
    text = "Le site Yahoo et Le Monde l’ont écrit sur Lachin.\n"
    for target in ("en", "es"):
        result = run_toolkit(
            "translate", "--to", target, "-g", str(glossary), "--check", input=text
        )
        assert result.returncode == 0, result.stderr
        assert "Yahoo !" in result.stdout
        assert "« Le Monde »" in result.stdout
        assert "Lach'in 2 000" in result.stdout


def test_a_name_written_with_guillemets_is_not_lifted_as_a_quote(tmp_path) -> None:
    glossary = tmp_path / "names.csv"
    glossary.write_text("fr,en\n« Le Monde »,« Le Monde »\n", encoding="utf-8")
    result = run_toolkit(
        "translate",
        "--to",
        "en",
        "-g",
        str(glossary),
        "--check",
        input="Le journal « Le Monde » a écrit « la paix est proche ».\n",
    )
    assert result.returncode == 0, result.stderr
    assert "« Le Monde »" in result.stdout
    assert "“the peace is near”" in result.stdout
    assert "term « Le Monde » (« Le Monde »): source 1, target 1, ok" in result.stderr


def test_a_hyphen_the_source_ends_a_word_with_is_kept() -> None:
    """Only a French inversion leaves a hyphen to remove: `« M- »` (a key's name) keeps its own."""
    assert typography.apply("Échap es anotado « M- ».", "es", source="Échap est noté « M- ».") == (
        "Échap es anotado «M-»."
    )
    assert (
        typography.apply(
            "They will spend- the border?", "en", source="Passeront-ils la frontière ?"
        )
        == "They will spend the border?"
    )

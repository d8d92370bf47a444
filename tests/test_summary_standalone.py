"""Summaries a desk can paste: no chosen sentence leans on one left out, no table-of-contents line."""

from __future__ import annotations

import pytest

from tests.conftest import run_toolkit
from toolkit.summary import candidates, openings
from toolkit.summary.summarize import Options, summarize_text

# The sentence that scores best opens with `Mais`; the one before it is weak.
LEANING = """Le printemps est arrivé tôt cette année à Rennes.

Le document compte quarante pages.

Mais le plan de la région Bretagne pour l’eau potable prévoit de nouveaux réservoirs et des \
restrictions contre la sécheresse.

Les réservoirs de la région Bretagne seront construits avant la prochaine sécheresse.

Les restrictions d’eau potable dans la région Bretagne dureront tout l’été de sécheresse.

Le plan pour l’eau potable de la Bretagne coûtera cent millions d’euros à la région.

Les agriculteurs de la région Bretagne demandent des aides contre la sécheresse.
"""
MAIS = "Mais le plan"
WEAK = "Le document compte quarante pages."

# A table of contents whose entries hold every word of the prose after it.
MANUAL = """Ce guide présente le serveur de fichiers de la mairie.

1 Installation du serveur de fichiers ........ 3
1.1 Configuration du serveur de fichiers ........ 4
1.2 Sauvegarde du serveur de fichiers ........ 7
2 Mise à jour du serveur de fichiers ........ 9

L’installation du serveur de fichiers demande une heure.

La configuration du serveur de fichiers se fait dans un fichier texte.

La sauvegarde du serveur de fichiers a lieu chaque nuit.

La mise à jour du serveur de fichiers se fait chaque mois.
"""


def assert_no_dangling(chosen: list[str]) -> None:
    for i, text in enumerate(chosen):
        if text.startswith(MAIS):
            assert i > 0 and chosen[i - 1] == WEAK, chosen


def selected(text: str, algorithm: str, count: int, **options: object) -> list[str]:
    summary = summarize_text(
        "t", text, Options(algorithm=algorithm, language="fr", count=count, **options)
    )
    return [s.text for s in summary.selected]


def test_the_leaning_sentence_scores_best_when_the_rule_is_off() -> None:
    for algorithm in ("pacsum", "lexrank", "textrank"):
        assert selected(LEANING, algorithm, 1, standalone=False)[0].startswith(MAIS)


@pytest.mark.parametrize("algorithm", ["pacsum", "lead", "lexrank", "textrank", "lsa", "luhn"])
@pytest.mark.parametrize("count", [1, 2, 3])
def test_a_leaning_sentence_comes_with_its_predecessor(algorithm: str, count: int) -> None:
    chosen = selected(LEANING, algorithm, count)
    assert len(chosen) == count
    assert_no_dangling(chosen)


@pytest.mark.parametrize("algorithm", ["pacsum", "textrank"])
def test_chunked_summaries_follow_the_rule(algorithm: str) -> None:
    assert selected(LEANING, algorithm, 1, chunk_sentences=4, standalone=False)[0].startswith(MAIS)
    assert_no_dangling(selected(LEANING, algorithm, 1, chunk_sentences=4))


def test_the_command_does_not_open_with_mais() -> None:
    for count in ("1", "2"):
        result = run_toolkit("summarize", "-", "-n", count, "--language", "fr", input=LEANING)
        assert result.returncode == 0, result.stderr
        assert_no_dangling(result.stdout.splitlines())


@pytest.mark.parametrize("algorithm", ["pacsum", "lexrank", "textrank", "luhn"])
@pytest.mark.parametrize("count", [1, 2, 3])
def test_no_table_of_contents_line_is_chosen(algorithm: str, count: int) -> None:
    chosen = selected(MANUAL, algorithm, count)
    assert chosen and not any("...." in s for s in chosen), chosen


def test_the_command_chooses_no_table_of_contents_line() -> None:
    for algorithm in ("pacsum", "lexrank"):
        result = run_toolkit(
            "summarize", "-", "-n", "2", "-a", algorithm, "--language", "fr", input=MANUAL
        )
        assert result.returncode == 0, result.stderr
        assert "...." not in result.stdout


@pytest.mark.parametrize(
    ("text", "leaning"),
    [
        ("Mais le plan prévoit…", True),
        ("« Mais non », a-t-il dit.", True),
        ("— Cependant, rien n’a changé.", True),
        ("Il a ajouté que rien n’était prévu.", True),
        ("Ce dernier a refusé.", True),
        ("En effet, la loi l’interdit.", True),
        ("Selon lui, rien n’est joué.", True),
        ("PARIS, 3 mai (AFP) – Mais la France a refusé.", True),
        ("Il y a dix ans, la ville comptait trois usines.", False),
        ("Il faut attendre le vote.", False),
        ("Alors que la ville grandit, les loyers montent.", False),
        ("Ainsi que l’a rappelé le maire, la loi est claire.", False),
        ("Illustration : la place du marché.", False),
        ("Orange a annoncé ses résultats.", False),
        ("Maison de la culture : le programme.", False),
    ],
)
def test_french_openings(text: str, leaning: bool) -> None:
    assert openings.leans(text, "fr") is leaning


@pytest.mark.parametrize(
    ("text", "leaning"),
    [("But the plan failed.", True), ("He said so.", True), ("It is raining.", False)],
)
def test_english_openings(text: str, leaning: bool) -> None:
    assert openings.leans(text, "en") is leaning


def test_the_first_sentence_leans_on_nothing() -> None:
    text = "Elle a été élue dimanche. Mais le vote est contesté."
    summary = summarize_text("t", text, Options(language="fr", count=2))
    assert [s.text for s in summary.selected] == [
        "Elle a été élue dimanche.",
        "Mais le vote est contesté.",
    ]
    found = openings.leaning_on(summary.sentences, "fr")
    assert found == {1: 0}


def test_a_stamp_is_nothing_to_lean_on() -> None:
    text = "PARIS, 3 mai (AFP) – Il a été élu dimanche. Le vote est contesté."
    summary = summarize_text("t", text, Options(language="fr", count=1))
    assert openings.leaning_on(summary.sentences, "fr") == {}


@pytest.mark.parametrize(
    "line",
    [
        "1.2 Installation ........ 12",
        "Chapitre 3 : Utilisation avancée",
        "Annexe A . . . . . . . 40",
        "2 Configuration du serveur 15",
        "12 14 16 18 20 22 a",
        "Sommaire",
        "Table des matières",
    ],
)
def test_lines_of_a_table_of_contents(line: str) -> None:
    assert candidates.is_listing(line)


@pytest.mark.parametrize(
    "line",
    [
        "BILAN : TROIS MORTS ET DIX BLESSÉS",
        "Le chapitre 3 du rapport décrit la crise de 2008.",
        "Chapitre 3 : la crise, racontée par ceux qui l’ont vécue.",
        "En 2023, 12 % des ménages ont déménagé.",
    ],
)
def test_sentences_are_no_listing(line: str) -> None:
    assert not candidates.is_listing(line)

"""Datelines, stamps and headings stay in the document but are not chosen."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_toolkit
from toolkit.summary import candidates
from toolkit.summary.summarize import Options, summarize_text

FR = candidates.language("fr")
EN = candidates.language("en")


@pytest.mark.parametrize(
    ("text", "alone", "reason"),
    [
        ("STEPANAKERT, 25 MAI, ARTSAKHPRESS :", True, candidates.DATELINE),
        ("date 2023-05", True, candidates.DATELINE),
        ("Paris, le 3 mai 2023 (AFP)", True, candidates.DATELINE),
        ("Mis à jour le 3 mars 2023 à 10 h 30", True, candidates.DATELINE),
        ("Contexte", True, candidates.HEADING),
        ("Les chiffres clés", True, candidates.HEADING),
        # Two subheadings glued into OrangeSum's articles, in capitals.
        ("BENOÎT HAMON ÉGALEMENT CANDIDAT ?", False, candidates.HEADING),
        ("RAFFARIN, UN CONTRE-EXEMPLE ?", False, candidates.HEADING),
        ("***", True, candidates.NO_WORDS),
        # Sentences, however short.
        ("En vain.", False, None),
        ("Emmanuel Macron.", True, None),
        ("Inquiétude dans le Lot.", True, None),
        ("Le 24 mai, le ministre a parlé.", False, None),
        ("Appeler le 15 (le Samu).", False, None),
        ("Le ministre est parti", True, None),  # a headline with a verb
        ("LE MINISTRE EST PARTI", False, None),
        ("Contexte", False, None),  # a word inside a paragraph is not a heading by its form
        # A label, a colon and what it says: a sentence, often the article's most important one.
        ("BILAN : TROIS MORTS ET DIX BLESSÉS", True, None),
        ("BILAN : TROIS MORTS ET DIX BLESSÉS", False, None),
        ("Bilan : 3 morts", True, None),
        ("Contexte :", True, candidates.HEADING),
        ("ANNEXE : ARTSAKH", True, candidates.HEADING),
    ],
)
def test_french_lines(text: str, alone: bool, reason: str | None) -> None:
    assert candidates.reason(text, alone, FR) == reason


def test_rules_follow_the_language() -> None:
    # Inside a paragraph, only the month names make it a dateline.
    assert candidates.reason("London, 3 May 2023 (Reuters)", False, EN) == candidates.DATELINE
    assert candidates.reason("London, 3 May 2023 (Reuters)", False, FR) is None
    assert candidates.reason("The minister has resigned", True, EN) is None
    assert candidates.reason("Background", True, EN) == candidates.HEADING


def test_release_stamp_is_kept_in_explain_but_never_chosen(release_text: str) -> None:
    summary = summarize_text("r", release_text, Options(count=10))
    first, last = summary.sentences[0], summary.sentences[-1]
    assert (first.text, last.text) == ("date 2023-05", "STEPANAKERT, 25 MAI, ARTSAKHPRESS :")
    assert first.set_aside == last.set_aside == candidates.DATELINE
    assert not first.selected and not last.selected
    assert len(summary.selected) == 8
    # sumy's algorithms choose as sumy does, among all sentences.
    assert len(summarize_text("r", release_text, Options("lexrank", count=9)).selected) == 9


def test_explain_json_names_the_reason(release_text: str) -> None:
    result = run_toolkit("summarize", "--format", "json", "--explain", input=release_text)
    [summary] = json.loads(result.stdout)["summaries"]
    set_aside = [s for s in summary["scores"] if "set_aside" in s]
    assert [(s["index"], s["set_aside"], s["selected"]) for s in set_aside] == [
        (0, "dateline", False),  # `date 2023-05`, set apart from the sentence it opens
        (9, "dateline", False),
    ]


def test_a_text_of_headings_only_is_still_summarised() -> None:
    summary = summarize_text(
        "t", "Contexte\n\nLes chiffres clés\n", Options(count=1, language="fr")
    )
    assert len(summary.selected) == 1
    assert any("every sentence looks like a dateline or a heading" in n for n in summary.notes)


def test_a_dateline_that_would_have_been_chosen_is_noted() -> None:
    text = "PARIS, 3 mai 2023 (AFP)\n\nLe ministre a signé. Il part.\n"
    summary = summarize_text("t", text, Options("lead", count=2, language="fr"))
    assert [s.index for s in summary.selected] == [1, 2]
    assert any("1·1 (dateline)" in n for n in summary.notes)


STAMPED = (
    "PARIS, 3 mai 2023 (AFP) – Le président a parlé de la paix. Il a dit beaucoup.\n\n"
    "Le ministre : il faut agir vite. Date 2023-05 au plus tard.\n\n"
    "STEPANAKERT, 25 MAI, ARTSAKHPRESS : Le corridor de Lachin reste fermé.\n"
)


def test_a_stamp_opening_a_paragraph_is_set_apart_with_its_offsets() -> None:
    summary = summarize_text("t", STAMPED, Options(count=7, language="fr"))
    texts = [(s.text, s.paragraph, s.sentence, s.set_aside) for s in summary.sentences]
    assert texts == [
        ("PARIS, 3 mai 2023 (AFP) –", 1, 1, candidates.DATELINE),
        ("Le président a parlé de la paix.", 1, 2, None),
        ("Il a dit beaucoup.", 1, 3, None),
        ("Le ministre : il faut agir vite.", 2, 1, None),  # no date: no stamp
        ("Date 2023-05 au plus tard.", 2, 2, None),  # not the first sentence
        ("STEPANAKERT, 25 MAI, ARTSAKHPRESS :", 3, 1, candidates.DATELINE),
        ("Le corridor de Lachin reste fermé.", 3, 2, None),
    ]
    for index, sentence in enumerate(summary.sentences):
        assert sentence.index == index
        assert STAMPED[sentence.start : sentence.end] == sentence.text
    # sumy's algorithms see the sentences as the splitter gives them.
    lexrank = summarize_text("t", STAMPED, Options("lexrank", count=5, language="fr"))
    assert lexrank.sentences[0].text.startswith("PARIS, 3 mai 2023 (AFP) – Le président")


def test_pacsum_chooses_a_labelled_line_in_capitals() -> None:
    text = (
        "Un incendie a ravagé un immeuble de Stepanakert dans la nuit de lundi.\n\n"
        "BILAN : TROIS MORTS ET DIX BLESSÉS\n\n"
        "Les pompiers sont arrivés vers minuit et ont lutté pendant trois heures.\n\n"
        "Le maire a annoncé une enquête sur les causes du sinistre.\n"
    )
    summary = summarize_text("t", text, Options(count=2, language="fr"))
    bilan = next(s for s in summary.sentences if s.text.startswith("BILAN"))
    assert bilan.set_aside is None and bilan.selected

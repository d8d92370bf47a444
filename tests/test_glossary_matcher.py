"""The glossary's one matcher: what a regular expression of the spellings finds, in one pass."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.glossary.matcher import Matcher, fold, fold_all
from toolkit.glossary.model import Glossary, Term, word_pattern

# Letters in two cases, the spaces, apostrophes and hyphens folded together, a combining accent,
# a digit, and the characters whose lower case is not one letter of the same kind.
ALPHABET = "aAbB \n\t\u00a0-\u2011'\u2019\u0301é1İiςσΣſs"
SPELLING = st.text("abAB -'éiςs", min_size=1, max_size=4).map(str.strip).filter(bool)


@settings(max_examples=500, deadline=None)
@given(st.lists(SPELLING, min_size=1, max_size=6), st.text(ALPHABET, max_size=40))
def test_matcher_finds_what_the_regular_expression_finds(spellings: list[str], text: str) -> None:
    expected = [(m.start(), m.end()) for m in word_pattern(spellings).finditer(text)]
    hits = Matcher((s, s) for s in spellings).find(text)
    assert [(h.start, h.end) for h in hits] == expected


def test_a_hit_gives_the_keys_of_every_spelling_folded_alike() -> None:
    matcher = Matcher([("Haut-Karabakh", 1), ("haut\u2011karabakh", 2), ("Karabakh", 3)])
    hits = matcher.find("le HAUT–KARABAKH\n et  le Karabakh, Karabakhi")
    assert [(h.start, h.end, h.keys) for h in hits] == [(3, 16, (1, 2)), (25, 33, (3,))]


def test_spellings_and_keys_side_by_side_make_the_same_matcher() -> None:
    spellings, keys = ["Haut-Karabakh", "haut\u2011karabakh", "Karabakh"], [1, 2, 3]
    text = "le HAUT–KARABAKH\n et  le Karabakh, Karabakhi"
    pairs = Matcher(zip(spellings, keys, strict=True)).find(text)
    assert Matcher.of(spellings, keys).find(text) == pairs
    assert [h.keys for h in Matcher.of(["Lachin"], [7]).find("à Lachin")] == [(7,)]
    with pytest.raises(ValueError, match="3 spellings for 2 keys"):
        Matcher.of(spellings, keys[:2])


def test_runs_of_spaces_map_back_to_the_text() -> None:
    text = "a  b   Haut \n\t Karabakh   c"
    (hit,) = Matcher([("Haut Karabakh", 0)]).find(text)
    assert text[hit.start : hit.end] == "Haut \n\t Karabakh"


def test_without_whole_words_names_are_found_inside_others() -> None:
    assert [
        h.start for h in Matcher([("阿尔扎赫", 0)], whole_words=False).find("在阿尔扎赫的")
    ] == [1]


@given(st.lists(st.text(ALPHABET + "\x00", max_size=6), max_size=5))
def test_spellings_folded_together_are_each_folded_alone(texts: list[str]) -> None:
    assert fold_all(texts) == [re.sub(" {2,}", " ", fold(text)) for text in texts]


def test_a_final_capital_sigma_is_any_sigma() -> None:
    # Lower-cased, a Σ at the end of a word is ς, elsewhere σ: a regular expression finds both.
    for text in ("A'Σ", "ΑΣ", "ΣΑ"):
        sigma = text.index("Σ")
        for spelling in ("ς", "σ", "Σ"):
            hits = Matcher([(spelling, 0)], whole_words=False).find(text)
            assert [(h.start, h.end) for h in hits] == [(sigma, sigma + 1)], (text, spelling)


def test_folding_keeps_every_character_in_place() -> None:
    text = "İSTANBUL ſ ς \u2019 \u2011 \u3000"
    assert len(fold(text)) == len(text)


def test_a_large_glossary_merges_and_finds_by_its_keys() -> None:
    earlier = Glossary(
        "fr", tuple(Term(f"Nom{i}", (f"Nom{i}",), {"ru": f"Ном{i}"}) for i in range(2000))
    )
    later = Glossary("fr", (Term("Nom1999", ("Nom1999", "Nommé"), {"hy": "Նոմ"}),))
    merged = earlier.merge(later)
    assert len(merged.terms) == 2000
    last = merged.terms[-1]
    assert (last.name, last.matches, dict(last.forms)) == (
        "Nom1999",
        ("Nom1999", "Nommé"),
        {"ru": "Ном1999", "hy": "Նոմ"},
    )
    assert [f.term.name for f in merged.find("Nom7, Nommé et nom1999.")] == [
        "Nom7",
        "Nom1999",
        "Nom1999",
    ]


@pytest.mark.parametrize("apart", [True, False])
def test_a_later_term_takes_what_an_earlier_merge_brought(apart: bool) -> None:
    # "Alpha" is a spelling of the earlier A: once the later A takes it, the later Alpha takes
    # the merged A, which keeps its name (a user row keyed by a spelling adds to the term, it
    # does not rename it). A file's terms never share a key; with one that does, the same holds.
    earlier = Glossary("fr", (Term("A", ("A", "Alpha"), {"hy": "Ա"}), Term("B", ("B",))))
    extra = () if apart else (Term("C", ("C", "Cé")), Term("Cé", ("Cé",)))
    later = Glossary(
        "fr",
        (
            Term("A", ("A",), {"ru": "А"}),
            *extra,
            Term("D", ("D",)),
            Term("Alpha", ("Alpha",), {"es": "Alfa"}),
        ),
    )
    merged = earlier.merge(later)
    assert [(t.name, t.matches, dict(t.forms)) for t in merged.terms] == [
        ("B", ("B",), {}),
        *([] if apart else [("C", ("Cé", "C"), {})]),
        ("D", ("D",), {}),
        ("A", ("Alpha", "A"), {"hy": "Ա", "ru": "А", "es": "Alfa"}),
    ]

"""The glossary model: finding names in French text, protecting and restoring them, repairs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.glossary import active
from toolkit.glossary.enforce import DEFAULT_STYLE, PlaceholderStyle, protect, restore

GLOSSARY = active.load_active([])


def found(text: str) -> list[tuple[str, str]]:
    return [(f.term.name, f.surface) for f in GLOSSARY.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le peuple d’Artsakh", [("Artsakh", "Artsakh")]),
        ("le peuple d'Artsakh", [("Artsakh", "Artsakh")]),
        ("l’Artsakh et l'Artsakh", [("Artsakh", "Artsakh")] * 2),
        (
            "qu’Artsakh, qu'Artsakh, jusqu’à Stepanakert",
            [("Artsakh", "Artsakh")] * 2 + [("Stepanakert", "Stepanakert")],
        ),
        ("STEPANAKERT, 25 MAI, ARTSAKHPRESS :", [("Stepanakert", "STEPANAKERT")]),
        ("Les Artsakhiotes et un artsakhiote", []),
        ("Les Stepanakertois et les Lachinois", []),
        (
            "« Artsakh » “Stepanakert” ‹Lachin›",
            [("Artsakh", "Artsakh"), ("Stepanakert", "Stepanakert"), ("Lachin", "Lachin")],
        ),
        (
            "(Artsakh) [Stepanakert] {Lachin}",
            [("Artsakh", "Artsakh"), ("Stepanakert", "Stepanakert"), ("Lachin", "Lachin")],
        ),
        (
            "Lachin – Artsakh — Stepanakert-Goris",
            [("Lachin", "Lachin"), ("Artsakh", "Artsakh"), ("Stepanakert", "Stepanakert")],
        ),
        ("artsakhpress.am et #Artsakh et @Artsakh", [("Artsakh", "Artsakh")] * 2),
        (
            "À Stépanakert, le corridor de Latchine",
            [("Stepanakert", "Stépanakert"), ("Lachin", "Latchine")],
        ),
        ("Artsakh2020 et Artsakh_2 et 2Lachin", []),
        ("Artsakh\u0301 (a combining accent makes another word)", []),
        ("L’ARTSAKH et LACHIN", [("Artsakh", "ARTSAKH"), ("Lachin", "LACHIN")]),
        ("Artsakh/Stepanakert", [("Artsakh", "Artsakh"), ("Stepanakert", "Stepanakert")]),
    ],
)
def test_find_whole_words_in_any_case(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_default_glossary_has_the_three_names_and_their_non_latin_forms() -> None:
    terms = {t.name: t for t in GLOSSARY.terms}
    assert set(terms) == {"Artsakh", "Stepanakert", "Lachin"}
    assert [terms[n].form("ru") for n in ("Artsakh", "Stepanakert", "Lachin")] == [
        "Арцах",
        "Степанакерт",
        "Лачин",
    ]
    assert [terms[n].form("hy") for n in ("Artsakh", "Stepanakert", "Lachin")] == [
        "Արցախ",
        "Ստեփանակերտ",
        "Լաչին",
    ]
    for language in ("uk", "el", "ar", "fa", "he", "ka", "bg", "ja", "ko", "zh"):
        assert all(term.form(language) != term.name for term in terms.values()), language
    for language in ("es", "ca", "en", "eo", "de", "it", "pt"):
        assert all(term.form(language) == term.name for term in terms.values()), language


def test_the_default_glossary_ships_inside_the_package() -> None:
    path = active.default_path()
    assert path.is_file()
    assert path.parent.name == "glossaries"


def roundtrip(text: str, target: str, style: PlaceholderStyle = DEFAULT_STYLE) -> str:
    protected = protect(text, GLOSSARY, style)
    restored, check = restore(protected, protected.text, GLOSSARY, target, "fr")
    assert not check.problems
    return restored


def test_protect_replaces_each_name_with_a_placeholder_in_the_same_case() -> None:
    protected = protect("L’Artsakh, STEPANAKERT et lachin.", GLOSSARY)
    assert protected.text == "L’Zqxb, ZQXC et zqxd."
    assert [f.surface for f in protected.found] == ["Artsakh", "STEPANAKERT", "lachin"]


def test_placeholders_avoid_words_already_in_the_text() -> None:
    protected = protect("Zqxb, QZXB et Artsakh", GLOSSARY)
    assert protected.text == "Zqxb, QZXB et Xqzb"
    assert roundtrip("Zqxb, QZXB et Artsakh", "es") == "Zqxb, QZXB et Artsakh"


def test_restore_gives_the_target_form_in_the_source_case() -> None:
    text = "L’Artsakh, STEPANAKERT et Latchine."
    protected = protect(text, GLOSSARY)
    ru, check = restore(protected, "Zqxb, ZQXC и Zqxd.", GLOSSARY, "ru", "fr")
    assert ru == "Арцах, СТЕПАНАКЕРТ и Лачин."
    assert [(c.name, c.source, c.target) for c in check.counts] == [
        ("Artsakh", 1, 1),
        ("Stepanakert", 1, 1),
        ("Lachin", 1, 1),
    ]
    es, _ = restore(protected, protected.text, GLOSSARY, "es", "fr")
    assert es == "L’Artsakh, STEPANAKERT et Lachin."


def test_inflected_or_recased_placeholders_are_repaired() -> None:
    protected = protect("Artsakh, Stepanakert et Lachin.", GLOSSARY)
    text, check = restore(protected, "en Zqxbn, zqxcon kaj alZQXD.", GLOSSARY, "eo", "fr")
    assert text == "en Artsakh, Stepanakert kaj Lachin."
    assert {n.kind for n in check.repairs} == {"inflection"}
    assert not check.problems and check.missing == 0


def test_a_word_glued_to_a_placeholder_is_kept_apart() -> None:
    protected = protect("Artsakh et les autres", GLOSSARY)
    text, check = restore(protected, "Zqxbandthe others", GLOSSARY, "en", "fr")
    assert text == "Artsakh andthe others"
    assert [n.kind for n in check.repairs] == ["joined word"]


def test_a_placeholder_with_an_altered_index_takes_the_missing_name() -> None:
    protected = protect("Artsakh et Lachin", GLOSSARY)
    text, check = restore(protected, "Zqxb y Zqxk", GLOSSARY, "es", "fr")
    assert text == "Artsakh y Lachin"
    assert [n.kind for n in check.repairs] == ["altered placeholder"]
    assert check.missing == 0


def test_a_lost_placeholder_is_reported_not_dropped_silently() -> None:
    protected = protect("Artsakh et Lachin", GLOSSARY)
    text, check = restore(protected, "Zqxb y", GLOSSARY, "es", "fr")
    assert text == "Artsakh y"
    assert [(n.term, n.kind) for n in check.problems] == [("Lachin", "lost")]
    assert check.missing == 1


def test_a_variant_written_by_the_engine_is_repaired_when_the_name_is_missing() -> None:
    protected = protect("La République d’Artsakh", GLOSSARY)
    text, check = restore(protected, "La República de Artsaj", GLOSSARY, "es", "fr")
    assert text == "La República de Artsakh"
    assert [n.kind for n in check.repairs] == ["variant"]
    assert not check.problems and check.missing == 0


def test_a_variant_the_author_wrote_is_left_alone() -> None:
    protected = protect("Khankendi, que les Arméniens appellent Stepanakert", GLOSSARY)
    text, check = restore(protected, "Khankendi, que los armenios llaman", GLOSSARY, "es", "fr")
    assert text.startswith("Khankendi")
    assert check.missing == 1 and [n.kind for n in check.problems] == ["lost"]


def test_continuous_scripts_keep_what_is_glued_to_a_name() -> None:
    protected = protect("La République d’Artsakh", GLOSSARY)
    text, check = restore(protected, "Zqxb共和国", GLOSSARY, "zh", "fr")
    assert text == "阿尔察赫共和国"
    assert check.counts[0].target == 1 and not check.repairs


# --- properties --------------------------------------------------------------------------------

NAMES = [
    "Artsakh",
    "ARTSAKH",
    "artsakh",
    "Stepanakert",
    "STEPANAKERT",
    "Lachin",
    "LACHIN",
    "lachin",
]
SURFACES = [*NAMES, "Stépanakert", "Latchine", "ArtSakh", "ARTSAKHPRESS", "Artsakhiotes"]
JOINERS = [
    "",
    " ",
    "’",
    "'",
    "l’",
    "d'",
    "qu’",
    "« ",
    " »",
    "(",
    ")",
    "[",
    "]",
    "-",
    "–",
    " — ",
    "\n",
    ".",
    ",",
    "Zqxb",
    "QZXC",
    "Xqzb",
]
arbitrary = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
piece = st.one_of(arbitrary, st.sampled_from(JOINERS))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(piece, st.sampled_from(SURFACES)), max_size=8), piece)
def test_identity_engine_gives_back_any_text(pairs: list[tuple[str, str]], tail: str) -> None:
    """Through the identity engine (French to French) any text comes back unchanged."""
    text = "".join(a + b for a, b in pairs) + tail
    assert roundtrip(text, "fr") == text


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(piece, st.sampled_from(NAMES)), max_size=8), piece)
def test_identity_engine_into_a_latin_language_keeps_canonical_names(
    pairs: list[tuple[str, str]], tail: str
) -> None:
    """Into a language that keeps the canonical forms, text around the names comes back unchanged."""
    text = "".join(a + b for a, b in pairs) + tail
    assert roundtrip(text, "es") == text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(piece, st.sampled_from(NAMES)), min_size=1, max_size=8), piece)
def test_every_name_comes_back_in_its_target_form(pairs: list[tuple[str, str]], tail: str) -> None:
    text = "".join(a + b for a, b in pairs) + tail
    protected = protect(text, GLOSSARY)
    restored, check = restore(protected, protected.text, GLOSSARY, "ru", "fr")
    assert check.missing == 0
    expected = sum(c.source for c in check.counts)
    assert sum(c.target for c in check.counts) >= expected
    assert (
        not re.search(f"{protected.stem}[{DEFAULT_STYLE.digits}]", restored, re.I)
        or not protected.found
    )


def test_many_names_in_one_paragraph_get_wider_placeholders() -> None:
    text = " ".join(["Artsakh"] * 450)
    protected = protect(text, GLOSSARY)
    assert protected.width == 3
    assert roundtrip(text, "es") == text


def test_placeholders_of_another_style_come_back() -> None:
    style = PlaceholderStyle(stems=("Kw",), digits="abc")
    protected = protect("Artsakh, Lachin, Stepanakert, Artsakh", GLOSSARY, style)
    assert protected.text == "Kwaa, Kwab, Kwac, Kwba"
    assert (
        roundtrip("Artsakh, Lachin, Stepanakert, Artsakh", "es", style)
        == "Artsakh, Lachin, Stepanakert, Artsakh"
    )


def test_a_form_that_is_a_common_word_counts_only_where_the_name_was_put_back(tmp_path) -> None:
    # `Y` (a party) is Spanish `y` ("and"): the translation's other `y` are not the name.
    names = tmp_path / "names.csv"
    names.write_text("fr,es\nY,y\n", encoding="utf-8")
    glossary = active.load_active([str(names)])
    protected = protect("Le parti Y et le parti X et Paul.", glossary)
    text, check = restore(protected, protected.text, glossary, "es", "fr")
    assert text == "Le parti y et le parti X et Paul."
    assert [(c.name, c.source, c.target) for c in check.counts] == [("Y", 1, 1)]
    _, check = restore(protected, "El partido y el partido X y Paul.", glossary, "es", "fr")
    assert [(c.name, c.source, c.target) for c in check.counts] == [("Y", 1, 0)]
    assert check.missing == 1 and [n.kind for n in check.problems] == ["lost"]


def test_a_form_that_looks_like_a_placeholder_is_not_taken_for_a_span(tmp_path) -> None:
    from tests.conftest import run_toolkit

    names = tmp_path / "names.csv"
    names.write_text("fr,es,en\nArtsakh,Zqxb,Zqxb\n", encoding="utf-8")
    text = "Le code Artsakh est sur https://gouv.am et presse@gov.am.\n"
    for target in ("es", "en"):
        result = run_toolkit("translate", "--to", target, "-g", str(names), "--check", input=text)
        assert result.returncode == 0, result.stderr
        assert result.stdout.count("https://gouv.am") == 1, result.stdout
        assert result.stdout.count("Zqxb") == 1, result.stdout
        assert "CHANGED" not in result.stderr and "repeated" not in result.stderr

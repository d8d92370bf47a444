"""Protected spans found in text, and placeholders in and out, without an engine."""

from __future__ import annotations

import pytest

from toolkit.errors import UsageError
from toolkit.glossary.enforce import DEFAULT_STYLE
from toolkit.text import spans
from toolkit.text.clean import clean
from toolkit.translation.shield import shield, unshield

FOUND = [
    ("Contact : presse@gov.am.", "email", "presse@gov.am"),
    (
        "Écrire à jean-luc.dupont+presse@mfa.artsakh.am, merci",
        "email",
        "jean-luc.dupont+presse@mfa.artsakh.am",
    ),
    (
        "Voir https://www.gouv.am/fr/le-ministre/communique?id=2023&x=1#top.",
        "url",
        "https://www.gouv.am/fr/le-ministre/communique?id=2023&x=1#top",
    ),
    ("(voir www.gouv.am/fr)", "url", "www.gouv.am/fr"),
    (
        "Lien : https://fr.wikipedia.org/wiki/Artsakh_(région) ;",
        "url",
        "https://fr.wikipedia.org/wiki/Artsakh_(région)",
    ),
    ("Appelez le +374 47 94 15 20.", "phone", "+374 47 94 15 20"),
    ("Appelez le (+374) 10-52-86-41 ou", "phone", "(+374) 10-52-86-41"),
    ("Standard : 01 23 45 67 89.", "phone", "01 23 45 67 89"),
    ("Suivez @ArtsakhGov !", "handle", "@ArtsakhGov"),
    ("Suivez @mfa@mastodon.social.", "handle", "@mfa@mastodon.social"),
    ("Le mot-clé #Artsakh2023, en tête", "hashtag", "#Artsakh2023"),
    ("Voir C:\\Users\\le\\document.pdf.", "path", "C:\\Users\\le\\document.pdf"),
    ("Voir \\\\serveur\\partage\\note.txt", "path", "\\\\serveur\\partage\\note.txt"),
    ("Le fichier /home/le/communiqués/note.txt, joint", "path", "/home/le/communiqués/note.txt"),
    ("Le fichier ~/notes/a.md et", "path", "~/notes/a.md"),
    ('Le <a href="https://x.am">ministre', "markup", '<a href="https://x.am">'),
    ("Paix &amp; sécurité", "markup", "&amp;"),
    ("un <input disabled> vide", "markup", "<input disabled>"),
    ("une balise <x:note/> seule", "markup", "<x:note/>"),
    ("Le <my-widget> mot", "markup", "<my-widget>"),
    ("Le ministre.<!-- note\nde la rédaction --> Il", "markup", "<!-- note\nde la rédaction -->"),
    ("Le <!-- a <b> --> ministre", "markup", "<!-- a <b> -->"),
    ("Le <!-- jamais fermé <!-- --> ministre", "markup", "<!-- jamais fermé <!-- -->"),
    ("venu.\uffff Il", "character", "\uffff"),
    ("venu\x00\x01 Il", "character", "\x00\x01"),
    ("venu \u200b Il", "character", "\u200b"),
    (f"Le code {'A1é' * 400}, fin", "word", "A1é" * 400),
    ("(réf. ONU A/77/123) a", "symbol", "A/77/123"),
    ("la résolution S/RES/2728 (2024).", "symbol", "S/RES/2728 (2024)"),
    ("le projet A/HRC/52/L.3, déposé", "symbol", "A/HRC/52/L.3"),
    ("voir E/CN.4/2005/L.10.", "symbol", "E/CN.4/2005/L.10"),
    ("Le décret n° 2023-456.", "reference", "n° 2023-456"),
    ("l’arrêté nº 12-B, pris", "reference", "nº 12-B"),
    ("le décret no 12 du", "reference", "no 12"),
    ("l’art. 12 du code", "reference", "art. 12"),
    ("le § 3 dit", "reference", "§ 3"),
    ("l’alinéa 2 dit", "reference", "2"),
    ("l’article L. 121-1 du code", "reference", "L. 121-1"),
    ("l’article 5 bis.", "reference", "5 bis"),
    ("Le livre (ISBN 978-2-07-036822-8) paraît", "isbn", "ISBN 978-2-07-036822-8"),
    ("la revue ISSN 0395-2037.", "isbn", "ISSN 0395-2037"),
    ("l’A320neo vole", "model", "A320neo"),
    ("le logiciel v2.3.1.", "model", "v2.3.1"),
    ("le sommet du G20, à", "model", "G20"),
    ("Voir latchine.am/fr/le-ministre et", "url", "latchine.am/fr/le-ministre"),
    ("le site presse.latchine.am.", "url", "presse.latchine.am"),
    ("(Latchine.am)", "url", "Latchine.am"),
    ("sur gouv.am:8080/a?id=2#b.", "url", "gouv.am:8080/a?id=2#b"),
    ("le site gouv.ci/fr, puis", "url", "gouv.ci/fr"),
    ("le site presse.gouv.ci, puis", "url", "presse.gouv.ci"),
    ("voir armenpress.com ;", "url", "armenpress.com"),
    ("le fichier rapport.pdf.", "path", "rapport.pdf"),
    ("joint : données-2023.csv", "path", "données-2023.csv"),
    ("voir le fichier_final.docx, puis", "path", "fichier_final.docx"),
    ("l’image PHOTO.JPG.", "path", "PHOTO.JPG"),
]


@pytest.mark.parametrize(
    ("text", "kind", "span"), FOUND, ids=[f[1] + str(i) for i, f in enumerate(FOUND)]
)
def test_each_kind_is_found_without_the_punctuation_after_it(
    text: str, kind: str, span: str
) -> None:
    assert [(s.kind, s.text) for s in spans.find(text)] == [(kind, span)]


@pytest.mark.parametrize(
    "text",
    [
        "Le 15/06/2023, 1/2 des voix, 120 km/h, et/ou, Artsakh/Stepanakert.",
        "Le prix a augmenté de 12 % en 2023 ; 1 500 000 habitants ; 0,5 point.",
        "Le numéro 3, le #1 du classement, a < b et c > d, l’email n’est pas là.",
        "Le mi\u00adnistre et Art\u200bsakh : des marques invisibles dans des mots.",
        "Elle a dit : @ la fin, rien.",
        "Le 1er mai, le 2e tour, le XXe siècle, la page 12, trois articles, non 5, A/B/C.",
        f"Un mot de 999 lettres : {'a' * 999}, un de 1 000 coupé : {'a' * 500}_{'a' * 500}.",
        # Prose between angle brackets: only tags are markup.
        "Si a<b et b>c alors <le plus bas> gagne, <Artsakh> et <b titre gras>.",
        # A space forgotten after a full stop, abbreviations, decimals: no address.
        "Il est venu, etc.Il a parlé à M.Dupont, p.ex. à 3.5 km, c.-à-d. i.e. a.m. U.S.A. S.A.",
        "La fin.la suite, le pays.et le reste, 12.30 h, 1.fr, le vol.iv, fin.Le lendemain.",
    ],
)
def test_ordinary_text_holds_no_span(text: str) -> None:
    assert spans.find(text) == []


def test_an_unknown_element_is_a_tag_when_the_text_closes_it() -> None:
    found = spans.find("La <term>paix</term> et <autre> chose.")
    assert [s.text for s in found] == ["<term>", "</term>"]


def test_the_longer_of_overlapping_spans_wins_and_user_patterns_count() -> None:
    patterns = spans.compile_patterns([r"REF-\d+", r"gov\.am"])
    found = spans.find("REF-12 et presse@gov.am", patterns)
    assert [(s.kind, s.text) for s in found] == [("custom", "REF-12"), ("email", "presse@gov.am")]


@pytest.mark.parametrize(
    ("pattern", "message"), [("(", "invalid regular expression"), ("a*", "matches empty text")]
)
def test_bad_user_patterns_are_refused(pattern: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        spans.compile_patterns([pattern])


def test_cleaning_composes_accents_and_drops_marks_inside_words_only() -> None:
    text, composed, dropped = clean("Ste\u0301panakert, Art\u200bsakh, mi\u00adnistre, a \u200b b")
    assert text == "Stépanakert, Artsakh, ministre, a \u200b b"
    assert composed and dropped == {"U+200B": 1, "U+00AD": 1}


def test_placeholders_come_back_as_the_spans_glued_as_they_were() -> None:
    text = "Le <b>ministre</b>\x00 écrit à presse@gov.am."
    shielded = shield(text, spans.find(text), DEFAULT_STYLE)
    assert "<" not in shielded.text and "@" not in shielded.text and "\x00" not in shielded.text
    back, check = unshield(shielded, shielded.text)
    assert back == text
    assert check.counts == (("markup", 2, 2), ("character", 1, 1), ("email", 1, 1))
    assert not check.problems


def test_what_an_engine_does_to_placeholders_is_repaired_or_reported() -> None:
    text = "Écrire à presse@gov.am, à info@gov.am ou à x@y.am."
    shielded = shield(text, spans.find(text), DEFAULT_STYLE)
    first, second = (shielded.stem + DEFAULT_STYLE.encode(i, 1) for i in range(2))
    # Capitals, an inflection, an altered index letter, a dropped placeholder.
    output = f"Escribir a {first.upper()}n, a {second[:-1]}z."
    back, check = unshield(shielded, output)
    assert back == "Escribir a presse@gov.am, a info@gov.am."
    assert [(n.text, n.what) for n in check.repairs] == [
        ("info@gov.am", f"placeholder altered to {second[:-1]}z")
    ]
    assert [(n.text, n.what) for n in check.problems] == [("x@y.am", "missing")]
    assert check.counts == (("email", 3, 2),)

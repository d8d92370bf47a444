"""Protected spans through real engines: Apertium (es, en through a pivot, ca, eo) and the argos
copy model. Addresses, URLs, phones, handles, hashtags, paths, markup and characters the engines
cannot carry come back byte for byte; the text around them is cleaned, translated and typeset for
the target; names are found whatever their bytes.
"""

from __future__ import annotations

import codecs
import re
import shutil
from dataclasses import replace

import pytest

from tests.conftest import run_toolkit
from toolkit.engines.apertium.engine import ApertiumEngine
from toolkit.engines.base import Route, find_routes
from toolkit.glossary.active import default
from toolkit.text import spans
from toolkit.text.document import segment
from toolkit.translation.translate import Translation, translate_documents

pytestmark = pytest.mark.skipif(
    shutil.which("apertium") is None, reason="apertium is not installed"
)

PARAGRAPHS = [
    "Contact : presse@gov.am ou presse@artsakh.am ; le communiqué est sur "
    "https://www.gouv.am/fr/le-ministre/communique?id=2023&lang=fr#texte.",
    "Appelez le +374 47 94 15 20 ou le 01 23 45 67 89, écrivez à @ArtsakhGov et suivez "
    "#Artsakh2023 ou #y.",
    "Le fichier C:\\Users\\le\\document.pdf et le dossier /home/le/communiqués/ sont joints, "
    "x@y.z aussi.",
    "Le ministre est venu.\uffff Il a parlé de la paix à Ste\u0301panakert et d’Art\u200bsakh.",
    "Il a déclaré : « Nous ne céderons pas ! » ; la population de l’Artsakh attend.",
    "Le <b>ministre</b> de l’Artsakh est arrivé à Lachin\x00 avec le porte-parole.",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n"
ENGINE = ApertiumEngine()


def apertium_routes() -> list[Route]:
    chosen = []
    for target in ("es", "en", "ca", "eo"):
        chosen.append(find_routes("apertium", ENGINE.hops(), "fr", target)[0])
    return chosen


def translate(engine, route: Route) -> tuple[list[str], Translation]:
    translation = translate_documents([("t", segment(TEXT))], engine, route, default())
    paragraphs = [p.text for p in segment(translation.documents[0].text).paragraphs]
    assert len(paragraphs) == len(PARAGRAPHS)
    return paragraphs, translation


def assert_spans_intact(paragraphs: list[str], translation: Translation) -> None:
    kinds = set()
    for source, target in zip(PARAGRAPHS, paragraphs, strict=True):
        for span in spans.find(source):
            kinds.add(span.kind)
            assert target.count(span.text) == source.count(span.text), (span, target)
    assert kinds == {"email", "url", "phone", "handle", "hashtag", "path", "markup", "character"}
    assert all(not check.problems for check in translation.spans)
    assert not re.search("(?i)(zqx|qzx|xqz)[bcdfghjklmnpqrstvwxz]", "".join(paragraphs))


def assert_names_found_and_nothing_lost(paragraphs: list[str], translation: Translation) -> None:
    after_noncharacter = paragraphs[3].split("\uffff")[1]
    assert "Stepanakert" in after_noncharacter and "Artsakh" in after_noncharacter
    found = {count.name: count.source for count in translation.terms[3].counts}
    assert found == {"Stepanakert": 1, "Artsakh": 1}
    assert translation.missing_terms == 0
    assert translation.composed == 1 and translation.dropped == (("U+200B", 1),)
    assert "venu" not in paragraphs[3]  # translated, not cut


@pytest.fixture(scope="module", params=apertium_routes(), ids=lambda r: "-".join(r.languages))
def apertium_translation(request):
    return request.param, *translate(ENGINE, request.param)


def test_every_span_comes_back_byte_for_byte_through_apertium(apertium_translation) -> None:
    _, paragraphs, translation = apertium_translation
    assert_spans_intact(paragraphs, translation)


def test_names_are_found_whatever_their_bytes_and_no_text_is_cut(apertium_translation) -> None:
    _, paragraphs, translation = apertium_translation
    assert_names_found_and_nothing_lost(paragraphs, translation)


def test_the_target_typography(apertium_translation) -> None:
    route, paragraphs, _ = apertium_translation
    quoted = paragraphs[4]
    assert not re.search(r"\s[:;!?]", "".join(paragraphs))
    if route.target == "en":
        assert "«" not in quoted and "»" not in quoted
        assert re.search("“[^ ].*[^ ]”", quoted), quoted
    elif route.target in ("es", "ca"):
        assert re.search("«[^ ].*[^ ]»", quoted), quoted
    assert "  " not in "".join(paragraphs)
    assert "'" not in "".join(paragraphs)  # the source writes ’, and so does the translation


def test_catalan_elides_before_names() -> None:
    [route] = find_routes("apertium", ENGINE.hops(), "fr", "ca")
    text = "Le peuple d’Artsakh, le président de l’Artsakh et l’Artsakh lui-même.\n"
    # The engine's article kept (the default glossary writes none in Catalan): elided.
    unstated = tuple(
        replace(t, articles={k: v for k, v in t.articles.items() if k != "ca"})
        for t in default().terms
    )
    glossary = replace(default(), terms=unstated)
    translation = translate_documents([("t", segment(text))], ENGINE, route, glossary)
    result = translation.documents[0].text
    assert "d’Artsakh" in result and "de l’Artsakh" in result and "l’Artsakh" in result, result
    assert not re.search(r"\b(de|del|el|la) Artsakh", result), result


def test_catalan_writes_the_default_glossarys_none() -> None:
    [route] = find_routes("apertium", ENGINE.hops(), "fr", "ca")
    text = "Le président de l’Artsakh et l’Artsakh lui-même.\n"
    translation = translate_documents([("t", segment(text))], ENGINE, route, default())
    result = translation.documents[0].text
    assert "president d’Artsakh" in result and "l’Artsakh" not in result, result


def test_spanish_writes_the_glossary_article() -> None:
    [route] = find_routes("apertium", ENGINE.hops(), "fr", "es")
    text = "Le président de l’Artsakh et le peuple d’Artsakh.\n"
    translation = translate_documents([("t", segment(text))], ENGINE, route, default())
    result = translation.documents[0].text
    assert result.count("de Artsakh") == 2, result


def test_every_span_comes_back_through_the_argos_copy_model(copy_engine) -> None:
    paragraphs, translation = translate(*copy_engine)
    assert_spans_intact(paragraphs, translation)
    assert_names_found_and_nothing_lost_copy(paragraphs, translation)


def assert_names_found_and_nothing_lost_copy(paragraphs: list[str], translation: Translation):
    """The copy model copies: the paragraph after U+FFFF is whole, the names in glossary form."""
    assert paragraphs[3] == (
        "Le ministre est venu.\uffff Il a parlé de la paix à Stepanakert et d’Artsakh."
    )
    assert (
        paragraphs[4] == "Il a déclaré: “Nous ne céderons pas!”; la population de l’Artsakh attend."
    )
    assert translation.missing_terms == 0


def test_the_glossary_never_rewrites_inside_a_span(tmp_path) -> None:
    names = tmp_path / "names.toml"
    names.write_text('[[term]]\nname = "Artsakh"\nes = "Artsaj"\n', encoding="utf-8")
    text = "Artsakh : presse@artsakh.am, https://artsakh.am/Artsakh et #Artsakh.\n"
    result = run_toolkit("translate", "--to", "es", "-g", str(names), input=text)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Artsaj: presse@artsakh.am, https://artsakh.am/Artsakh y #Artsakh.\n"


def test_a_nul_in_utf16_input_is_kept() -> None:
    text = "Le ministre\x00 est venu.\n\nIl a parlé.\n"
    result = run_toolkit(
        "translate", "--to", "es", input=codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("El ministro\x00 ") and result.stdout.endswith(
        "\n\nHa hablado.\n"
    )


def test_protect_option_keeps_a_pattern_as_it_is() -> None:
    text = "La référence REF-2023-la-paix reste.\n"
    plain = run_toolkit("translate", "--to", "es", input=text)
    kept = run_toolkit("translate", "--to", "es", "--protect", r"REF-[\w-]+", input=text)
    assert kept.returncode == 0, kept.stderr
    assert "REF-2023-la-paix" not in plain.stdout
    assert "REF-2023-la-paix" in kept.stdout


def test_check_counts_spans_and_json_says_what_cleaning_changed() -> None:
    text = "Écrivez à presse@gov.am depuis Ste\u0301panakert.\n"
    result = run_toolkit("translate", "--to", "es", "--check", "--format", "json", input=text)
    assert result.returncode == 0, result.stderr
    import json

    [translation] = json.loads(result.stdout)["translations"]
    assert translation["normalized"] == {"composed_paragraphs": 1, "dropped": {}}
    assert translation["qa"]["spans"] == [{"kind": "email", "source": 1, "target": 1}]
    assert translation["qa"]["spans_ok"] is True


def test_document_symbols_and_references_come_back_through_a_pivot() -> None:
    """fr→es→en read `A/77/123` as Spanish `a` (Has/77/123) and `S/RES` as `res` (ANIMAL)."""
    [route] = find_routes("apertium", ENGINE.hops(), "fr", "en")[:1]
    assert len(route.hops) == 2
    text = (
        "Le rapport (réf. ONU A/77/123) cite la résolution S/RES/2728 (2024), le décret "
        "n° 2023-456, l’art. 12 et l’article L. 121-1 (ISBN 978-2-07-036822-8, v2.3.1).\n"
    )
    translation = translate_documents([("t", segment(text))], ENGINE, route, default())
    result = translation.documents[0].text
    for span in spans.find(text):
        assert span.text in result, (span, result)
    assert not translation.spans[0].problems


class _CountingPattern:
    """A compiled pattern whose match calls are counted."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, 0

    def match(self, text: str, position: int = 0) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.match(text, position)


def test_spans_come_back_in_linear_time_beside_long_words(monkeypatch) -> None:
    # Placeholders beside long words (names, a URL): the letters glued to each placeholder are
    # walked back once, never searched again from every position of a word, as a lazy run of
    # letters before the stem did (600 words of 900 letters: 24 s). The letters looked at are
    # counted: at most one look per character of the output.
    from toolkit.translation import shield as shield_module

    counting = _CountingPattern(shield_module._LETTER)
    monkeypatch.setattr(shield_module, "_LETTER", counting)
    words = [f"{'a' * 900}Zqxb" if i % 2 else f"Artsakh {'b' * 900}" for i in range(60)]
    text = " ".join(words) + " https://gouv.am/a."
    found = spans.find(text)
    sent = shield_module.shield(text, found)
    head, tail = sent.text.rsplit(" ", 1)
    output = head + tail  # the engine glued a long word to the URL's placeholder
    restored, check = shield_module.unshield(sent, output)
    assert restored.endswith(" https://gouv.am/a.")
    assert check.problems == ()
    assert counting.calls <= len(output)


@pytest.mark.parametrize("target", ["es", "en"])
def test_addresses_without_a_scheme_and_file_names_are_kept(target: str) -> None:
    # The names of the glossary inside them are not rewritten (Latchine → Lachin), nor their
    # words translated; a forgotten space or an abbreviation is still prose.
    text = (
        "Voir latchine.am/fr/le-ministre et presse.latchine.am. Le rapport.pdf est joint, "
        "etc.Il a parlé à M.Dupont de Latchine.\n"
    )
    result = run_toolkit("translate", "--to", target, "--check", input=text)
    assert result.returncode == 0, result.stderr
    for kept in ("latchine.am/fr/le-ministre", "presse.latchine.am.", "rapport.pdf"):
        assert kept in result.stdout
    assert "lachin.am" not in result.stdout and "Lachin." in result.stdout
    assert "protected url: source 2, target 2, ok" in result.stderr


def test_prose_between_angle_brackets_is_translated() -> None:
    text = "Si a<b et b>c alors <le plus bas> gagne, dit le <b>ministre</b>.\n"
    result = run_toolkit("translate", "--to", "es", "--check", input=text)
    assert result.returncode == 0, result.stderr
    assert "más" in result.stdout and "plus" not in result.stdout
    assert "<b>ministro</b>" in result.stdout
    assert "protected markup: source 2, target 2, ok" in result.stderr

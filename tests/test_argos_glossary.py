"""Names through the argos engine: placeholders survive the neural path, names come back in form.

The test packages copy their input, so a perfect result is known: the source with each name in
its glossary form for the target language, and nothing else changed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.argos_copy import PackageSpec, argos_environment, build_package
from tests.conftest import RELEASE, run_toolkit
from toolkit.engines.argos.engine import ArgosEngine
from toolkit.engines.base import find_routes
from toolkit.glossary import active as glossary
from toolkit.glossary.enforce import DEFAULT_STYLE
from toolkit.text.document import segment
from toolkit.translation import protection
from toolkit.translation.translate import translate_documents

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = ROOT / "tests" / "data" / "glossary-sentences-fr.txt"
GLOSSARY = glossary.load_active([])
PLACEHOLDER = re.compile("|".join(DEFAULT_STYLE.stems), re.IGNORECASE)


@pytest.fixture(scope="module")
def engine(argos_archives, tmp_path_factory):
    """An argos engine whose packages are fr→en, en→de (with a prefix) and fr→ru."""
    build = next(iter(argos_archives.values())).parent
    fr_ru = build_package(
        tmp_path_factory.mktemp("fr-ru") / "fr_ru.argosmodel",
        build / "sentencepiece.model",
        PackageSpec("fr", "ru"),
    )
    env = argos_environment(tmp_path_factory.mktemp("argos-glossary"))
    archives = [*map(str, argos_archives.values()), str(fr_ru)]
    result = run_toolkit("models", "install", *archives, env=env)
    assert result.returncode == 0, result.stderr
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        engine = ArgosEngine(threads=1)
        assert engine.unavailable_reason() is None
        yield engine


def documents() -> list:
    return [(str(p), segment(p.read_text(encoding="utf-8"))) for p in (SENTENCES, RELEASE)]


@pytest.mark.parametrize(
    "languages", [("fr", "en"), ("fr", "ru"), ("fr", "en", "de")], ids="-".join
)
def test_names_come_out_in_glossary_form_and_nothing_else_changes(engine, languages):
    [route] = [
        r
        for r in find_routes("argos", engine.hops(), "fr", languages[-1])
        if r.languages == list(languages)
    ]
    docs = documents()
    translation = translate_documents(docs, engine, route, GLOSSARY, target_typography=False)
    sources = [p.text for _, doc in docs for p in doc.paragraphs]
    translated = [p for t in translation.documents for p in segment(t.text).paragraphs]
    assert len(translated) == len(sources) > 60
    assert translation.missing_terms == 0
    assert sum(count.source for check in translation.terms for count in check.counts) > 80
    for source, output in zip(sources, translated, strict=True):
        # What a perfect copy gives: the source, each name in its target-language form.
        sent = protection.outbound(source, GLOSSARY)
        expected = protection.inbound(sent, sent.text, GLOSSARY, route, None, False).text
        assert output.text == expected
        assert not PLACEHOLDER.search(output.text)


def test_russian_forms_capitals_and_elisions(engine):
    [route] = find_routes("argos", engine.hops(), "fr", "ru")
    text = (
        "Le peuple d’Artsakh et l’Artsakh. STEPANAKERT, 25 MAI. "
        "Le corridor de Lachin relie Stépanakert à l’Arménie ; ARTSAKHPRESS le confirme.\n"
    )
    translation = translate_documents([("-", segment(text))], engine, route, GLOSSARY)
    assert translation.documents[0].text == (
        "Le peuple d’Арцах et l’Арцах. СТЕПАНАКЕРТ, 25 MAI. "
        "Le corridor de Лачин relie Степанакерт à l’Arménie; ARTSAKHPRESS le confirme.\n"
    )

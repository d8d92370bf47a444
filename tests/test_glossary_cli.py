"""The glossary from the command line: translate options, QA report, glossary show and check."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from toolkit.errors import ToolkitError
from toolkit.glossary import active
from toolkit.glossary.enforce import protect, restore
from toolkit.output.qa_report import plain
from toolkit.translation.numbers import missing_numbers
from toolkit.translation.qa import enforce_strict, report

ROOT = Path(__file__).resolve().parent.parent


def test_check_prints_the_qa_report_on_stderr(toolkit, release_text: str) -> None:
    result = toolkit("translate", "--to", "es", "--check", input=release_text)
    assert result.returncode == 0, result.stderr
    assert "QA fr→es: term Artsakh (Artsakh): source 11, target 11, ok" in result.stderr
    assert "QA fr→es: term Lachin (Lachin): source 1, target 1, ok" in result.stderr
    assert "words unknown to the engine" in result.stderr
    assert "QA" not in result.stdout and "\x1b[" not in result.stderr


def test_check_goes_inside_the_json(toolkit, release_text: str) -> None:
    result = toolkit(
        "translate", "--to", "es,en", "--check", "--format", "json", input=release_text
    )
    assert result.returncode == 0, result.stderr
    assert "QA" not in result.stderr
    for translation in json.loads(result.stdout)["translations"]:
        qa = translation["qa"]
        assert qa["terms_ok"] and not qa["missing_terms"] and not qa["missing_numbers"]
        assert {t["term"]: (t["source"], t["target"]) for t in qa["terms"]} == {
            "Artsakh": (11, 11),
            "Stepanakert": (1, 1),
            "Lachin": (1, 1),
        }
        assert qa["unknown_share"] < 0.2
        # The people's names of the release, which no route knows, are kept as written.
        assert {"Sergey", "Ghazaryan"} <= {w for item in qa["kept_names"] for w in item["words"]}


def test_strict_passes_when_every_name_is_there(toolkit, release_text: str) -> None:
    result = toolkit("translate", "--to", "eo", "--strict", input=release_text)
    assert result.returncode == 0, result.stderr
    assert "STEPANAKERT" in result.stdout


def test_strict_refuses_a_translation_that_lost_a_name(release_text: str) -> None:
    from toolkit.engines.base import Hop, Route
    from toolkit.text.document import segment
    from toolkit.translation.translate import DocumentTranslation, Translation

    source = "Le corridor de Lachin relie l’Arménie à l’Artsakh depuis 1994."
    default = active.default()
    protected = protect(source, default)
    # What an engine that dropped the second name would give.
    text, check = restore(protected, "El corredor de Zqxb une Armenia desde", default, "es", "fr")
    translation = Translation(
        "fr",
        "es",
        Route("x", (Hop("fr", "es", "x"),)),
        [DocumentTranslation("in.txt", text, 1)],
        6,
        0,
        0.0,
        (check,),
        missing_numbers([source], [text]),
    )
    qa = report(translation)
    data = qa.to_data()
    assert data["missing_terms"] == [
        {"document": "in.txt", "paragraph": 1, "term": "Artsakh", "source": 1, "target": 0}
    ]
    assert data["problems"][0]["kind"] == "lost"
    assert data["missing_numbers"] == [
        {"document": "in.txt", "paragraph": 1, "number": "1994", "context": "1994"}
    ]
    assert "in.txt ¶1: Artsakh missing (1 in the source, 0 in the translation)" in plain(qa)
    try:
        enforce_strict([qa])
    except ToolkitError as err:
        assert err.exit_code == 1 and "first Artsakh in in.txt ¶1" in str(err)
    else:
        raise AssertionError("--strict let a missing name through")
    assert len(segment(text).paragraphs) == 1


def test_numbers_and_dates_missing_from_the_target() -> None:
    source = ["Le 9 novembre 2020, 1 000 soldats et 3,5 tonnes.", "Rien."]
    assert (
        missing_numbers(source, ["On 9 November 2020, 1,000 soldiers and 3.5 tons.", "Nothing."])
        == ()
    )
    lost = missing_numbers(source, ["On November, 1000 soldiers and 3.5 tons.", "Nothing."])
    assert [(m.number, m.context) for m in lost] == [
        ("9", "9 novembre 2020"),
        ("2020", "9 novembre 2020"),
    ]


def test_no_glossary_and_user_glossaries(toolkit, tmp_path: Path) -> None:
    text = "Le corridor de Latchine et STEPANAKERT."
    with_default = toolkit("translate", "--to", "es", input=text)
    assert with_default.stdout.strip() == "El corredor de Lachin y STEPANAKERT."
    without = toolkit("translate", "--to", "es", "--no-glossary", input=text)
    assert "Latchine" in without.stdout
    first = tmp_path / "a.csv"
    first.write_text("fr,es\nLachin,Lachín\nStepanakert,Stepanakert\n", encoding="utf-8")
    second = tmp_path / "b.tsv"
    second.write_text("fr\tes\nStepanakert\tEstepanakert\n", encoding="utf-8")
    mine = toolkit(
        "translate", "--to", "es", "-g", str(first), "--glossary", str(second), input=text
    )
    assert mine.returncode == 0, mine.stderr
    assert mine.stdout.strip() == "El corredor de Lachín y ESTEPANAKERT."


def test_a_bad_glossary_stops_before_any_translation(toolkit, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[term]]\nname = "Artsakh"\n\n[[term]]\nname = "artsakh"\n', encoding="utf-8")
    out = tmp_path / "out.txt"
    result = toolkit("translate", "--to", "es", "-g", str(bad), "-o", str(out), input="Artsakh.")
    assert result.returncode == 2
    assert (
        result.stderr
        == f"toolkit: error: {bad}:4: duplicate term 'artsakh' (also on line 1); keep one entry\n"
    )
    assert result.stdout == "" and not out.exists()


def test_glossary_show_as_tsv_json_and_for_some_languages(toolkit, tmp_path: Path) -> None:
    tsv = toolkit("glossary", "show", "--lang", "ru,hy")
    assert tsv.returncode == 0, tsv.stderr
    assert tsv.stdout.splitlines() == [
        "fr\tru\thy",
        "Artsakh\tАрцах\tԱրցախ",
        "Stepanakert\tСтепанакерт\tՍտեփանակերտ",
        "Lachin\tЛачин\tԼաչին",
    ]
    saved = tmp_path / "saved.tsv"
    saved.write_text(tsv.stdout, encoding="utf-8")
    assert (
        toolkit("glossary", "check", str(saved)).stdout
        == f"{saved}: ok, 3 terms matched in fr, forms for hy ru\n"
    )
    data = json.loads(toolkit("glossary", "show", "--json").stdout)
    assert [t["name"] for t in data["terms"]] == ["Artsakh", "Stepanakert", "Lachin"]
    assert data["terms"][0]["forms"]["el"] == "Αρτσάχ"
    assert toolkit("glossary", "show", "--lang", "xx").returncode == 2


def test_glossary_check_reports_each_bad_file(toolkit, tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("fr,ru\nChouchi,Шуши\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("fr,ru\nChouchi,Шуши\n,Степанакерт\n", encoding="utf-8")
    worse = tmp_path / "worse.csv"
    worse.write_text("fr,klingon\nA,B\n", encoding="utf-8")
    result = toolkit("glossary", "check", str(good), str(bad), str(worse))
    assert result.returncode == 2
    assert result.stdout == f"{good}: ok, 1 term matched in fr, forms for ru\n"
    assert result.stderr.splitlines() == [
        f"toolkit: error: {bad}:3: empty term in the fr column; fill it or delete the row",
        f"toolkit: error: {worse}:1: unknown language code 'klingon' in the header; name each column with an ISO 639 code such as fr, en, ru",
    ]


def test_the_installed_command_finds_the_default_glossary_from_any_folder(tmp_path: Path) -> None:
    toolkit = Path(sys.executable).parent / "toolkit"
    command = [str(toolkit)] if toolkit.exists() else [sys.executable, "-m", "toolkit"]
    result = subprocess.run(
        [*command, "glossary", "show", "--lang", "ru"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Artsakh\tАрцах" in result.stdout


def test_a_built_package_carries_the_default_glossary(tmp_path: Path) -> None:
    """setuptools copies glossaries/default.toml into the package it builds, as toolkit/glossaries."""
    build = tmp_path / "lib"
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from setuptools import setup; setup()",
            "-q",
            "build_py",
            "--build-lib",
            str(build),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert (
        build / "toolkit" / "glossaries" / "default.toml"
    ).read_bytes() == active.default_path().read_bytes()
    code = "from toolkit.glossary import active; print(active.default_path()); print(len(active.default().terms))"
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(build)!r}); {code}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        str(build / "toolkit" / "glossaries" / "default.toml"),
        "3",
    ]


def test_the_rich_report_for_a_terminal(release_text: str) -> None:
    from rich.console import Console

    from toolkit.engines.apertium.engine import ApertiumEngine
    from toolkit.engines.base import find_routes
    from toolkit.output.qa_report import print_report
    from toolkit.text.document import segment
    from toolkit.translation.translate import translate_documents

    engine = ApertiumEngine()
    (route,) = find_routes("apertium", engine.hops(), "fr", "ca")
    translation = translate_documents(
        [("release", segment(release_text))], engine, route, active.default()
    )
    console = Console(force_terminal=True, width=100, record=True, color_system=None)
    print_report(console, report(translation))
    text = console.export_text()
    assert "glossary terms" in text and "Artsakh" in text and "11" in text and "ok" in text

"""Routes chosen by measured quality, `--via`, `toolkit engines`' order, and the unknown-words list,
on the real Apertium pairs."""

from __future__ import annotations

import json

import pytest

from tests.corpus_helpers import read_lines, write_jsonl
from toolkit.engines import quality, routing
from toolkit.engines.apertium.engine import ApertiumEngine

ENGINE = ApertiumEngine()
TEXT = (
    "Le ministre des affaires étrangères a envoyé des lettres officielles aux ambassadeurs.\n\n"
    "Les négociations reprendront avant la fin de l'année.\n"
)
# Words no dictionary knows, in the second and third paragraphs; Stepanakert is a glossary name.
UNKNOWN_TEXT = (
    "Le ministre est arrivé à Stepanakert.\n\n"
    "Le blorfex de la région a été fermé par le blorfex voisin.\n\n"
    "La délégation a visité Zumbrakistan et Stepanakert.\n"
)


def route_languages(result) -> list[list[str]]:
    return [t["route"]["languages"] for t in json.loads(result.stdout)["translations"]]


def test_routes_are_ranked_by_their_measured_score() -> None:
    for target in ("en", "es", "it", "pt"):
        routes = routing.routes(ENGINE, "fr", target)
        scores = [quality.score(route) for route in routes]
        measured = [score for score in scores if score is not None]
        assert measured, f"no measured route to {target}: rerun the quality benchmark"
        assert measured == sorted(measured, reverse=True)
        assert scores[: len(measured)] == measured  # measured routes come before the others


def test_routes_of_two_hops_are_compared_not_only_the_shortest() -> None:
    spanish = ["→".join(route.languages) for route in routing.routes(ENGINE, "fr", "es")]
    assert {"fr→es", "fr→ca→es"} <= set(spanish)
    assert all(len(route.hops) <= routing.MAX_HOPS for route in routing.routes(ENGINE, "fr", "en"))


@pytest.mark.parametrize(
    ("target", "languages"),
    [
        ("en", ["fr", "es", "en"]),  # not fr→ca→en, which leaves fewer unknown words
        ("es", ["fr", "ca", "es"]),  # not the direct pair
        ("it", ["fr", "ca", "it"]),
        ("ca", ["fr", "ca"]),  # not measured: the shortest route
    ],
)
def test_the_route_taken_is_the_best_measured(toolkit, target, languages) -> None:
    result = toolkit("translate", "--to", target, "--format", "json", input=TEXT)
    assert result.returncode == 0, result.stderr
    assert route_languages(result) == [languages]
    plain = toolkit("translate", "--to", target, input=TEXT)
    assert f"via apertium {'→'.join(languages)} " in plain.stderr


def test_the_route_does_not_depend_on_the_text(toolkit, release_text) -> None:
    routes = [
        route_languages(toolkit("translate", "--to", "en,it", "--format", "json", input=text))
        for text in (TEXT, UNKNOWN_TEXT, release_text)
    ]
    assert routes[0] == routes[1] == routes[2]


def test_same_input_same_route_and_output(toolkit, release_text) -> None:
    first = toolkit("translate", "--to", "en,es", "--format", "json", input=release_text)
    second = toolkit("translate", "--to", "en,es", "--format", "json", input=release_text)
    assert first.returncode == 0, first.stderr

    def strip_times(result):
        data = json.loads(result.stdout)
        for translation in data["translations"]:
            translation.pop("seconds", None)
        return data

    assert strip_times(first) == strip_times(second)


@pytest.mark.parametrize(
    ("via", "target", "languages"),
    [("ca", "en", ["fr", "ca", "en"]), ("eo", "en", ["fr", "eo", "en"]), ("-", "es", ["fr", "es"])],
)
def test_via_pins_the_pivot(toolkit, via, target, languages) -> None:
    result = toolkit("translate", "--to", target, "--via", via, "--format", "json", input=TEXT)
    assert result.returncode == 0, result.stderr
    assert route_languages(result) == [languages]


def test_via_applies_to_every_target(toolkit) -> None:
    result = toolkit("translate", "--to", "en,es", "--via", "ca", "--format", "json", input=TEXT)
    assert result.returncode == 0, result.stderr
    assert route_languages(result) == [["fr", "ca", "en"], ["fr", "ca", "es"]]


@pytest.mark.parametrize(
    ("target", "via", "message"),
    [
        ("en", "it", "--via it: no route through it from fr to en; the routes are: "),
        ("en", "-", "--via -: no direct pair from fr to en; the routes are: "),
        ("ca", "ca", "--via ca: no route through ca from fr to ca"),
    ],
)
def test_via_without_such_a_route_is_refused_with_the_routes(
    toolkit, tmp_path, target, via, message
) -> None:
    out = tmp_path / "out.txt"
    result = toolkit("translate", "--to", target, "--via", via, "-o", str(out), input=TEXT)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    if target == "en":
        for route in ("fr→es→en (--via es)", "fr→ca→en (--via ca)", "fr→eo→en (--via eo)"):
            assert route in result.stderr
    assert not out.exists()


def test_via_an_unknown_language_is_a_usage_error(toolkit) -> None:
    result = toolkit("translate", "--to", "en", "--via", "qq", input=TEXT)
    assert result.returncode == 2
    assert "pivot language" in result.stderr and "Traceback" not in result.stderr


def test_corpus_translate_takes_via_and_refuses_it_before_writing(tmp_path, toolkit) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [{"id": "a", "text": TEXT}])
    refused = toolkit(
        "corpus", "translate", str(corpus), "--to", "en", "--via", "it", "-o", str(tmp_path / "no")
    )
    assert refused.returncode == 2 and "the routes are" in refused.stderr
    assert not (tmp_path / "no").exists()
    out = tmp_path / "out"
    result = toolkit(
        "corpus", "translate", str(corpus), "--to", "en", "--via", "ca", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    [line] = read_lines(out / "en.jsonl")
    assert line["route"]["languages"] == ["fr", "ca", "en"]


def test_engines_lists_routes_in_preference_order_with_scores(toolkit) -> None:
    result = toolkit("engines", "--json")
    assert result.returncode == 0, result.stderr
    apertium = next(e for e in json.loads(result.stdout)["engines"] if e["engine"] == "apertium")
    english = apertium["routes"]["en"]
    assert english[0].startswith("apertium fr→es→en ")
    scores = apertium["chrf"]["en"]
    assert len(scores) == len(english) and scores == sorted(scores, reverse=True)
    assert apertium["chrf"]["ca"][0] is None  # no Catalan reference to measure against
    table = toolkit("engines")
    assert "chrF++" in table.stdout and f"{scores[0]:.1f}" in table.stdout


def test_check_lists_unknown_words_with_their_paragraph(toolkit) -> None:
    result = toolkit("translate", "--to", "es", "--check", "--format", "json", input=UNKNOWN_TEXT)
    assert result.returncode == 0, result.stderr
    qa = json.loads(result.stdout)["translations"][0]["qa"]
    assert qa["unknown"] == [{"document": "<stdin>", "paragraph": 2, "words": ["blorfex"]}]
    # A name no route knows is kept as written: listed apart, not counted unknown.
    assert qa["kept_names"] == [{"document": "<stdin>", "paragraph": 3, "words": ["Zumbrakistan"]}]
    assert qa["unknown_words"] == 2  # blorfex twice; the glossary's placeholders never count
    plain = toolkit("translate", "--to", "es", "--check", input=UNKNOWN_TEXT)
    assert "<stdin> ¶2: unknown to the engine: blorfex\n" in plain.stderr
    assert (
        "<stdin> ¶3: names and acronyms no route knows, kept as written: Zumbrakistan\n"
        in plain.stderr
    )


def test_check_counts_a_word_once_across_the_hops_of_a_pivot(toolkit) -> None:
    result = toolkit("translate", "--to", "en", "--check", "--format", "json", input=UNKNOWN_TEXT)
    qa = json.loads(result.stdout)["translations"][0]["qa"]
    assert [item["paragraph"] for item in qa["unknown"]] == [2]
    assert qa["unknown"][0]["words"] == ["blorfex"]
    assert [item["paragraph"] for item in qa["kept_names"]] == [3]
    assert qa["unknown_words"] == 2


def test_unknown_words_are_numbered_across_files(toolkit, tmp_path) -> None:
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text("Bonjour à tous.\n", encoding="utf-8")
    second.write_text("Premier paragraphe.\n\nLe blorfex est là.\n", encoding="utf-8")
    result = toolkit(
        "translate", str(first), str(second), "--to", "es", "--check", "--format", "json"
    )
    qa = json.loads(result.stdout)["translations"][0]["qa"]
    assert qa["unknown"] == [{"document": str(second), "paragraph": 2, "words": ["blorfex"]}]

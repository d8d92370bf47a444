"""The check of --from: French that quotes English, repeats itself, opens on datelines in capitals or
lists names is translated (a warning for each foreign-looking paragraph); a text mostly in another
language is refused unless --force; translate, summarize and both corpus modes follow one rule."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_toolkit
from tests.corpus_helpers import read_lines, write_jsonl
from toolkit.text.document import segment
from toolkit.text.language_check import check_language

ENGLISH = (
    "The international community must act now to end the blockade of the only road linking the "
    "region to the outside world. We call on all parties to respect their commitments and to "
    "allow humanitarian aid to reach the people who need it most, without delay and without "
    "conditions. The minister said that the letter would be sent to every member of the council "
    "before the end of the week."
)
NAMES = (
    "Ont signé : Anna Hakobyan, Davit Babayan, Arayik Harutyunyan, Ruben Vardanyan, Gurgen "
    "Nersisyan, Samvel Shahramanyan, Artur Tovmasyan, Masis Mayilyan, Karen Mirzoyan, Levon "
    "Mnatsakanyan, Sergey Ghazaryan, Arman Tatoyan, Gegham Stepanyan, Siranush Sargsyan, Tatevik "
    "Hayrapetyan et Lilit Makunts.\n"
)
DATELINES = "\n\n".join(
    f"STEPANAKERT, {day} MARS 2024 (AFP) – COMMUNIQUÉ DE PRESSE N° {day}" for day in range(1, 13)
)
REPEATED = ("le ministre a parlé " * 200).strip() + ".\n"
TRANSLATE = ("translate", "--engine", "apertium", "--from", "fr", "--to", "es")


def french_with_english(release_text: str) -> str:
    """A French paragraph of the release, then a longer one in English: more French than English."""
    first = segment(release_text).paragraphs[0].text
    return f"{first}\n\n{' '.join(ENGLISH.split()[:80])}\n"


def test_french_quoting_a_paragraph_of_english_is_translated_with_a_warning(
    release_text: str,
) -> None:
    result = run_toolkit(*TRANSLATE, "--check", input=french_with_english(release_text))
    assert result.returncode == 0, result.stderr
    assert "warning: <stdin> ¶2 looks like English (en), not French (fr): taken as French" in (
        result.stderr
    )
    assert "QA fr→es: <stdin> ¶2: looks like English (en), translated as fr" in result.stderr
    assert len(result.stdout.strip().split("\n\n")) == 2


@pytest.mark.parametrize(
    "text", [REPEATED, DATELINES, NAMES], ids=["repeated phrase", "datelines", "names"]
)
def test_french_that_fooled_the_check_is_translated(text: str) -> None:
    result = run_toolkit(*TRANSLATE, input=text)
    assert result.returncode == 0, result.stderr
    assert "looks like" not in result.stderr


def test_a_megabyte_line_of_one_french_phrase_is_french() -> None:
    text = ("le ministre a parlé " * 52_000).strip() + "."
    assert check_language([text], "fr").looks_like is None


def test_english_given_as_french_is_refused_and_translated_with_force() -> None:
    text = f"{ENGLISH}\n\n{ENGLISH}\n"
    refused = run_toolkit(*TRANSLATE, input=text)
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert refused.stderr == (
        "toolkit: error: the input looks like English (en), not French (fr); give --from en, "
        "or --force to translate it as French\n"
    )
    forced = run_toolkit(*TRANSLATE, "--force", "--format", "json", "--check", input=text)
    assert forced.returncode == 0, forced.stderr
    report = json.loads(forced.stdout)["translations"][0]["qa"]
    assert [(p["paragraph"], p["language"]) for p in report["foreign_paragraphs"]] == [
        (1, "en"),
        (2, "en"),
    ]


def test_summarize_follows_the_same_rule(release_text: str) -> None:
    summarize = ("summarize", "--from", "fr", "-n", "1")
    refused = run_toolkit(*summarize, input=f"{ENGLISH}\n\n{ENGLISH}\n")
    assert refused.returncode == 1
    assert "give --from en, or --force to summarize it as French" in refused.stderr
    forced = run_toolkit(*summarize, "--force", input=f"{ENGLISH}\n\n{ENGLISH}\n")
    assert forced.returncode == 0, forced.stderr
    mixed = run_toolkit(*summarize, input=french_with_english(release_text))
    assert mixed.returncode == 0, mixed.stderr
    assert "<stdin>: ¶2 looks like English (en), not French (fr): taken as French" in mixed.stderr
    assert run_toolkit(*summarize, input=REPEATED).returncode == 0


def corpus(tmp_path, release_text: str):
    return write_jsonl(
        tmp_path / "corpus.jsonl",
        [
            {"id": "mixed", "text": french_with_english(release_text)},
            {"id": "repeated", "text": REPEATED},
            {"id": "english", "text": f"{ENGLISH}\n\n{ENGLISH}\n"},
        ],
    )


def test_corpus_translate_refuses_a_document_mostly_in_another_language(
    tmp_path, release_text: str
) -> None:
    source = corpus(tmp_path, release_text)
    out = tmp_path / "out"
    result = run_toolkit(
        "corpus", "translate", str(source), "--to", "es", "--engine", "apertium", "-o", str(out)
    )
    assert result.returncode == 1
    lines = {line["id"]: line for line in read_lines(out / "es.jsonl")}
    assert lines["english"]["error"] == (
        "the input looks like English (en), not French (fr); give --from en, or --force to "
        "translate it as French"
    )
    assert lines["repeated"]["error"] is None
    assert lines["mixed"]["error"] is None
    assert lines["mixed"]["qa"]["foreign_paragraphs"] == [
        {"paragraph": 2, "last": 2, "language": "en"}
    ]
    forced = tmp_path / "forced"
    result = run_toolkit(
        "corpus", "translate", str(source), "--to", "es", "--engine", "apertium",
        "-o", str(forced), "--force",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert all(line["error"] is None for line in read_lines(forced / "es.jsonl"))


def test_corpus_summarize_follows_the_same_rule(tmp_path, release_text: str) -> None:
    source = corpus(tmp_path, release_text)
    out = tmp_path / "out"
    result = run_toolkit("corpus", "summarize", str(source), "--from", "fr", "-o", str(out))
    assert result.returncode == 1
    lines = {line["id"]: line for line in read_lines(out / "summaries.jsonl")}
    assert "give --from en, or --force to summarize it as French" in lines["english"]["error"]
    assert lines["repeated"]["error"] is None
    assert (
        "¶2 looks like English (en), not French (fr): taken as French" in (lines["mixed"]["notes"])
    )
    forced = tmp_path / "forced"
    result = run_toolkit(
        "corpus", "summarize", str(source), "--from", "fr", "-o", str(forced), "--force"
    )
    assert result.returncode == 0, result.stderr

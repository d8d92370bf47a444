"""Each input's translation, and its findings, are those it gets alone, whatever the inputs
translated with it: several files in one `toolkit translate`, several documents in one
`corpus translate` unit. Real Apertium throughout: its rescue of unknown words (a name is looked
up only along with other words of its own input) and its names kept as written are decided per
input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_toolkit
from tests.corpus_helpers import output_files, write_jsonl

pytestmark = pytest.mark.skipif(
    shutil.which("apertium") is None, reason="apertium is not installed"
)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "release-fr.txt"
TEXTS = {
    # A name alone unknown to the route: another route knows it, but it is not looked up alone.
    "short": "Le ministre est parti en Arménie hier.\n",
    # A common word no route knows, which is looked up, and a name at a sentence start.
    "common": "Kerbravec est parti. Les militants dénoncent les mégabassines.\n",
    # The same name inside a sentence: a name kept as written in this input only.
    "named": "Le ministre Kerbravec est parti hier.\n",
    "release": EXAMPLE.read_text(encoding="utf-8"),
}
TARGETS = "en,es"


def _by_input(result: dict[str, Any]) -> dict[tuple[str, str], Any]:
    """(target, input name) → its text and every QA finding placed in it."""
    found: dict[tuple[str, str], Any] = {}
    for translation in result["translations"]:
        qa = translation["qa"]
        for document in translation["documents"]:
            name = document["name"]
            findings = {
                key: [i for i in items if isinstance(i, dict) and i.get("document") == name]
                for key, items in qa.items()
                if isinstance(items, list)
            }
            found[translation["target"], Path(name).stem] = (document["text"], findings)
    return found


def _translated(*paths: Path) -> dict[tuple[str, str], Any]:
    result = run_toolkit(
        "translate", *map(str, paths), "--from", "fr", "--to", TARGETS,
        "--engine", "apertium", "--check", "--format", "json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return _by_input(json.loads(result.stdout))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("inputs")
    paths = {}
    for name, text in TEXTS.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


@pytest.fixture(scope="module")
def alone(files: dict[str, Path]) -> dict[tuple[str, str], Any]:
    found: dict[tuple[str, str], Any] = {}
    for path in files.values():
        found |= _translated(path)
    return found


def test_a_name_alone_is_kept_as_written(alone: dict[tuple[str, str], Any]) -> None:
    """The case that showed the fault: alone, the short sentence's name is not looked up (with
    the release beside it, it was, and came out translated)."""
    text, findings = alone["en", "short"]
    assert "Arménie" in text
    assert [item["words"] for item in findings["kept_names"]] == [["Arménie"]]


@pytest.mark.parametrize(
    "together",
    [("short", "common"), ("release", "short"), ("common", "named", "release", "short")],
)
def test_each_file_translates_as_it_does_alone(
    files: dict[str, Path], alone: dict[tuple[str, str], Any], together: tuple[str, ...]
) -> None:
    found = _translated(*(files[name] for name in together))
    for target in TARGETS.split(","):
        for name in together:
            assert found[target, name] == alone[target, name], (target, name)


def test_each_corpus_document_translates_as_it_does_alone(tmp_path: Path) -> None:
    """One unit of every document gives each the line that a unit of its own gives it."""
    corpus = write_jsonl(
        tmp_path / "corpus.jsonl", [{"id": name, "text": text} for name, text in TEXTS.items()]
    )
    lines = {}
    for batch in ("1", str(len(TEXTS))):
        out = tmp_path / f"out-{batch}"
        result = run_toolkit(
            "corpus", "translate", str(corpus), "--from", "fr", "--to", TARGETS,
            "--engine", "apertium", "-o", str(out), "--batch", batch,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        lines[batch] = output_files(out)
    assert lines["1"] == lines[str(len(TEXTS))]
    assert set(lines["1"]) == {f"{target}.jsonl" for target in TARGETS.split(",")}

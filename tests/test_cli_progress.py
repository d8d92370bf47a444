"""Progress on long work: a bar with the rate and the time left on stderr, when the input is large
and stderr is a terminal; nothing of it in pipes or for small inputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.terminal import run_in_terminal
from toolkit.output.progress import LARGE_INPUT_BYTES


def large_text(release_text: str, size: int) -> str:
    paragraphs = release_text.strip() + "\n\n"
    return paragraphs * (size // len(paragraphs.encode("utf-8")) + 1)


@pytest.fixture(scope="module")
def large_file(tmp_path_factory, release_text: str) -> Path:
    """Over a megabyte: read in two blocks, so that the bar moves before the end."""
    path = tmp_path_factory.mktemp("large") / "large.txt"
    path.write_text(large_text(release_text, 1_300_000), encoding="utf-8")
    return path


def test_summarize_shows_a_bar_on_a_terminal(toolkit, large_file: Path) -> None:
    screen, stdout = run_in_terminal(
        "summarize", str(large_file), "-a", "lead", stdout_to_pipe=True
    )
    assert screen.returncode == 0
    assert "summarizing" in screen.text and "1.3/1.3 MB" in screen.text
    assert "MB/s, ETA 0:00:0" in screen.text  # the rate, and the time left at that rate
    piped = toolkit("summarize", str(large_file), "-a", "lead")
    assert stdout == piped.stdout
    assert "ETA" not in piped.stderr and "\x1b" not in piped.stderr


# The bars below translate on the direct fr→es pair: one Apertium program chain, as into ca, but
# without fra-cat's constraint grammar, which takes twice as long and holds its output back (the
# bars showed half as many steps).


def translate_into_es(source: Path) -> tuple[str, ...]:
    return ("translate", str(source), "--to", "es", "--via", "-", "--engine", "apertium")


def test_translate_shows_a_bar_on_a_terminal(tmp_path, release_text: str) -> None:
    source = tmp_path / "large.txt"
    text = large_text(release_text, LARGE_INPUT_BYTES)
    source.write_text(text, encoding="utf-8")
    screen, stdout = run_in_terminal(*translate_into_es(source), stdout_to_pipe=True)
    assert screen.returncode == 0
    assert "translating into es" in screen.text and "kB" in screen.text and "ETA" in screen.text
    assert stdout.count("\n\n") == text.count("\n\n")  # the layout of the input, kept
    assert "\x1b" not in stdout


def shown_counts(screen: str, pattern: str) -> set[float]:
    """Every count a bar showed, as `pattern` (one group: the count) finds them."""
    return {float(found) for found in re.findall(pattern, screen)}


def test_the_translate_bar_moves_within_a_batch(tmp_path, release_text: str) -> None:
    """300 kB is one batch, one engine call: the bar follows the engine's output through it,
    not standing at 0 until the call ends."""
    source = tmp_path / "large.txt"
    text = large_text(release_text, 300_000)
    source.write_text(text, encoding="utf-8")
    total = len(text.encode("utf-8")) / 1000
    screen, stdout = run_in_terminal(*translate_into_es(source), stdout_to_pipe=True)
    assert screen.returncode == 0
    counts = shown_counts(screen.text, rf"(\d+\.\d)/{total:.1f} kB")
    assert len({count for count in counts if 0 < count < round(total, 1)}) >= 2, counts
    assert stdout.count("\n\n") == text.count("\n\n")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_corpus_bar_moves_before_a_unit_is_written(
    tmp_path, release_text: str, workers: str
) -> None:
    """One unit of 32 documents: the bar counts documents as the engine works through them,
    in this process or in a worker's, not 0 until the unit's lines are written."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": f"release-{i}", "text": release_text}, ensure_ascii=False) + "\n"
            for i in range(32)
        ),
        encoding="utf-8",
    )
    screen, _ = run_in_terminal(
        "corpus", "translate", str(corpus), "--to", "es", "--via", "-",
        "-o", str(tmp_path / "out"), "--engine", "apertium", "--batch", "32", "--workers", workers,
    )  # fmt: skip
    assert screen.returncode == 0, screen.text
    counts = shown_counts(screen.text, r"\b(\d+)/32\b")
    assert 32 in counts and any(0 < count < 32 for count in counts), counts


def test_no_bar_for_a_small_input_or_under_quiet(large_file: Path) -> None:
    small, _ = run_in_terminal("translate", "examples/release-fr.txt", "--to", "ca")
    assert small.returncode == 0 and "ETA" not in small.text
    quiet, _ = run_in_terminal("summarize", str(large_file), "-a", "lead", "-q")
    assert quiet.returncode == 0 and "ETA" not in quiet.text

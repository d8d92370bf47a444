"""Scores that cannot tell sentences apart are reported as such: on stderr, in the JSON, on the
terminal, never as ranks that pretend otherwise."""

from __future__ import annotations

import json

from rich.console import Console

from tests.conftest import run_toolkit
from toolkit.output import summaries, summary_panel
from toolkit.summary.summarize import Options, summarize_text


def test_lexrank_ties_on_the_release_are_reported(release_text: str) -> None:
    # No pair of the release's sentences passes LexRank's 0.1 threshold: all score 1/3.
    result = run_toolkit("summarize", "-a", "lexrank", "--format", "json", input=release_text)
    assert result.returncode == 0, result.stderr
    [summary] = json.loads(result.stdout)["summaries"]
    assert summary["ties"] is True
    assert summary["tie_break"] == "document order"
    assert [s["index"] for s in summary["summary"]] == [0, 1, 2]
    assert "cannot tell the sentences apart (all 9 score 0.3333)" in result.stderr


def test_the_default_tells_the_release_apart(release_text: str) -> None:
    result = run_toolkit("summarize", "--format", "json", input=release_text)
    [summary] = json.loads(result.stdout)["summaries"]
    assert summary["ties"] is False and summary["tie_break"] is None
    assert "cannot tell" not in result.stderr


def test_a_tie_at_the_cut_off_is_reported_but_not_one_above_it() -> None:
    # Two copies of a sentence: equal scores, whatever else the text holds.
    text = (
        "Le port rouvre lundi. Les dockers reprennent le travail au port. Le port attend des "
        "navires. Le port attend des navires. Les dockers votent la reprise du travail."
    )
    options = Options("textrank", language="fr")
    scores = [s.score for s in summarize_text("t", text, options).sentences]
    outcomes = set()
    for count in range(1, len(scores)):
        summary = summarize_text("t", text, Options("textrank", count=count, language="fr"))
        chosen = {s.index for s in summary.selected}
        left = [scores[i] for i in range(len(scores)) if i not in chosen]
        assert summary.ties == (min(scores[i] for i in chosen) == max(left)), count
        outcomes.add(summary.ties)
    assert outcomes == {True, False}


def test_terminal_shows_shared_ranks_not_an_order(release_text: str) -> None:
    summary = summarize_text("release", release_text, Options("lexrank", count=3))
    console = Console(record=True, width=160, force_terminal=True, color_system=None)
    summary_panel.print_summary(console, summary, explain=True)
    text = console.export_text()
    assert "=1" in text
    assert "#1" not in text and "#2" not in text and "#3" not in text
    assert "equal scores: document order chose" in text


def test_markdown_explain_shares_ranks_too(release_text: str) -> None:
    summary = summarize_text("release", release_text, Options("lexrank", count=3))
    table = summaries.summary_markdown([summary], explain=True)
    ranks = [line.split("|")[4].strip() for line in table.splitlines() if line.startswith("| 1 |")]
    assert ranks == ["=1"]

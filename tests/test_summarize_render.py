"""What a person sees on a terminal: rich panels and the explain chart, recorded by rich."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from toolkit.glossary.active import default
from toolkit.glossary.matcher import Matcher
from toolkit.output import score_chart, sentences, summary_panel
from toolkit.summary.summarize import Options, Summary, summarize_text
from toolkit.translation.selections import SelectionTranslation

DATA = Path(__file__).parent / "data" / "summaries"
NAME_STYLE = "bold magenta"


@pytest.fixture(scope="module")
def summary(release_text: str) -> Summary:
    return summarize_text("release-fr.txt", release_text, Options(algorithm="textrank"))


@pytest.fixture(scope="module")
def names():
    return default().names_matcher


def record(width: int = 140) -> Console:
    return Console(record=True, width=width, force_terminal=True, color_system="truecolor")


def styled(console: Console, style: str) -> list[str]:
    """The pieces of text printed in a style."""
    return [
        segment.text
        for segment in console._record_buffer
        if segment.style is not None and str(segment.style) == style
    ]


def test_panel_shows_rank_score_and_position(summary: Summary, names) -> None:
    console = record()
    summary_panel.print_summary(console, summary, source_names=names)
    text = console.export_text()
    assert "release-fr.txt" in text.splitlines()[0]  # the title
    assert "textrank · French (detected) · 3 of 9 sentences" in text
    for sentence in summary.selected:
        assert f"#{sentence.rank}" in text
        assert f"{sentence.paragraph}·{sentence.sentence}" in text
        assert sentences.score_text(sentence.score) in text
    # Document order: the first selected sentence's rank comes first.
    positions = [text.index(f"{s.paragraph}·{s.sentence}") for s in summary.selected]
    assert positions == sorted(positions)


def test_glossary_names_are_highlighted(summary: Summary, names) -> None:
    console = record()
    summary_panel.print_summary(console, summary, source_names=names)
    highlighted = styled(console, NAME_STYLE)
    assert highlighted and set(highlighted) == {"Artsakh"}
    expected = sum(len(names.find(s.text)) for s in summary.selected)
    assert len(highlighted) == expected


def test_names_inside_longer_words_are_not_highlighted(names) -> None:
    text = "STEPANAKERT, 25 MAI, ARTSAKHPRESS : le corridor de Lachin.\n"
    one = summarize_text("t", text, Options(language="fr"))
    console = record()
    summary_panel.print_summary(console, one, source_names=names)
    assert styled(console, NAME_STYLE) == ["STEPANAKERT", "Lachin"]


def test_translation_is_shown_beside_the_source(summary: Summary, names) -> None:
    translated = SelectionTranslation(
        "es", "apertium fr→es (fr-es)", [f"traducción {s.index}" for s in summary.selected]
    )
    console = record(width=160)
    summary_panel.print_summary(
        console,
        summary,
        [translated],
        source_names=names,
        target_names={"es": Matcher([("Artsakh", 0)])},
    )
    lines = console.export_text().splitlines()
    header = next(line for line in lines if "sentence" in line)
    assert "Spanish" in header
    for sentence in summary.selected:
        row = next(line for line in lines if f"traducción {sentence.index}" in line)
        assert f"#{sentence.rank}" in row  # on the same line as its source


def test_explain_draws_one_bar_per_sentence(summary: Summary, names) -> None:
    console = record()
    summary_panel.print_summary(console, summary, explain=True, source_names=names)
    text = console.export_text()
    chart = text[text.index("Where the weight of the text lies") :]
    rows = [line for line in chart.splitlines() if re.match(r"\s*\d+·\d+ ", line)]
    assert len(rows) == len(summary.sentences) == 9
    marked = [line for line in rows if "◀ #" in line]
    assert len(marked) == 3
    best = max(summary.sentences, key=lambda s: s.score)
    best_row = next(
        line for line in rows if line.strip().startswith(f"{best.paragraph}·{best.sentence}")
    )
    assert "█" * score_chart.EXPLAIN_BAR_WIDTH in best_row  # the highest score fills the bar


def test_bars_grow_with_the_score() -> None:
    assert score_chart.bar(0, 8) == " " * 8
    assert score_chart.bar(1, 8) == "█" * 8
    assert score_chart.bar(0.5, 8) == "████    "
    assert score_chart.bar(1 / 64, 8) == "▏       "


def test_several_files_are_titled(release_text: str) -> None:
    english = (DATA / "git-2.33-en.txt").read_text(encoding="utf-8")
    several = [
        summarize_text("release-fr.txt", release_text, Options()),
        summarize_text("git-2.33-en.txt", english, Options()),
    ]
    console = record()
    for one in several:
        summary_panel.print_summary(console, one)
    titles = [line for line in console.export_text().splitlines() if line.startswith("╭")]
    assert ["release-fr.txt" in titles[0], "git-2.33-en.txt" in titles[1]] == [True, True]


def test_empty_text_prints_nothing() -> None:
    console = record()
    summary_panel.print_summary(console, summarize_text("empty", "", Options()), explain=True)
    assert console.export_text() == ""


def test_no_color_is_respected(summary: Summary, names, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    buffer = io.StringIO()
    console = Console(file=buffer, width=140, force_terminal=True)
    summary_panel.print_summary(console, summary, explain=True, source_names=names)
    output = buffer.getvalue()
    assert "\x1b[1m" in output  # bold stays
    assert not re.search(r"\x1b\[[0-9;]*3[0-9]m", output)  # no colours


def test_the_command_draws_a_panel_on_a_terminal(release_text: str) -> None:
    from tests.terminal import run_in_terminal

    screen, _ = run_in_terminal("summarize", "examples/release-fr.txt", "--explain")
    assert screen.returncode == 0
    assert "\x1b[" in screen.raw  # styled
    assert "╭─ " in screen.text and "examples/release-fr.txt" in screen.text
    assert "3 of 10 sentences" in screen.text
    assert screen.text.count("◀ #") == 3
    assert "Artsakh" in screen.text

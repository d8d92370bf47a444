"""Readable at 80 columns: the glossary a term at a time, summary panels with room for the
sentences and their whole footer, and enough of each sentence in the --explain chart."""

from __future__ import annotations

import re

from tests.terminal import run_in_terminal


def lines_of(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_glossary_show_is_one_block_per_name() -> None:
    screen, _ = run_in_terminal("glossary", "show", columns=80)
    assert screen.returncode == 0
    lines = lines_of(screen.text)
    assert all(len(line) <= 80 for line in lines)
    assert "…" not in screen.text  # no cell cut short
    assert {"Artsakh", "Stepanakert", "Lachin"} <= set(lines)  # each name heads its block
    # Each form, then the file and line it comes from.
    assert any(
        re.fullmatch(r"\s*hy\s+Armenian\s+Արցախ\s+default\.toml:\d+", line) for line in lines
    )
    assert any(
        re.fullmatch(r"\s*ru\s+Russian\s+Степанакерт\s+default\.toml:\d+", line) for line in lines
    )


def test_a_summary_panel_at_80_columns(release_text: str) -> None:
    screen, _ = run_in_terminal(
        "summarize", "examples/release-fr.txt", "--to", "en", "--engine", "apertium", columns=80
    )
    assert screen.returncode == 0
    panel = [line for line in lines_of(screen.text) if line[:1] in "╭│╰"]
    assert panel and all(len(line) <= 80 for line in panel)
    inside = [line.strip("│ ") for line in panel if line.startswith("│")]
    # The sentence column is most of the panel, the translation under its sentence.
    assert max(len(line) for line in inside) >= 70
    assert any(line.startswith("#1") and len(line) >= 60 for line in inside)
    # The footer is whole, wrapped if it must be: the route ends it.
    footer = " ".join(line for line in inside if "sentences" in line or "apertium" in line)
    assert re.search(r"3 of \d+ sentences · apertium fr→\S+ \(", footer)


def test_explain_shows_enough_of_each_sentence(release_text: str) -> None:
    screen, _ = run_in_terminal("summarize", "examples/release-fr.txt", "--explain", columns=80)
    assert screen.returncode == 0
    chart = screen.text.split("Where the weight of the text lies", 1)[1]
    assert all(len(line) <= 80 for line in lines_of(chart))
    assert "Le 24 mai, le ministre des affaires" in chart
    assert "étrangères de la République" in chart  # its second line

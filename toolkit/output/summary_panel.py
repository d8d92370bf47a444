"""A summary on a terminal: a panel of the chosen sentences, their translation beside or under
them, glossary names highlighted; with --explain, the score chart below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.output import terminal, words
from toolkit.output.score_chart import EXPLAIN_BAR_WIDTH, explain_chart
from toolkit.output.sentences import highlighted, one_line, score_text, shown_ranks
from toolkit.summary.select import TIE_BREAK
from toolkit.text import languages

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from rich.console import Console
    from rich.text import Text

    from toolkit.glossary.matcher import Matcher
    from toolkit.summary.summarize import Summary
    from toolkit.translation.selections import SelectionTranslation

WIDE = 120  # columns from which a translation goes beside its sentence, and bars are full length


def print_summary(
    console: Console,
    summary: Summary,
    translations: Sequence[SelectionTranslation] = (),
    explain: bool = False,
    source_names: Matcher | None = None,
    target_names: Mapping[str, Matcher] | None = None,
) -> None:
    """For terminals: a panel titled by the text's name with the selected sentences in document
    order, each with its rank, score and position (paragraph·sentence), glossary names
    highlighted, the translation beside them; with `explain`, a bar per sentence below."""
    from rich import box
    from rich.panel import Panel
    from rich.table import Table

    if not summary.total:
        return
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
    table.add_column("rank", justify="right", style="bold cyan", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("¶·s", justify="right", style="dim", no_wrap=True)
    # Side by side the two columns of a translation are too narrow to read below 120 columns:
    # there the translation goes under its sentence.
    beside = len(translations) == 1 and console.width >= WIDE
    table.add_column("sentence", ratio=1)
    if beside:
        table.add_column(languages.name(translations[0].target), ratio=1)
    names = target_names or {}
    shown = shown_ranks(summary)
    for k, s in enumerate(summary.selected):
        row: list[str | Text] = [shown[s.index], score_text(s.score), f"{s.paragraph}·{s.sentence}"]
        sentence = highlighted(one_line(s.text), source_names)
        for translation in translations:
            translated = highlighted(
                one_line(translation.sentences[k]), names.get(translation.target)
            )
            if beside:
                row.append(sentence)
                sentence = translated
            else:
                translated.stylize("italic")
                sentence.append("\n")
                if len(translations) > 1:
                    sentence.append(f"{translation.target}: ", style="dim")
                sentence.append_text(translated)
        row.append(sentence)
        table.add_row(*row)
    subtitle = (
        f"{summary.algorithm} · {languages.name(summary.language)}"
        f"{' (detected)' if summary.language_detected else ''} · "
        f"{len(summary.selected)} of {words.count(summary.total, 'sentence')}"
    )
    if summary.chunking is not None:
        subtitle += f" · ranked in {words.count(summary.chunking.chunks, 'chunk')}"
    if summary.ties:
        subtitle += f" · equal scores: {TIE_BREAK} chose"
    for translation in translations:
        subtitle += f" · {terminal.shown(translation.route)}"
    # A footer longer than the panel's border goes under the table, wrapped, instead of cut.
    fits = len(subtitle) + 6 <= console.width
    if not fits:
        table.caption, table.caption_justify = subtitle, "right"
    console.print(
        Panel(
            table,
            title=f"[bold]{terminal.shown(summary.name)}[/]",
            subtitle=subtitle if fits else None,
            title_align="left",
        )
    )
    if explain:
        bar_width = EXPLAIN_BAR_WIDTH if console.width >= WIDE else EXPLAIN_BAR_WIDTH // 2
        console.print(explain_chart(summary, bar_width, source_names, console.width))

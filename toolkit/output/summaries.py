"""Summaries: a panel per text on a terminal, the sentences in a pipe, JSON, or Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from toolkit.output import terminal, words
from toolkit.output.formats import Format, FormatTable
from toolkit.output.json_text import to_json
from toolkit.output.score_chart import EXPLAIN_BAR_WIDTH, chart_title, explain_chart, plain_chart
from toolkit.output.sentences import highlighted, one_line, score_text, shown_ranks
from toolkit.summary.select import TIE_BREAK
from toolkit.text import languages

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

    from toolkit.environment import Environment
    from toolkit.glossary.matcher import Matcher
    from toolkit.glossary.model import Glossary
    from toolkit.summary.summarize import SelectionTranslation, Summary

WIDE = 120  # columns from which a translation goes beside its sentence, and bars are full length
# What the start and end of a chosen sentence count.
OFFSETS = "characters"


@dataclass(frozen=True)
class SummaryResult:
    """What `toolkit summarize` shows: the summaries, their translations (one per summary) with
    --to, every sentence's score with --explain, and the glossary whose names are highlighted."""

    summaries: list[Summary]
    translations: list[SelectionTranslation | None] | None
    explain: bool
    glossary: Glossary
    target: str | None

    def translation(self, i: int) -> SelectionTranslation | None:
        return self.translations[i] if self.translations else None


def summary_text(
    summaries: list[Summary], translations: list[SelectionTranslation | None] | None = None
) -> str:
    """For pipes: each summary's sentences in document order, one a line, verbatim; then their
    translations, if any; a blank line between blocks."""
    blocks = []
    for i, summary in enumerate(summaries):
        if summary.selected:
            blocks.append("".join(one_line(s.text) + "\n" for s in summary.selected))
        translation = translations[i] if translations else None
        if translation is not None:
            blocks.append("".join(one_line(t) + "\n" for t in translation.sentences))
    return "\n".join(blocks)


def summary_data(
    summary: Summary, translation: SelectionTranslation | None = None, explain: bool = False
) -> dict[str, Any]:
    """One summary for JSON: the selected sentences with their offsets and scores, the algorithm
    and its parameters; every sentence's score with `explain`."""
    selected = []
    for k, s in enumerate(summary.selected):
        item: dict[str, Any] = {
            "index": s.index,
            "paragraph": s.paragraph,
            "sentence": s.sentence,
            "start": s.start,
            "end": s.end,
            "score": s.score,
            "rank": s.rank,
            "text": s.text,
        }
        if s.chunk is not None:
            item["chunk"] = s.chunk
        if translation is not None:
            item["translation"] = translation.sentences[k]
        selected.append(item)
    data: dict[str, Any] = {
        "name": summary.name,
        "language": summary.language,
        "language_detected": summary.language_detected,
        "algorithm": summary.algorithm,
        "parameters": summary.parameters,
        "sentences_total": summary.total,
        "sentences_requested": summary.requested,
        "mode": summary.mode,
        "chunk_sentences": summary.chunk_sentences,
        # start and end count characters of the text as decoded: line ends as \n, no BOM.
        "offsets": OFFSETS,
        "summary": selected,
        "ties": summary.ties,
        "tie_break": TIE_BREAK if summary.ties else None,
    }
    if summary.chunking is not None:
        data["chunks"] = summary.chunking.chunks
        data["candidates"] = summary.chunking.candidates
    if translation is not None:
        data["translation"] = {"target": translation.target, "route": translation.route}
    if explain:
        data["scores"] = [
            {
                "index": s.index,
                "paragraph": s.paragraph,
                "sentence": s.sentence,
                "score": s.score,
                "rank": s.rank,
                "selected": s.selected,
            }
            | ({} if s.chunk is None else {"chunk": s.chunk})
            | ({} if s.set_aside is None else {"set_aside": s.set_aside})
            for s in summary.sentences
        ]
    data["notes"] = summary.notes
    return data


def summary_markdown(
    summaries: list[Summary],
    translations: list[SelectionTranslation | None] | None = None,
    explain: bool = False,
) -> str:
    """Markdown: a list of the selected sentences per text (a heading each when there are several),
    the translations as a second list, and with `explain` a table of every sentence's score."""
    parts = []
    for i, summary in enumerate(summaries):
        if not summary.total:
            continue
        lines = []
        if len(summaries) > 1:
            lines += [f"## {_markdown_escape(summary.name)}", ""]
        lines += [f"- {_markdown_escape(one_line(s.text))}" for s in summary.selected]
        translation = translations[i] if translations else None
        if translation is not None:
            lines += ["", f"**{languages.name(translation.target)}** ({translation.route}):", ""]
            lines += [f"- {_markdown_escape(one_line(t))}" for t in translation.sentences]
        if explain:
            if summary.chunking is not None:
                lines += ["", f"*{chart_title(summary)}*"]
            shown = shown_ranks(summary)
            lines += ["", "| ¶ | sentence | score | rank | chosen |", "|---|---|---|---|---|"]
            lines += [
                f"| {s.paragraph} | {s.sentence} | {score_text(s.score)} | {shown[s.index]} | "
                f"{'✓' if s.selected else ''} |"
                for s in summary.sentences
            ]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def _markdown_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", text)


def print_summary(
    console: Console,
    summary: Summary,
    translation: SelectionTranslation | None = None,
    explain: bool = False,
    source_names: Matcher | None = None,
    target_names: Matcher | None = None,
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
    beside = translation is not None and console.width >= WIDE
    table.add_column("sentence", ratio=1)
    if beside:
        assert translation is not None
        table.add_column(languages.name(translation.target), ratio=1)
    shown = shown_ranks(summary)
    for k, s in enumerate(summary.selected):
        row = [shown[s.index], score_text(s.score), f"{s.paragraph}·{s.sentence}"]
        sentence = highlighted(one_line(s.text), source_names)
        if translation is not None:
            translated = highlighted(one_line(translation.sentences[k]), target_names)
            if beside:
                row.append(sentence)
                sentence = translated
            else:
                translated.stylize("italic")
                sentence.append("\n")
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
    if translation is not None:
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


def print_summaries(console: Console, result: SummaryResult) -> None:
    """Each summary as a panel (print_summary), the glossary's names highlighted on both sides."""
    source_names = target_names = None
    if result.glossary.terms:
        source_names = result.glossary.names_matcher
        if result.target is not None:
            whole_words = result.target not in languages.UNSPACED
            target_names = result.glossary.target_matcher(result.target, False, whole_words)
    for i, summary in enumerate(result.summaries):
        print_summary(
            console, summary, result.translation(i), result.explain, source_names, target_names
        )


def write_text(result: SummaryResult, env: Environment) -> None:
    """Panels on a terminal; in a pipe the sentences, one a line, and the charts as plain text."""
    if env.stdout_is_terminal():
        from toolkit.output.consoles import stdout_console

        print_summaries(stdout_console(), result)
        return
    text = summary_text(result.summaries, result.translations)
    if result.explain and any(s.sentences for s in result.summaries):
        text += "\n" + plain_chart(result.summaries)
    terminal.write_stdout(text)


def write_json(result: SummaryResult, env: Environment) -> None:
    data = {
        "summaries": [
            summary_data(s, result.translation(i), result.explain)
            for i, s in enumerate(result.summaries)
        ]
    }
    terminal.write_stdout(to_json(data))


def write_markdown(result: SummaryResult, env: Environment) -> None:
    terminal.write_stdout(summary_markdown(result.summaries, result.translations, result.explain))


FORMATS: FormatTable[Callable[[SummaryResult, Environment], None]] = FormatTable(
    Format("text", "a panel per text on a terminal, the sentences in a pipe", write_text),
    Format("json", "with offsets and scores", write_json),
    Format("markdown", "a list per text", write_markdown),
)

"""Summaries: a panel per text on a terminal (toolkit.output.summary_panel), the sentences in a
pipe, JSON, or Markdown."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from toolkit.output import terminal
from toolkit.output.formats import Format, FormatTable
from toolkit.output.json_text import to_json
from toolkit.output.sentences import one_line, score_text, shown_ranks
from toolkit.output.sinks import Headers
from toolkit.summary.select import TIE_BREAK
from toolkit.text import languages

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from rich.console import Console

    from toolkit.glossary.model import Glossary
    from toolkit.output.formats import Run
    from toolkit.summary.summarize import Summary
    from toolkit.translation.selections import SelectionTranslation

# What the start and end of a chosen sentence count.
OFFSETS = "characters"


class SummaryResult(NamedTuple):
    """What `toolkit summarize` shows: the summaries, their translations with --to (a list per
    target language, an item per summary), every sentence's score with --explain, and the
    glossary whose names are highlighted."""

    summaries: list[Summary]
    translations: list[list[SelectionTranslation | None]]
    explain: bool
    glossary: Glossary
    targets: list[str]

    def translations_of(self, i: int) -> list[SelectionTranslation]:
        """The translations of the i-th summary, in the order of the targets."""
        found = (each[i] for each in self.translations)
        return [translation for translation in found if translation is not None]


def summary_text(
    summaries: list[Summary],
    translations: Sequence[list[SelectionTranslation | None]] = (),
) -> str:
    """For pipes: each summary's sentences in document order, one a line, verbatim; then their
    translations, if any; a blank line between blocks. Under a header line, as translate writes
    them, where several texts or languages share the output: `==> a.txt <==`, `==> a.txt (en) <==`."""
    several_texts = len(summaries) > 1
    several_languages = len(translations) > 1
    blocks = []
    for i, summary in enumerate(summaries):
        source = "".join(one_line(s.text) + "\n" for s in summary.selected)
        if several_texts:
            source = Headers(None, True, i == 0).line(summary.name) + source
        if source:
            blocks.append(source)
        for each in translations:
            translation = each[i]
            if translation is None:
                continue
            block = "".join(one_line(t) + "\n" for t in translation.sentences)
            if several_languages:
                header = Headers(translation.target, several_texts, False)
                block = header.line(summary.name) + block
            blocks.append(block)
    return "\n".join(blocks)


def summary_data(
    summary: Summary, translations: Sequence[SelectionTranslation] = (), explain: bool = False
) -> dict[str, Any]:
    """One summary for JSON: the selected sentences with their offsets and scores, the algorithm
    and its parameters; every sentence's score with `explain`. One translation is under
    "translation"; several (several --to) under "translations", keyed by language."""
    translation = translations[0] if len(translations) == 1 else None
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
        elif translations:
            item["translations"] = {t.target: t.sentences[k] for t in translations}
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
    elif translations:
        data["translations"] = [{"target": t.target, "route": t.route} for t in translations]
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
    translations: Sequence[list[SelectionTranslation | None]] = (),
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
            lines += [f"## {_markdown_escape(terminal.escaped_line(summary.name))}", ""]
        lines += [f"- {_markdown_escape(one_line(s.text))}" for s in summary.selected]
        for translation in (each[i] for each in translations):
            if translation is None:
                continue
            lines += ["", f"**{languages.name(translation.target)}** ({translation.route}):", ""]
            lines += [f"- {_markdown_escape(one_line(t))}" for t in translation.sentences]
        if explain:
            if summary.chunking is not None:
                from toolkit.output.score_chart import chart_title

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


def print_summaries(console: Console, result: SummaryResult) -> None:
    """Each summary as a panel (print_summary), the glossary's names highlighted on both sides."""
    from toolkit.output.summary_panel import print_summary

    source_names = None
    target_names = {}
    if result.glossary.terms:
        source_names = result.glossary.names_matcher
        for target in result.targets:
            whole_words = target not in languages.UNSPACED
            target_names[target] = result.glossary.target_matcher(target, False, whole_words)
    for i, summary in enumerate(result.summaries):
        print_summary(
            console,
            summary,
            result.translations_of(i),
            result.explain,
            source_names,
            target_names,
        )


def write_text(result: SummaryResult, env: Run) -> None:
    """Panels on a terminal; in a pipe the sentences, one a line, and the charts as plain text."""
    if env.stdout_is_terminal():
        from toolkit.output.consoles import stdout_console

        print_summaries(stdout_console(), result)
        return
    text = summary_text(result.summaries, result.translations)
    if result.explain and any(s.sentences for s in result.summaries):
        from toolkit.output.score_chart import plain_chart

        text += "\n" + plain_chart(result.summaries)
    terminal.write_stdout(text)


def write_json(result: SummaryResult, env: Run) -> None:
    data = {
        "summaries": [
            summary_data(s, result.translations_of(i), result.explain)
            for i, s in enumerate(result.summaries)
        ]
    }
    terminal.write_stdout(to_json(data))


def write_markdown(result: SummaryResult, env: Run) -> None:
    terminal.write_stdout(summary_markdown(result.summaries, result.translations, result.explain))


FORMATS: FormatTable[Callable[[SummaryResult, Run], None]] = FormatTable(
    Format("text", "a panel per text on a terminal, the sentences in a pipe", write_text),
    Format("json", "with offsets and scores", write_json),
    Format("markdown", "a list per text", write_markdown),
)

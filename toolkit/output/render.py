"""Turning results into text: plain for pipes, JSON for programs, rich for people at a terminal."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from toolkit.output import terminal, words
from toolkit.summary.select import TIE_BREAK, same_score
from toolkit.text import languages

if TYPE_CHECKING:
    from collections import Counter

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from toolkit.engines.base import Route
    from toolkit.glossary.matcher import Matcher
    from toolkit.output.stderr import Stderr
    from toolkit.summary.summarize import ScoredSentence, Summary
    from toolkit.translation.selections import SelectionTranslation
    from toolkit.translation.translate import Translation


def route_data(route: Route) -> dict[str, Any]:
    return {
        "engine": route.engine,
        "languages": route.languages,
        "models": [hop.model for hop in route.hops],
        "description": route.describe(),
    }


def translation_data(translation: Translation) -> dict[str, Any]:
    return {
        "source": translation.source,
        "target": translation.target,
        "route": route_data(translation.route),
        "documents": [asdict(doc) for doc in translation.documents],
        "words": translation.words,
        "unknown_words": translation.unknown_words,
        "unknown_share": round(translation.unknown_share, 4),
        "seconds": round(translation.seconds, 3),
        # What was changed before the engine: accents composed (NFC), invisible marks dropped.
        "normalized": {
            "composed_paragraphs": translation.composed,
            "dropped": dict(translation.dropped),
        },
    }


def check_format(value: str, choices: tuple[str, ...]) -> str:
    """The --format asked for, refused (a usage error) unless it is one of `choices`."""
    if value not in choices:
        from toolkit.errors import UsageError

        raise UsageError(
            f"unknown format {value!r}; choose {', '.join(choices[:-1])} or {choices[-1]}"
        )
    return value


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def translation_summary(console: Stderr, translation: Translation) -> None:
    """A short line per target on stderr: route, paragraphs, words, unknown words, time."""
    paragraphs = sum(doc.paragraphs for doc in translation.documents)
    console.print(
        f"[bold]{translation.source}→{translation.target}[/] via [cyan]{terminal.shown(translation.route.describe())}[/]: "
        f"{words.count(paragraphs, 'paragraph')}, {words.count(translation.words, 'word')}, "
        f"{translation.unknown_share:.1%} unknown, {translation.seconds:.2f} s",
        highlight=False,
    )


def normalization_note(console: Stderr, translation: Translation) -> None:
    """A line on stderr when marks inside words were dropped before the engine: never silently."""
    if translation.dropped:
        marks = ", ".join(f"{code} ×{count}" for code, count in translation.dropped)
        console.print(
            f"note: invisible marks inside words dropped for the engine: {marks}", highlight=False
        )


def weak_cut_note(
    console: Stderr, name: str, paragraph: int, limit: int, boundaries: Counter[str]
) -> None:
    """A line on stderr for a paragraph longer than `limit` cut elsewhere than at sentence ends:
    the text either side of such a cut was translated apart."""
    from toolkit.text.cuts import LONG_WORD_MIDDLE

    places = ", ".join(
        f"{boundary} ×{count}" if count > 1 else boundary for boundary, count in boundaries.items()
    )
    apart = (
        "the word goes through as it is"
        if set(boundaries) == {LONG_WORD_MIDDLE}
        else "the text either side of a cut was translated apart"
    )
    console.print(
        f"note: {terminal.shown(name)}, paragraph {paragraph}: no sentence end within {limit:,} "
        "characters, "
        f"cut at: {places}; {apart}",
        highlight=False,
    )


# Summaries ---------------------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"[^\S\n]*\n\s*")
_EIGHTHS = " ▏▎▍▌▋▊▉█"
EXPLAIN_BAR_WIDTH = 24
WIDE = 120  # columns from which a translation goes beside its sentence, and bars are full length


def one_line(text: str) -> str:
    """A sentence on one line: line breaks inside it (wrapped text) become single spaces."""
    return _LINE_BREAK.sub(" ", text)


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


# What the start and end of a chosen sentence count.
OFFSETS = "characters"


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
                f"| {s.paragraph} | {s.sentence} | {_score(s.score)} | {shown[s.index]} | "
                f"{'✓' if s.selected else ''} |"
                for s in summary.sentences
            ]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def _markdown_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", text)


def _score(score: float) -> str:
    return f"{score:.4g}"


def _highlighted(text: str, names: Matcher | None) -> Text:
    """Text from the input, control characters escaped, the glossary names in it highlighted."""
    from rich.text import Text

    printable = terminal.printable(text)
    rich_text = Text(printable)
    for hit in names.find(printable) if names is not None else ():
        rich_text.stylize("bold magenta", hit.start, hit.end)
    return rich_text


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
        row = [shown[s.index], _score(s.score), f"{s.paragraph}·{s.sentence}"]
        sentence = _highlighted(one_line(s.text), source_names)
        if translation is not None:
            translated = _highlighted(one_line(translation.sentences[k]), target_names)
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


def explain_chart(
    summary: Summary,
    width: int = EXPLAIN_BAR_WIDTH,
    names: Matcher | None = None,
    console_width: int = 100,
) -> Table:
    """One bar per sentence in document order, as long as the sentence's score, the chosen
    sentences marked with their rank, glossary names highlighted. A chunked summary shows its
    candidates, scored in the final round (the other sentences were only ranked in their chunk)."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False, title=chart_title(summary))
    table.add_column("¶·s", justify="right", style="dim", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True, min_width=width)
    table.add_column("", no_wrap=True)
    table.add_column("sentence", ratio=1)
    # Each sentence on up to two lines, enough to recognise it: cut to twice its column's width,
    # the other columns taking about the bar's width and 36 more.
    room = 2 * max(20, console_width - width - 36)
    scores = [s.score for s in summary.sentences]
    # Bars start at zero, unless scores are negative (kl and sumbasic rank by -order).
    low, high = min(0.0, *scores), max(scores)
    shown = shown_ranks(summary)
    for s in summary.sentences:
        share = (s.score - low) / (high - low) if high > low else 1.0
        style = "bold green" if s.selected else "blue"
        table.add_row(
            f"{s.paragraph}·{s.sentence}",
            _score(s.score),
            f"[{style}]{bar(share, width)}[/]",
            _mark(s, shown[s.index]),
            _highlighted(_shortened(one_line(s.text), room), names),
            style="bold" if s.selected else None,
        )
    return table


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _mark(s: ScoredSentence, shown: str) -> str:
    if s.selected:
        return f"[bold green]◀ {shown}[/]"
    return f"[dim]{s.set_aside}[/]" if s.set_aside else ""


def shown_ranks(summary: Summary) -> dict[int, str]:
    """Ranks as a reader may take them, by sentence index: "#2" for the second best, "=2" for
    each of the sentences whose equal scores share second place (the scores did not order them),
    "—" for a sentence that is no candidate (a dateline, a heading)."""
    shown = {s.index: "—" for s in summary.sentences if s.set_aside}
    ranked = sorted(
        (s for s in summary.sentences if not s.set_aside), key=lambda s: s.score, reverse=True
    )
    start = 0
    while start < len(ranked):
        end = start + 1
        while end < len(ranked) and same_score(ranked[end].score, ranked[end - 1].score):
            end += 1
        sign = "=" if end - start > 1 else "#"
        for s in ranked[start:end]:
            shown[s.index] = f"{sign}{start + 1}"
        start = end
    return shown


def chart_title(summary: Summary) -> str:
    if summary.chunking is None:
        return "Where the weight of the text lies"
    chunking = summary.chunking
    return (
        f"Where the weight of the text lies: the {words.count(chunking.candidates, 'candidate')} "
        f"of {words.count(chunking.chunks, 'chunk')} of up to {words.count(chunking.limit, 'sentence')}, "
        "ranked together"
    )


def bar(share: float, width: int) -> str:
    """A horizontal bar `share` (0 to 1) of `width` cells long, in eighths of a cell."""
    eighths = round(max(0.0, min(1.0, share)) * width * 8)
    full, rest = divmod(eighths, 8)
    return ("█" * full + (_EIGHTHS[rest] if rest else "")).ljust(width)


def plain_chart(summaries: list[Summary], width: int = 100) -> str:
    """The explain charts as plain text, for pipes."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False)
    for summary in summaries:
        if summary.total:
            if len(summaries) > 1:
                console.print(terminal.shown(summary.name))
            console.print(explain_chart(summary, console_width=width))
    return buffer.getvalue()

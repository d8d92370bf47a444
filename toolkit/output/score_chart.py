"""--explain: a bar per sentence, as long as its score, the chosen sentences marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.output import terminal, words
from toolkit.output.consoles import plain_console
from toolkit.output.sentences import highlighted, one_line, score_text, shown_ranks

if TYPE_CHECKING:
    from rich.table import Table

    from toolkit.glossary.matcher import Matcher
    from toolkit.summary.summarize import ScoredSentence, Summary

_EIGHTHS = " ▏▎▍▌▋▊▉█"
EXPLAIN_BAR_WIDTH = 24


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
            score_text(s.score),
            f"[{style}]{bar(share, width)}[/]",
            _mark(s, shown[s.index]),
            highlighted(_shortened(one_line(s.text), room), names),
            style="bold" if s.selected else None,
        )
    return table


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _mark(s: ScoredSentence, shown: str) -> str:
    if s.selected:
        return f"[bold green]◀ {shown}[/]"
    return f"[dim]{s.set_aside}[/]" if s.set_aside else ""


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

    buffer = io.StringIO()
    console = plain_console(buffer, width)
    for summary in summaries:
        if summary.total:
            if len(summaries) > 1:
                console.print(terminal.shown(terminal.escaped_line(summary.name)))
            console.print(explain_chart(summary, console_width=width))
    return buffer.getvalue()

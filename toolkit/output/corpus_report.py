"""What a corpus run did, and its closing report on stderr: counts per output file, failures and
throughput; a table on a terminal, a line per file elsewhere."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from toolkit.output import words
from toolkit.output.formats import Format, FormatTable

if TYPE_CHECKING:
    from collections.abc import Callable

    from toolkit.output.stderr import Stderr


@dataclass
class OutputCounts:
    """What a run did to one output file."""

    file: str
    written: int = 0  # lines with a result
    failed: int = 0  # lines with an error instead of a result
    skipped: int = 0  # documents already in the file from an earlier run


@dataclass
class RunStats:
    mode: str
    outputs: dict[str, OutputCounts] = field(default_factory=dict)
    total: int = 0  # documents in the input
    documents: int = 0  # processed by this run
    words: int = 0  # source words of those documents
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return sum(counts.failed for counts in self.outputs.values())

    def rate(self, amount: int) -> float:
        return amount / self.seconds if self.seconds > 0 else 0.0


def throughput(stats: RunStats) -> str:
    if stats.documents:
        return (
            f"{words.count(stats.documents, 'document')}, {words.count(stats.words, 'word')} "
            f"in {stats.seconds:,.1f} s ({stats.mode}): {stats.rate(stats.documents):,.2f} "
            f"documents/s, {stats.rate(stats.words):,.0f} words/s"
        )
    if stats.total:
        return f"all {words.count(stats.total, 'document')} already done"
    return "no documents in the input"


def print_table(console: Stderr, stats: RunStats) -> None:
    from rich.table import Table

    headers = ("output", "written", "failed", "skipped")
    table = Table(headers[0])
    for header in headers[1:]:
        table.add_column(header, justify="right")
    for c in stats.outputs.values():
        table.add_row(
            c.file,
            *(words.number(cell) for cell in (c.written, c.failed, c.skipped)),
            style="red" if c.failed else None,
        )
    console.print(table)
    console.print(throughput(stats), highlight=False)


def print_lines(console: Stderr, stats: RunStats) -> None:
    for c in stats.outputs.values():
        console.print(
            f"{c.file}: {words.number(c.written)} written, {words.number(c.failed)} failed, "
            f"{words.number(c.skipped)} skipped",
            highlight=False,
        )
    console.print(throughput(stats), highlight=False)


# Not a --format: the report goes to stderr, as a table where stderr is a terminal.
FORMATS: FormatTable[Callable[[Stderr, RunStats], None]] = FormatTable(
    Format("table", "counts per output file, then throughput", print_table),
    Format("lines", "a line per output file, then throughput", print_lines),
)


def final_table(console: Stderr, stats: RunStats) -> None:
    """Counts per output file, failures, and throughput: a table on a terminal, plain lines in a pipe."""
    FORMATS.renderer("table" if console.is_terminal else "lines")(console, stats)

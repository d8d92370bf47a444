"""What a corpus run shows on stderr: a progress bar on a terminal, then a table of counts and throughput."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from toolkit.output import words

if TYPE_CHECKING:
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


class Progress:
    """A rich progress bar of documents (rate, ETA) on a terminal; nothing elsewhere."""

    def __init__(self, console: Stderr, total: int, label: str) -> None:
        self._bar: Any = None
        if console.is_terminal and total:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=console,
                transient=False,
            )
            self._task = self._bar.add_task(label, total=total, rate="")

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def advance(self, documents: int, elapsed: float, done: int) -> None:
        if self._bar is not None:
            rate = f"{done / elapsed:.1f} docs/s" if elapsed > 0 else ""
            self._bar.update(self._task, advance=documents, rate=rate)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def final_table(console: Stderr, stats: RunStats) -> None:
    """Counts per output file, failures, and throughput: a table on a terminal, plain lines in a pipe."""
    rows = [(c.file, c.written, c.failed, c.skipped) for c in stats.outputs.values()]
    headers = ("output", "written", "failed", "skipped")
    if stats.documents:
        throughput = (
            f"{words.count(stats.documents, 'document')}, {words.count(stats.words, 'word')} "
            f"in {stats.seconds:,.1f} s ({stats.mode}): {stats.rate(stats.documents):,.2f} "
            f"documents/s, {stats.rate(stats.words):,.0f} words/s"
        )
    elif stats.total:
        throughput = f"all {words.count(stats.total, 'document')} already done"
    else:
        throughput = "no documents in the input"
    if console.is_terminal:
        from rich.table import Table

        table = Table(headers[0])
        for header in headers[1:]:
            table.add_column(header, justify="right")
        for row in rows:
            table.add_row(
                row[0], *(words.number(cell) for cell in row[1:]), style="red" if row[2] else None
            )
        console.print(table)
        console.print(throughput, highlight=False)
    else:
        for file, written, failed, skipped in rows:
            console.print(
                f"{file}: {words.number(written)} written, {words.number(failed)} failed, "
                f"{words.number(skipped)} skipped",
                highlight=False,
            )
        console.print(throughput, highlight=False)

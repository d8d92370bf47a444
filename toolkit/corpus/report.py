"""What a corpus run shows on stderr while it runs: a progress bar on a terminal. Its closing
table is toolkit.output.corpus_report's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from toolkit.output.stderr import Stderr


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

            from toolkit.output.progress import rich_of

            self._bar = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=rich_of(console),
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

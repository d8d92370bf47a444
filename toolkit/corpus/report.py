"""What a corpus run shows on stderr while it runs: a progress bar on a terminal. Its closing
table is toolkit.output.corpus_report's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from toolkit.corpus.plan import Unit
    from toolkit.output.stderr import Stderr


class Progress:
    """A rich progress bar of documents (rate, ETA) on a terminal; nothing elsewhere. It counts
    the documents of the units recorded, and the share done of those still worked on, so that
    it moves before a unit's lines are written."""

    def __init__(self, console: Stderr, total: int, label: str) -> None:
        self._bar: Any = None
        self._recorded = 0  # documents whose lines are written
        self._partly: dict[int, float] = {}  # unit number → documents done of it, so far
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

    @property
    def shows(self) -> bool:
        return self._bar is not None

    def partly(self, unit: Unit, share: float) -> None:
        """The share of a unit worked on done so far."""
        if self._bar is not None:
            documents = len(unit.pending_documents) * min(max(share, 0.0), 1.0)
            self._partly[unit.number] = max(documents, self._partly.get(unit.number, 0.0))
            self._bar.update(self._task, completed=self._completed())

    def advance(self, unit: Unit, elapsed: float, done: int) -> None:
        """A unit's lines written: `done` documents in all, in `elapsed` seconds."""
        if self._bar is not None:
            self._partly.pop(unit.number, None)
            self._recorded += len(unit.pending_documents)
            rate = f"{done / elapsed:.1f} docs/s" if elapsed > 0 else ""
            self._bar.update(self._task, completed=self._completed(), rate=rate)

    def _completed(self) -> float:
        return self._recorded + sum(self._partly.values())

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

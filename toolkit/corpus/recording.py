"""The lines of a corpus run written as each unit is done, and counted."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toolkit.corpus.report import Progress
    from toolkit.corpus.runners import Outcome
    from toolkit.corpus.store import Store
    from toolkit.output.corpus_report import RunStats


@contextmanager
def appending(stores: Iterable[Store]) -> Iterator[None]:
    """The output files open for appending, closed whatever happens."""
    stores = list(stores)
    try:
        for store in stores:
            store.open()
        yield
    finally:
        for store in stores:
            store.close()


def record(
    outcomes: Iterable[Outcome],
    stores: dict[str, Store],
    stats: RunStats,
    progress: Progress,
    started: float,
) -> None:
    """Append each unit's lines to their output files as it is done, and count them."""
    for unit, results in outcomes:
        for result in results:
            stores[result.output].append(result.line)
            counts = stats.outputs[result.output]
            if result.failed:
                counts.failed += 1
            else:
                counts.written += 1
        documents = unit.pending_documents
        stats.documents += len(documents)
        stats.words += sum(d.words for d in documents)
        stats.seconds = time.perf_counter() - started
        progress.advance(unit, stats.seconds, stats.documents)


def failed_lines(stats: RunStats, folder: Path) -> str:
    """Where the failed lines are: `2 in out/es.jsonl, 1 in out/ca.jsonl`."""
    return ", ".join(
        f"{counts.failed} in {folder / counts.file}"
        for counts in stats.outputs.values()
        if counts.failed
    )

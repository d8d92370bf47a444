"""Resuming a corpus run from its output files: which lines stand, which documents are left."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from toolkit.output.terminal import shown

if TYPE_CHECKING:
    from toolkit.corpus.sources import FolderCorpus, JsonlCorpus
    from toolkit.corpus.store import Done, Store
    from toolkit.output.stderr import Stderr


def scan(corpus: JsonlCorpus | FolderCorpus) -> dict[str, str]:
    """Check the whole input (malformed lines stop here, before any work): id → sha256."""
    return {document.key: document.sha256 for document in corpus.documents()}


def resume(store: Store, hashes: dict[str, str], retry_failed: bool, console: Stderr) -> int:
    """Load an output file, drop its stale lines, and count the documents it already holds."""
    store.load()
    if store.torn:
        console.print(
            f"{shown(str(store.path))}: cut off an incomplete last line left by an interrupted run",
            highlight=False,
        )
    store.prune(lambda key, done: _stale(key, done, hashes, retry_failed))
    return sum(
        1 for key, sha in hashes.items() if key in store.done and store.done[key].sha256 == sha
    )


def pending(hashes: dict[str, str], stores: Iterable[Store]) -> int:
    """The documents that some output file lacks (or holds for an older version of)."""
    stores = list(stores)
    return sum(
        1
        for key, sha in hashes.items()
        if any(key not in s.done or s.done[key].sha256 != sha for s in stores)
    )


def _stale(key: str, done: Done, hashes: dict[str, str], retry_failed: bool) -> bool:
    """A line to drop before the run: its source changed, or it failed and failures are retried."""
    if key not in hashes:
        return False  # a document no longer in the input keeps its line
    return done.sha256 != hashes[key] or (retry_failed and done.failed)

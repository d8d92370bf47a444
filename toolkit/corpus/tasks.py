"""What every task shares: the work done on one unit, the same in every runner, as output lines.

A task (translating.py, summarizing.py) is plain, picklable settings; `start()` loads what it needs
(engines, models) once per worker and returns the function that turns a unit into output lines.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Protocol

from toolkit.corpus.plan import Unit
from toolkit.corpus.sources import CorpusDocument
from toolkit.engines.base import Share
from toolkit.errors import ToolkitError


@dataclass(frozen=True)
class Result:
    """One output line for one document of a unit."""

    output: str
    position: int  # of the document in its unit
    line: str
    failed: bool


class Work(Protocol):
    def __call__(self, unit: Unit, done: Share | None = None) -> list[Result]:
        """The unit's output lines; `done`, when given, is told the share of the unit's work
        done as it goes (for a progress bar): it changes nothing in the lines."""
        ...


class Task(Protocol):
    @property
    def outputs(self) -> tuple[str, ...]:
        """The output files' names (without .jsonl), one per target or kind of result."""
        ...

    def start(self) -> Work:
        """Load engines and models, once per worker; the returned function does the work."""


def dumps_line(record: dict[str, Any]) -> str:
    """One JSON line, readable UTF-8; escaped only where the data holds unpaired surrogates."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line


def failure(
    output: str, position: int, document: CorpusDocument, error: str, **fields: Any
) -> Result:
    """The line of a document that failed: its error instead of a result."""
    record = {"id": document.id, "sha256": document.sha256, **fields}
    record |= {"extra": document.extra, "error": error}
    return Result(output, position, dumps_line(record), True)


def describe_error(err: Exception) -> str:
    if isinstance(err, ToolkitError):
        return str(err)
    return f"internal error: {type(err).__name__}: {err}"

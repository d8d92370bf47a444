"""A progress bar of the input on stderr, with its rate and the time left, for long work: only when
stderr is a terminal and the input is large; nothing in pipes, under -q, or for small inputs."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING, TextIO

from toolkit.text.inputs import Input

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, ProgressColumn
    from rich.status import Status

    from toolkit.engines.base import Advance
    from toolkit.output.stderr import Stderr

# Told the bytes done and the total, as far as they are known.
Transferred = Callable[[int, int], None]

# About 40,000 words: several seconds of Apertium or of a long summary.
LARGE_INPUT_BYTES = 250_000


def input_bytes(inputs: list[Input], stdin: TextIO | None) -> int | None:
    """The size of the inputs in bytes; None when one of them is a pipe, a terminal, or a
    stream with no file behind it."""
    total = 0
    for source in inputs:
        if source.text is not None:
            total += len(source.text.encode("utf-8"))
            continue
        try:
            status = os.fstat(stdin.fileno()) if stdin and source.is_stdin else os.stat(source.path)
        except (OSError, ValueError):  # io.UnsupportedOperation is both
            return None
        if not stat.S_ISREG(status.st_mode):
            return None
        total += status.st_size
    return total


class InputProgress:
    """Bytes of input done, out of `total` (the inputs' size times `rounds`, one round per pass
    over the input: a target language, say)."""

    def __init__(
        self,
        console: Stderr | None,
        inputs: list[Input],
        stdin: TextIO | None,
        label: str,
        rounds: int = 1,
        redirect_stdout: bool = False,
    ) -> None:
        """A bar on `console` (None: no bar) when the inputs are large."""
        self._bar: Progress | None = None
        size = input_bytes(inputs, stdin) if console is not None else None
        if console is None or size is None or size < LARGE_INPUT_BYTES:
            return
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn

        # Text for a stdout that is the same terminal goes above the bar, not through it.
        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            _pace_column(),
            console=rich_of(console),
            transient=True,
            redirect_stdout=redirect_stdout,
            redirect_stderr=False,
        )
        self._task = self._bar.add_task(label, total=size * rounds)

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def __enter__(self) -> InputProgress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, size: int) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, size)

    def describe(self, label: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, description=label)

    def counted(self, blocks: Iterator[str]) -> Iterator[str]:
        """The blocks of text, the bar moving as each is taken."""
        for block in blocks:
            self.advance(len(block.encode("utf-8")) if self._bar is not None else 0)
            yield block


@contextmanager
def counted_bar(console: Stderr | None, total: int, label: str) -> Iterator[Advance | None]:
    """A bar of `total` units on `console` (None: no bar, nothing to advance)."""
    if console is None:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = (
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=rich_of(console), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda done: bar.advance(task, done)


@contextmanager
def transfer_bar(console: Stderr | None, label: str) -> Iterator[Transferred | None]:
    """A bar of bytes done out of a total known as the work goes (a download, an archive
    unpacked) on `console` (None: no bar, nothing to call)."""
    if console is None:
        yield None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

    columns = ("{task.description}", BarColumn(), DownloadColumn(), TransferSpeedColumn())
    with Progress(*columns, console=rich_of(console), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def spinner(console: Stderr | None, message: str) -> AbstractContextManager[Status | None]:
    """A spinner with `message` on `console` while the work runs (None: nothing shown)."""
    if console is None:
        return nullcontext()
    return rich_of(console).status(message)


def rich_of(console: Stderr) -> Console:
    """The console a bar is drawn on: a terminal's, which is always rich's."""
    from rich.console import Console

    if not isinstance(console, Console):
        raise TypeError("a progress bar needs rich's console")
    return console


def _pace_column() -> ProgressColumn:
    """Bytes a second since the start, and the time left at that pace. rich's own columns wait
    for several updates, and a batch of translation is one."""
    from datetime import timedelta

    from rich.filesize import decimal
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class Pace(ProgressColumn):
        def render(self, task: Task) -> Text:
            if not task.completed or not task.elapsed or task.total is None:
                return Text("? B/s, ETA ?")
            rate = task.completed / task.elapsed
            left = timedelta(seconds=round((task.total - task.completed) / rate))
            return Text(f"{decimal(int(rate))}/s, ETA {left}")

    return Pace()

"""Running units in this process or in worker processes; results come back in input order.

Workers are started with `spawn` and load their engines once (the pool initializer). They ignore
Ctrl-C, as do the engine processes they start, so that an interrupted run stops in one place:
the parent, which writes every line.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Generator, Iterable
from typing import Any

from toolkit.corpus.plan import Unit
from toolkit.corpus.tasks import Result, Task, Work

Outcome = tuple[Unit, list[Result]]


def in_process(task: Task, units: Iterable[Unit]) -> Generator[Outcome, None, None]:
    work = task.start()
    for unit in units:
        yield unit, work(unit)


class _Worker:
    """What a worker process holds between units: its started task, or why it could not start.
    One per process (the pool's initializer sets it), as multiprocessing's pools require."""

    work: Work | None = None
    start_error: BaseException | None = None


_worker = _Worker()


def _initialize(task: Task) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _worker.work = task.start()
    except Exception as err:
        # Raised with the first unit: a pool whose initializer fails restarts workers forever.
        _worker.start_error = err


def _run(unit: Unit) -> list[Result]:
    if _worker.start_error is not None:
        raise _worker.start_error
    if _worker.work is None:
        raise RuntimeError("a corpus worker ran a unit before its task started")
    return _worker.work(unit)


def in_processes(task: Task, units: Iterable[Unit], workers: int) -> Generator[Outcome, None, None]:
    """Units on a pool of `workers` processes, at most two in flight per worker."""
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(workers, initializer=_initialize, initargs=(task,))
    try:
        in_flight: deque[tuple[Unit, Any]] = deque()
        source = iter(units)
        for unit in source:
            in_flight.append((unit, pool.apply_async(_run, (unit,))))
            if len(in_flight) >= 2 * workers:
                break
        while in_flight:
            unit, pending = in_flight.popleft()
            results = pending.get()
            following = next(source, None)
            if following is not None:
                in_flight.append((following, pool.apply_async(_run, (following,))))
            yield unit, results
        pool.close()
        pool.join()
    finally:
        pool.terminate()

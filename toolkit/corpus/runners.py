"""Running units in this process or in worker processes; results come back in input order.

Workers are started with `spawn` and load their engines once (the pool initializer). They ignore
Ctrl-C, as do the engine processes they start, so that an interrupted run stops in one place:
the parent, which writes every line.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable
from functools import partial
from typing import Any

from toolkit.corpus.plan import Unit
from toolkit.corpus.tasks import Result, Task, Work

Outcome = tuple[Unit, list[Result]]
# Told, while a unit is worked on, the share of it done so far (for a progress bar).
Partly = Callable[[Unit, float], None]

# How often, in seconds, the parent looks for the shares its workers sent while it waits.
_POLL_SECONDS = 0.1


def in_process(
    task: Task, units: Iterable[Unit], partly: Partly | None = None
) -> Generator[Outcome, None, None]:
    work = task.start()
    for unit in units:
        yield unit, work(unit, None if partly is None else partial(partly, unit))


class _Worker:
    """What a worker process holds between units: its started task, or why it could not start.
    One per process (the pool's initializer sets it), as multiprocessing's pools require."""

    work: Work | None = None
    start_error: BaseException | None = None
    shares: Any = None  # the queue of (unit number, share) the parent reads, if it shows them


_worker = _Worker()


def _initialize(task: Task, shares: Any = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if shares is not None:
        shares.cancel_join_thread()  # shares unsent when the worker ends are not waited for
    _worker.shares = shares
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
    shares = _worker.shares
    if shares is None:
        return _worker.work(unit)
    return _worker.work(unit, lambda share: shares.put((unit.number, share)))


def in_processes(
    task: Task, units: Iterable[Unit], workers: int, partly: Partly | None = None
) -> Generator[Outcome, None, None]:
    """Units on a pool of `workers` processes, at most two in flight per worker; with `partly`,
    the workers send the share of each unit done, told while the parent waits."""
    context = multiprocessing.get_context("spawn")
    shares = context.Queue() if partly is not None else None
    pool = context.Pool(workers, initializer=_initialize, initargs=(task, shares))
    try:
        in_flight: deque[tuple[Unit, Any]] = deque()
        source = iter(units)
        for unit in source:
            in_flight.append((unit, pool.apply_async(_run, (unit,))))
            if len(in_flight) >= 2 * workers:
                break
        while in_flight:
            unit, pending = in_flight.popleft()
            if shares is not None and partly is not None:
                by_number = {waiting.number: waiting for waiting, _ in in_flight} | {
                    unit.number: unit
                }
                _tell(shares, by_number, partly)
                while not pending.ready():
                    pending.wait(_POLL_SECONDS)
                    _tell(shares, by_number, partly)
            results = pending.get()
            following = next(source, None)
            if following is not None:
                in_flight.append((following, pool.apply_async(_run, (following,))))
            yield unit, results
        pool.close()
        pool.join()
    finally:
        pool.terminate()
        if shares is not None:
            shares.close()


def _tell(shares: Any, units: dict[int, Unit], partly: Partly) -> None:
    """Tell `partly` of the shares the workers sent so far, for the units still in flight."""
    while True:
        try:
            number, share = shares.get_nowait()
        except queue.Empty:
            return
        if number in units:
            partly(units[number], share)

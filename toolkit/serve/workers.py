"""A bounded pool of worker threads, each with its own engines kept warm, fed from the event loop.

Threads, not processes: a request's time goes to Apertium's programs (other processes, reached
through pipes) and CTranslate2 (which releases the GIL); the Python around them (placeholders,
typography, QA) took 0.02 s of CPU of the 0.75 to 1.3 s a warm worker takes for the example
release into en or es, so the GIL is not what bounds the pool, and processes would only add a
copy of every engine and a pickled request and answer each. Each thread
holds engines of its own, because an Apertium engine keeps its programs running between calls
and talks to them through one set of pipes.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")
W = TypeVar("W")  # what a worker holds: its engines and pipelines


class QueueFull(Exception):
    """Every worker is busy and the queue is full: the client should come back later."""


@dataclass
class _Job(Generic[W]):
    work: Callable[[W], Any]
    future: asyncio.Future[Any]
    loop: asyncio.AbstractEventLoop
    abandoned: bool = False  # the client went away or the time ran out: skip it if not started


class WorkerPool(Generic[W]):
    """`workers` threads, each making its own state with `make` when it starts and handing it to
    `end` when it ends; at most `queue_limit` jobs wait for a thread, beyond those being worked
    on."""

    def __init__(
        self,
        workers: int,
        queue_limit: int,
        make: Callable[[], W],
        end: Callable[[W], None] = lambda state: None,
    ) -> None:
        self.workers, self.queue_limit = workers, queue_limit
        self._make, self._end = make, end
        self._jobs: queue.Queue[_Job[W] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._waiting = 0
        self._busy = 0
        self._threads: list[threading.Thread] = []
        self._ready = threading.Barrier(workers + 1)
        self._failures: list[BaseException] = []

    @property
    def busy(self) -> int:
        """Jobs being worked on now."""
        return self._busy

    def start(self) -> None:
        """Start the threads and wait until each has made its state."""
        for number in range(self.workers):
            thread = threading.Thread(target=self._serve, name=f"toolkit-worker-{number}")
            thread.start()
            self._threads.append(thread)
        self._ready.wait()
        if self._failures:  # a worker could not load its engines: the server does not start
            self.close()
            raise self._failures[0]

    def close(self) -> None:
        """Let the jobs queued so far finish, then end the threads."""
        for _ in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join()
        self._threads.clear()

    async def run(self, work: Callable[[W], T], timeout: float | None) -> T:
        """`work(state)` on a worker thread; QueueFull when the queue is full, TimeoutError when
        it takes longer than `timeout` seconds, queue included. A job that times out or whose
        caller is cancelled (the client went away) is dropped if no worker has started it."""
        loop = asyncio.get_running_loop()
        job: _Job[W] = _Job(work, loop.create_future(), loop)
        with self._lock:
            if self._waiting >= self.queue_limit + max(0, self.workers - self._busy):
                raise QueueFull
            self._waiting += 1
        self._jobs.put(job)
        try:
            return await asyncio.wait_for(asyncio.shield(job.future), timeout)
        except BaseException:
            job.abandoned = True
            raise

    def _serve(self) -> None:
        try:
            state = self._make()
        except BaseException as error:
            self._failures.append(error)
            self._ready.wait()
            self._jobs.get()  # the None that close() puts
            return
        self._ready.wait()
        while True:
            job = self._jobs.get()
            if job is None:
                self._end(state)
                return
            with self._lock:
                self._waiting -= 1
                if job.abandoned:
                    continue
                self._busy += 1
            result: object = None
            failure: BaseException | None = None
            try:
                result = job.work(state)
            except BaseException as error:  # handed to the request, which answers for it
                failure = error
            with self._lock:  # free before the answer goes: the client may send its next at once
                self._busy -= 1
            job.loop.call_soon_threadsafe(_settle, job.future, result, failure)


def _settle(future: asyncio.Future[Any], result: object, error: BaseException | None) -> None:
    if future.done():  # abandoned: nobody waits for it
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)

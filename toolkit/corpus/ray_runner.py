"""Running units on Ray Data: read the units → map_batches on a pool of actors that hold the engines → stream back.

Each actor loads its engines once (the task's `start()`) and works on one unit per call. Lines are
written by the driver as results stream back in input order, so the output files, their resume
and their durability are the same as in the other runners. Ray is an optional extra.
"""

from __future__ import annotations

import errno
import logging
import os
import pickle
import signal
import socket
import sys
import threading
import time
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from toolkit.corpus.plan import Unit
from toolkit.corpus.runners import Outcome
from toolkit.corpus.tasks import Task
from toolkit.errors import ToolkitError, UsageError

LOCAL = "local"
CONNECT_TIMEOUT_S = 10
INSTALL_HINT = "pip install 'toolkit[cluster]' (or: pip install 'ray[data]')"
# Ray's own waits when it joins a cluster, read from the environment when Ray is imported: by
# default twenty tries of up to 11 s each at a head node that takes the connection but does not
# answer. One try, 2 s per connection and 3 s for the cluster's id refuse it within about 10 s
# (a head node that answers does so in milliseconds). A value set in the environment is kept.
_JOIN_WAITS = {
    "RAY_gcs_server_port_wait_time_s": "1",
    "RAY_gcs_rpc_server_connect_timeout_s": "2",
    "RAY_py_gcs_connect_timeout_s": "3",
}


def require_ray(address: str | None = None) -> None:
    """Fail with what to install when Ray is missing. Ray is imported here, after its waits
    for joining the cluster at `address` (not `local`) are bounded."""
    if address is not None and address != LOCAL:
        for name, value in _JOIN_WAITS.items():
            os.environ.setdefault(name, value)
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise UsageError(
            f"--ray needs Ray, an optional extra; install it: {INSTALL_HINT}"
        ) from None


class UnitActor:
    """A Ray actor: loads the engines once, then turns batches of units into their output lines.

    A failure (an engine missing on a node) travels back as data and is raised by the driver, as
    the other runners do, rather than as a Ray error that would restart the actor.
    """

    task: Task  # set on a subclass made for each run, so that the actor takes no arguments

    def __init__(self) -> None:
        self.error: Exception | None = None
        try:
            self.work = self.task.start()
        except Exception as err:
            self.error = err

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[bytes]]:
        results = []
        for blob in batch["unit"]:
            try:
                if self.error is not None:
                    raise self.error
                results.append(pickle.dumps(self.work(pickle.loads(blob))))
            except Exception as err:
                results.append(pickle.dumps(err))
        return {"results": results}


@contextmanager
def session(address: str, workers: int | None) -> Iterator[None]:
    """Ray started or joined for the run, before any output file is touched (an address that
    cannot be joined leaves nothing behind), and shut down after it when the run started it."""
    import ray

    owned = connect(address, workers)
    try:
        yield
    finally:
        if owned:
            ray.shutdown()


def connect(address: str, workers: int | None) -> bool:
    """Start a local Ray for this run, or join the cluster at `address`; True when this run must shut it down."""
    import ray

    if ray.is_initialized():
        return False
    # Ray's own notices (and Ray Data's) would drown the run's progress and table on stderr.
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    options: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False}
    with _own_signal_handlers():
        if address == LOCAL:
            # address="local" starts a new instance even where a cluster was started by `ray start`.
            ray.init(
                address="local",
                num_cpus=workers or os.cpu_count() or 1,
                include_dashboard=False,
                **options,
            )
        else:
            _check_reachable(address)
            try:
                with _without_stderr():
                    ray.init(address=address, **options)
            except Exception as err:  # Ray's own kinds: connection, format, authentication...
                lines = str(err).strip().splitlines()
                raise UsageError(
                    f"cannot join the Ray cluster at {address!r}: "
                    f"{lines[0] if lines else type(err).__name__}; give its address "
                    "(head-node:6379, ray://head-node:10001, or auto on a node of the cluster)"
                ) from None
    return True


@contextmanager
def _without_stderr() -> Iterator[None]:
    """Descriptor 2 on /dev/null while Ray joins a cluster: its core's warnings while it waits
    (a line per connection tried) would come before the one line that says why it failed."""
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


@contextmanager
def _own_signal_handlers() -> Iterator[None]:
    """The command's SIGTERM and SIGHUP handlers (exit 143 and 129, through the same clean-up
    as Ctrl-C) put back after ray.init, which sets its own: an exit 15, and a C++ stack dump
    from the crash handler its core installs on SIGTERM."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    numbers = (signal.SIGTERM, signal.SIGHUP)
    saved = [signal.getsignal(number) for number in numbers]
    try:
        yield
    finally:
        for number, handler in zip(numbers, saved, strict=True):
            if handler is not None:  # None: set outside Python, not ours to put back
                signal.signal(number, handler)


def _check_reachable(address: str) -> None:
    """Fail fast on a head node that does not answer: Ray itself retries for minutes. Every
    address of the host name (IPv6 and IPv4, say) shares the one CONNECT_TIMEOUT_S."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        return  # "auto", or a form Ray resolves itself
    deadline = time.monotonic() + CONNECT_TIMEOUT_S
    try:
        found = socket.getaddrinfo(host.strip("[]"), int(port), type=socket.SOCK_STREAM)
        error: OSError = TimeoutError(errno.ETIMEDOUT, os.strerror(errno.ETIMEDOUT))
        for family, kind, protocol, _, place in found:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            with socket.socket(family, kind, protocol) as probe:
                probe.settimeout(left)
                try:
                    probe.connect(place)
                    return
                except OSError as err:
                    error = err
        raise error
    except OSError as err:
        raise UsageError(
            f"cannot reach the Ray cluster at {address} ({err.strerror or err}); check the "
            "head node's address and port (head-node:6379, or ray://head-node:10001)"
        ) from None


def on_ray(
    task: Task, units: Iterable[Unit], address: str, workers: int | None
) -> Generator[Outcome, None, None]:
    """Units through a Ray Data pipeline, on `workers` actors (default: every CPU of the cluster)."""
    require_ray(address)
    import ray
    import ray.data

    owned = connect(address, workers)  # False where session() connected first
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        todo = list(units)
        if not todo:
            return
        size = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        size = min(size, len(todo))
        dataset = ray.data.from_items(
            [{"unit": pickle.dumps(unit)} for unit in todo], override_num_blocks=len(todo)
        ).map_batches(
            type("UnitActor", (UnitActor,), {"task": task}),
            batch_size=1,
            compute=ray.data.ActorPoolStrategy(size=size),
            num_cpus=1,
        )
        try:
            for unit, row in zip(todo, dataset.iter_rows(), strict=True):
                results = pickle.loads(row["results"])
                if isinstance(results, Exception):
                    raise results
                yield unit, results
        except ray.exceptions.RayError as err:
            message = str(err).strip().splitlines()
            raise ToolkitError(
                f"the Ray run failed: {message[0] if message else type(err).__name__}"
            ) from None
    finally:
        if owned:
            ray.shutdown()

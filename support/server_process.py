"""A server in a process of its own on 127.0.0.1, for tests and benchmarks: a free port, started
and waited for, its peak memory read from /proc, ended with SIGTERM at the end of the block."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from support.http_client import wait_until_up

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def peak_rss(self) -> int:
        """The peak resident memory (bytes) of the server's own process (VmHWM)."""
        return _status_field(self.process.pid, "VmHWM")

    def tree_memory(self) -> int:
        """The memory (bytes) the server and every process under it hold now: the sum of their
        proportional set sizes (Pss), each shared page counted once in all."""
        return sum(_pss(pid) for pid in [self.process.pid, *descendants(self.process.pid)])

    @contextmanager
    def tree_memory_peak(self, interval: float = 0.5) -> Iterator[list[int]]:
        """Sample tree_memory() every `interval` seconds in a thread while the block runs; the
        list yielded holds the highest sample once the block ends."""
        peak = [self.tree_memory()]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(interval):
                peak[0] = max(peak[0], self.tree_memory())

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            yield peak
        finally:
            done.set()
            sampler.join()
            peak[0] = max(peak[0], self.tree_memory())

    def log_tail(self, characters: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-characters:]


def _status_field(pid: int, name: str, file: str = "status") -> int:
    """A field in kB of /proc/PID/status (or smaps_rollup), in bytes; 0 once the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/{file}").read_text().splitlines():
            if line.startswith(f"{name}:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _pss(pid: int) -> int:
    return _status_field(pid, "Pss", "smaps_rollup")


def descendants(root: int) -> list[int]:
    """The processes under `root`: its children, theirs, and so on."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found, frontier = [], [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


@contextmanager
def serving(
    command: Sequence[str],
    port: int,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    start_timeout: float = 120,
) -> Iterator[Server]:
    """Run `command` (a server listening on 127.0.0.1:port) until the block ends, then SIGTERM it
    (SIGKILL after 20 s); its stdout and stderr go to a temporary log, shown if it fails to start."""
    with tempfile.NamedTemporaryFile(prefix="server-", suffix=".log", delete=False) as log:
        process = subprocess.Popen(
            list(command), stdout=log, stderr=subprocess.STDOUT, env=env, cwd=cwd
        )
    server = Server(process, f"http://{HOST}:{port}", Path(log.name))
    try:
        try:
            wait_until_up(server.url, start_timeout, lambda: process.poll() is None)
        except (RuntimeError, TimeoutError) as error:
            raise RuntimeError(f"{error}:\n{server.log_tail()}") from None
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        os.unlink(server.log)

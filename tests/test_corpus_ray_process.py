"""`toolkit corpus ... --ray` in a process of its own: signals, and a cluster that cannot be joined."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.corpus_helpers import corpus_documents, read_lines, write_jsonl


def toolkit(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "toolkit", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
    )


@pytest.fixture
def silent_head() -> Iterator[int]:
    """A port on 127.0.0.1 that takes connections and never answers, as a host that is not a
    Ray head node (or a head node that hangs) does: Ray itself would wait minutes."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    taken: list[socket.socket] = []
    stop = threading.Event()

    def take() -> None:
        while not stop.is_set():
            with contextlib.suppress(OSError):  # no one this time round: look again
                taken.append(server.accept()[0])

    thread = threading.Thread(target=take, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in taken:
        connection.close()
    server.close()


def _refused(address: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    write_jsonl(tmp_path / "corpus.jsonl", [{"id": "a", "text": "Bonjour."}])
    args = ["corpus", "translate", "corpus.jsonl", "--to", "es", "-o", "out", "--ray", address]
    return subprocess.run(
        [sys.executable, "-m", "toolkit", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,  # Ray's own retries, unbounded, take minutes
        check=False,
    )


def test_a_head_node_that_does_not_answer_is_refused_and_leaves_nothing(
    silent_head: int, tmp_path: Path
) -> None:
    result = _refused(f"127.0.0.1:{silent_head}", tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"toolkit: error: cannot join the Ray cluster at '127.0.0.1:{silent_head}'"
    )
    assert result.stderr.count("\n") == 1, result.stderr
    assert not (tmp_path / "out").exists()


def test_a_closed_port_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # closed once the block ends: nothing listens there
    result = _refused(f"127.0.0.1:{port}", tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"toolkit: error: cannot reach the Ray cluster at 127.0.0.1:{port} (Connection refused); "
        "check the head node's address and port (head-node:6379, or ray://head-node:10001)\n"
    )
    assert not (tmp_path / "out").exists()


def test_sigterm_during_a_ray_run_exits_143_and_keeps_what_is_done(
    release_text: str, tmp_path: Path
) -> None:
    write_jsonl(tmp_path / "corpus.jsonl", corpus_documents(release_text, 60))
    process = toolkit(
        "corpus", "translate", "corpus.jsonl", "--to", "es", "-o", "out", "--batch", "1",
        "--ray", "local", "--workers", "1", cwd=tmp_path,
    )  # fmt: skip
    output = tmp_path / "out" / "es.jsonl"
    deadline = time.monotonic() + 120
    while not (output.exists() and output.stat().st_size) and process.poll() is None:
        assert time.monotonic() < deadline, "no document done in 120 s"
        time.sleep(0.2)
    os.kill(process.pid, signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert "SIGTERM received" not in stderr and "Traceback" not in stderr
    assert read_lines(output)  # complete lines only: a rerun resumes from them
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["es.jsonl"]

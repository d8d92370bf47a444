"""A toolkit server for tests, on 127.0.0.1 and a free port, ready when the context opens.

`serving(settings)` runs the application in a thread of the test's own process (uvicorn, as the
command runs it): the fastest to start. `serving_process(*options)` starts a real `python -m
toolkit serve` process, for what only a process shows (signals, exit status, its stderr).
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 60.0  # seconds for a server to answer after it was started


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Client:
    """Requests to one server over http.client: no library of the server's own side."""

    host: str
    port: int
    timeout: float = 120.0

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return Answer(
                response.status,
                {k.lower(): v for k, v in response.getheaders()},
                response.read(),
            )
        finally:
            connection.close()

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def post_json(self, path: str, data: object) -> Answer:
        body = json.dumps(data).encode()
        return self.request("POST", path, body, {"Content-Type": "application/json"})

    def post_form(self, path: str, data: dict[str, Any]) -> Answer:
        body = urlencode(data, doseq=True).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request("POST", path, body, headers)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ThreadServer(Client):
    log: list[str] = field(default_factory=list)


@contextmanager
def serving(settings: Any = None, **changes: Any) -> Iterator[ThreadServer]:
    """The application made from `settings` (ServeSettings; `changes` on top), served by uvicorn
    in a thread on a socket bound to a free port of 127.0.0.1."""
    import dataclasses
    import io

    import uvicorn

    from toolkit.serve.app import create_app
    from toolkit.serve.settings import ServeSettings

    chosen = dataclasses.replace(settings or ServeSettings(workers=1), **changes)
    stream = io.StringIO()
    app = create_app(chosen, log=stream)
    listening = socket.socket()
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listening.bind(("127.0.0.1", 0))
    port = listening.getsockname()[1]
    config = uvicorn.Config(app, access_log=False, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    found = ThreadServer("127.0.0.1", port)

    def run() -> None:
        asyncio.run(server.serve(sockets=[listening]))

    thread = threading.Thread(target=run, name="toolkit-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield found
    finally:
        server.should_exit = True
        thread.join(START_TIMEOUT)
        listening.close()
        found.log[:] = stream.getvalue().splitlines()


@dataclass
class ProcessServer(Client):
    process: subprocess.Popen[bytes] | None = None

    def stderr(self) -> str:
        """What the process wrote on stderr, once it has ended."""
        assert self.process is not None and self.process.stderr is not None
        return self.process.stderr.read().decode()


@contextmanager
def serving_process(*options: str, env: dict[str, str] | None = None) -> Iterator[ProcessServer]:
    """A real `python -m toolkit serve` on a free port, answering GET /languages; ended (SIGTERM,
    then killed) when the context closes, unless the test ended it."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "toolkit", "serve", "--port", str(port), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        cwd=ROOT,
    )
    found = ProcessServer("127.0.0.1", port, process=process)
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"toolkit serve exited with {process.returncode}: {found.stderr()}")
        try:
            if found.get("/languages").status == 200:
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("toolkit serve did not answer in time")
        time.sleep(0.1)
    try:
        yield found
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(START_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

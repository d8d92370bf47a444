"""A toolkit server for tests, on 127.0.0.1 and a free port, ready when the context opens.

`serving(settings)` runs the application in a thread of the test's own process (uvicorn, as the
command runs it): the fastest to start. `serving_process(*options)` starts a real `python -m
toolkit serve` process, for what only a process shows (signals, exit status, its stderr).
"""

from __future__ import annotations

import asyncio
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

from support.http_client import Answer, connect, exchange_bytes
from support.server_process import free_port
from support.server_process import serving as process_serving

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 60.0  # seconds for a server to answer after it was started


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
        connection = connect(self.url, self.timeout)
        try:
            return exchange_bytes(connection, method, path, body, headers or {})
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


@dataclass
class ThreadServer(Client):
    app: Any = None  # the Starlette application: its state.server holds the pool and limits
    log: list[str] = field(default_factory=list)  # the access log, once the server has ended


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
    found = ThreadServer("127.0.0.1", port, app=app)

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
    log: Path | None = None  # what the process writes, stdout and stderr

    def stderr(self) -> str:
        """What the process has written so far (its stdout is empty: all goes to stderr)."""
        assert self.log is not None
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def serving_process(*options: str, env: dict[str, str] | None = None) -> Iterator[ProcessServer]:
    """A real `python -m toolkit serve` on a free port, answering GET /languages; ended (SIGTERM,
    then killed) when the context closes, unless the test ended it."""
    port = free_port()
    command = [sys.executable, "-m", "toolkit", "serve", "--port", str(port), *options]
    environ = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    with process_serving(command, port, environ, ROOT, START_TIMEOUT) as server:
        yield ProcessServer("127.0.0.1", port, process=server.process, log=server.log)

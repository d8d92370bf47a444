"""A plain HTTP client on the standard library, for the servers that tests and benchmarks start on
127.0.0.1: one request with its answer, and load from many clients at once with their latencies."""

from __future__ import annotations

import http.client
import json
import statistics
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit


@dataclass(frozen=True)
class Request:
    """One HTTP request: a JSON body (`json`, or `raw` bytes sent as JSON), a form, or a file."""

    method: str
    path: str
    json: Any = None
    raw: bytes | None = None
    form: dict[str, str] | None = None
    file: tuple[str, bytes] | None = None  # (name, content), sent as multipart `file` beside `form`
    headers: dict[str, str] = field(default_factory=dict)

    def encode(self) -> tuple[bytes | None, dict[str, str]]:
        headers = dict(self.headers)
        body: bytes | None = None
        if self.file is not None:
            boundary = uuid.uuid4().hex
            body = multipart(boundary, self.form or {}, self.file)
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        elif self.form is not None:
            body = urlencode(self.form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif self.raw is not None or self.json is not None:
            body = self.raw if self.raw is not None else json.dumps(self.json).encode()
            headers["Content-Type"] = "application/json"
        return body, headers


def multipart(boundary: str, fields: dict[str, str], file: tuple[str, bytes]) -> bytes:
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    name, content = file
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: text/plain\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]  # their names in lower case
    body: bytes

    @property
    def content_type(self) -> str:
        """The media type alone, without its parameters."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def json(self) -> Any:
        return json.loads(self.body)

    def is_json(self) -> bool:
        return self.content_type == "application/json"


def connect(base_url: str, timeout: float = 120) -> http.client.HTTPConnection:
    address = urlsplit(base_url)
    assert address.hostname == "127.0.0.1", "tests and benchmarks talk to the loopback address only"
    return http.client.HTTPConnection(address.hostname, address.port, timeout=timeout)


def exchange(connection: http.client.HTTPConnection, request: Request) -> Answer:
    body, headers = request.encode()
    return exchange_bytes(connection, request.method, request.path, body, headers)


def exchange_bytes(
    connection: http.client.HTTPConnection,
    method: str,
    path: str,
    body: bytes | None,
    headers: dict[str, str],
) -> Answer:
    """One request of any body and headers on `connection`, and its whole answer."""
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    found = {name.lower(): value for name, value in response.getheaders()}
    return Answer(response.status, found, response.read())


def send(base_url: str, request: Request, timeout: float = 120) -> Answer:
    """One request on a connection of its own."""
    connection = connect(base_url, timeout)
    try:
        return exchange(connection, request)
    finally:
        connection.close()


def wait_until_up(base_url: str, timeout: float, alive: Callable[[], bool]) -> None:
    """Wait until the server answers GET /languages with 200; `alive` says whether its process
    still runs (a server that died is reported at once, not after the timeout)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive():
            raise RuntimeError(f"the server at {base_url} ended before it answered")
        try:
            if send(base_url, Request("GET", "/languages"), timeout=5).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"the server at {base_url} did not answer within {timeout:.0f} s")


# ---------------------------------------------------------------- load from many clients


@dataclass(frozen=True)
class Outcome:
    index: int  # the request's place in the list given to `load`
    answer: Answer | None
    seconds: float
    error: str | None = None  # the exception, when no answer came back


@dataclass
class Load:
    outcomes: list[Outcome]
    wall: float  # from the first request sent to the last answer read

    @property
    def requests_per_second(self) -> float:
        return len(self.outcomes) / self.wall

    def latency(self, percentile: float) -> float:
        """The latency (seconds) under which `percentile` per cent of the answered requests fell."""
        times = sorted(o.seconds for o in self.outcomes if o.answer is not None)
        if len(times) == 1:
            return times[0]
        return statistics.quantiles(times, n=100, method="inclusive")[int(percentile) - 1]


def load(base_url: str, requests: Sequence[Request], clients: int, timeout: float = 120) -> Load:
    """Send every request once, from `clients` threads at once, each with its own keep-alive
    connection taking the next request left; every request ends as an answer or an error."""
    outcomes: list[Outcome] = []
    lock = threading.Lock()
    next_index = iter(range(len(requests)))

    def client() -> None:
        connection = connect(base_url, timeout)
        try:
            while True:
                with lock:
                    index = next(next_index, None)
                if index is None:
                    return
                started = time.perf_counter()
                try:
                    answer = exchange(connection, requests[index])
                    outcome = Outcome(index, answer, time.perf_counter() - started)
                except (OSError, http.client.HTTPException) as error:
                    connection.close()
                    connection = connect(base_url, timeout)
                    outcome = Outcome(index, None, time.perf_counter() - started, repr(error))
                with lock:
                    outcomes.append(outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Load(sorted(outcomes, key=lambda o: o.index), time.perf_counter() - started)

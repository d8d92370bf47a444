"""Faults: each gets its status or is dropped cleanly, and the server keeps serving."""

from __future__ import annotations

import json
import signal
import socket
import threading
import time

import pytest

from tests.conftest import RELEASE
from tests.serving import Client, serving, serving_process

SHORT = {"q": "Le ministre est à Stepanakert.", "source": "fr", "target": "es"}


def still_serving(server: Client) -> None:
    answer = server.post_json("/translate", SHORT)
    assert answer.status == 200 and "Stepanakert" in answer.json()["translatedText"]


@pytest.fixture(scope="module")
def server():
    with serving(body_limit=1024 * 1024) as running:
        yield running


def raw_connection(server: Client) -> socket.socket:
    return socket.create_connection((server.host, server.port), timeout=30)


def test_a_client_that_disconnects_mid_request(server) -> None:
    body = json.dumps({"q": RELEASE.read_text(encoding="utf-8"), "source": "fr", "target": "en"})
    for cut in (len(body) // 2, len(body)):  # while sending, and once the work has begun
        with raw_connection(server) as connection:
            head = f"POST /translate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {len(body.encode())}\r\n\r\n"
            connection.sendall(head.encode() + body.encode()[:cut])
    still_serving(server)


def test_a_trickling_body_gets_408_while_others_are_served() -> None:
    with serving(read_timeout=1.0) as running:
        with raw_connection(running) as slow:
            slow.sendall(
                b"POST /translate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Content-Length: 100\r\n\r\n{"
            )
            started = time.monotonic()
            still_serving(running)  # served while the slow client holds its connection
            answer = slow.recv(4096).decode()
            assert answer.startswith("HTTP/1.1 408"), answer
            assert time.monotonic() - started < 10
        still_serving(running)


def test_a_10_mb_body_gets_413(server) -> None:
    body = b'{"q": "' + b"a" * (10 * 1024 * 1024) + b'", "source": "fr", "target": "es"}'
    answer = server.request("POST", "/translate", body, {"Content-Type": "application/json"})
    assert answer.status == 413
    assert "too large" in answer.json()["error"]
    still_serving(server)


def test_malformed_json_unknown_language(server) -> None:
    bad = server.request("POST", "/translate", b"{'q': 1}", {"Content-Type": "application/json"})
    assert bad.status == 400 and "error" in bad.json()
    unknown = server.post_json("/translate", {**SHORT, "target": "tlh"})
    assert unknown.status == 400 and unknown.json() == {"error": "tlh is not supported"}
    still_serving(server)


def test_a_wrong_key() -> None:
    with serving(api_keys=frozenset({"good"})) as keyed:
        wrong = keyed.post_json("/translate", {**SHORT, "api_key": "bad"})
        assert wrong.status == 403 and wrong.json() == {"error": "Invalid API key"}
        assert keyed.post_json("/translate", {**SHORT, "api_key": "good"}).status == 200


def test_a_client_over_its_request_limit_gets_429() -> None:
    with serving(req_limit=2) as limited:
        statuses = [limited.post_json("/detect", {"q": "Bonjour à tous"}).status for _ in range(3)]
        assert statuses == [200, 200, 429]
        slowed = limited.post_json("/detect", {"q": "Bonjour"})
        assert slowed.json()["error"] == "Slowdown: 2 per 1 minute"
        assert int(slowed.headers["retry-after"]) >= 1
        assert limited.get("/languages").status == 200  # exempt, as in LibreTranslate


def test_a_full_queue_gets_503_with_retry_after() -> None:
    release = {"q": RELEASE.read_text(encoding="utf-8"), "source": "fr", "target": "en"}
    with serving(workers=1, queue=0) as busy:
        first: list[int] = []
        worker = threading.Thread(
            target=lambda: first.append(busy.post_json("/translate", release).status)
        )
        worker.start()
        pool = busy.app.state.server.pool
        deadline = time.monotonic() + 30
        while pool.busy == 0 and time.monotonic() < deadline:
            time.sleep(0.005)
        refused = busy.post_json("/translate", SHORT)
        worker.join()
        assert refused.status == 503 and int(refused.headers["retry-after"]) >= 1
        assert "busy" in refused.json()["error"]
        assert first == [200]
        still_serving(busy)


def test_a_request_over_its_time_gets_503() -> None:
    release = {"q": RELEASE.read_text(encoding="utf-8"), "source": "fr", "target": "en"}
    with serving(timeout=0.01) as hurried:
        answer = hurried.post_json("/translate", release)
        assert answer.status == 503
        assert answer.json()["error"] == "Translation did not finish within 0.01 s"


def test_sigterm_drains_the_request_in_flight_then_exits_0() -> None:
    release = {"q": RELEASE.read_text(encoding="utf-8"), "source": "fr", "target": "en"}
    with serving_process("--workers", "1") as server:
        assert server.process is not None
        result: list[object] = []
        in_flight = threading.Thread(
            target=lambda: result.append(server.post_json("/translate", release))
        )
        in_flight.start()
        time.sleep(0.3)  # the request is in (its body is small and the machine idle)
        server.process.send_signal(signal.SIGTERM)
        in_flight.join(60)
        assert server.process.wait(60) == 0
        answer = result[0]
        assert answer.status == 200 and "Artsakh" in answer.json()["translatedText"]  # type: ignore[attr-defined]
        with pytest.raises(OSError):
            server.get("/languages")  # nothing listens any more
        log = server.stderr()
        assert "POST /translate 200" in log and "Traceback" not in log

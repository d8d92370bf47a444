"""What wraps every request: one log line on stderr, LibreTranslate's CORS headers, and the body
limit (413), as plain ASGI so that nothing is buffered twice."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from toolkit.output.terminal import escaped_line
from toolkit.serve.errors import error_response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

CHARACTERS = "toolkit.characters"  # set in the scope by a route: the characters it worked on
# A body over the limit is read and thrown away, so that the client reads the 413 rather than a
# reset connection (clients send the whole body before they read), up to this many bytes or
# times the limit; past that the connection is closed.
DRAIN_BYTES = 64 * 1024 * 1024
DRAIN_FACTOR = 4

CORS = [
    (b"access-control-allow-origin", b"*"),
    (b"access-control-allow-headers", b"Authorization, Content-Type"),
    (b"access-control-expose-headers", b"Authorization"),
    (b"access-control-allow-methods", b"GET, POST"),
    (b"access-control-allow-credentials", b"true"),
    (b"access-control-max-age", str(60 * 60 * 24 * 20).encode()),
]


class AccessLog:
    """One line per request on stderr: client, method, path, status, milliseconds, characters."""

    def __init__(self, app: App, stream: Any = None) -> None:
        self.app, self.stream = app, stream

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [0]

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            client = scope.get("client") or ("-", 0)
            line = (
                f"{client[0]} {scope['method']} {scope['path']} {status[0] or '-'} "
                f"{(time.perf_counter() - started) * 1000:.0f} ms "
                f"{scope.get(CHARACTERS, 0)} chars"
            )
            stream = self.stream or sys.stderr
            stream.write(escaped_line(line) + "\n")
            stream.flush()


class Cors:
    """LibreTranslate's CORS headers on every answer, and an empty 200 to a preflight OPTIONS."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS":
            await send({"type": "http.response.start", "status": 200, "headers": [*CORS]})
            await send({"type": "http.response.body", "body": b""})
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *CORS]
            await send(message)

        await self.app(scope, receive, sending)


class BodyLimit:
    """A body over `limit` bytes gets 413 and `{"error": ...}`, whether its Content-Length says
    so or its chunks add up to it; the route never sees it. A body that takes longer than
    `read_timeout` seconds to come (a client that trickles it) gets 408."""

    def __init__(self, app: App, limit: int, read_timeout: float = 30.0) -> None:
        self.app, self.limit, self.read_timeout = app, limit, read_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            async with asyncio.timeout(self.read_timeout):
                body = await self._read(scope, receive, send)
        except TimeoutError:
            response = error_response(
                408,
                f"Request body not received within {self.read_timeout:g} s",
                {"Connection": "close"},
            )
            await response({"type": "http"}, receive, send)
            return
        if body is None:
            return
        given = False

        async def replay() -> Message:
            nonlocal given
            if not given:
                given = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: the client's disconnect, when it comes

        await self.app(scope, replay, send)

    async def _read(self, scope: Scope, receive: Receive, send: Send) -> bytes | None:
        """The whole body; None when it was answered here (413) or the client went away."""
        declared = _content_length(scope)
        if declared is not None and 0 < self.limit < declared:
            await self._refuse(receive, send, declared)
            return None
        size = 0
        chunks: list[bytes] = []
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None  # the client went away before its body was whole: nothing to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            more = message.get("more_body", False)
            if 0 < self.limit < size:
                await self._refuse(receive, send, size, drained=size, more=more)
                return None
            chunks.append(chunk)
        return b"".join(chunks)

    async def _refuse(
        self, receive: Receive, send: Send, size: int, drained: int = 0, more: bool = True
    ) -> None:
        while more and drained <= max(DRAIN_BYTES, DRAIN_FACTOR * self.limit):
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            drained += len(message.get("body", b""))
            more = message.get("more_body", False)
        response = error_response(
            413,
            f"Request body too large: {size} bytes or more, the limit is {self.limit}",
            {"Connection": "close"},
        )
        await response({"type": "http"}, receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None

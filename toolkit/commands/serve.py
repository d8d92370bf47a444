"""`toolkit serve`: read the options, make the application (toolkit.serve.app), and run it on
uvicorn until SIGTERM or Ctrl-C, which let the requests in flight finish first."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.environment import Environment
from toolkit.errors import UsageError
from toolkit.serve.settings import ServeSettings, read_api_keys
from toolkit.text import languages

if TYPE_CHECKING:
    import uvicorn

NO_WARM = "none"


@dataclass(frozen=True, kw_only=True)
class ServeRequest:
    host: str
    port: int
    glossaries: tuple[str, ...] = ()
    use_glossary: bool = True
    engine: str = "auto"
    workers: int
    api_keys: str | None = None  # a file of keys, one a line
    req_limit: int
    char_limit: int
    body_limit: int
    timeout: float
    queue: int
    warm: str = NO_WARM  # comma-separated targets, or "none"
    warm_by_default: bool = False  # not given: targets the server lacks are left out


def warm_targets(given: str) -> tuple[str, ...]:
    """The targets of --warm as codes, in order, once each; "none" (or nothing): none."""
    if given.strip().lower() in ("", NO_WARM):
        return ()
    codes = []
    for item in (part.strip() for part in given.split(",")):
        code = languages.recognize(item) if item else None
        if code is None:
            raise UsageError(f"--warm: {item!r} is not a language code (es,en or none)")
        codes.append(code)
    return tuple(dict.fromkeys(codes))


def settings(request: ServeRequest) -> ServeSettings:
    """The server's settings, each option checked (exit 2) before anything is loaded."""
    if not 0 <= request.port <= 65535:
        raise UsageError(f"--port must be from 0 to 65535, not {request.port}")
    for name, value, least in (
        ("--workers", request.workers, 1),
        ("--queue", request.queue, 0),
        ("--body-limit", request.body_limit, 1),
    ):
        if value < least:
            raise UsageError(f"{name} must be at least {least}, not {value}")
    if request.timeout <= 0:
        raise UsageError(f"--timeout must be above 0 seconds, not {request.timeout:g}")
    keys = None
    if request.api_keys is not None:
        try:
            keys = read_api_keys(Path(request.api_keys).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"{request.api_keys}: cannot read the API keys ({error})") from None
        if not keys:
            raise UsageError(f"{request.api_keys}: no API key in the file (one a line)")
    return ServeSettings(
        host=request.host,
        port=request.port,
        glossaries=request.glossaries,
        use_glossary=request.use_glossary,
        engine=request.engine,
        workers=request.workers,
        api_keys=keys,
        req_limit=request.req_limit,
        char_limit=request.char_limit,
        body_limit=request.body_limit,
        timeout=request.timeout,
        queue=request.queue,
        warm=warm_targets(request.warm),
        warm_by_default=request.warm_by_default,
    )


def run(request: ServeRequest, env: Environment) -> None:
    import uvicorn

    from toolkit.serve.app import create_app

    chosen = settings(request)
    app = create_app(chosen)
    config = uvicorn.Config(
        app,
        host=chosen.host,
        port=chosen.port,
        access_log=False,  # toolkit.serve.middleware.AccessLog writes one line per request
        log_level="warning",
        lifespan="on",
        timeout_graceful_shutdown=int(chosen.timeout) + 5,
    )
    server = _Server(config)
    env.note(
        f"serving on http://{chosen.host}:{chosen.port} with {chosen.workers} worker"
        f"{'s' if chosen.workers != 1 else ''} (SIGTERM or Ctrl-C stops it)"
    )
    server.run()
    if server.failed:
        raise UsageError(f"cannot listen on {chosen.host}:{chosen.port} (address in use?)")


class _Server:
    """uvicorn's server, SIGTERM ending it with exit status 0 once the requests in flight are
    answered (uvicorn raises the signal again after its shutdown, which would end the process
    with 143)."""

    def __init__(self, config: uvicorn.Config) -> None:
        import uvicorn

        class Drained(uvicorn.Server):
            @contextlib.contextmanager
            def capture_signals(self) -> Iterator[None]:
                with super().capture_signals():
                    yield
                    captured = getattr(self, "_captured_signals", None)
                    if isinstance(captured, list):
                        captured[:] = [s for s in captured if s != signal.SIGTERM]

        self._server = Drained(config)
        self.failed = False

    def run(self) -> None:
        try:
            self._server.run()
        except SystemExit as exit:  # uvicorn's own exit when it cannot bind or start
            if exit.code not in (0, None):
                self.failed = True
                return
            raise
        self.failed = not self._server.started

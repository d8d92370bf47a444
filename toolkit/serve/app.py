"""The ASGI application: LibreTranslate's routes (toolkit.serve.libretranslate), toolkit's
additions (toolkit.serve.additions) and the desk page (toolkit.serve.page_files) over one
Server (toolkit.serve.server): its glossary, catalogue of routes and pool of workers with their
engines, all made when the server starts.

Every route reads its parameters, checks them as LibreTranslate does, and hands the work to a
worker (toolkit.serve.service); none does any engine work of its own.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import TextIO

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from toolkit.engines import routing
from toolkit.glossary.active import load_active
from toolkit.serve import additions, libretranslate, page_files
from toolkit.serve.catalogue import catalogue
from toolkit.serve.errors import ApiError, error_response
from toolkit.serve.middleware import AccessLog, BodyLimit, Cors
from toolkit.serve.server import Server
from toolkit.serve.service import close_engines
from toolkit.serve.settings import ServeSettings

Handler = Callable[[Server, Request], Awaitable[Response]]
ROUTES: tuple[tuple[str, Handler, str], ...] = (
    ("/", page_files.index, "GET"),
    ("/page/{name}", page_files.page_file, "GET"),
    ("/languages", libretranslate.languages_list, "GET"),
    ("/frontend/settings", libretranslate.frontend_settings, "GET"),
    ("/translate", libretranslate.translate, "POST"),
    ("/detect", libretranslate.detect, "POST"),
    ("/translate_file", libretranslate.translate_file, "POST"),
    ("/download_file/{name}", libretranslate.download_file, "GET"),
    ("/suggest", libretranslate.suggest, "POST"),
    ("/summarize", additions.summarize, "POST"),
    ("/toolkit/settings", additions.toolkit_settings, "GET"),
)


def create_app(settings: ServeSettings, log: TextIO | None = None) -> Starlette:
    """The application: the glossary read (a bad file is a UsageError, before the server
    listens), the catalogue of routes made and the targets to warm checked against it now; the
    workers start with the server, each warming its engines on the targets of `settings.warm`.
    One line per request goes to `log` (stderr by default)."""
    glossary = load_active(list(settings.glossaries), settings.use_glossary)
    engines = routing.candidate_engines(settings.engine)
    server = Server(settings, glossary, catalogue(engines))
    close_engines(engines)  # they only listed the routes: each worker makes engines of its own
    app = Starlette(
        routes=[_route(server, *row) for row in ROUTES],
        lifespan=_lifespan(server),
        exception_handlers={HTTPException: _http_error, Exception: _server_error},  # type: ignore[dict-item]
    )
    app.state.server = server
    app.add_middleware(BodyLimit, limit=settings.body_limit, read_timeout=settings.read_timeout)
    app.add_middleware(Cors)
    app.add_middleware(AccessLog, stream=log)
    return app


def _lifespan(server: Server) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    """The workers started (each loading its engines) before the first request, and the
    requests queued answered before they end; the folder of translated files for as long."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        server.files = Path(tempfile.mkdtemp(prefix="toolkit-serve-"))
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, server.pool.start)
        try:
            yield
        finally:
            await loop.run_in_executor(None, server.pool.close)
            shutil.rmtree(server.files, ignore_errors=True)

    return lifespan


def _route(server: Server, path: str, handler: Handler, method: str) -> Route:
    async def endpoint(request: Request) -> Response:
        try:
            return await handler(server, request)
        except ApiError as error:
            return error.response()
        except Exception as error:  # a bug: answered here, so that no traceback is printed
            return _internal_error(error)

    return Route(path, endpoint, methods=[method], name=handler.__name__)


async def _http_error(request: Request, error: HTTPException) -> Response:
    return error_response(error.status_code, str(error.detail))


async def _server_error(request: Request, error: Exception) -> Response:
    return _internal_error(error)


def _internal_error(error: Exception) -> Response:
    """A bug: a 500 with one line, never a traceback."""
    return error_response(500, f"internal error: {type(error).__name__}: {error}")

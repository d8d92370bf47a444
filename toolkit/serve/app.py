"""The ASGI application: LibreTranslate's routes and toolkit's additions over one glossary, one
catalogue of routes and a pool of workers with their engines, all made when the server starts.

Every route reads its parameters, checks them as LibreTranslate does, and hands the work to a
worker (toolkit.serve.service); none does any engine work of its own.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TextIO, TypeVar

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from toolkit.engines import routing
from toolkit.errors import InputRefused, ToolkitError, UsageError
from toolkit.glossary.active import load_active
from toolkit.glossary.model import Glossary
from toolkit.serve import bodies
from toolkit.serve.catalogue import Catalogue, catalogue
from toolkit.serve.errors import ApiError, error_response, missing, not_supported
from toolkit.serve.limits import RequestLimiter, check_key
from toolkit.serve.middleware import CHARACTERS, AccessLog, BodyLimit, Cors
from toolkit.serve.service import TextTranslation, Workbench
from toolkit.serve.settings import NO_LIMIT, ServeSettings
from toolkit.serve.workers import QueueFull, WorkerPool
from toolkit.text import languages

T = TypeVar("T")

PAGE = Path(__file__).resolve().parent / "page"
PAGE_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}
_PLAIN_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
FILE_FORMATS = [".txt"]  # what /translate_file takes: plain text, paragraphs by blank lines
_STORED_NAME = re.compile(r"^[0-9a-f]{32}\.[^/\\]+$")
FRONTEND_TIMEOUT = 500  # ms: LibreTranslate's pause after typing before a page translates
AUTO = "auto"


class Server:
    """What the routes share: settings, glossary, catalogue, workers, the limiter, files."""

    def __init__(self, settings: ServeSettings, glossary: Glossary, found: Catalogue) -> None:
        self.settings, self.glossary, self.catalogue = settings, glossary, found
        self.limiter = RequestLimiter(settings.req_limit)
        self.pool: WorkerPool[Workbench] = WorkerPool(
            settings.workers, settings.queue, self._workbench
        )
        self.files: Path | None = None  # translated files, for /download_file

    def _workbench(self) -> Workbench:
        bench = Workbench(self.glossary, self.settings.engine)
        for target in self.settings.warm:  # each route's programs started now, not on a request
            bench.translate("Bonjour.", self.settings.source, target)
        return bench

    async def run(self, work: Callable[[Workbench], T]) -> T:
        """`work` on a worker, answering for a full queue (503), time running out (503) and
        the engine's errors (400 for the request's, 500 for the server's)."""
        try:
            return await self.pool.run(work, self.settings.timeout)
        except QueueFull:
            raise ApiError(
                503,
                "Too many requests waiting: the server is busy, retry later",
                {"Retry-After": str(max(1, round(self.settings.timeout / 10)))},
            ) from None
        except TimeoutError:
            # 503, not 500: nothing is wrong with the request or the server, which was too
            # busy or the text too long for the time given; the same request may pass later.
            raise ApiError(
                503,
                f"Translation did not finish within {self.settings.timeout:g} s",
                {"Retry-After": str(max(1, round(self.settings.timeout)))},
            ) from None
        except (UsageError, InputRefused) as error:
            raise ApiError(400, str(error)) from None
        except ToolkitError as error:
            raise ApiError(500, f"Cannot translate text: {error}") from None


def create_app(settings: ServeSettings, log: TextIO | None = None) -> Starlette:
    """The application: the glossary read (a bad file is a UsageError, before the server
    listens) and the catalogue of routes made now; the workers start with the server, each
    warming its engines on the targets of `settings.warm`. One line per request goes to `log`
    (stderr by default)."""
    glossary = load_active(list(settings.glossaries), settings.use_glossary)
    engines = routing.candidate_engines(settings.engine)
    server = Server(settings, glossary, catalogue(engines))
    for engine in engines:
        close = getattr(engine, "close", None)
        if close is not None:
            close()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        server.files = Path(tempfile.mkdtemp(prefix="toolkit-serve-"))
        await asyncio.get_running_loop().run_in_executor(None, server.pool.start)
        try:
            yield
        finally:
            await asyncio.get_running_loop().run_in_executor(None, server.pool.close)
            shutil.rmtree(server.files, ignore_errors=True)

    def route(
        path: str, handler: Callable[[Server, Request], Awaitable[Response]], method: str
    ) -> Route:
        async def endpoint(request: Request) -> Response:
            try:
                return await handler(server, request)
            except ApiError as error:
                return error.response()

        return Route(path, endpoint, methods=[method], name=handler.__name__)

    routes = [
        route("/", index, "GET"),
        route("/page/{name}", page_file, "GET"),
        route("/languages", languages_list, "GET"),
        route("/frontend/settings", frontend_settings, "GET"),
        route("/toolkit/settings", toolkit_settings, "GET"),
        route("/translate", translate, "POST"),
        route("/detect", detect, "POST"),
        route("/translate_file", translate_file, "POST"),
        route("/download_file/{name}", download_file, "GET"),
        route("/summarize", summarize, "POST"),
        route("/suggest", suggest, "POST"),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={HTTPException: _http_error, Exception: _server_error},  # type: ignore[dict-item]
    )
    app.state.server = server
    app.add_middleware(BodyLimit, limit=settings.body_limit)
    app.add_middleware(Cors)
    app.add_middleware(AccessLog, stream=log)
    return app


async def _http_error(request: Request, error: HTTPException) -> Response:
    return error_response(error.status_code, str(error.detail))


async def _server_error(request: Request, error: Exception) -> Response:
    return error_response(500, f"internal error: {type(error).__name__}: {error}")


# --- LibreTranslate's routes -------------------------------------------------------------------


async def languages_list(server: Server, request: Request) -> Response:
    return JSONResponse(server.catalogue.languages())


async def frontend_settings(server: Server, request: Request) -> Response:
    settings = server.settings
    return JSONResponse(
        {
            "charLimit": settings.char_limit,
            "frontendTimeout": FRONTEND_TIMEOUT,
            "apiKeys": settings.keys_required,
            "keyRequired": settings.keys_required,
            "suggestions": False,
            "filesTranslation": True,
            "supportedFilesFormat": FILE_FORMATS,
            "language": {
                "source": _language(settings.source),
                "target": _language(settings.target),
            },
        }
    )


async def translate(server: Server, request: Request) -> Response:
    params = await _checked(server, request)
    q = bodies.texts(params, "q")
    source = bodies.text(params, "source")
    target = bodies.text(params, "target")
    if q is None:
        raise missing("q")
    if source is None:
        raise missing("source")
    if target is None:
        raise missing("target")
    text_format = bodies.text(params, "format") or "text"
    if text_format not in ("text", "html"):
        raise ApiError(400, f"{text_format} format is not supported")
    alternatives = bodies.number(params, "alternatives", int) or 0
    items = q if isinstance(q, list) else [q]
    _check_characters(server, items)
    request.scope[CHARACTERS] = sum(len(item) for item in items)
    declared, into = _direction(server, source, target)
    results: list[TextTranslation] = []
    for item in items:
        results.append(await server.run(_translating(item, declared, into)))
    answer: dict[str, Any] = {}
    if isinstance(q, list):
        answer["translatedText"] = [r.text for r in results]
        if declared is None:
            answer["detectedLanguage"] = [_detected(r) for r in results]
        if alternatives > 0:
            answer["alternatives"] = [[] for _ in results]
        answer["toolkit"] = [r.toolkit for r in results]
    else:
        answer["translatedText"] = results[0].text
        if declared is None:
            answer["detectedLanguage"] = _detected(results[0])
        if alternatives > 0:
            answer["alternatives"] = []  # one engine pass gives one translation
        answer["toolkit"] = results[0].toolkit
    return JSONResponse(answer)


async def detect(server: Server, request: Request) -> Response:
    params = await _checked(server, request)
    q = bodies.texts(params, "q")
    if q is None:
        raise missing("q")
    text = q if isinstance(q, str) else "\n\n".join(q)
    request.scope[CHARACTERS] = len(text)
    from toolkit.text.language_guess import ranked_guesses

    found = await server.run(lambda bench: ranked_guesses(text))
    return JSONResponse([{"confidence": c, "language": code} for code, c in found])


async def translate_file(server: Server, request: Request) -> Response:
    params = await _checked(server, request)
    upload = params.get("file")
    if not isinstance(upload, UploadFile):
        raise missing("file")
    source = bodies.text(params, "source")
    target = bodies.text(params, "target")
    if source is None:
        raise missing("source")
    if target is None:
        raise missing("target")
    name = upload.filename or ""
    if name == "":
        raise ApiError(400, "Invalid request: empty file")
    suffix = Path(name).suffix.lower()
    if suffix not in FILE_FORMATS:
        raise ApiError(400, "Invalid request: file format not supported")
    from toolkit.text.inputs import decode

    try:
        text = decode(await upload.read(), Path(name).name)
    except ToolkitError as error:
        raise ApiError(400, f"Invalid request: {error}") from None
    _check_characters(server, [text])
    request.scope[CHARACTERS] = len(text)
    declared, into = _direction(server, source, target)
    result = await server.run(lambda bench: bench.translate(text, declared, into))
    assert server.files is not None
    stem = re.sub(r"[^\w.-]+", "_", Path(name).stem).strip("._") or "file"
    stored = f"{uuid.uuid4().hex}.{stem}.{into}.txt"
    output = result.text if result.text.endswith("\n") or not result.text else result.text + "\n"
    (server.files / stored).write_text(output, encoding="utf-8")
    return JSONResponse({"translatedFileUrl": str(request.url_for("download_file", name=stored))})


async def download_file(server: Server, request: Request) -> Response:
    name = request.path_params["name"]
    if not _STORED_NAME.match(name) or server.files is None:
        raise ApiError(400, "Invalid filename")
    path = server.files / name
    if not path.is_file():
        raise ApiError(404, "File not found")
    return FileResponse(
        path, media_type="text/plain; charset=utf-8", filename=name.split(".", 1)[1]
    )


async def suggest(server: Server, request: Request) -> Response:
    raise ApiError(403, "Suggestions are disabled on this server.")


# --- toolkit's additions -----------------------------------------------------------------------


async def summarize(server: Server, request: Request) -> Response:
    params = await _checked(server, request)
    q = bodies.texts(params, "q")
    if q is None:
        raise missing("q")
    text = q if isinstance(q, str) else "\n\n".join(q)
    count = bodies.number(params, "sentences", int)
    ratio = bodies.number(params, "ratio", float)
    algorithm = bodies.text(params, "algorithm")
    source = bodies.text(params, "source") or languages.DEFAULT_SOURCE
    wanted = params.get("targets") or []
    if isinstance(wanted, str):
        wanted = [code for code in wanted.split(",") if code.strip()]
    if not isinstance(wanted, list) or not all(isinstance(code, str) for code in wanted):
        raise ApiError(400, "Invalid request: targets must be a list of language codes")
    from toolkit.summary.algorithms import DEFAULT
    from toolkit.summary.select import check_length
    from toolkit.summary.summarize import AUTO as SUMMARY_AUTO

    name = (algorithm or DEFAULT).strip().lower()
    from toolkit.summary.algorithms import NAMES

    if name not in NAMES:
        raise ApiError(400, f"{algorithm} algorithm is not supported; choose {', '.join(NAMES)}")
    try:
        check_length(count, ratio)
    except UsageError as error:
        raise ApiError(
            400, str(error).replace("-n/--sentences", "sentences").replace("--ratio", "ratio")
        ) from None
    language = SUMMARY_AUTO if source == AUTO else _code(source)
    targets = [_code(code) for code in wanted]
    _check_characters(server, [text])
    request.scope[CHARACTERS] = len(text)
    result = await server.run(
        lambda bench: bench.summarize(text, language, count, ratio, name, targets)
    )
    return JSONResponse(result)


async def toolkit_settings(server: Server, request: Request) -> Response:
    from toolkit.summary.algorithms import DEFAULT, NAMES

    return JSONResponse(
        {
            "targets": server.catalogue.targets,
            "algorithms": list(NAMES),
            "default_algorithm": DEFAULT,
            "source": server.settings.source,
            "target": server.settings.target,
            "charLimit": server.settings.char_limit,
            "keyRequired": server.settings.keys_required,
            "glossary": [
                {"term": term.name, "forms": dict(term.forms)} for term in server.glossary.terms
            ],
        }
    )


# --- the page ----------------------------------------------------------------------------------


async def index(server: Server, request: Request) -> Response:
    return _page("index.html")


async def page_file(server: Server, request: Request) -> Response:
    return _page(request.path_params["name"])


def _page(name: str) -> Response:
    suffix = Path(name).suffix.lower()
    if not _PLAIN_NAME.match(name) or ".." in name or suffix not in PAGE_TYPES:
        raise ApiError(404, f"No such page file: {name}")
    path = PAGE / name
    if not path.is_file():
        raise ApiError(404, f"No such page file: {name}")
    return FileResponse(path, media_type=PAGE_TYPES[suffix])


# --- shared checks -----------------------------------------------------------------------------


async def _checked(server: Server, request: Request) -> dict[str, Any]:
    """The request's parameters, once its client is within its limit and its key is good."""
    client = request.client.host if request.client else "-"
    server.limiter.check(client)
    params = await bodies.parameters(request)
    check_key(server.settings.api_keys, params.get("api_key"))
    return params


def _check_characters(server: Server, items: list[str]) -> None:
    limit = server.settings.char_limit
    if limit == NO_LIMIT:
        return
    for item in items:
        if len(item) > limit:
            raise ApiError(
                400, f"Invalid request: request ({len(item)}) exceeds text limit ({limit})"
            )


def _code(given: str) -> str:
    code = languages.recognize(given)
    if code is None:
        raise not_supported(given)
    return code


def _direction(server: Server, source: str, target: str) -> tuple[str | None, str]:
    """The declared source (None for auto) and the target, as codes the catalogue offers."""
    into = _code(target)
    if into not in server.catalogue.codes:
        raise not_supported(target)
    if source.strip().lower() == AUTO:
        return None, into
    declared = _code(source)
    if declared not in server.catalogue.targets:
        raise not_supported(source)
    if into not in server.catalogue.targets[declared]:
        raise ApiError(
            400,
            f"{languages.name(into)} ({into}) is not available as a target language from "
            f"{languages.name(declared)} ({declared})",
        )
    return declared, into


def _translating(
    text: str, source: str | None, target: str
) -> Callable[[Workbench], TextTranslation]:
    return lambda bench: bench.translate(text, source, target)


def _detected(result: TextTranslation) -> dict[str, Any]:
    return {"confidence": result.confidence, "language": result.source}


def _language(code: str) -> dict[str, str]:
    return {"code": code, "name": languages.name(code)}

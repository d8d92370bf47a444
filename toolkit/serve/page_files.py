"""The desk page's files (toolkit/serve/page/): `/` is its index.html, `/page/NAME` any other of
its files by a plain name, with its content type."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response

from toolkit.serve.errors import ApiError
from toolkit.serve.server import Server

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


async def index(server: Server, request: Request) -> Response:
    return page_file_named("index.html")


async def page_file(server: Server, request: Request) -> Response:
    return page_file_named(request.path_params["name"])


def page_file_named(name: str) -> Response:
    suffix = Path(name).suffix.lower()
    if not _PLAIN_NAME.match(name) or ".." in name or suffix not in PAGE_TYPES:
        raise ApiError(404, f"No such page file: {name}")
    path = PAGE / name
    if not path.is_file():
        raise ApiError(404, f"No such page file: {name}")
    return FileResponse(path, media_type=PAGE_TYPES[suffix])

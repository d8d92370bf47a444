"""LibreTranslate's routes, answering as LibreTranslate 1.9 does (keys, types, statuses and error
messages), each translation carrying toolkit's `toolkit` field beside LibreTranslate's keys."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from toolkit.errors import ToolkitError
from toolkit.serve import bodies
from toolkit.serve.checks import (
    checked,
    count_characters,
    direction,
    one_text,
    required,
    texts,
)
from toolkit.serve.errors import ApiError, missing
from toolkit.serve.middleware import CHARACTERS
from toolkit.serve.server import Server
from toolkit.serve.service import TextTranslation, Workbench
from toolkit.text import languages

FILE_FORMATS = [".txt"]  # what /translate_file takes: plain text, paragraphs by blank lines
FRONTEND_TIMEOUT = 500  # ms: LibreTranslate's pause after typing before a page translates
_STORED_NAME = re.compile(r"^[0-9a-f]{32}\.[^/\\]+$")


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
    params = await checked(server, request)
    q = texts(params)
    source, target = required(params, "source"), required(params, "target")
    alternatives = bodies.number(params, "alternatives", int) or 0
    items = q if isinstance(q, list) else [q]
    count_characters(server, request, items)
    declared, into = direction(server, source, target)
    text_format = bodies.text(params, "format") or "text"
    if text_format not in ("text", "html"):
        raise ApiError(400, f"{text_format} format is not supported")
    results = [await server.run(_translating(item, declared, into)) for item in items]
    if isinstance(q, list):
        return JSONResponse(_answer(results, declared is None, alternatives > 0))
    return JSONResponse(_answer(results[0], declared is None, alternatives > 0))


def _answer(
    result: TextTranslation | list[TextTranslation], detected: bool, alternatives: bool
) -> dict[str, Any]:
    """/translate's answer for one text, or a list of them as a list q gets it."""
    each = result if isinstance(result, list) else [result]

    def shaped(values: list[Any]) -> Any:
        return values if isinstance(result, list) else values[0]

    answer: dict[str, Any] = {"translatedText": shaped([r.text for r in each])}
    if detected:
        answer["detectedLanguage"] = shaped(
            [{"confidence": r.confidence, "language": r.source} for r in each]
        )
    if alternatives:  # one engine pass gives one translation: no alternative to it
        answer["alternatives"] = shaped([[] for _ in each])
    answer["toolkit"] = shaped([r.toolkit for r in each])
    return answer


def _translating(
    text: str, source: str | None, target: str
) -> Callable[[Workbench], TextTranslation]:
    return lambda bench: bench.translate(text, source, target)


async def detect(server: Server, request: Request) -> Response:
    text = one_text(await checked(server, request))
    request.scope[CHARACTERS] = len(text)
    from toolkit.text.language_guess import ranked_guesses

    # Nothing found (no letters): LibreTranslate's answer then, a language with no confidence,
    # never an empty list (clients read its first item); toolkit's default source, as
    # /translate's source auto takes it.
    found = await server.run(lambda bench: ranked_guesses(text))
    guesses = found or [(languages.DEFAULT_SOURCE, 0.0)]
    return JSONResponse([{"confidence": c, "language": code} for code, c in guesses])


async def translate_file(server: Server, request: Request) -> Response:
    params = await checked(server, request)
    upload = params.get("file")
    if not isinstance(upload, UploadFile):
        raise missing("file")
    source, target = required(params, "source"), required(params, "target")
    name = upload.filename or ""
    if name == "":
        raise ApiError(400, "Invalid request: empty file")
    if Path(name).suffix.lower() not in FILE_FORMATS:
        raise ApiError(400, "Invalid request: file format not supported")
    from toolkit.text.inputs import decode

    try:
        text = decode(await upload.read(), Path(name).name)
    except ToolkitError as error:
        raise ApiError(400, f"Invalid request: {error}") from None
    count_characters(server, request, [text])
    declared, into = direction(server, source, target)
    result = await server.run(lambda bench: bench.translate(text, declared, into))
    stored = _store(server, name, into, result.text)
    return JSONResponse({"translatedFileUrl": str(request.url_for("download_file", name=stored))})


def _store(server: Server, name: str, target: str, text: str) -> str:
    """The translation written into the server's folder under a name no one can guess."""
    assert server.files is not None, "the folder is made when the server starts"
    stem = re.sub(r"[^\w.-]+", "_", Path(name).stem).strip("._") or "file"
    stored = f"{uuid.uuid4().hex}.{stem}.{target}.txt"
    output = text if text.endswith("\n") or not text else text + "\n"
    (server.files / stored).write_text(output, encoding="utf-8")
    return stored


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


def _language(code: str) -> dict[str, str]:
    return {"code": code, "name": languages.name(code)}

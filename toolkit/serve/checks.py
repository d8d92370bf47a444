"""The checks every route makes of a request, as LibreTranslate makes them: the client's limit
(429), its key (403), the parameters it must give (400), the length of its texts (400) and the
languages it names (400)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from toolkit.serve import bodies
from toolkit.serve.errors import ApiError, missing, not_supported
from toolkit.serve.limits import check_key
from toolkit.serve.middleware import CHARACTERS
from toolkit.serve.server import Server
from toolkit.serve.settings import NO_LIMIT
from toolkit.text import languages

AUTO = "auto"


async def checked(server: Server, request: Request) -> dict[str, Any]:
    """The request's parameters, once its client is within its limit and its key is good."""
    client = request.client.host if request.client else "-"
    server.limiter.check(client)
    params = await bodies.parameters(request)
    check_key(server.settings.api_keys, params.get("api_key"))
    return params


def required(params: dict[str, Any], name: str) -> str:
    """A string parameter the route cannot do without (400 when absent or empty)."""
    found = bodies.text(params, name)
    if found is None:
        raise missing(name)
    return found


def texts(params: dict[str, Any]) -> str | list[str]:
    """q, a string or a list of strings, which the route cannot do without."""
    found = bodies.texts(params, "q")
    if found is None:
        raise missing("q")
    return found


def one_text(params: dict[str, Any]) -> str:
    """q as one text: a list's strings as its paragraphs."""
    found = texts(params)
    return found if isinstance(found, str) else "\n\n".join(found)


def count_characters(server: Server, request: Request, items: list[str]) -> None:
    """Each text within --char-limit (400 past it); their characters noted for the log line."""
    request.scope[CHARACTERS] = sum(len(item) for item in items)
    limit = server.settings.char_limit
    if limit == NO_LIMIT:
        return
    for item in items:
        if len(item) > limit:
            raise ApiError(
                400, f"Invalid request: request ({len(item)}) exceeds text limit ({limit})"
            )


def code(given: str) -> str:
    """The project's code for a language the request names (400 for one it does not know)."""
    found = languages.recognize(given)
    if found is None:
        raise not_supported(given)
    return found


def direction(server: Server, source: str, target: str) -> tuple[str | None, str]:
    """The declared source (None for auto) and the target, as codes the catalogue offers; the
    source checked first, as LibreTranslate does."""
    declared = None if source.strip().lower() == AUTO else code(source)
    if declared is not None and declared not in server.catalogue.targets:
        raise not_supported(source)
    into = code(target)
    if into not in server.catalogue.codes:
        raise not_supported(target)
    if declared is not None and into not in server.catalogue.targets[declared]:
        raise ApiError(
            400,
            f"{languages.name(into)} ({into}) is not available as a target language from "
            f"{languages.name(declared)} ({declared})",
        )
    return declared, into

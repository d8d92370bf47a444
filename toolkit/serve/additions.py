"""toolkit's routes beside LibreTranslate's: /summarize, and /toolkit/settings (what the page
needs to build itself)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from toolkit.errors import UsageError
from toolkit.serve import bodies
from toolkit.serve.checks import AUTO, checked, code, count_characters, one_text
from toolkit.serve.errors import ApiError
from toolkit.serve.server import Server
from toolkit.text import languages


async def summarize(server: Server, request: Request) -> Response:
    from toolkit.summary.summarize import AUTO as SUMMARY_AUTO

    params = await checked(server, request)
    text = one_text(params)
    count = bodies.number(params, "sentences", int)
    ratio = bodies.number(params, "ratio", float)
    algorithm = _algorithm(bodies.text(params, "algorithm"))
    _check_length(count, ratio)
    source = bodies.text(params, "source") or languages.DEFAULT_SOURCE
    language = SUMMARY_AUTO if source == AUTO else code(source)
    targets = [code(target) for target in _targets(params.get("targets"))]
    count_characters(server, request, [text])
    result = await server.run(
        lambda bench: bench.summarize(text, language, count, ratio, algorithm, targets)
    )
    return JSONResponse(result)


def _algorithm(given: str | None) -> str:
    from toolkit.summary.algorithms import DEFAULT, NAMES

    name = (given or DEFAULT).strip().lower()
    if name not in NAMES:
        raise ApiError(400, f"{given} algorithm is not supported; choose {', '.join(NAMES)}")
    return name


def _check_length(count: int | None, ratio: float | None) -> None:
    """-n or --ratio as `toolkit summarize` checks them, named as the request names them."""
    from toolkit.summary.select import check_length

    try:
        check_length(count, ratio)
    except UsageError as error:
        message = str(error).replace("-n/--sentences", "sentences").replace("--ratio", "ratio")
        raise ApiError(400, message) from None


def _targets(given: Any) -> list[str]:
    """targets: a list of codes, or one comma-separated string (a form's field)."""
    if not given:
        return []
    if isinstance(given, str):
        given = [code for code in given.split(",") if code.strip()]
    if not isinstance(given, list) or not all(isinstance(code, str) for code in given):
        raise ApiError(400, "Invalid request: targets must be a list of language codes")
    return given


async def toolkit_settings(server: Server, request: Request) -> Response:
    from toolkit.summary.algorithms import DEFAULT, NAMES

    settings = server.settings
    return JSONResponse(
        {
            "targets": server.catalogue.targets,
            "algorithms": list(NAMES),
            "default_algorithm": DEFAULT,
            "source": settings.source,
            "target": settings.target,
            "charLimit": settings.char_limit,
            "keyRequired": settings.keys_required,
            "glossary": [
                {"term": term.name, "forms": dict(term.forms)} for term in server.glossary.terms
            ],
        }
    )

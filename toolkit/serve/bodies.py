"""A request's parameters from a JSON body or a form (urlencoded or multipart), as LibreTranslate
reads them: JSON when the body says it is JSON, the form otherwise."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl

from starlette.datastructures import UploadFile
from starlette.requests import Request

from toolkit.serve.errors import ApiError

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# python-multipart keeps a form field up to this size in memory; the body limit bounds it anyway.
MAX_FIELD = 64 * 1024 * 1024


def is_json(request: Request) -> bool:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return kind == "application/json" or (
        kind.startswith("application/") and kind.endswith("+json")
    )


async def parameters(request: Request) -> dict[str, Any]:
    """The body's parameters; a field given several times in a form is a list (q, targets)."""
    if is_json(request):
        try:
            data = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError) as error:
            raise ApiError(400, f"Failed to decode JSON object: {error}") from None
        if not isinstance(data, dict):
            raise ApiError(400, "Invalid JSON format")
        return data
    # As Flask's request.values: the query string's parameters, the form's over them.
    found: dict[str, Any] = dict(request.query_params)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind.startswith("multipart/"):
        try:
            form = await request.form(max_part_size=MAX_FIELD)
        except Exception as error:  # a body that is no form (no boundary, cut short)
            raise ApiError(400, f"Invalid request: cannot read the form ({error})") from None
        pairs: list[tuple[str, Any]] = list(form.multi_items())
    elif kind in ("", "application/x-www-form-urlencoded"):
        # Decoded as UTF-8 whether percent-encoded or not (curl -d sends the bytes as they are).
        try:
            form_text = (await request.body()).decode("utf-8")
            pairs = list(parse_qsl(form_text, keep_blank_values=True, errors="strict"))
        except UnicodeDecodeError as error:
            raise ApiError(400, f"Invalid request: the form is not UTF-8 ({error})") from None
    else:
        pairs = []
    fields: dict[str, list[Any]] = {}
    for key, value in pairs:
        fields.setdefault(key, []).append(value)
    found.update({key: v[0] if len(v) == 1 else v for key, v in fields.items()})
    return found


def text(params: dict[str, Any], name: str) -> str | None:
    """A string parameter; None when absent or empty."""
    value = params.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, UploadFile) or not isinstance(value, str | int | float):
        raise ApiError(400, f"Invalid request: {name} must be a string")
    return str(value)


def texts(params: dict[str, Any], name: str) -> str | list[str] | None:
    """q: a string or a list of strings; None when absent or empty, as LibreTranslate takes it.
    A string that is not Unicode text (a lone surrogate, which JSON's \\ud800 can give) is
    refused here, before it reaches an engine."""
    value = params.get(name)
    if value is None or value == "" or value == []:
        return None
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ApiError(400, f"Invalid request: {name} must be a string or a list of strings")
    for item in items:
        lone = _LONE_SURROGATE.search(item)
        if lone is not None:
            raise ApiError(
                400,
                f"Invalid request: {name} is not Unicode text "
                f"(a lone surrogate, U+{ord(lone.group()):04X}, at character {lone.start()})",
            )
    return value


def number(params: dict[str, Any], name: str, kind: type[int] | type[float]) -> Any:
    value = params.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ApiError(400, f"Invalid request: {name} parameter is not a number")
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ApiError(400, f"Invalid request: {name} parameter is not a number") from None

"""LibreTranslate's clients see from `toolkit serve` what they see from LibreTranslate 1.9.6.

The same requests (support/libretranslate_api.py) went to LibreTranslate itself;
tests/data/libretranslate/answers.json holds what its clients saw of each answer (status, JSON
keys and types, a few values such as keyRequired), recorded by `python -m
benchmarks.libretranslate_reference --record`, so that this test needs no LibreTranslate. Here a
real `toolkit serve` process answers them: the same status, and every key LibreTranslate gives
with the same JSON type (toolkit may add keys of its own).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest

from support.http_client import Answer, send
from support.libretranslate_api import (
    CASES,
    DOWNLOAD,
    LIMITED,
    OPEN,
    Case,
    compare,
    differences,
    download_request,
    read_answers,
    shape,
)
from support.server_process import Server
from support.toolkit_server import toolkit_serve

RECORDED = read_answers()


@pytest.fixture(scope="module")
def server_in() -> Iterator[Callable[[str], Server]]:
    """The server of a setting, started on first use: one process per setting for the module."""
    from contextlib import ExitStack

    started: dict[str, Server] = {}
    with ExitStack() as stack:

        def server(setting: str) -> Server:
            if setting not in started:
                started[setting] = stack.enter_context(toolkit_serve(dict(os.environ), setting))
            return started[setting]

        yield server


def test_every_request_has_libretranslates_answer_recorded() -> None:
    assert set(RECORDED) == {case.name for case in CASES} | {DOWNLOAD}
    assert {case.setting for case in CASES} == {OPEN, LIMITED}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_client_sees_what_libretranslate_answers(
    case: Case, server_in: Callable[[str], Server]
) -> None:
    server = server_in(case.setting)
    answer = send(server.url, case.request)
    assert compare(RECORDED[case.name], answer) == [], answer.body[:300]
    if case.name == "translate a file":
        download = send(server.url, download_request(answer))
        assert compare(RECORDED[DOWNLOAD], download) == []
        assert download.body.strip(), "the translated file is empty"


def test_the_comparison_tells_a_missing_key_a_changed_type_and_a_status() -> None:
    recorded = RECORDED["translate a list auto"]
    good = b'{"translatedText": ["a", "b"], "detectedLanguage": [{"confidence": 90, "language": "fr"}, {"confidence": 80.5, "language": "fr"}], "extra": 1}'
    assert compare(recorded, Answer(200, {"content-type": "application/json"}, good)) == []
    lacking = b'{"translatedText": ["a", "b"]}'
    assert compare(recorded, Answer(200, {"content-type": "application/json"}, lacking)) == [
        "body: key 'detectedLanguage' missing"
    ]
    wrong_item = b'{"translatedText": ["a", 2], "detectedLanguage": []}'
    assert compare(recorded, Answer(200, {"content-type": "application/json"}, wrong_item)) == [
        "body.translatedText[1]: string expected, got 'number'"
    ]
    assert compare(recorded, Answer(500, {"content-type": "text/html"}, b"<p>oops</p>")) == [
        "status 500, LibreTranslate answers 200",
        "a JSON body expected, got text/html",
    ]
    assert (
        compare(RECORDED["unknown path"], Answer(404, {"content-type": "application/json"}, b"{}"))
        == []
    )
    settings = RECORDED["settings with keys"]
    body = b'{"apiKeys": true, "keyRequired": false, "charLimit": 200}'
    assert "keyRequired is False, LibreTranslate answers True" in compare(
        settings, Answer(200, {"content-type": "application/json"}, body)
    )


def test_shapes_keep_keys_and_json_types() -> None:
    assert shape({"a": [1, 2.5], "b": None, "c": True, "d": []}) == {
        "a": ["number"],
        "b": "null",
        "c": "boolean",
        "d": [],
    }
    assert differences(["string"], []) == []
    assert differences({"a": "string"}, [1]) == ["body: an object expected, got ['number']"]

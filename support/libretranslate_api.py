"""The requests LibreTranslate's clients send, and what they see of an answer.

The same requests go to LibreTranslate (benchmarks/libretranslate_reference.py records its answers
in tests/data/libretranslate/answers.json) and to `toolkit serve`
(tests/test_serve_libretranslate.py). What is recorded is what a client relies on: the status, and
for a JSON body its keys and their JSON types, never the translated words (which differ by
engine). A server stands in for LibreTranslate when every answer has the recorded status and holds
every recorded key with the recorded type; it may add keys of its own.

Each request runs on a server started in one of two settings:
  open     no API keys, no character limit (LibreTranslate's defaults)
  limited  API keys required (KEY is valid) and at most CHAR_LIMIT characters per request
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from support.http_client import Answer, Request

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "tests" / "data" / "libretranslate" / "answers.json"

KEY = "desk-key-0001"
CHAR_LIMIT = 200
OPEN, LIMITED = "open", "limited"
SOURCE, TARGET = "fr", "en"

SENTENCE = "Le ministre a reçu les ambassadeurs à Stepanakert."
SENTENCES = [SENTENCE, "Le corridor de Lachin reste fermé depuis plusieurs semaines."]
HTML = "<p>Le ministre a reçu les <b>ambassadeurs</b> à Stepanakert.</p>"
TOO_LONG = " ".join([SENTENCE] * 8)  # over CHAR_LIMIT


@dataclass(frozen=True)
class Case:
    name: str
    setting: str
    request: Request
    values: tuple[str, ...] = ()  # keys (a.b for nested ones) whose values are recorded too


SETTINGS_VALUES = ("apiKeys", "keyRequired", "charLimit")
DETECTED = ("detectedLanguage.language",)


def _translate(q: Any, source: str = SOURCE, target: str = TARGET, **more: Any) -> Request:
    return Request("POST", "/translate", json={"q": q, "source": source, "target": target, **more})


CASES = (
    Case("languages", OPEN, Request("GET", "/languages")),
    Case("frontend settings", OPEN, Request("GET", "/frontend/settings"), SETTINGS_VALUES),
    Case("translate a string", OPEN, _translate(SENTENCE, format="text")),
    Case("translate a list", OPEN, _translate(SENTENCES)),
    Case("translate auto", OPEN, _translate(SENTENCE, source="auto"), DETECTED),
    Case("translate a list auto", OPEN, _translate(SENTENCES, source="auto")),
    Case("translate html", OPEN, _translate(HTML, format="html")),
    Case("translate with alternatives", OPEN, _translate(SENTENCE, alternatives=2)),
    Case(
        "translate a form",
        OPEN,
        Request("POST", "/translate", form={"q": SENTENCE, "source": SOURCE, "target": TARGET}),
    ),
    Case("detect", OPEN, Request("POST", "/detect", json={"q": SENTENCE})),
    Case("detect a form", OPEN, Request("POST", "/detect", form={"q": SENTENCE})),
    Case(
        "translate a file",
        OPEN,
        Request(
            "POST",
            "/translate_file",
            form={"source": SOURCE, "target": TARGET},
            file=("release.txt", (SENTENCE + "\n").encode()),
        ),
    ),
    Case(
        "missing q",
        OPEN,
        Request("POST", "/translate", json={"source": SOURCE, "target": TARGET}),
    ),
    Case(
        "missing target",
        OPEN,
        Request("POST", "/translate", json={"q": SENTENCE, "source": SOURCE}),
    ),
    Case("unknown target", OPEN, _translate(SENTENCE, target="xx")),
    Case("unknown source", OPEN, _translate(SENTENCE, source="xx")),
    Case("detect without q", OPEN, Request("POST", "/detect", json={})),
    Case("bad JSON", OPEN, Request("POST", "/translate", raw=b'{"q": "Bonjour",')),
    Case(
        "translate a file without a file",
        OPEN,
        Request("POST", "/translate_file", form={"source": SOURCE, "target": TARGET}),
    ),
    Case("unknown path", OPEN, Request("GET", "/no/such/page")),
    Case("settings with keys", LIMITED, Request("GET", "/frontend/settings"), SETTINGS_VALUES),
    Case("valid key", LIMITED, _translate(SENTENCE, api_key=KEY)),
    Case("wrong key", LIMITED, _translate(SENTENCE, api_key="not-a-key")),
    Case("no key where one is required", LIMITED, _translate(SENTENCE)),
    Case("too long text", LIMITED, _translate(TOO_LONG, api_key=KEY)),
)

# Followed after "translate a file": the translated file at the URL its answer gives.
DOWNLOAD = "download the translated file"


# ---------------------------------------------------------------- what a client sees


def shape(value: Any) -> Any:
    """A JSON value's shape: objects keep their keys, a list the shape of its first item, every
    other value its JSON type."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "null"


def value_at(body: Any, path: str) -> Any:
    for key in path.split("."):
        body = body.get(key) if isinstance(body, dict) else None
    return body


def seen(answer: Answer, values: tuple[str, ...] = ()) -> dict[str, Any]:
    """What a client sees of an answer: its status, whether its body is JSON, its shape, and the
    values at `values`."""
    record: dict[str, Any] = {"status": answer.status, "json": answer.is_json()}
    if answer.is_json():
        record["body"] = shape(answer.json())
        if values:
            record["values"] = {path: value_at(answer.json(), path) for path in values}
    return record


def differences(expected: Any, value: Any, where: str = "body") -> list[str]:
    """Where `value` falls short of the shape `expected`: a key missing, a type changed. Extra
    keys are allowed; every item of a list must have the shape of the recorded first item."""
    if isinstance(expected, dict):
        if not isinstance(value, dict):
            return [f"{where}: an object expected, got {shape(value)!r}"]
        found = []
        for key, inner in expected.items():
            if key not in value:
                found.append(f"{where}: key {key!r} missing")
            else:
                found += differences(inner, value[key], f"{where}.{key}")
        return found
    if isinstance(expected, list):
        if not isinstance(value, list):
            return [f"{where}: a list expected, got {shape(value)!r}"]
        if not expected:
            return []
        return [
            problem
            for number, item in enumerate(value)
            for problem in differences(expected[0], item, f"{where}[{number}]")
        ]
    if shape(value) != expected:
        return [f"{where}: {expected} expected, got {shape(value)!r}"]
    return []


def compare(recorded: dict[str, Any], answer: Answer) -> list[str]:
    """How an answer differs from LibreTranslate's recorded one, as a client would notice."""
    problems = []
    if answer.status != recorded["status"]:
        problems.append(f"status {answer.status}, LibreTranslate answers {recorded['status']}")
    if recorded["json"]:
        if not answer.is_json():
            return [*problems, f"a JSON body expected, got {answer.content_type or 'none'}"]
        problems += differences(recorded["body"], answer.json())
        for path, value in recorded.get("values", {}).items():
            if value_at(answer.json(), path) != value:
                found = value_at(answer.json(), path)
                problems.append(f"{path} is {found!r}, LibreTranslate answers {value!r}")
    return problems


def download_request(answer: Answer) -> Request:
    """The GET of the file that a /translate_file answer points to (its path, on the same server)."""
    from urllib.parse import urlsplit

    url = urlsplit(answer.json()["translatedFileUrl"])
    return Request("GET", url.path)


def read_answers() -> dict[str, dict[str, Any]]:
    return json.loads(ANSWERS.read_text(encoding="utf-8"))


def write_answers(answers: dict[str, dict[str, Any]]) -> None:
    ANSWERS.parent.mkdir(parents=True, exist_ok=True)
    ANSWERS.write_text(json.dumps(answers, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

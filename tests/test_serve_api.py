"""Every route of `toolkit serve`, with JSON and form bodies, and LibreTranslate's errors."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.conftest import RELEASE
from tests.serving import serving

SENTENCE = "Le ministre a quitté Stepanakert pour le corridor de Latchine, en Artsakh."


@pytest.fixture(scope="module")
def server():
    with serving() as running:
        yield running


def test_languages_lists_each_source_with_its_targets(server) -> None:
    found = {row["code"]: row for row in server.get("/languages").json()}
    assert found["fr"]["name"] == "French"
    assert {"es", "ca", "en", "eo", "oc"} <= set(found["fr"]["targets"])
    assert all(isinstance(row["targets"], list) for row in found.values())


def test_frontend_settings_has_libretranslates_keys(server) -> None:
    settings = server.get("/frontend/settings").json()
    assert settings["charLimit"] == -1
    assert settings["keyRequired"] is False and settings["apiKeys"] is False
    assert settings["supportedFilesFormat"] == [".txt"]
    assert settings["language"]["source"] == {"code": "fr", "name": "French"}
    assert settings["language"]["target"]["code"] == "es"


def test_toolkit_settings_gives_what_the_page_needs(server) -> None:
    settings = server.get("/toolkit/settings").json()
    assert "es" in settings["targets"]["fr"]
    assert settings["default_algorithm"] == "pacsum" and "lead" in settings["algorithms"]
    terms = {row["term"]: row["forms"] for row in settings["glossary"]}
    assert terms["Artsakh"]["ru"] == "Арцах"


def test_translate_a_form_body(server) -> None:
    answer = server.post_form("/translate", {"q": SENTENCE, "source": "fr", "target": "es"})
    assert answer.status == 200
    data = answer.json()
    assert "detectedLanguage" not in data
    text = data["translatedText"]
    extra = data["toolkit"]
    assert extra["engine"] == "apertium" and extra["route"].startswith("apertium fr→")
    names = {name["term"]: name for name in extra["names"]}
    assert set(names) == {"Artsakh", "Stepanakert", "Lachin"}
    for name in extra["names"]:
        assert text[name["start"] : name["end"]] == name["form"]
    assert answer.headers["access-control-allow-origin"] == "*"


def test_translate_a_json_list_from_auto(server) -> None:
    q = [SENTENCE, "Le corridor de Latchine reste fermé depuis le mois de décembre."]
    answer = server.post_json("/translate", {"q": q, "source": "auto", "target": "en"})
    assert answer.status == 200, answer.body
    data = answer.json()
    assert len(data["translatedText"]) == 2 and "Lachin" in data["translatedText"][1]
    assert [d["language"] for d in data["detectedLanguage"]] == ["fr", "fr"]
    assert all(0 <= d["confidence"] <= 100 for d in data["detectedLanguage"])
    assert len(data["toolkit"]) == 2


def test_findings_name_their_paragraph(server) -> None:
    text = "Le ministre trilatéralisé est arrivé.\n\nIl repart à 15 h 30."
    data = server.post_json("/translate", {"q": text, "source": "fr", "target": "en"}).json()
    found = data["toolkit"]["findings"]
    assert any(f["kind"] == "unknown_words" and f["paragraph"] == 1 for f in found), found


def test_html_keeps_its_markup(server) -> None:
    q = "<p>Le ministre est à <b>Stepanakert</b>.</p>"
    data = server.post_json(
        "/translate", {"q": q, "source": "fr", "target": "es", "format": "html"}
    ).json()
    assert (
        data["translatedText"].startswith("<p>") and "<b>Stepanakert</b>" in data["translatedText"]
    )


def test_detect(server) -> None:
    found = server.post_form("/detect", {"q": SENTENCE}).json()
    assert found[0]["language"] == "fr" and 0 < found[0]["confidence"] <= 100
    assert (
        server.post_json("/detect", {"q": "The minister left the capital today."}).json()[0][
            "language"
        ]
        == "en"
    )
    # No letters: a language with no confidence, as LibreTranslate answers, never an empty list.
    assert server.post_json("/detect", {"q": "12 345 !"}).json() == [
        {"confidence": 0.0, "language": "fr"}
    ]


def test_a_lone_surrogate_is_refused_as_the_request_s_fault(server) -> None:
    body = b'{"q": "Bon\\ud800jour.", "source": "fr", "target": "es"}'
    answer = server.request("POST", "/translate", body, {"Content-Type": "application/json"})
    assert answer.status == 400
    assert answer.json()["error"] == (
        "Invalid request: q is not Unicode text (a lone surrogate, U+D800, at character 3)"
    )


def test_translate_file_then_download(server) -> None:
    boundary = uuid.uuid4().hex
    text = RELEASE.read_text(encoding="utf-8")
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\nfr\r\n',
        f'--{boundary}\r\nContent-Disposition: form-data; name="target"\r\n\r\nes\r\n',
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="release.txt"\r\n'
        f"Content-Type: text/plain\r\n\r\n{text}\r\n",
        f"--{boundary}--\r\n",
    ]
    answer = server.request(
        "POST",
        "/translate_file",
        "".join(parts).encode(),
        {"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert answer.status == 200, answer.body
    url = answer.json()["translatedFileUrl"]
    assert url.startswith(f"{server.url}/download_file/")
    downloaded = server.get(url.removeprefix(server.url))
    assert downloaded.status == 200
    assert "release.es.txt" in downloaded.headers["content-disposition"]
    served = server.post_json("/translate", {"q": text, "source": "fr", "target": "es"}).json()
    assert downloaded.body.decode() == served["translatedText"] + "\n"
    assert server.get("/download_file/..%2F..%2Fetc%2Fpasswd").status in (400, 404)
    assert server.get(f"/download_file/{'0' * 32}.missing.txt").status == 404


def test_summarize_with_translations(server) -> None:
    text = RELEASE.read_text(encoding="utf-8")
    answer = server.post_json("/summarize", {"q": text, "sentences": 2, "targets": ["en"]})
    assert answer.status == 200, answer.body
    data = answer.json()
    assert data["algorithm"] == "pacsum" and len(data["sentences"]) == 2
    for sentence in data["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    assert len(data["translations"]["en"]) == 2 and "Artsakh" in data["translations"]["en"][0]
    lead = server.post_json("/summarize", {"q": text, "ratio": 0.5, "algorithm": "lead"}).json()
    assert lead["algorithm"] == "lead" and lead["translations"] == {}


@pytest.mark.parametrize(
    ("path", "body", "status", "error"),
    [
        (
            "/translate",
            {"source": "fr", "target": "es"},
            400,
            "Invalid request: missing q parameter",
        ),
        (
            "/translate",
            {"q": "x", "target": "es"},
            400,
            "Invalid request: missing source parameter",
        ),
        (
            "/translate",
            {"q": "x", "source": "fr"},
            400,
            "Invalid request: missing target parameter",
        ),
        ("/translate", {"q": "x", "source": "fr", "target": "xx"}, 400, "xx is not supported"),
        ("/translate", {"q": "x", "source": "zz", "target": "es"}, 400, "zz is not supported"),
        (
            "/translate",
            {"q": "x", "source": "eo", "target": "frp"},
            400,
            "Arpitan (frp) is not available as a target language from Esperanto (eo)",
        ),
        (
            "/translate",
            {"q": "x", "source": "fr", "target": "es", "format": "pdf"},
            400,
            "pdf format is not supported",
        ),
        # Two faults at once: the one LibreTranslate checks first (source, target, format).
        ("/translate", {"q": "x", "source": "zz", "target": "xx"}, 400, "zz is not supported"),
        (
            "/translate",
            {"q": "x", "source": "fr", "target": "xx", "format": "pdf"},
            400,
            "xx is not supported",
        ),
        ("/translate", {"q": 3, "source": "fr", "target": "es"}, 400, None),
        ("/detect", {}, 400, "Invalid request: missing q parameter"),
        ("/summarize", {"q": "x", "algorithm": "nope"}, 400, None),
        ("/summarize", {"q": "x", "sentences": 2, "ratio": 0.5}, 400, None),
        ("/suggest", {"q": "x"}, 403, "Suggestions are disabled on this server."),
    ],
)
def test_errors_as_libretranslate_gives_them(server, path, body, status, error) -> None:
    answer = server.post_json(path, body)
    assert answer.status == status, answer.body
    assert answer.headers["content-type"] == "application/json"
    message = answer.json()["error"]
    assert isinstance(message, str) and message
    if error is not None:
        assert message == error


def test_malformed_and_non_object_json(server) -> None:
    headers = {"Content-Type": "application/json"}
    bad = server.request("POST", "/translate", b'{"q": "x",', headers)
    assert bad.status == 400 and bad.json()["error"].startswith("Failed to decode JSON object")
    listed = server.request("POST", "/translate", json.dumps(["x"]).encode(), headers)
    assert listed.status == 400 and listed.json()["error"] == "Invalid JSON format"


def test_a_text_in_another_language_than_declared_is_refused(server) -> None:
    english = "The minister of foreign affairs sent official letters to the heads of the " * 3
    answer = server.post_json("/translate", {"q": english, "source": "fr", "target": "es"})
    assert answer.status == 400 and "looks like English" in answer.json()["error"]


def test_unknown_routes_and_methods(server) -> None:
    assert server.get("/nope").status == 404
    assert server.get("/nope").json() == {"error": "Not Found"}
    assert server.get("/translate").status == 405
    assert server.request("OPTIONS", "/translate").status == 200


def test_page_files_are_plain_names_only(server) -> None:
    assert server.get("/page/..%2Fapp.py").status == 404
    assert server.get("/page/app.py").status == 404
    assert server.get("/page/missing.css").json()["error"].startswith("No such page file")


def test_character_limit() -> None:
    with serving(char_limit=20) as limited:
        answer = limited.post_json("/translate", {"q": SENTENCE, "source": "fr", "target": "es"})
        assert answer.status == 400
        assert (
            answer.json()["error"]
            == f"Invalid request: request ({len(SENTENCE)}) exceeds text limit (20)"
        )
        assert limited.get("/frontend/settings").json()["charLimit"] == 20


def test_one_log_line_per_request() -> None:
    with serving() as logged:
        logged.post_form("/translate", {"q": "Bonjour.", "source": "fr", "target": "es"})
        logged.get("/languages")
    assert len(logged.log) == 2
    assert logged.log[0].startswith("127.0.0.1 POST /translate 200 ")
    assert logged.log[0].endswith(" ms 8 chars")
    assert logged.log[1].startswith("127.0.0.1 GET /languages 200 ")


def test_the_command_line_starts_without_the_server() -> None:
    from tests.imports import imported_packages

    assert imported_packages("--help").isdisjoint({"starlette", "uvicorn", "multipart"})


def test_bad_serve_options_are_one_line_and_exit_2(tmp_path) -> None:
    from tests.conftest import run_toolkit

    empty = tmp_path / "keys.txt"
    empty.write_text("# none yet\n", encoding="utf-8")
    for args, message in (
        (("--workers", "0"), "--workers must be at least 1"),
        (("--api-keys", str(empty)), "no API key in the file"),
        (("--api-keys", str(tmp_path / "missing.txt")), "cannot read the API keys"),
        (("--port", "70000"), "--port must be from 0 to 65535"),
    ):
        result = run_toolkit("serve", *args)
        assert result.returncode == 2, result.stderr
        assert message in result.stderr and len(result.stderr.splitlines()) == 1

"""LibreTranslate's own Python client (libretranslatepy) drives a running `toolkit serve`: every
call it offers works, and the glossary's names come out in their forms."""

from __future__ import annotations

from urllib.error import HTTPError

import pytest
from libretranslatepy import LibreTranslateAPI

from tests.serving import serving, serving_process

TEXT = "Le ministre a quitté Stepanakert, capitale de l’Artsakh, par le corridor de Latchine."


@pytest.fixture(scope="module")
def client():
    with serving() as server:
        yield LibreTranslateAPI(server.url)


@pytest.mark.parametrize("target", ["es", "en", "ca"])
def test_translate_keeps_the_names(client, target: str) -> None:
    translated = client.translate(TEXT, "fr", target)
    for name in ("Artsakh", "Stepanakert", "Lachin"):
        assert name in translated
    assert "Latchine" not in translated


def test_translate_from_auto(client) -> None:
    assert "Stepanakert" in client.translate(TEXT, "auto", "es")


def test_detect(client) -> None:
    found = client.detect(TEXT)
    assert found[0]["language"] == "fr"
    assert isinstance(found[0]["confidence"], float)


def test_languages(client) -> None:
    codes = {row["code"]: row for row in client.languages()}
    assert "es" in codes["fr"]["targets"] and codes["es"]["name"] == "Spanish"


def test_an_error_reaches_the_client_as_libretranslates_would() -> None:
    with serving() as server:
        client = LibreTranslateAPI(server.url)
        with pytest.raises(HTTPError) as raised:
            client.translate(TEXT, "fr", "xx")
        assert raised.value.code == 400


def test_api_keys(tmp_path) -> None:
    keys = tmp_path / "keys.txt"
    keys.write_text("# desk keys\nkey-one\n\nkey-two\n", encoding="utf-8")
    with serving_process("--api-keys", str(keys), "--workers", "1") as server:
        assert "Artsakh" in LibreTranslateAPI(server.url, "key-two").translate(TEXT, "fr", "es")
        assert LibreTranslateAPI(server.url, "key-one").detect(TEXT)[0]["language"] == "fr"
        assert LibreTranslateAPI(server.url, "key-one").languages()
        with pytest.raises(HTTPError) as wrong:
            LibreTranslateAPI(server.url, "nope").translate(TEXT, "fr", "es")
        assert wrong.value.code == 403
        with pytest.raises(HTTPError) as none:
            LibreTranslateAPI(server.url).translate(TEXT, "fr", "es")
        assert none.value.code == 400  # LibreTranslate's answer to a missing key
        assert server.get("/frontend/settings").json()["keyRequired"] is True


def test_an_argos_route(argos_env) -> None:
    """With the test's argos packages (a model that copies its input), fr→en goes through argos,
    the names still in their forms."""
    with serving_process("--workers", "1", env=argos_env) as server:
        client = LibreTranslateAPI(server.url)
        assert "de" in {row["code"]: row for row in client.languages()}["en"]["targets"]
        translated = client.translate(TEXT, "fr", "en")
        for name in ("Artsakh", "Stepanakert", "Lachin"):
            assert name in translated
        answer = server.post_json("/translate", {"q": TEXT, "source": "fr", "target": "en"})
        assert answer.json()["toolkit"]["engine"] == "argos"

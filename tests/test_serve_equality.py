"""/translate gives byte for byte what `toolkit translate --text` writes, for the example release
into es, ca and en: the same pipeline, glossary, protected spans and typography."""

from __future__ import annotations

import pytest

from tests.conftest import RELEASE, run_toolkit
from tests.serving import serving


@pytest.fixture(scope="module")
def server():
    with serving() as running:
        yield running


@pytest.mark.parametrize("target", ["es", "ca", "en"])
def test_translate_equals_the_command_line(server, target: str) -> None:
    # The release as it is in the file, and with a last line end (which the command line writes
    # after any text that lacks one, as every text output does).
    release = RELEASE.read_text(encoding="utf-8")
    for text in (release, release.rstrip("\n") + "\n"):
        cli = run_toolkit("translate", "--text", text, "--to", target)
        assert cli.returncode == 0, cli.stderr
        answer = server.post_json("/translate", {"q": text, "source": "fr", "target": target})
        assert answer.status == 200, answer.body
        served = answer.json()["translatedText"]
        if text.endswith("\n"):
            assert served.encode() == cli.stdout.encode()
        else:
            assert (served + "\n").encode() == cli.stdout.encode()
        assert "Artsakh" in served


def test_a_form_body_and_a_list_give_the_same_bytes(server) -> None:
    text = "Le corridor de Latchine relie l’Artsakh à l’Arménie : « cessez-le-feu » à 15 h 30.\n"
    cli = run_toolkit("translate", "--text", text, "--to", "en")
    form = server.post_form("/translate", {"q": text, "source": "fr", "target": "en"}).json()
    listed = server.post_json("/translate", {"q": [text, text], "source": "fr", "target": "en"})
    assert form["translatedText"] == cli.stdout
    assert listed.json()["translatedText"] == [cli.stdout, cli.stdout]

"""/translate gives byte for byte what `toolkit translate --text` writes, for the example release
into es, ca and en by Apertium, and into en and de (a pivot through en, a target prefix) by the
tests' Argos packages: the same pipeline, glossary, protected spans and typography."""

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


@pytest.fixture(scope="module")
def argos_server(argos_env):
    """A server whose engines find the tests' Argos packages (fr→en, en→de with a target
    prefix, models that copy their input), as `toolkit translate` finds them in argos_env."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in argos_env.items():
            patch.setenv(name, value)
        with serving(engine="argos") as running:
            yield running


@pytest.fixture
def in_argos_env(argos_env, monkeypatch) -> None:
    """argos_env over each test's sealed home: the engines in the server's threads read the
    package folder from this process's environment."""
    for name, value in argos_env.items():
        monkeypatch.setenv(name, value)


@pytest.mark.parametrize(("target", "route"), [("en", ["fr", "en"]), ("de", ["fr", "en", "de"])])
@pytest.mark.usefixtures("in_argos_env")
def test_an_argos_route_equals_the_command_line(argos_server, target: str, route: list) -> None:
    release = RELEASE.read_text(encoding="utf-8")
    cli = run_toolkit("translate", "--text", release, "--to", target, "--engine", "argos")
    assert cli.returncode == 0, cli.stderr
    answer = argos_server.post_json("/translate", {"q": release, "source": "fr", "target": target})
    assert answer.status == 200, answer.body
    data = answer.json()
    assert data["toolkit"]["engine"] == "argos"
    assert data["toolkit"]["languages"] == route
    assert (data["translatedText"] + "\n").encode() == cli.stdout.encode()
    assert "Artsakh" in data["translatedText"]

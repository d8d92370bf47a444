"""Several languages or several inputs on stdout: each under a `==> name <==` header, as `head` and
`tail` mark several files, in a pipe and on a terminal alike; JSON and -o DIR as before."""

from __future__ import annotations

import json

from tests.terminal import run_in_terminal


def blocks(stdout: str) -> dict[str, str]:
    """The text under each header."""
    found: dict[str, str] = {}
    for block in ("\n" + stdout).split("\n==> ")[1:]:
        header, _, text = block.partition(" <==\n")
        found[header] = text
    return found


def test_several_languages_come_under_their_headers(toolkit, release_text: str) -> None:
    result = toolkit("translate", "--to", "es,ca,en", input=release_text)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("==> es <==\n")
    assert "\n\n==> ca <==\n" in result.stdout and "\n\n==> en <==\n" in result.stdout
    texts = blocks(result.stdout)
    assert list(texts) == ["es", "ca", "en"]
    for target in texts:  # each block is that language alone; a blank line before the next header
        alone = toolkit("translate", "--to", target, input=release_text).stdout
        assert texts[target] == alone


def test_several_files_come_under_their_names(toolkit, tmp_path) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("Bonjour.\n", encoding="utf-8")
    second.write_text("Le ministre.\n\nAu revoir.\n", encoding="utf-8")
    result = toolkit("translate", str(first), str(second), "--to", "es")
    assert result.returncode == 0, result.stderr
    # The files go to the engine as one batch, and Apertium's tagger reads each paragraph in the
    # context of those before it: the same paragraphs sent as one text give the same words.
    together = toolkit("translate", "--to", "es", input="Bonjour.\n\nLe ministre.\n\nAu revoir.\n")
    hello, minister, goodbye = together.stdout.strip().split("\n\n")
    assert result.stdout == (
        f"==> {first} <==\n{hello}\n\n==> {second} <==\n{minister}\n\n{goodbye}\n"
    )
    both = toolkit("translate", str(first), "-", "--to", "es,ca", input="Au revoir.")
    assert list(blocks(both.stdout)) == [
        f"{first} (es)",
        "<stdin> (es)",
        f"{first} (ca)",
        "<stdin> (ca)",
    ]


def test_strict_output_has_the_same_headers(toolkit, release_text: str) -> None:
    streamed = toolkit("translate", "--to", "es,ca", input=release_text)
    strict = toolkit("translate", "--to", "es,ca", "--strict", input=release_text)
    assert strict.returncode == 0, strict.stderr
    assert strict.stdout == streamed.stdout


def test_headers_on_a_terminal(release_text: str) -> None:
    screen, _ = run_in_terminal("translate", "examples/release-fr.txt", "--to", "es,ca")
    assert screen.returncode == 0
    lines = screen.text.splitlines()
    assert "==> es <==" in lines and "==> ca <==" in lines
    assert lines.index("==> es <==") < lines.index("==> ca <==")


def test_json_and_folders_have_no_headers(toolkit, release_text: str, tmp_path) -> None:
    data = json.loads(
        toolkit("translate", "--to", "es,ca", "--format", "json", input=release_text).stdout
    )
    assert [t["target"] for t in data["translations"]] == ["es", "ca"]
    assert "==>" not in json.dumps(data)
    result = toolkit("translate", "--to", "es,ca", "-o", str(tmp_path), input=release_text)
    assert result.returncode == 0 and result.stdout == ""
    assert "==>" not in (tmp_path / "stdin.es.txt").read_text(encoding="utf-8")
    one = toolkit("translate", "--to", "es", input=release_text)
    assert "==>" not in one.stdout


# An OSC sequence that retitles the terminal, a colour code, a line end that would split the
# header, a right-to-left override: none reaches stdout raw.
HOSTILE = "a\x1b]0;pwned\x07b\x1b[31mc\nd\u202ee.txt"
HOSTILE_SHOWN = "a\\x1b]0;pwned\\x07b\\x1b[31mc\\nd\\u202ee.txt"


def _hostile_inputs(tmp_path) -> list[str]:
    (tmp_path / HOSTILE).write_text("Le ministre est à Stepanakert.\n", encoding="utf-8")
    (tmp_path / "plain.txt").write_text("Le ministre est à Lachin.\n", encoding="utf-8")
    return [str(tmp_path / HOSTILE), str(tmp_path / "plain.txt")]


def _no_controls(text: str) -> None:
    assert not any(c in text for c in "\x1b\x07\u202e")


def test_control_characters_in_file_names_are_escaped_in_headers(toolkit, tmp_path) -> None:
    files = _hostile_inputs(tmp_path)
    for args in (["translate", *files, "--to", "es"], ["translate", *files, "--to", "es,ca"]):
        result = toolkit(*args)
        assert result.returncode == 0, result.stderr
        _no_controls(result.stdout)
        assert f"==> {tmp_path}/{HOSTILE_SHOWN}" in result.stdout
        assert len([line for line in result.stdout.splitlines() if line.startswith("==> ")]) == (
            2 if args[-1] == "es" else 4
        )


def test_control_characters_in_file_names_are_escaped_in_summaries(toolkit, tmp_path) -> None:
    files = _hostile_inputs(tmp_path)
    for format in ("text", "markdown"):
        result = toolkit("summarize", *files, "--format", format, "--to", "es,ca")
        assert result.returncode == 0, result.stderr
        _no_controls(result.stdout)
        # The whole name on one line: its line end did not split the header.
        assert any("pwned" in line and "e.txt" in line for line in result.stdout.splitlines())

"""`toolkit summarize` as a user runs it: pipes, files, formats, translation and bad input.

The main cases run the installed command in a subprocess; the rest run the app in this process
(typer's CliRunner), which spares each a second of start-up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.cli import app
from toolkit.errors import ToolkitError
from toolkit.summary.algorithms import ALGORITHMS

DATA = Path(__file__).parent / "data" / "summaries"


def sentences_of(output: str) -> list[str]:
    return output.splitlines()


class Result:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def summarize(*args: str, input: str | bytes = "") -> Result:
    """`toolkit summarize ARGS` in this process; errors as the command line reports them."""
    result = CliRunner().invoke(app, ["summarize", *args], input=input)
    error = result.exception
    if isinstance(error, ToolkitError):
        return Result(error.exit_code, result.stdout, f"toolkit: error: {error}\n")
    if error is not None and not isinstance(error, SystemExit):
        raise error
    return Result(result.exit_code, result.stdout, result.stderr)


def test_pipe_prints_three_sentences_verbatim_and_nothing_else(toolkit, release_text: str) -> None:
    result = toolkit("summarize", "-n", "3", input=release_text)
    assert result.returncode == 0, result.stderr
    lines = sentences_of(result.stdout)
    assert len(lines) == 3
    for line in lines:
        assert line and line == line.strip()
        assert line in release_text
    assert "\x1b[" not in result.stdout
    # In document order.
    assert [release_text.index(line) for line in lines] == sorted(
        release_text.index(line) for line in lines
    )


def test_default_is_three_sentences(release_text: str) -> None:
    result = summarize(input=release_text)
    assert result.returncode == 0, result.stderr
    assert len(sentences_of(result.stdout)) == 3


def test_json_is_valid_and_offsets_point_at_the_sentences(release_text: str) -> None:
    result = summarize("--format", "json", "-n", "4", input=release_text)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    [summary] = data["summaries"]
    assert summary["algorithm"] == "pacsum"
    assert summary["parameters"] == {"later": 1.0, "earlier": -1.0, "length_penalty": 0.003}
    assert summary["ties"] is False and summary["tie_break"] is None
    assert summary["language"] == "fr"
    assert summary["language_detected"] is True
    assert summary["sentences_total"] == 10  # the `date 2023-05` stamp set apart
    assert len(summary["summary"]) == 4
    indexes = [s["index"] for s in summary["summary"]]
    assert indexes == sorted(indexes)
    for sentence in summary["summary"]:
        assert release_text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert {"paragraph", "sentence", "score", "rank"} <= set(sentence)
    assert "scores" not in summary


def test_json_with_explain_has_every_score(release_text: str) -> None:
    result = summarize("--format", "json", "--explain", input=release_text)
    data = json.loads(result.stdout)["summaries"][0]
    assert len(data["scores"]) == 10  # the `date 2023-05` stamp set apart
    assert sum(s["selected"] for s in data["scores"]) == 3
    assert sorted(s["rank"] for s in data["scores"]) == list(range(1, 11))


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_gives_verbatim_sentences(release_text: str, algorithm) -> None:
    result = summarize("-a", algorithm, "-n", "2", input=release_text)
    assert result.returncode == 0, result.stderr
    lines = sentences_of(result.stdout)
    assert len(lines) == 2
    assert all(line in release_text for line in lines)


def test_textrank_on_a_longer_text() -> None:
    text = (DATA / "gsettings-fr.txt").read_text(encoding="utf-8")
    result = summarize("-a", "textrank", "-n", "5", "--language", "fr", input=text)
    assert result.returncode == 0, result.stderr
    lines = sentences_of(result.stdout)
    assert len(lines) == 5
    assert all(line in text for line in lines)


def test_ratio_keeps_a_share_of_the_sentences(release_text: str) -> None:
    result = summarize("--ratio", "0.34", input=release_text)
    assert len(sentences_of(result.stdout)) == 3  # 9 × 0.34 = 3.06
    result = summarize("--ratio", "0.01", input=release_text)
    assert len(sentences_of(result.stdout)) == 1  # at least one


def test_fewer_sentences_than_asked_gives_them_all(release_text: str) -> None:
    result = summarize("-a", "lexrank", "-n", "50", input=release_text)
    assert result.returncode == 0, result.stderr
    assert len(sentences_of(result.stdout)) == 9


def test_fewer_sentences_than_asked_gives_all_but_the_dateline(release_text: str) -> None:
    result = summarize("-n", "50", input=release_text)
    assert result.returncode == 0, result.stderr
    assert len(sentences_of(result.stdout)) == 8
    assert "STEPANAKERT, 25 MAI, ARTSAKHPRESS :" not in result.stdout
    assert "6·1 (dateline)" in result.stderr


@pytest.mark.parametrize("text", ["", "   \n\n \t\n", "\ufeff"])
def test_empty_input_prints_nothing(text: str) -> None:
    result = summarize(input=text)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""


def test_empty_input_in_json_is_an_empty_summary() -> None:
    result = summarize("--format", "json", input="")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["summaries"][0]["summary"] == []


def test_one_very_long_sentence() -> None:
    words = ("le corridor de Lachin relie l’Artsakh à l’Arménie et reste bloqué " * 800).split()
    sentence = " ".join(words) + "."
    for algorithm in ALGORITHMS:
        result = summarize("-a", algorithm, input=sentence + "\n")
        assert result.returncode == 0, (algorithm, result.stderr)
        assert result.stdout == sentence + "\n"


def test_wrapped_sentences_come_out_on_one_line() -> None:
    text = "Le ministre a envoyé\n   des lettres officielles.\nIl a souligné le danger.\n"
    result = summarize("-n", "2", input=text)
    assert sentences_of(result.stdout) == [
        "Le ministre a envoyé des lettres officielles.",
        "Il a souligné le danger.",
    ]


def test_several_files_give_one_summary_each(release_text: str, tmp_path) -> None:
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text(release_text, encoding="utf-8")
    second.write_text((DATA / "gpl-3-en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = summarize(str(first), str(second), "-n", "2", "--format", "json")
    assert result.returncode == 0, result.stderr
    summaries = json.loads(result.stdout)["summaries"]
    assert [s["name"] for s in summaries] == [str(first), str(second)]
    assert [s["language"] for s in summaries] == ["fr", "en"]
    text = summarize(str(first), str(second), "-n", "2").stdout
    blocks = text.split("\n\n")
    assert len(blocks) == 2
    # Each under its header, as translate heads several files.
    assert [block.splitlines()[0] for block in blocks] == [f"==> {first} <==", f"==> {second} <=="]
    assert all(len(block.strip().splitlines()) == 3 for block in blocks)


def test_markdown(release_text: str) -> None:
    result = summarize("--format", "markdown", "--explain", input=release_text)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert sum(line.startswith("- ") for line in lines) == 3
    assert "| ¶ | sentence | score | rank | chosen |" in lines
    assert sum(line.endswith("| ✓ |") for line in lines) == 3


def test_explain_in_a_pipe_follows_the_sentences(release_text: str) -> None:
    result = summarize("--explain", input=release_text)
    assert result.returncode == 0, result.stderr
    head, _, chart = result.stdout.partition("\n\n")
    assert len(head.splitlines()) == 3
    assert chart.count("◀ #") == 3
    assert "\x1b[" not in result.stdout


def test_language_is_detected() -> None:
    text = (DATA / "git-2.33-en.txt").read_text(encoding="utf-8")
    data = json.loads(summarize("--format", "json", input=text).stdout)
    assert data["summaries"][0]["language"] == "en"


def test_language_without_stemmer_is_summarised_with_a_note() -> None:
    text = "La ciutat és petita. El corredor de Lachin és tancat. La ciutat de Lachin és lluny."
    result = summarize("--language", "ca", "-n", "1", input=text)
    assert result.returncode == 0, result.stderr
    assert len(sentences_of(result.stdout)) == 1
    assert "no stemmer for Catalan" in result.stderr


def test_translation_follows_the_sentences_in_a_pipe(release_text: str) -> None:
    result = summarize("-n", "3", "--to", "es", "-a", "textrank", input=release_text)
    assert result.returncode == 0, result.stderr
    source, _, translated = result.stdout.partition("\n\n")
    assert len(source.splitlines()) == 3
    assert all(line in release_text for line in source.splitlines())
    translated_lines = translated.splitlines()
    assert len(translated_lines) == 3
    assert "Artsakh" in translated_lines[0]  # the glossary keeps the name
    assert "apertium" in result.stderr


def test_translation_in_json(release_text: str) -> None:
    result = summarize("--to", "en", "--format", "json", input=release_text)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)["summaries"][0]
    assert summary["translation"]["target"] == "en"
    assert "apertium" in summary["translation"]["route"]
    assert all(s["translation"] for s in summary["summary"])


def test_nltk_data_is_never_needed(toolkit, release_text: str, tmp_path) -> None:
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    result = toolkit("summarize", "-a", "lsa", input=release_text, env={"NLTK_DATA": str(empty)})
    assert result.returncode == 0, result.stderr
    assert len(sentences_of(result.stdout)) == 3


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--algorithm", "pagerank"], 2, "unknown algorithm 'pagerank'"),
        (["-n", "0"], 2, "-n/--sentences must be at least 1"),
        (["--ratio", "1.5"], 2, "--ratio must be above 0 and at most 1"),
        (["-n", "2", "--ratio", "0.5"], 2, "give -n/--sentences or --ratio, not both"),
        (["--format", "xml"], 2, "unknown format 'xml'"),
        (["--language", "xx"], 2, "unknown language 'xx'"),
        (["--language", "zh"], 2, "summaries of Chinese text are not supported"),
        (["--to", "qq"], 2, "unknown target language 'qq'"),
        (["--language", "fr", "--to", "fr"], 2, "--to fr is the language of the text"),
        (["--to", "ro"], 2, "no engine translates French to Romanian here"),
    ],
)
def test_bad_options(release_text: str, args, code, message) -> None:
    result = summarize(*args, input=release_text)
    assert result.returncode == code
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert message in result.stderr


def test_binary_input_is_refused(toolkit, tmp_path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = toolkit("summarize", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "binary data" in result.stderr
    assert result.stderr.count("\n") == 1


def test_bad_option_in_a_subprocess(toolkit, release_text: str) -> None:
    result = toolkit("summarize", "--algorithm", "pagerank", input=release_text)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "toolkit: error: unknown algorithm 'pagerank'; choose pacsum, lead, lexrank, textrank, "
        "lsa, luhn, edmundson, kl, sumbasic, reduction\n"
    )


def test_missing_file() -> None:
    result = summarize("no-such-file.txt")
    assert result.returncode == 2
    assert "no such file" in result.stderr


def test_lsa_on_fewer_words_than_sentences_prints_no_warning(toolkit) -> None:
    # sumy's LSA warns when the distinct words are fewer than the sentences; it ranks them all
    # the same, so the warning is silenced and nothing but the summary is printed.
    text = "Oui. Non. Oui oui. Non non. Oui non. Non oui.\n"
    result = toolkit("summarize", "-a", "lsa", "-n", "2", "--language", "fr", input=text)
    assert result.returncode == 0, result.stderr
    assert len(sentences_of(result.stdout)) == 2
    assert "Warning" not in result.stderr and "LSA" not in result.stderr


@pytest.mark.parametrize(
    "text",
    ["Merci.", "Vote unanime.", "Transport public gratuit.", "Excellent résultat. Fin."],
)
def test_short_french_text_is_taken_for_french(text: str) -> None:
    # langdetect calls each of these another language (it, it, ro, ca) with a probability over
    # 0.99: too few letters to trust, so the tool's language is assumed, and said.
    result = summarize("--to", "es", "--format", "json", input=text)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)["summaries"][0]
    assert summary["language"] == "fr"
    assert summary["translation"]["route"].startswith("apertium fr→")
    assert "assuming French (give --language)" in " ".join(summary["notes"])


def test_short_french_text_detected_as_french_needs_no_note() -> None:
    result = summarize("--format", "json", input="Le parlement vote la loi.")
    summary = json.loads(result.stdout)["summaries"][0]
    assert (summary["language"], summary["language_detected"], summary["notes"]) == ("fr", True, [])


def test_offsets_count_characters_of_the_decoded_text() -> None:
    # A BOM, CRLF line ends and accents: the offsets are not those of the bytes of the file, but of
    # its text as decoded (line ends as \n, no BOM), where they cut out the sentence exactly.
    text = "Le ministre d’Artsakh est arrivé.\r\n\r\nIl a rencontré les élus à Stepanakert.\r\n"
    data = json.loads(
        summarize("--format", "json", "-n", "2", input=text.encode("utf-8-sig")).stdout
    )
    summary = data["summaries"][0]
    assert summary["offsets"] == "characters"
    decoded = text.replace("\r\n", "\n")
    for chosen in summary["summary"]:
        assert decoded[chosen["start"] : chosen["end"]] == chosen["text"]
    assert [c["start"] for c in summary["summary"]] == [0, 35]

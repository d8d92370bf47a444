"""The catalogue of bad inputs: each gives its exit code and one clear line on stderr, nothing else.

Cases that need a package or a glossary file live beside their features (test_packages*.py,
test_glossary*.py) and follow the same rule.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_toolkit


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    stdin: bytes
    code: int
    message: str  # a part of the one line on stderr


CASES = [
    Case(
        "invalid UTF-8",
        ("translate", "--to", "es"),
        b"Le minist\xe8re.",
        1,
        "invalid utf-8 at byte offset 9",
    ),
    Case(
        "NUL bytes",
        ("translate", "--to", "es"),
        b"Bonjour\x00\x01",
        1,
        "binary data (NUL byte at offset 7)",
    ),
    Case(
        "truncated UTF-8",
        ("translate", "--to", "es"),
        b"Caf\xc3",
        1,
        "invalid utf-8 at byte offset 3",
    ),
    Case(
        "unknown target",
        ("translate", "--to", "zz"),
        b"Bonjour.",
        2,
        "unknown target language 'zz'",
    ),
    Case(
        "unknown source",
        ("translate", "--from", "xx", "--to", "es"),
        b"Bonjour.",
        2,
        "unknown source language 'xx'",
    ),
    Case(
        "empty target list", ("translate", "--to", ","), b"Bonjour.", 2, "no target language given"
    ),
    Case(
        "no route",
        ("translate", "--to", "ro", "--engine", "apertium"),
        b"Bonjour.",
        2,
        "no engine translates French to Romanian here",
    ),
    Case(
        "unknown engine",
        ("translate", "--to", "es", "--engine", "google"),
        b"Bonjour.",
        2,
        "unknown engine 'google'",
    ),
    Case(
        "unknown encoding",
        ("translate", "--to", "es", "--encoding", "klingon"),
        b"Bonjour.",
        2,
        "unknown encoding 'klingon'",
    ),
    *(
        Case(
            f"{codec} is no text encoding",
            ("translate", "--to", "es", "--encoding", codec),
            b"Bonjour.",
            2,
            f"{codec!r} is not a character encoding of text files",
        )
        for codec in ("rot13", "base64", "zlib", "hex", "uu", "punycode")
    ),
    Case(
        "missing file",
        ("translate", "absent.txt", "--to", "es"),
        b"",
        2,
        "absent.txt: no such file",
    ),
    Case("directory as input", ("translate", ".", "--to", "es"), b"", 2, ".: is a directory"),
    Case(
        "output under a file",
        ("translate", "--to", "es", "-o", "README.md/out.txt"),
        b"Bonjour.",
        2,
        "does not exist",
    ),
    Case(
        "unknown option",
        ("translate", "--colour"),
        b"",
        2,
        "toolkit: error: no such option --colour; see toolkit translate --help",
    ),
    Case(
        "argos option for apertium",
        ("translate", "--to", "es", "--engine", "apertium", "--device", "tpu", "--beam-size", "0"),
        b"Bonjour.",
        2,
        "--device, --beam-size: not an option of the apertium engine",
    ),
    Case(
        "beam of zero",
        ("translate", "--to", "es", "--engine", "argos", "--beam-size", "0"),
        b"Bonjour.",
        2,
        "--beam-size must be 1 (greedy) or more",
    ),
    Case(
        "wrong source language",
        ("translate", "--from", "en", "--to", "es"),
        (
            "Le ministre des affaires étrangères a envoyé des lettres officielles aux "
            "ambassadeurs des pays membres pour leur demander d’agir sans délai contre le blocus."
        ).encode(),
        1,
        "the input looks like French (fr), not English (en); give --from fr, or --force to "
        "translate it as English",
    ),
    Case(
        "invalid --protect",
        ("translate", "--to", "es", "--protect", "REF-(\\d+"),
        b"Bonjour.",
        2,
        "--protect: invalid regular expression 'REF-(\\\\d+'",
    ),
    Case(
        "escapes in a missing file's name",
        ("translate", "a\x1b[2J[bold]b\nc.txt", "--to", "es"),
        b"",
        2,
        "a\\x1b[2J[bold]b\\nc.txt: no such file",
    ),
    *(
        Case(
            f"corpus {command} -o ''",
            ("corpus", command, "corpus.jsonl", "-o", ""),
            b"",
            2,
            "-o is empty; give the folder of the output files",  # it wrote into the current folder
        )
        for command in ("translate", "summarize")
    ),
    *(
        Case(
            f"empty glossary name in {args[0]}",
            args,
            b"Bonjour.",
            2,
            "the glossary file name is empty; give a .toml",  # it named the current folder, '.'
        )
        for args in (
            ("translate", "--to", "es", "-g", ""),
            ("summarize", "-g", ""),
            ("glossary", "check", ""),
        )
    ),
    Case(
        "--protect matching nothing",
        ("translate", "--to", "es", "--protect", "x*"),
        b"Bonjour.",
        2,
        "--protect: the regular expression 'x*' matches empty text",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_one_line_and_its_exit_code(case: Case, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("a file, not a folder")
    result = run_toolkit(*case.args, input=case.stdin, cwd=tmp_path)
    assert result.returncode == case.code, result.stderr
    assert case.message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\n  ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE],
    ids=["empty", "blank", "BOM only", "UTF-16 BOM only"],
)
def test_empty_input_gives_empty_output_and_success(data: bytes) -> None:
    result = run_toolkit("translate", "--to", "es", input=data)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le-bom", "crlf", "cr"])
def test_accepted_encodings_and_line_ends(encoding: str) -> None:
    text = "Le ministre d’Artsakh.\n\nLa lettre.\n"
    data = {
        "utf-8-sig": text.encode("utf-8-sig"),
        "utf-16": text.encode("utf-16"),
        "utf-16-le-bom": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "crlf": text.replace("\n", "\r\n").encode(),
        "cr": text.replace("\n", "\r").encode(),
    }[encoding]
    result = run_toolkit("translate", "--to", "es", input=data)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n\n") == 1
    assert "ministro" in result.stdout


def test_unknown_words_are_counted_among_the_words_like_them() -> None:
    # Apertium marks xqz, yqz, zqz, wkw and wkw unknown: five words, where a count of words
    # between spaces found two and reported "5 of 2 words unknown (250.0%)". The two parts of
    # wkw-wkw, which Apertium cut at its hyphen, are one unknown word, as the source writes it.
    result = run_toolkit("translate", "--to", "es", "--check", input="xqz/yqz/zqz wkw-wkw\n")
    assert result.returncode == 0, result.stderr
    assert "4 of 5 words unknown to the engine (80.0%)" in result.stderr


# A folder "x[" and a file "y] ...": the path reads x[/y], a closing tag of rich's markup.
HOSTILE_NAME = "x[/y] [bold]z\x1b]0;title\x07.txt"
HOSTILE_TEXT = (
    "Le ministre [/rouge] d’Artsakh est arrivé à Stepanakert \x1b[2J mardi. "
    "La réunion xqzblorf a duré deux heures.\n"
)


def test_markup_and_escapes_in_names_and_text_are_shown_as_text_in_a_summary(tmp_path) -> None:
    from tests.terminal import run_in_terminal

    path = tmp_path / HOSTILE_NAME
    path.parent.mkdir()
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    screen, _ = run_in_terminal("summarize", str(path), "--to", "es", "--explain")
    assert screen.returncode == 0, screen.text
    assert "\x1b[2J" not in screen.raw and "\x1b]0;" not in screen.raw
    text = "".join(screen.text.split())  # the panel wraps long names and sentences
    assert "x[/y][bold]z\\x1b]0;title\\x07.txt" in text
    assert "[/rouge]d’Artsakh" in text and "\\x1b[2J" in text


def test_markup_and_escapes_in_names_and_text_are_shown_as_text_in_the_qa_report(
    tmp_path,
) -> None:
    from tests.terminal import run_in_terminal

    path = tmp_path / HOSTILE_NAME
    path.parent.mkdir()
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    # The translation itself goes to a pipe, verbatim; the report is on the terminal.
    screen, _ = run_in_terminal(
        "translate", str(path), "--to", "es", "--check", stdout_to_pipe=True
    )
    assert screen.returncode == 0, screen.text
    assert "\x1b[2J" not in screen.raw and "\x1b]0;" not in screen.raw
    text = "".join(screen.text.split())
    # Where the unknown word is: the column wraps the name after x[/y].
    assert "x[/y]" in text and "[bold]z\\x1b]0;title\\x07.txt" in text
    assert "xqzblorf" in text


def test_stderr_reads_the_same_in_a_pipe_as_on_a_terminal(tmp_path: Path) -> None:
    """In a pipe the lines are written without rich (toolkit.output.stderr), from the same
    markup: names holding markup, brackets and backslashes come out as they are named."""
    from tests.terminal import run_in_terminal

    folder = tmp_path / "x["
    folder.mkdir()
    glossary = folder / "y] [bold]g\\[1]:fire:\\.toml"
    glossary.write_text((ROOT / "glossaries" / "default.toml").read_text(encoding="utf-8"))
    source = folder / "[b] :fire: a\\.txt"
    source.write_text(HOSTILE_TEXT.replace("\x1b", ""), encoding="utf-8")
    dateline = folder / "[b]d\\"
    dateline.write_text("EREVAN, le 3 mai 2024\n", encoding="utf-8")

    def lines(text: str) -> list[str]:
        # Times vary; the terminal also shows a spinner's frames before the first line.
        text = re.sub(r"^(\S Scoring sentences…)+", "", text, flags=re.MULTILINE)
        return [line for line in re.sub(r"\d+\.\d\d s\b", "T s", text).splitlines() if line]

    stderr = {}
    for args in (
        ("translate", str(source), "--to", "es", "-g", str(glossary), "-v"),
        ("summarize", str(dateline)),  # notes: too little text, only datelines
    ):
        screen, _ = run_in_terminal(*args, columns=400, stdout_to_pipe=True)
        piped = run_toolkit(*args)
        assert screen.returncode == piped.returncode == 0, piped.stderr
        assert lines(screen.text) == lines(piped.stderr)
        stderr[args[0]] = piped.stderr
    assert f"({ROOT / 'glossaries' / 'default.toml'}, {glossary})" in stderr["translate"]
    assert f"{dateline}: every sentence looks like a dateline" in stderr["summarize"]


def test_verbose_lines_write_control_characters_in_names_as_escapes(tmp_path: Path) -> None:
    source = tmp_path / "a\x1b[2Jb\x07.txt"
    source.write_text("Le ministre est venu.\n", encoding="utf-8")
    result = run_toolkit("summarize", str(source), "-v")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "a\\x1b[2Jb\\x07.txt: pacsum ranked" in result.stderr


# Text no engine may cut or change: each comes out whole, exit 0, what must stay byte for byte.
KEPT = [
    (
        "U+FFFF",
        "Le ministre est venu.\uffff Il a parlé de la paix.\n",
        "\uffff Ha hablado de la paz.",
    ),
    (
        "U+0000 in UTF-16",
        "Le ministre est venu.\x00 Il a parlé.\n",
        ".\x00 Ha hablado.",
    ),
    (
        "non-character",
        "Le ministre est venu.\ufdd0 Il a parlé.\n",
        ".\ufdd0 Ha hablado.",
    ),
    ("e-mail", "Contact : presse@gov.am", "Contacto: presse@gov.am"),
    (
        "URL",
        "Voir https://www.gouv.am/fr/le-ministre/communique?id=2023.",
        "https://www.gouv.am/fr/le-ministre/communique?id=2023.",
    ),
    (
        "Windows path",
        "Le fichier C:\\Users\\le\\document.pdf est joint.",
        "C:\\Users\\le\\document.pdf",
    ),
    ("handle and hashtag", "Suivez @gouv et #y.", "@gouv y #y."),
    ("markup", "Le <b>ministre</b> est venu.", "El <b>ministro</b>"),
    ("NFD", "Il est arrive\u0301 à Ste\u0301panakert.", "Stepanakert"),
    ("zero-width space in a name", "Le peuple d’Art\u200bsakh.", "de Artsakh."),
    ("soft hyphen in a word", "Le minis\u00adtre est venu.", "El ministro"),
]


@pytest.mark.parametrize(("text", "kept"), [k[1:] for k in KEPT], ids=[k[0] for k in KEPT])
def test_text_engines_cannot_carry_comes_out_whole(text: str, kept: str) -> None:
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le") if "\x00" in text else text.encode()
    result = run_toolkit("translate", "--to", "es", input=data)
    assert result.returncode == 0, result.stderr
    assert kept in result.stdout, result.stdout


def test_markup_and_escapes_in_a_package_folder_name_are_shown_as_text(
    argos_env: dict[str, str], tmp_path: Path
) -> None:
    """A package installed by hand (or by argospm) under a folder name holding markup and an
    escape: its routes name it in `toolkit engines`, in the route line and in `models list`."""
    import shutil

    from tests.terminal import run_in_terminal

    installed = Path(argos_env["ARGOS_PACKAGES_DIR"]) / "translate-fr_en-1_0"
    packages = tmp_path / "packages"
    shutil.copytree(installed, packages / "fr-en[bold]x\x1b[2J")
    env = {**argos_env, "ARGOS_PACKAGES_DIR": str(packages)}
    shown = "fr-en[bold]x\\x1b[2J"

    screen, _ = run_in_terminal("engines", columns=200, env=env)
    assert screen.returncode == 0, screen.text
    assert "\x1b[2J" not in screen.raw and shown in screen.text
    piped = run_toolkit("engines", env=env)
    assert "\x1b" not in piped.stdout and shown in piped.stdout
    listed = run_toolkit("models", "list", env=env)
    assert "\x1b" not in listed.stdout and shown in listed.stdout
    translated = run_toolkit(
        "translate", "--to", "en", "--engine", "argos", input="Le ministre.\n", env=env
    )
    assert translated.returncode == 0, translated.stderr
    assert "\x1b" not in translated.stderr and f"({shown})" in translated.stderr


@pytest.mark.parametrize(
    "route", [("--to", "en"), ("--to", "es", "--via", "-"), ("--to", "gl")], ids=" ".join
)
def test_apertium_tags_never_leak(route: tuple[str, ...]) -> None:
    # fr-es has no Spanish form for a lone "y" and wrote its tag, `<prn>`, which the next hop
    # carried through: "y@z" became "<prn>@z", "##y" "##<prn>". A tag the input holds is kept.
    text = "Suivez #y, x@y.z, y@z, ##y et y.\n\nJ'y pense, y compris (y) et « y ». 3<prn>4\n"
    result = run_toolkit("translate", *route, input=text)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("<prn>") == 1 and "3<prn>4" in result.stdout, result.stdout
    assert "#y" in result.stdout and "x@y.z" in result.stdout


@pytest.mark.parametrize("kind", ["link to /dev/zero", "FIFO"])
def test_a_glossary_that_is_no_regular_file_is_refused_before_it_is_read(
    kind: str, tmp_path: Path
) -> None:
    # /dev/zero never ends; a FIFO with no writer would make the command wait for ever.
    glossary = tmp_path / "names.csv"
    if kind == "FIFO":
        os.mkfifo(glossary)
    else:
        glossary.symlink_to("/dev/zero")
    result = run_toolkit("translate", "--to", "es", "-g", str(glossary), input="Bonjour.\n")
    assert result.returncode == 2
    assert result.stderr == (
        f"toolkit: error: {glossary}: not a regular file (a device, a FIFO, a pipe); "
        "give a glossary file\n"
    )
    assert result.stdout == ""


def test_a_hashtag_in_a_glossary_is_a_term_that_applies(tmp_path: Path) -> None:
    # A row starting with # and a letter is a term, not a comment; as a hashtag it used to be
    # kept as written, so the term was read and never applied.
    glossary = tmp_path / "tags.csv"
    glossary.write_text(
        "# the desk's tags\nfr,en\n#\n## handles\n#Artsakh,#ArtsakhEN\n@Gouv,@GovEN\n",
        encoding="utf-8",
    )
    text = "Suivez #Artsakh et @Gouv, mais pas #ArtsakhNews.\n"
    result = run_toolkit("translate", "--to", "en", "-g", str(glossary), "--check", input=text)
    assert result.returncode == 0, result.stderr
    assert "#ArtsakhEN and @GovEN" in result.stdout and "#ArtsakhNews" in result.stdout
    assert "term #Artsakh (#ArtsakhEN): source 1, target 1, ok" in result.stderr


@pytest.mark.parametrize("command", [("translate", "--to", "es"), ("summarize",)], ids=" ".join)
def test_a_closed_stdin_is_one_line(command: tuple[str, ...]) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "toolkit", *command],
        capture_output=True,
        preexec_fn=lambda: os.close(0),  # `<&-`
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "toolkit: error: standard input is closed; give files, or the text with --text\n"
    )


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("command", [["translate", "--to", "es"], ["summarize"]])
def test_utf32_with_its_bom_is_read_as_utf32(
    tmp_path: Path, encoding: str, command: list[str]
) -> None:
    bom = codecs.BOM_UTF32_LE if encoding.endswith("le") else codecs.BOM_UTF32_BE
    source = tmp_path / "utf32.txt"
    source.write_bytes(bom + "Le ministre est arrivé à Stepanakert.\n".encode(encoding))
    result = run_toolkit(*command, str(source), "--from", "fr")
    assert result.returncode == 0, result.stderr
    assert "\x00" not in result.stdout and "Stepanakert" in result.stdout


@pytest.mark.parametrize(
    ("encoding", "data", "character"),
    [
        ("utf-7", b"Le +2AA- ministre.\n", "U+D800"),
        ("unicode_escape", b"Le \\udc80 ministre.\n", "U+DC80"),
        ("raw_unicode_escape", b"Le \\udfff ministre.\n", "U+DFFF"),
    ],
)
@pytest.mark.parametrize("command", [["translate", "--to", "es"], ["summarize"]])
def test_lone_surrogates_from_a_codec_are_one_line(
    tmp_path: Path, encoding: str, data: bytes, character: str, command: list[str]
) -> None:
    source = tmp_path / "odd.txt"
    source.write_bytes(data)
    result = run_toolkit(*command, str(source), "--encoding", encoding, "--from", "fr")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"toolkit: error: {source}: unpaired surrogate {character} at character offset 3 "
        f"(decoded as {codecs.lookup(encoding).name}); the input is not text in that encoding"
    ]
    assert result.stdout == ""

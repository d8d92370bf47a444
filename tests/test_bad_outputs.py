"""Bad places to write: stdout closed, full or gone, and -o onto what is not a plain file.

Each case gives its exit code and at most one line on stderr, never a traceback, like the bad
inputs of test_bad_inputs.py.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RELEASE

# Commands that write to stdout, with what they read on stdin.
WRITERS = {
    "translate": (["translate", "--to", "es"], b"Le ministre d\xe2\x80\x99Artsakh.\n"),
    "summarize": (["summarize"], RELEASE.read_bytes()),
    "glossary show": (["glossary", "show"], b""),
    "models list": (["models", "list", "--json"], b""),
    "engines": (["engines"], b""),
}


def run(args: list[str], stdin: bytes, stdout: int | None, close_stdout: bool = False):
    """The toolkit with stdout given (a file descriptor), or closed before it starts."""
    return subprocess.run(
        [sys.executable, "-m", "toolkit", *args],
        input=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        preexec_fn=(lambda: os.close(1)) if close_stdout else None,
        check=False,
    )


@pytest.mark.parametrize("command", list(WRITERS))
def test_full_disk_on_stdout_is_one_line_and_exit_1(command: str) -> None:
    args, stdin = WRITERS[command]
    with open("/dev/full", "wb") as full:
        result = run(args, stdin, full.fileno())
    assert result.returncode == 1, result.stderr
    lines = result.stderr.decode().strip().splitlines()
    assert lines[-1] == "toolkit: error: cannot write to standard output (No space left on device)"
    assert "Traceback" not in result.stderr.decode()


@pytest.mark.parametrize("command", list(WRITERS))
def test_a_reader_that_went_away_ends_the_command_quietly(command: str) -> None:
    args, stdin = WRITERS[command]
    process = subprocess.Popen(
        [sys.executable, "-m", "toolkit", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # the reader is gone before anything is written: `| head -0`
    _, stderr = process.communicate(stdin)
    assert process.returncode == 0, stderr
    assert b"error" not in stderr and b"Traceback" not in stderr


def test_closed_stdout_is_one_line_and_exit_1() -> None:
    args, stdin = WRITERS["translate"]
    result = run(args, stdin, None, close_stdout=True)
    assert result.returncode == 1
    assert result.stderr.decode().strip().splitlines()[-1] == (
        "toolkit: error: standard output is closed; give it a file or a pipe, or use -o"
    )


def test_closed_stdout_does_not_matter_with_an_output_file(tmp_path: Path) -> None:
    args, stdin = WRITERS["translate"]
    out = tmp_path / "out.txt"
    result = run([*args, "-o", str(out)], stdin, None, close_stdout=True)
    assert result.returncode == 0, result.stderr
    assert "Artsakh" in out.read_text()


def translate_to(output: str, tmp_path: Path, umask: int | None = None, inputs: tuple = ("-",)):
    return subprocess.run(
        [sys.executable, "-m", "toolkit", "translate", *inputs, "--to", "es", "-o", output],
        input=WRITERS["translate"][1],
        capture_output=True,
        cwd=tmp_path,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
        check=False,
    )


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        (("a/release.txt", "b/release.txt"), "a/release.txt and b/release.txt would both be"),
        (("x.txt", "x.md"), "x.txt and x.md would both be written to out/x.es.txt"),
        (("stdin.txt", "-"), "stdin.txt and <stdin> would both be written to out/stdin.es.txt"),
    ],
    ids=["same name in two folders", "same stem", "stdin.txt and stdin"],
)
def test_inputs_with_one_output_name_are_refused_before_any_work(
    inputs: tuple[str, ...], message: str, tmp_path: Path
) -> None:
    for name in inputs:
        if name != "-":
            (tmp_path / name).parent.mkdir(exist_ok=True)
            (tmp_path / name).write_text("Bonjour.\n")
    result = translate_to("out/", tmp_path, inputs=inputs)
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert not (tmp_path / "out").exists()


def test_an_empty_output_is_refused(tmp_path: Path) -> None:
    result = translate_to("", tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr.decode()
        == "toolkit: error: -o is empty; give a file, or a folder ending in /\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_trailing_slash_names_a_folder(tmp_path: Path) -> None:
    result = translate_to("new/", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Artsakh" in (tmp_path / "new" / "stdin.es.txt").read_text()


def test_json_into_a_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "toolkit",
            "translate",
            "--to",
            "es",
            "--format",
            "json",
            "-o",
            "out/",
        ],
        input=b"Bonjour.",
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "toolkit: error: out: is a folder; --format json writes one file\n"
    )


def test_a_fifo_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = translate_to(str(fifo), tmp_path)
    received = reader.communicate(timeout=60)[0].decode()
    assert result.returncode == 0, result.stderr
    assert "Artsakh" in received
    assert fifo.is_fifo() and sorted(p.name for p in tmp_path.iterdir()) == ["fifo"]


def test_a_link_to_stdout_writes_to_stdout(tmp_path: Path) -> None:
    (tmp_path / "stdout").symlink_to("/proc/self/fd/1")
    result = translate_to("stdout", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Artsakh" in result.stdout.decode()
    assert (tmp_path / "stdout").is_symlink()


@pytest.mark.skipif(os.geteuid() != 0, reason="making a character device needs root")
def test_a_character_device_is_written_in_place_not_replaced(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
    result = translate_to(str(null), tmp_path)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(null.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_a_symbolic_link_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("old")
    (tmp_path / "real.txt").chmod(0o640)
    (tmp_path / "link.txt").symlink_to("real.txt")
    result = translate_to("link.txt", tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "link.txt").is_symlink()
    assert "Artsakh" in (tmp_path / "real.txt").read_text()
    assert stat.S_IMODE((tmp_path / "real.txt").stat().st_mode) == 0o640


def test_new_files_follow_the_umask_and_replaced_ones_keep_their_mode(tmp_path: Path) -> None:
    assert translate_to("new.txt", tmp_path, umask=0o002).returncode == 0
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o664
    (tmp_path / "new.txt").chmod(0o604)
    assert translate_to("new.txt", tmp_path, umask=0o077).returncode == 0
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o604


def test_a_file_name_of_254_characters_is_written(tmp_path: Path) -> None:
    name = "a" * 250 + ".txt"
    result = translate_to(name, tmp_path)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP"])
def test_termination_removes_the_file_being_written(signal_name: str, tmp_path: Path) -> None:
    # The signal arrives while an output file is half-written, as `kill` would send it.
    program = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from toolkit.__main__ import signals_end_the_command\n"
        "from toolkit.output.files import AtomicFile\n"
        "with signals_end_the_command(), AtomicFile(Path(sys.argv[1])) as file:\n"
        "    file.write('half')\n"
        f"    os.kill(os.getpid(), signal.{signal_name})\n"
        "    file.write('never')\n"
        "    file.commit()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program, str(tmp_path / "out.txt")], capture_output=True, check=False
    )
    assert result.returncode == 128 + getattr(signal, signal_name)
    assert result.stderr == b""
    assert list(tmp_path.iterdir()) == []


def one_error_line(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_a_full_device_as_output_is_a_failure_at_run_time(tmp_path: Path) -> None:
    result = translate_to("/dev/full", tmp_path)
    assert result.returncode == 1
    assert one_error_line(result) == (
        "toolkit: error: /dev/full: cannot write (No space left on device)"
    )


@pytest.mark.parametrize("folder", [False, True], ids=["a file", "in a folder"])
def test_a_name_too_long_is_refused_before_any_work(folder: bool, tmp_path: Path) -> None:
    # In a folder, <stem>.es.txt: the input's own name fits, the output's does not.
    name = "a" * 250 + ".txt"
    (tmp_path / name).write_text("Bonjour.\n")
    if folder:
        result = translate_to("out/", tmp_path, inputs=(name,))
        message = f"out/{'a' * 250}.es.txt: a file name of 257 bytes, longer than the 255 allowed"
    else:
        result = translate_to("é" * 128, tmp_path)
        message = f"{'é' * 128}: a file name of 256 bytes, longer than the 255 allowed"
    assert result.returncode == 2
    assert message in one_error_line(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


@pytest.mark.parametrize(
    ("inputs", "output", "message"),
    [
        (("x.txt",), "x.txt", "x.txt is also an input"),
        (("x.txt",), "link.txt", "link.txt is also an input"),
        (("x.txt", "x.es.txt"), "./", "x.es.txt is also an input"),
    ],
    ids=["the input itself", "a link to it", "another input's output name"],
)
def test_an_output_that_is_an_input_is_refused_before_any_work(
    inputs: tuple[str, ...], output: str, message: str, tmp_path: Path
) -> None:
    for name in inputs:
        (tmp_path / name).write_text("Bonjour.\n")
    (tmp_path / "link.txt").symlink_to("x.txt")
    result = translate_to(output, tmp_path, inputs=inputs)
    assert result.returncode == 2
    assert message in one_error_line(result)
    assert all((tmp_path / name).read_text() == "Bonjour.\n" for name in inputs)


def _files_of_at_most(size: int):
    """For preexec_fn: files grow to `size` bytes, beyond which a write fails (EFBIG), as on a
    full disk, instead of the process being killed by SIGXFSZ."""

    def limit() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


@pytest.mark.parametrize("command", ["translate", "summarize"])
def test_a_full_disk_in_corpus_mode_is_one_line_and_a_rerun_completes(
    command: str, tmp_path: Path
) -> None:
    import json

    text = RELEASE.read_text(encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": f"r{i}", "text": text}) + "\n" for i in range(6)),
        encoding="utf-8",
    )
    args = [sys.executable, "-m", "toolkit", "corpus", command, str(corpus), "-q", "-o"]
    full = subprocess.run(
        [*args, str(tmp_path / "out")],
        capture_output=True,
        preexec_fn=_files_of_at_most(8_000),
        check=False,
    )
    assert full.returncode == 1
    assert "cannot write (File too large)" in one_error_line(full)
    assert "Traceback" not in full.stderr.decode()
    rerun = subprocess.run([*args, str(tmp_path / "out")], capture_output=True, check=False)
    fresh = subprocess.run([*args, str(tmp_path / "fresh")], capture_output=True, check=False)
    assert rerun.returncode == fresh.returncode == 0, rerun.stderr
    name = "es.jsonl" if command == "translate" else "summaries.jsonl"
    assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()


def _with_stderr(
    args: list[str], stdin: bytes, stderr: str, unbuffered: bool = True
) -> subprocess.CompletedProcess[bytes]:
    """The toolkit with stderr closed ("closed") or on /dev/full ("full"), stdout a pipe;
    PYTHONUNBUFFERED set or not."""
    full = os.open("/dev/full", os.O_WRONLY) if stderr == "full" else None
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    try:
        return subprocess.run(
            [sys.executable, "-m", "toolkit", *args],
            input=stdin,
            stdout=subprocess.PIPE,
            stderr=full,
            preexec_fn=(lambda: os.close(2)) if stderr == "closed" else None,
            env=env,
            check=False,
        )
    finally:
        if full is not None:
            os.close(full)


@pytest.mark.parametrize("unbuffered", [True, False], ids=["unbuffered", "buffered"])
@pytest.mark.parametrize("stderr", ["closed", "full"])
@pytest.mark.parametrize(
    "args",
    [
        ["translate", "--to", "es"],
        ["translate", "--to", "es", "--check"],
        ["translate", "--to", "es", "-v"],
        ["summarize", "-v"],
        ["glossary", "show"],
    ],
    ids=" ".join,
)
def test_a_stderr_that_cannot_be_written_costs_no_output(
    args: list[str], stderr: str, unbuffered: bool
) -> None:
    """Diagnostics are not the product: the results are written whole, exit 0, and stdout never
    receives an error line."""
    text = RELEASE.read_bytes()
    expected = subprocess.run(
        [sys.executable, "-m", "toolkit", *args], input=text, capture_output=True, check=True
    ).stdout
    result = _with_stderr(args, text, stderr, unbuffered)
    assert result.returncode == 0
    assert result.stdout == expected


@pytest.mark.parametrize("unbuffered", [True, False], ids=["unbuffered", "buffered"])
@pytest.mark.parametrize("stderr", ["closed", "full"])
def test_an_error_with_stderr_closed_never_reaches_stdout(stderr: str, unbuffered: bool) -> None:
    # Buffered, the error line left in stderr's buffer used to fail again at exit: exit 120.
    result = _with_stderr(["translate", "absent.txt", "--to", "es"], b"", stderr, unbuffered)
    assert result.returncode == 2
    assert result.stdout == b""


# Commands whose output is larger than the 256 bytes a file may grow to in the next test.
LARGE_WRITERS = {
    "translate": ["translate", "--to", "es"],
    "translate --format json": ["translate", "--to", "es", "--format", "json"],
    "summarize": ["summarize", "-n", "4"],
    "summarize --format json": ["summarize", "--format", "json"],
    "summarize --format markdown": ["summarize", "--format", "markdown", "--explain"],
    "glossary show": ["glossary", "show"],
    "engines --format json": ["engines", "--format", "json"],
    "translate --help": ["translate", "--help"],
}


@pytest.mark.parametrize("unbuffered", [True, False], ids=["unbuffered", "buffered"])
@pytest.mark.parametrize("stderr", ["pipe", "full"])
@pytest.mark.parametrize("command", list(LARGE_WRITERS))
def test_a_disk_that_fills_up_under_stdout_is_one_line_and_exit_1(
    command: str, stderr: str, unbuffered: bool, tmp_path: Path
) -> None:
    """stdout a file that can grow to 256 bytes only: the write that crosses the limit comes
    back short (an unbuffered stdout, PYTHONUNBUFFERED, hands it straight to the system), the
    next one fails; the output is cut, so the command fails."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    with (
        (tmp_path / "out").open("wb") as out,
        open("/dev/full" if stderr == "full" else os.devnull, "wb") as full,
    ):
        result = subprocess.run(
            [sys.executable, "-m", "toolkit", *LARGE_WRITERS[command]],
            input=RELEASE.read_bytes(),
            stdout=out,
            stderr=full if stderr == "full" else subprocess.PIPE,
            preexec_fn=_files_of_at_most(256),
            env=env,
            check=False,
        )
    assert (tmp_path / "out").stat().st_size == 256
    assert result.returncode == 1
    if stderr == "pipe":
        lines = result.stderr.decode().strip().splitlines()
        assert lines[-1] == "toolkit: error: cannot write to standard output (File too large)"
        assert "Traceback" not in result.stderr.decode()


class _SmallDisk(io.RawIOBase):
    """A file of `room` bytes, as a disk about to fill up is: a write that does not fit takes
    what fits and says so by its count; the one after fails with ENOSPC."""

    def __init__(self, room: int) -> None:
        self.room, self.data = room, bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        if not self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        taken = bytes(data[: self.room])
        self.data += taken
        self.room -= len(taken)
        return len(taken)


@pytest.mark.parametrize("args", [["translate", "--to", "es"], ["summarize", "--format", "json"]])
def test_a_short_write_to_stdout_is_an_error_in_process(args: list[str]) -> None:
    from tests.inprocess import _Output, _Pipe
    from toolkit.__main__ import main
    from toolkit.environment import Environment, Streams

    disk = _SmallDisk(100)
    stdout = io.TextIOWrapper(disk, encoding="utf-8", write_through=True)  # as python -u's
    stderr = _Output()
    with pytest.raises(SystemExit) as end:
        main(args, Environment(streams=Streams(_Pipe(RELEASE.read_bytes()), stdout, stderr)))
    assert end.value.code == 1
    assert len(disk.data) == 100
    assert stderr.written().strip().splitlines()[-1] == (
        "toolkit: error: cannot write to standard output (No space left on device)"
    )


def _planted(tmp_path: Path, kind: str) -> Path:
    """out/rel.es.txt, the name `translate rel.txt --to es -o out/` derives, taken beforehand by
    someone who can write to out/: a link to a file of theirs to pick, a dangling link (a file
    to create), a link to a folder, a hard link, a FIFO."""
    (tmp_path / "rel.txt").write_text("Le ministre est à Lachin.\n", encoding="utf-8")
    (tmp_path / "victim.txt").write_text("victim\n")
    (tmp_path / "victim.txt").chmod(0o600)
    (tmp_path / "elsewhere").mkdir()
    out = tmp_path / "out"
    out.mkdir()
    planted = out / "rel.es.txt"
    if kind == "link":
        planted.symlink_to("../victim.txt")
    elif kind == "dangling link":
        planted.symlink_to("../created.txt")
    elif kind == "link to a folder":
        planted.symlink_to("../elsewhere")
    elif kind == "hard link":
        os.link(tmp_path / "victim.txt", planted)
    elif kind == "fifo":
        os.mkfifo(planted)
    return planted


@pytest.mark.parametrize("kind", ["link", "dangling link", "link to a folder", "hard link", "fifo"])
def test_a_file_planted_under_a_derived_name_is_replaced_never_written_through(
    kind: str, tmp_path: Path
) -> None:
    planted = _planted(tmp_path, kind)
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "translate", "rel.txt", "--to", "es", "-o", "out/"],
        capture_output=True,
        cwd=tmp_path,
        umask=0o022,
        timeout=120,  # a FIFO written in place would wait for a reader for ever
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not planted.is_symlink() and planted.is_file()
    assert "Lachin" in planted.read_text(encoding="utf-8")
    assert stat.S_IMODE(planted.stat().st_mode) == (0o600 if kind == "hard link" else 0o644)
    assert (tmp_path / "victim.txt").read_text() == "victim\n"
    assert not (tmp_path / "created.txt").exists()
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_a_link_named_on_the_command_line_is_still_written_through(tmp_path: Path) -> None:
    # The documented rule for -o FILE (test_a_symbolic_link_is_written_through), with a name
    # the tool did not derive: the user chose where it goes.
    (tmp_path / "victim.txt").write_text("old\n")
    (tmp_path / "out.txt").symlink_to("victim.txt")
    result = translate_to("out.txt", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Artsakh" in (tmp_path / "victim.txt").read_text()


@pytest.mark.parametrize("targets", ["es", "es,ca"])
def test_a_folder_in_the_way_of_an_output_is_refused_before_any_work(
    targets: str, tmp_path: Path
) -> None:
    (tmp_path / "rel.txt").write_text("Le ministre est à Lachin.\n", encoding="utf-8")
    last = targets.split(",")[-1]
    (tmp_path / "out" / f"rel.{last}.txt").mkdir(parents=True)
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "translate", "rel.txt", "--to", targets, "-o", "out/"],
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 2
    assert one_error_line(result) == (
        f"toolkit: error: out/rel.{last}.txt: is a folder; move it away or choose another -o"
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"rel.{last}.txt"]


def test_a_full_disk_under_a_later_language_held_back_is_one_line(tmp_path: Path) -> None:
    # The languages after the first wait for it on stdout, in a temporary file past a size.
    script = (
        "import sys, toolkit.output.sinks as sinks\n"
        "sinks._HELD_IN_MEMORY = 64\n"
        "from toolkit.__main__ import main\n"
        "main(sys.argv[1:])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "translate", str(RELEASE), "--to", "es,ca", "-q"],
        capture_output=True,
        preexec_fn=_files_of_at_most(2_000),
        env={**os.environ, "TMPDIR": str(tmp_path)},
        check=False,
    )
    assert result.returncode == 1
    line = one_error_line(result)
    assert "cannot hold a later language's text in a temporary file" in line
    assert "File too large" in line

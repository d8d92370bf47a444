"""The command line run in the test's own process, on streams of the test's."""

from __future__ import annotations

import io
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from toolkit.__main__ import main
from toolkit.environment import Environment, Streams


class _Pipe(io.TextIOWrapper):
    """A text stream over bytes, as a pipe is: not a terminal, no file descriptor."""

    def __init__(self, data: bytes = b"") -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8", errors="strict", newline=None)

    def written(self) -> str:
        self.flush()
        buffer = self.buffer
        assert isinstance(buffer, io.BytesIO)
        return buffer.getvalue().decode("utf-8", errors="backslashreplace")


class _Output(_Pipe):
    def __init__(self) -> None:
        super().__init__()
        self.reconfigure(newline="\n", line_buffering=False)


def run_in_process(
    args: list[str],
    input: str | bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    data = input.encode() if isinstance(input, str) else (input or b"")
    stdin, stdout, stderr = _Pipe(data), _Output(), _Output()
    with _environ(env or {}), _working_directory(cwd):
        try:
            main(args, Environment(streams=Streams(stdin, stdout, stderr)))
            code = 0
        except SystemExit as end:
            code = end.code if isinstance(end.code, int) else (0 if end.code is None else 1)
    return subprocess.CompletedProcess(["toolkit", *args], code, stdout.written(), stderr.written())


@contextmanager
def _environ(changes: dict[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.update(changes)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextmanager
def _working_directory(cwd: Path | None) -> Iterator[None]:
    saved = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(saved)

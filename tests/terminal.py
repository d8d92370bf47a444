"""Running the command line in a pseudo-terminal, as a person at a terminal would."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]|\x1b\][^\x07]*\x07|\r")


@dataclass(frozen=True)
class Screen:
    returncode: int
    raw: str  # everything written to the terminal, escape codes included

    @property
    def text(self) -> str:
        """What was written, escape codes and carriage returns taken out."""
        return _ESCAPES.sub("", self.raw)


def run_in_terminal(
    *args: str,
    columns: int = 120,
    stdin: str | None = None,
    stdout_to_pipe: bool = False,
    env: dict[str, str] | None = None,
) -> tuple[Screen, str]:
    """Run `python -m toolkit` with stderr (and stdout, unless `stdout_to_pipe`) on a terminal of
    `columns` columns; `stdin`, when given, is typed at the terminal and ended with Ctrl-D.
    Returns the screen and what went to the pipe."""
    leader, follower = pty.openpty()
    environment = {
        **os.environ,
        "COLUMNS": str(columns),
        "LINES": "50",
        "TERM": "xterm-256color",
        **(env or {}),
    }
    environment.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "toolkit", *args],
        stdin=follower if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE if stdout_to_pipe else follower,
        stderr=follower,
        cwd=ROOT,
        env=environment,
    )
    os.close(follower)
    chunks: list[bytes] = []
    reader = threading.Thread(target=drain, args=(leader, chunks))
    reader.start()
    if stdin is not None:
        os.write(leader, stdin.encode() + b"\n\x04")
    piped = process.stdout.read().decode() if process.stdout is not None else ""
    returncode = process.wait()
    reader.join()
    os.close(leader)
    return Screen(returncode, b"".join(chunks).decode()), piped


def drain(leader: int, chunks: list[bytes]) -> None:
    """Read what a pseudo-terminal shows into `chunks` until the command has ended."""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is gone once the command has ended
            return
        if not chunk:
            return
        chunks.append(chunk)

"""stdout, and whether the user is looking at a terminal."""

from __future__ import annotations

import sys


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def write_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()

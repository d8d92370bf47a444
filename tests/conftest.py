"""Shared fixtures: the example release, and running the installed command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / "examples" / "release-fr.txt"


@pytest.fixture(scope="session")
def release_text() -> str:
    return RELEASE.read_text(encoding="utf-8")


def run_toolkit(
    *args: str,
    input: str | bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m toolkit` as a user would, stdin and stdout being pipes."""
    data = input.encode() if isinstance(input, str) else input
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", *args],
        input=data,
        capture_output=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


@pytest.fixture
def toolkit():
    return run_toolkit

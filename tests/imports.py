"""What a whole toolkit command imports, read from Python's -X importtime report."""

from __future__ import annotations

import subprocess
import sys


def imported_packages(*arguments: str) -> set[str]:
    """The top-level packages `python -m toolkit ARGUMENTS` imports (the command must succeed)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "toolkit", *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    return {
        line.split("|")[-1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }

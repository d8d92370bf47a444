"""Every module of benchmarks/ is a benchmark that starts and answers --help; the helpers they
share live in benchmarks/lib/."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

BENCHMARKS = ROOT / "benchmarks"
ENTRY_POINTS = sorted(p.stem for p in BENCHMARKS.glob("*.py") if p.stem != "__init__")


def test_every_module_beside_lib_is_an_entry_point() -> None:
    assert ENTRY_POINTS
    for name in ENTRY_POINTS:
        assert "def main(" in (BENCHMARKS / f"{name}.py").read_text(encoding="utf-8"), name


@pytest.mark.parametrize("name", ENTRY_POINTS)
def test_a_benchmark_answers_help(name: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{name}", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout

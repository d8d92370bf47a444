"""toolkit translate --engine apertium against the raw apertium pipeline, and start-up time.

Run: .venv/bin/python -m benchmarks.apertium_speed [--words 50000] [--repeat 3]
Each measurement is the median of interleaved runs; ratios are toolkit / anchor.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.french_text import WORK, french_text

TOOLKIT = [sys.executable, "-m", "toolkit"]
TARGETS = ("es", "en")  # a direct pair, and a pivot route chosen among several


def timed(command: list[str] | str, stdin: Path | None = None, shell: bool = False) -> float:
    started = time.perf_counter()
    with open(stdin or "/dev/null", "rb") as source:
        subprocess.run(
            command,
            stdin=source,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
            shell=shell,
        )
    return time.perf_counter() - started


def median_of(repeat: int, *commands) -> list[float]:
    """Interleave the commands `repeat` times so that machine noise hits them alike."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for i, command in enumerate(commands):
            times[i].append(command())
    return [statistics.median(t) for t in times]


def route_models(text_file: Path, target: str) -> list[str]:
    """The Apertium modes of the route toolkit picks for this input."""
    result = subprocess.run(
        [
            *TOOLKIT,
            "translate",
            "--engine",
            "apertium",
            "--to",
            target,
            "--format",
            "json",
            str(text_file),
        ],
        capture_output=True,
        check=True,
    )
    return json.loads(result.stdout)["translations"][0]["route"]["models"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    text_file = WORK / f"french-{args.words}.txt"
    if not text_file.exists():
        text_file.write_text(french_text(args.words), encoding="utf-8")
    words = len(text_file.read_text(encoding="utf-8").split())
    print(f"input: {words} words of French prose (Debian Reference), {args.repeat} runs each\n")
    print(f"{'case':<34}{'anchor s':>10}{'toolkit s':>11}{'ratio':>8}")

    for target in TARGETS:
        raw = " | ".join(f"apertium -u {mode}" for mode in route_models(text_file, target))
        anchor, ours = median_of(
            args.repeat,
            lambda raw=raw: timed(raw, text_file, shell=True),
            lambda target=target: timed(
                [*TOOLKIT, "translate", "--engine", "apertium", "--to", target, str(text_file)]
            ),
        )
        print(
            f"{'translate fr→' + target + ' vs ' + raw:<34}{anchor:>10.2f}{ours:>11.2f}{ours / anchor:>8.2f}"
        )

    bare, helped = median_of(
        max(args.repeat, 10),
        lambda: timed([sys.executable, "-c", "pass"]),
        lambda: timed([*TOOLKIT, "--help"]),
    )
    print(
        f"{'toolkit --help vs python -c pass':<34}{bare:>10.3f}{helped:>11.3f}{helped / bare:>8.1f}"
    )
    print(f"\ntoolkit --help: {helped * 1000:.0f} ms (goal: under 250 ms)")


if __name__ == "__main__":
    main()

"""toolkit translate --engine apertium against raw apertium pipelines: time and output, as whole
processes, and start-up time.

Run: .venv/bin/python -m benchmarks.apertium_speed [--words 50000] [--repeat 3]

The text: prose paragraphs of the French Debian Reference holding none of the characters that
Apertium's text format reads as markup or drops ([ ] ^ $ @ / < > { } * # ~ \\ | +), which toolkit
carries through its own stream instead; on the rest the outputs must be identical. The anchor of
each target is the route toolkit picks, as one would pipe it by hand:
`apertium MODE1 < text | sed 's/[*#@]//g' | apertium MODE2 | sed 's/[*#@]//g'` (toolkit marks
unknown words to count them, which changes a few words, and removes the marks). The benchmark
exits 1 when an output differs.

Then the example release into Spanish: toolkit on the route it takes against the same pipe, and
told the direct pair (`--via -`) against raw `apertium -u fr-es`; and `toolkit --help` against
`python -c pass`. Each time is the median of interleaved runs, with the CPU time of the command
and every process under it (benchmarks/processes.py); CPU / wall above 1 is work done on several
cores at once (the programs of a route, its hops included, run together). `spread`: toolkit's wall
time against its CPU time shared out on every core of the machine, the least it could take (1.00:
every core busy from start to end).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from benchmarks.lib.french_text import WORK, french_paragraphs
from benchmarks.lib.processes import ROOT, Timing, compile_toolkit, interleaved, run

TOOLKIT = [sys.executable, "-m", "toolkit"]
CORES = len(os.sched_getaffinity(0))  # the cores this process may use
TARGETS = ("es", "en")  # chosen by toolkit: a direct pair or a pivot route
RELEASE = ROOT / "examples" / "release-fr.txt"
_MARKUP = re.compile(r"[\[\]^$@/<>{}*#~\\|+]")
_NO_MARKS = "sed 's/[*#@]//g'"


def plain_text(words: int) -> Path:
    """French prose of at least `words` words without Apertium's markup characters."""
    path = WORK / f"french-plain-{words}.txt"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        paragraphs = [p for p in french_paragraphs(3 * words) if not _MARKUP.search(p)]
        chosen, count = [], 0
        for paragraph in paragraphs:
            chosen.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
        path.write_text("\n\n".join(chosen) + "\n", encoding="utf-8")
    return path


def route_models(text_file: Path, target: str) -> list[str]:
    """The Apertium modes of the route toolkit picks for this input."""
    options = ["--engine", "apertium", "--to", target, "--format", "json"]
    result = subprocess.run(
        [*TOOLKIT, "translate", *options, str(text_file)],
        capture_output=True,
        check=True,
    )
    return json.loads(result.stdout)["translations"][0]["route"]["models"]


def pipe(models: list[str]) -> str:
    return " | ".join(f"apertium {model} | {_NO_MARKS}" for model in models)


def row(case: str, anchor: Timing, ours: Timing, same: str = "") -> None:
    print(
        f"{case:<44}{anchor.wall:>9.2f}{anchor.cpu:>8.2f}{ours.wall:>10.2f}{ours.cpu:>8.2f}"
        f"{ours.wall / anchor.wall:>8.2f}{ours.cpu / anchor.cpu:>7.2f}"
        f"{ours.cpu / ours.wall:>10.2f}{ours.wall / (ours.cpu / CORES):>9.2f}{same:>6}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    compile_toolkit()
    text_file = plain_text(args.words)
    words = len(text_file.read_text(encoding="utf-8").split())
    print(
        f"input: {words} words of French prose (Debian Reference), {args.repeat} runs each; "
        "ratio = toolkit / anchor\n"
    )
    print(
        f"{'case':<44}{'anchor s':>9}{'cpu s':>8}{'toolkit s':>10}{'cpu s':>8}{'wall x':>8}"
        f"{'cpu x':>7}{'cpu/wall':>10}{'spread':>9}{'same':>6}"
    )
    differ = []
    ours_out, theirs_out = WORK / "apertium-toolkit.out", WORK / "apertium-raw.out"
    for target in TARGETS:
        models = route_models(text_file, target)
        anchor, ours = interleaved(
            args.repeat,
            lambda m=models: run(pipe(m), text_file, theirs_out),
            lambda t=target: run(
                # The engine's typography kept, so that the output is the pipe's to the byte.
                [
                    *TOOLKIT,
                    "translate",
                    "--engine",
                    "apertium",
                    "--keep-typography",
                    "--to",
                    t,
                    str(text_file),
                ],
                stdout=ours_out,
            ),
        )
        same = ours_out.read_bytes() == theirs_out.read_bytes()
        if not same:
            differ.append(target)
        row(f"fr→{target} ({' | '.join(models)})", anchor, ours, "yes" if same else "NO")

    models = route_models(RELEASE, "es")
    command = [*TOOLKIT, "translate", "--to", "es", str(RELEASE)]
    piped, raw, ours, direct = interleaved(
        max(args.repeat, 10),
        lambda: run(pipe(models), RELEASE),
        lambda: run("apertium -u fr-es", RELEASE),
        lambda: run(command),
        lambda: run([*command, "--via", "-"]),
    )
    row(f"release fr→es vs {' | '.join(models)}", piped, ours)
    row("release fr→es vs apertium -u fr-es", raw, ours)
    row("release fr→es --via - vs apertium -u fr-es", raw, direct)

    bare, helped = interleaved(
        max(args.repeat, 10),
        lambda: run([sys.executable, "-c", "pass"]),
        lambda: run([*TOOLKIT, "--help"]),
    )
    row("toolkit --help vs python -c pass", bare, helped)
    print(f"\ntoolkit --help: {helped.wall * 1000:.0f} ms (goal: under 250 ms)")
    if differ:
        sys.exit(f"toolkit's output differs from the apertium pipe's for {', '.join(differ)}")


if __name__ == "__main__":
    main()

"""Press-desk hazards: how many of the project's own press sentences come out as a desk expects.

    .venv/bin/python -m benchmarks.press_hazards            # every hazard, every target
    .venv/bin/python -m benchmarks.press_hazards --show     # and each failing case's text

The cases are in tests/data/press_hazards/ (benchmarks/lib/press_hazards.py says how they are
written); tests/test_press_hazards.py runs the same cases as exact checks. Each target is one
`toolkit translate --check --format json` process over all its cases.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter

from benchmarks.lib.press_hazards import TARGETS, load, run


def _process(args: list[str], text: str) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "toolkit", *args], input=text.encode(), capture_output=True
    )
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--to", default=",".join(TARGETS), help="targets, comma-separated")
    parser.add_argument("--show", action="store_true", help="print each failing case")
    options = parser.parse_args()
    outcomes = run(load(), _process, options.to.split(","))
    passed: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    for outcome in outcomes:
        key = (outcome.case.hazard, outcome.target)
        total[key] += 1
        passed[key] += outcome.passed
    hazards = sorted({hazard for hazard, _ in total})
    targets = [t for t in options.to.split(",") if any(k[1] == t for k in total)]
    print(f"| hazard | {' | '.join(targets)} |")
    print(f"|---|{'---:|' * len(targets)}")
    for hazard in hazards:
        cells = [
            f"{passed[hazard, t]}/{total[hazard, t]}" if total[hazard, t] else "" for t in targets
        ]
        print(f"| {hazard} | {' | '.join(cells)} |")
    print(f"\n{sum(passed.values())} of {sum(total.values())} checks pass")
    if options.show:
        for outcome in outcomes:
            if not outcome.passed:
                print(
                    f"\n{outcome.case.hazard}/{outcome.case.id} → {outcome.target}: "
                    f"{'; '.join(outcome.failures)}\n  {outcome.text}"
                )


if __name__ == "__main__":
    main()

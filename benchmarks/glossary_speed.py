"""The glossary at scale: a 10,000-term glossary, and a name next to a very long word.

Run: .venv/bin/python -m benchmarks.glossary_speed [--terms 10000] [--letters 30000] [--repeat 3]

- load: reading the CSV, merging it onto the default glossary and building its matcher, in this
  process (goal: under 1 s for 10,000 terms);
- translate the example release into Spanish with the default glossary and with the large one
  on top, side by side (goal: under 1.2x);
- a glossary name next to a word of --letters letters, toolkit translate against the raw
  apertium pipeline on the same text, both on the direct fr-es pair (toolkit's own choice is
  the fr→ca→es route, itself ten times slower on such a word): linear in the length of the word;
- highlighting the names in a summary on a terminal: one regular expression of every spelling
  (the anchor: what it did before) against the glossary's matcher, each built afresh.
Each time is the median of interleaved runs.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from benchmarks.lib.french_text import WORK
from benchmarks.lib.processes import interleaved, run

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / "examples" / "release-fr.txt"
TOOLKIT = [sys.executable, "-m", "toolkit"]


def name(rng: random.Random) -> str:
    syllables = rng.randint(2, 5)
    word = "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(syllables))
    return word.capitalize()


def large_glossary(terms: int) -> Path:
    """A CSV of made-up proper names (one in three of two words) with en, es and ru forms."""
    path = WORK / f"glossary-{terms}.csv"
    if not path.exists():
        rng = random.Random(14)
        names: set[str] = set()
        while len(names) < terms:
            names.add(name(rng) if rng.random() < 0.67 else f"{name(rng)} {name(rng)}")
        WORK.mkdir(parents=True, exist_ok=True)
        rows = [f"{n},{n},{n},{n.upper()}" for n in sorted(names)]
        path.write_text("fr,en,es,ru\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def load_seconds(path: Path) -> float:
    from toolkit.glossary.active import load_active

    started = time.perf_counter()
    glossary = load_active([str(path)])
    glossary.find("Le ministre d’Artsakh.")  # the matcher is built on first use
    return time.perf_counter() - started


def highlight_seconds(path: Path, repeat: int) -> tuple[float, float]:
    """Finding the names in the release's summary: a regular expression of every spelling
    (compiled afresh: a spelling of its own each time defeats the cache) against the matcher."""
    from toolkit.glossary.active import load_active
    from toolkit.glossary.model import word_pattern
    from toolkit.summary.summarize import Options, summarize_text

    summary = summarize_text("release", RELEASE.read_text(encoding="utf-8"), Options())
    sentences = [s.text for s in summary.selected]
    regex, matcher = [], []
    for attempt in range(repeat):
        glossary = load_active([str(path)])
        spellings = [s for t in glossary.terms for s in (t.name, *t.matches)]
        started = time.perf_counter()
        pattern = word_pattern([*spellings, f"Anchor{attempt}"])
        regex_hits = [len(pattern.findall(text)) for text in sentences]
        regex.append(time.perf_counter() - started)
        started = time.perf_counter()
        names = glossary.names_matcher
        hits = [len(names.find(text)) for text in sentences]
        matcher.append(time.perf_counter() - started)
        assert hits == regex_hits, (hits, regex_hits)
    return sorted(regex)[repeat // 2], sorted(matcher)[repeat // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--letters", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    glossary = large_glossary(args.terms)

    loads = sorted(load_seconds(glossary) for _ in range(args.repeat))
    print(f"load {args.terms:,} terms: {loads[len(loads) // 2]:.3f} s (goal: under 1 s)\n")

    print(f"{'case':<46}{'anchor s':>10}{'toolkit s':>11}{'ratio':>8}")
    plain, large = (
        timing.wall
        for timing in interleaved(
            args.repeat,
            lambda: run([*TOOLKIT, "translate", "--to", "es", str(RELEASE)]),
            lambda: run([*TOOLKIT, "translate", "--to", "es", "-g", str(glossary), str(RELEASE)]),
        )
    )
    case = f"release fr→es: default vs +{args.terms:,} terms"
    print(f"{case:<46}{plain:>10.2f}{large:>11.2f}{large / plain:>8.2f}  (goal: under 1.20)")

    long_word = WORK / f"long-word-{args.letters}.txt"
    long_word.write_text(
        f"Le ministre d’Artsakh {'a' * args.letters} est venu.\n", encoding="utf-8"
    )
    raw, ours = (
        timing.wall
        for timing in interleaved(
            args.repeat,
            lambda: run("apertium -u fr-es", long_word),
            lambda: run([*TOOLKIT, "translate", "--via", "-", "--to", "es", str(long_word)]),
        )
    )
    case = f"a name beside {args.letters:,} letters vs apertium fr-es"
    print(f"{case:<46}{raw:>10.2f}{ours:>11.2f}{ours / raw:>8.2f}")

    regex, matcher = highlight_seconds(glossary, args.repeat)
    case = f"highlight a summary, {args.terms:,} terms: regex"
    print(f"{case:<46}{regex:>10.3f}{matcher:>11.3f}{matcher / regex:>8.2f}")


if __name__ == "__main__":
    main()

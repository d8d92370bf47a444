"""Words left untranslated, per 1,000 French words, per target, on the Debian Reference.

The French prose of Debian's Debian Reference (benchmarks/lib/debian_reference.py), spread over the
whole book, goes through `toolkit translate --check --format json` once per target as a user runs
it; the figure is the words its QA report counts unknown per 1,000 French words of the input,
with the CPU seconds the command took, those of the Apertium programs it leaves to finish
included (benchmarks/lib/processes.py: they outlive it).

    .venv/bin/python -m benchmarks.unknown_words                  # about 3,000 words
    .venv/bin/python -m benchmarks.unknown_words --words 8000 --to en,es
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from benchmarks.lib import debian_reference, processes

TARGETS = ("en", "es", "it", "pt", "ca")


def french_prose(words: int) -> list[str]:
    prose = [
        p.text for p in debian_reference.paragraphs("fr") if debian_reference.is_prose(p, "fr")
    ]
    return [source for source, _ in debian_reference.spread([(p, "") for p in prose], words)]


def unknown_per_thousand(paragraphs: list[str], target: str) -> tuple[float, int, int, float]:
    """Unknown words per 1,000 French words, how many, the names and acronyms kept as written
    (listed apart, not counted unknown: one per paragraph it is in), and the command's CPU
    seconds."""
    text = "\n\n".join(paragraphs) + "\n"
    command = [sys.executable, "-m", "toolkit", "translate", "-", "--from", "fr", "--to", target]
    command += ["--engine", "apertium", "--check", "--format", "json"]
    with tempfile.TemporaryDirectory() as folder:
        source, result = Path(folder) / "source.txt", Path(folder) / "result.json"
        source.write_text(text, encoding="utf-8")
        cpu = processes.run(command, stdin=source, stdout=result).cpu
        output = result.read_text(encoding="utf-8")
    [translation] = json.loads(output)["translations"]
    unknown = translation["qa"]["unknown_words"]
    kept = sum(len(item["words"]) for item in translation["qa"].get("kept_names", []))
    french_words = sum(len(p.split()) for p in paragraphs)
    return unknown * 1000 / french_words, unknown, kept, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=3000, help="French words (default 3000)")
    parser.add_argument("--to", default=",".join(TARGETS), help="targets, comma-separated")
    args = parser.parse_args()
    paragraphs = french_prose(args.words)
    words = sum(len(p.split()) for p in paragraphs)
    print(f"{words:,} French words in {len(paragraphs)} paragraphs of the Debian Reference\n")
    print("| target | unknown words / 1,000 | unknown words | names kept as written | CPU s |")
    print("|---|---:|---:|---:|---:|")
    for target in args.to.split(","):
        rate, count, kept, cpu = unknown_per_thousand(paragraphs, target)
        print(f"| {target} | {rate:.1f} | {count} | {kept} | {cpu:.2f} |")


if __name__ == "__main__":
    main()

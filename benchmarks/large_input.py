"""Peak memory of `toolkit translate` on a large input, and proof that no paragraph is lost.

Run: .venv/bin/python -m benchmarks.large_input [--megabytes 100] [--target es]
The input is French prose from the Debian Reference, repeated to the size asked. The peak resident
memory of the toolkit process (and of any child, whichever is larger) is read from the kernel's
accounting of the child processes.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from benchmarks.french_text import WORK, prose_paragraphs
from toolkit.document import segment


def build_input(megabytes: int) -> tuple[str, int]:
    path = WORK / f"french-{megabytes}mb.txt"
    paragraphs = prose_paragraphs()
    if not path.exists():
        size, count = 0, 0
        with open(path, "w", encoding="utf-8") as file:
            while size < megabytes * 1_000_000:
                paragraph = paragraphs[count % len(paragraphs)]
                file.write(paragraph + "\n\n")
                size += len(paragraph.encode()) + 2
                count += 1
    with open(path, encoding="utf-8") as file:
        count = sum(1 for line in file if line.strip())
    return str(path), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--target", default="es")
    args = parser.parse_args()
    source, paragraphs = build_input(args.megabytes)
    target = WORK / f"translated-{args.megabytes}mb.{args.target}.txt"
    started = time.perf_counter()
    # The measuring process: a fresh interpreter whose only child is toolkit.
    measured = subprocess.run(
        [
            sys.executable,
            "-c",
            "import resource, subprocess, sys\n"
            "code = subprocess.run(sys.argv[1:]).returncode\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)",
            *[sys.executable, "-m", "toolkit", "translate", "--engine", "apertium"],
            *["--to", args.target, source, "-o", str(target)],
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    peak_kib, code = (int(x) for x in measured.stdout.split())
    translated = segment(target.read_text(encoding="utf-8"))
    print(f"input: {args.megabytes} MB, {paragraphs} paragraphs; exit code {code}; {seconds:.0f} s")
    print(f"peak resident memory: {peak_kib / 1024:.0f} MiB")
    print(f"output paragraphs: {len(translated.paragraphs)} (input {paragraphs})")
    assert len(translated.paragraphs) == paragraphs, "paragraphs were lost or merged"


if __name__ == "__main__":
    main()

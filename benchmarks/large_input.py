"""Peak memory of `toolkit translate` or `toolkit summarize` on a large input, and proof that no
paragraph is lost (translate) or that the chosen sentences are verbatim at their offsets (summarize).

Run: .venv/bin/python -m benchmarks.large_input [--megabytes 100] [--target es]
     .venv/bin/python -m benchmarks.large_input --single-line --megabytes 1
     .venv/bin/python -m benchmarks.large_input --shape no-sentence-end --megabytes 5 --before DIR
     .venv/bin/python -m benchmarks.large_input --shape one-word --megabytes 0.3
     .venv/bin/python -m benchmarks.large_input --command summarize --megabytes 10 --whole
The input is French prose from the Debian Reference, repeated to the size asked. The peak resident
memory of the toolkit process or of any program it runs (whichever is larger) and their processor
time are read from the kernel's accounting of the child processes. With --whole, summarize also runs with --chunk-sentences 0 (the
whole text ranked at once, as before chunking) side by side, and the ratios are printed. With
--single-line, the input is one paragraph on one line, and raw Apertium (`apertium -u`, the modes
of the route toolkit takes, chained) translates it in the same run: the ratios are printed.
--shape no-sentence-end is that line without full stops, question or exclamation marks;
--shape one-word is one word of letters, with no space, as long as asked (raw Apertium takes a
time that grows with the square of its length). --before DIR also runs the toolkit of another
checkout (DIR, its repository root) on the same input, side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.lib.french_text import WORK, prose_paragraphs
from toolkit.text.document import segment

# The measuring process: a fresh interpreter whose only child is toolkit, its stdout to a file.
# It adopts the programs that toolkit leaves to finish by themselves (PR_SET_CHILD_SUBREAPER) and
# waits for them, so that their memory and processor time are counted too.
_MEASURE = (
    "import ctypes, os, resource, subprocess, sys\n"
    "ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)\n"
    "with open(sys.argv[1], 'wb') as out:\n"
    "    code = subprocess.run(sys.argv[2:], stdout=out).returncode\n"
    "try:\n"
    "    while True:\n"
    "        os.wait()\n"
    "except ChildProcessError:\n"
    "    pass\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(usage.ru_maxrss, code, usage.ru_utime + usage.ru_stime)"
)


SHAPES = ("paragraphs", "line", "no-sentence-end", "one-word")
_SENTENCE_END = re.compile(r"[.!?…]")


def build_input(megabytes: float, shape: str = "paragraphs") -> tuple[str, int]:
    single_line = shape != "paragraphs"
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"french-{megabytes:g}mb{'' if shape == 'paragraphs' else '-' + shape}.txt"
    paragraphs = prose_paragraphs()
    if shape == "no-sentence-end":
        paragraphs = [_SENTENCE_END.sub("", paragraph) for paragraph in paragraphs]
    elif shape == "one-word":
        paragraphs = ["".join(re.findall(r"[^\W\d_]+", " ".join(paragraphs)))]
    separator = {"paragraphs": "\n\n", "one-word": ""}.get(shape, " ")
    if not path.exists():
        size, count = 0, 0
        with open(path, "w", encoding="utf-8") as file:
            while size < megabytes * 1_000_000:
                paragraph = paragraphs[count % len(paragraphs)]
                if shape == "one-word":
                    paragraph = paragraph[: int(megabytes * 1_000_000) - size]
                file.write(paragraph + separator)
                size += len(paragraph.encode()) + len(separator)
                count += 1
            if single_line:
                file.write("\n")
    with open(path, encoding="utf-8") as file:
        count = sum(1 for line in file if line.strip())
    return str(path), count


@dataclass(frozen=True)
class Run:
    peak_mib: float
    code: int
    seconds: float
    cpu_seconds: float
    stderr: str = ""


def measure(
    arguments: list[str],
    stdout: Path,
    program: list[str] | None = None,
    checkout: str | None = None,
) -> Run:
    """Run `python -m toolkit ARGUMENTS` (or PROGRAM ARGUMENTS), its output into `stdout`; its
    peak memory and time. `checkout`: the repository root whose toolkit runs."""
    program = program or [sys.executable, "-m", "toolkit"]
    # `python -m` imports from the working folder first: the checkout's, when one is given.
    folder = str(Path(checkout).resolve()) if checkout else None
    environment = dict(os.environ, PYTHONPATH=folder) if folder else None
    started = time.perf_counter()
    measured = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(stdout), *program, *arguments],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
        cwd=folder,
    )
    seconds = time.perf_counter() - started
    peak_kib, code, cpu = measured.stdout.split()
    return Run(int(peak_kib) / 1024, int(code), seconds, float(cpu), measured.stderr)


def translate(args: argparse.Namespace, source: str, paragraphs: int) -> None:
    target = WORK / f"translated-{args.megabytes:g}mb-{args.shape}.{args.target}.txt"
    arguments = [
        "translate",
        "--engine",
        "apertium",
        "--to",
        args.target,
        source,
        "-o",
        str(target),
    ]
    run = measure(arguments, Path("/dev/null"))
    translated = target.read_text(encoding="utf-8")
    print(f"input: {args.megabytes:g} MB ({args.shape}), {paragraphs} paragraphs; exit {run.code}")
    print(f"toolkit: {_figures(run)}; peak resident memory {run.peak_mib:.0f} MiB")
    for line in run.stderr.splitlines():
        print(f"  stderr: {line[:300]}")
    if args.before:
        before = measure(arguments, Path("/dev/null"), checkout=args.before)
        print(f"toolkit of {args.before}: {_figures(before)}; {before.peak_mib:.0f} MiB")
        assert before.code == 0, f"exit code {before.code}"
        assert target.read_text(encoding="utf-8").count("\n") == translated.count("\n")
    if args.shape != "paragraphs":
        raw_out = WORK / f"raw-{args.megabytes:g}mb-{args.shape}.{args.target}.txt"
        raw = measure([source], raw_out, ["sh", "-c", _raw_apertium(args.target), "-"])
        print(f"raw apertium: {_figures(raw)}; {raw.peak_mib:.0f} MiB (its largest program)")
        for label, side in [("toolkit", run)] + ([("before", before)] if args.before else []):
            print(f"{label} / raw: {side.seconds / raw.seconds:.2f}x the time, ", end="")
            print(f"{side.cpu_seconds / raw.cpu_seconds:.2f}x the processor time, ", end="")
            print(f"{side.peak_mib / raw.peak_mib:.2f}x the memory")
        if args.shape == "one-word":
            given = Path(source).read_text(encoding="utf-8")
            print(f"toolkit's output is its input: {translated == given}; ", end="")
            print(f"raw Apertium's: {raw_out.read_text(encoding='utf-8') == given}")
    count = len(segment(translated).paragraphs)
    print(f"output paragraphs: {count} (input {paragraphs})")
    assert count == paragraphs, "paragraphs were lost or merged"


def _figures(run: Run) -> str:
    return f"{run.seconds:.0f} s ({run.cpu_seconds:.0f} s of processor time)"


def _raw_apertium(target: str) -> str:
    """A shell pipeline of `apertium -u` for each mode of the route toolkit takes, reading $1."""
    from toolkit.engines import routing

    _, route = routing.resolve(routing.candidate_engines("apertium"), "fr", target)
    modes = " | ".join(f"apertium -u {hop.model}" for hop in route.hops)
    return f'< "$1" {modes}'


def summarize(args: argparse.Namespace, source: str, paragraphs: int) -> None:
    text = Path(source).read_text(encoding="utf-8")
    print(
        f"input: {args.megabytes} MB, {paragraphs} paragraphs; toolkit summarize -n {args.sentences}"
    )
    modes = {"chunked (default)": []}
    if args.whole:
        modes["whole (--chunk-sentences 0)"] = ["--chunk-sentences", "0"]
    print(f"{'':30} {'seconds':>8} {'peak MiB':>9}  mode, sentences, chunks, candidates")
    results = {}
    for label, extra in modes.items():
        out = WORK / f"summary-{args.megabytes}mb-{'whole' if extra else 'chunked'}.json"
        arguments = ["summarize", "-n", str(args.sentences), "--language", "fr"]
        run = measure([*arguments, "--format", "json", *extra, source], out)
        assert run.code == 0, f"exit code {run.code}"
        [summary] = json.loads(out.read_text(encoding="utf-8"))["summaries"]
        for sentence in summary["summary"]:
            assert text[sentence["start"] : sentence["end"]] == sentence["text"], sentence
        results[label] = (run, summary)
        print(
            f"{label:30} {run.seconds:8.0f} {run.peak_mib:9.0f}  {summary['mode']}, "
            f"{summary['sentences_total']:,}, {summary.get('chunks', 1)}, "
            f"{summary.get('candidates', summary['sentences_total']):,}"
        )
    print("the chosen sentences are verbatim at their offsets")
    if args.whole:
        (chunked, chunked_summary), (whole, whole_summary) = results.values()
        print(f"whole / chunked: {whole.seconds / chunked.seconds:.1f}x the time, ", end="")
        print(f"{whole.peak_mib / chunked.peak_mib:.1f}x the memory")
        chunked_texts = {s["text"] for s in chunked_summary["summary"]}
        whole_texts = {s["text"] for s in whole_summary["summary"]}
        print(
            f"distinct sentences chosen: chunked {len(chunked_texts)}, whole {len(whole_texts)} "
            f"(copies share a score); chosen by both: {len(chunked_texts & whole_texts)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--command", choices=["translate", "summarize"], default="translate")
    parser.add_argument("--megabytes", type=float, default=100)
    parser.add_argument("--target", default="es", help="translate: the target language")
    parser.add_argument("--sentences", type=int, default=5, help="summarize: -n")
    parser.add_argument(
        "--single-line",
        action="store_true",
        help="translate: the input as one paragraph on one line, raw Apertium side by side",
    )
    parser.add_argument(
        "--shape",
        choices=SHAPES,
        help="translate: paragraphs (the default), one line (--single-line), one line without "
        "sentence ends, or one word; raw Apertium side by side for the one-line shapes",
    )
    parser.add_argument("--before", help="translate: also run the toolkit of this checkout")
    parser.add_argument(
        "--whole",
        action="store_true",
        help="summarize: also rank the whole text at once, side by side (slow beyond 10 MB)",
    )
    args = parser.parse_args()
    args.shape = args.shape or ("line" if args.single_line else "paragraphs")
    source, paragraphs = build_input(args.megabytes, args.shape)
    if args.command == "translate":
        translate(args, source, paragraphs)
    else:
        summarize(args, source, paragraphs)


if __name__ == "__main__":
    main()

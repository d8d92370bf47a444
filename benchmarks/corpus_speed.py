"""Corpus mode: documents/s and words/s in one process, in N worker processes and on a local Ray.

The corpus: --documents releases (default 200) of about --words words each (default 250), cut in
order from the prose of the French Debian Reference. Each mode translates the whole corpus from
scratch into --to (default es,en: a direct pair and a pivot route), each into its own folder, in one
run; their output files must be identical. Two figures per mode:

  end to end: the whole command as a user waits for it (start-up, reading, route choice, starting
              the workers or Ray, the work, the closing table)
  steady:     the tool's own count, from the first unit sent to the last line written

and the CPU time of the command and of every process under it (the Apertium programs it keeps
loaded included, reaped as orphans by benchmarks/processes.py), per 1,000 source words, with the
peak memory of the largest of them; for Ray, the driver's alone, as its actors are Ray's
processes. On a machine shared with other work, CPU time is the steadier figure. Ratios are
against one process.

With Apertium, the anchor: the raw pipe of each target's route, the route toolkit took
(`apertium -u MODE1 | apertium -u MODE2`), on the text of the whole corpus in one call (the same
words), its CPU seconds per 1,000 words beside one process's. The one-process run and the raw
pipes are run --repeat times in turn, each figure the median of its runs (the machine is shared:
a figure of one run can be a tenth off).

Run: .venv/bin/python -m benchmarks.corpus_speed [--documents 200] [--words 250] [--to es,en]
     [--workers 2] [--engine apertium] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.lib.french_text import WORK, prose_paragraphs
from benchmarks.lib.processes import ROOT, compile_toolkit, run

CORPUS_WORK = WORK / "corpus"
_STATS = re.compile(r"([\d,]+) documents, ([\d,]+) words in ([\d.]+) s")


def build_corpus(path: Path, documents: int, words: int) -> int:
    """A JSONL corpus of `documents` releases of about `words` words; returns the word count."""
    paragraphs = prose_paragraphs()
    lines, total, position = [], 0, 0
    for number in range(documents):
        chosen, count = [], 0
        while count < words:
            paragraph = paragraphs[position % len(paragraphs)]
            chosen.append(paragraph)
            count += len(paragraph.split())
            position += 1
        item = {"id": f"release-{number:05d}", "text": "\n\n".join(chosen) + "\n"}
        lines.append(json.dumps(item, ensure_ascii=False) + "\n")
        total += count
    path.write_text("".join(lines), encoding="utf-8")
    return total


def run_mode(
    corpus: Path, out: Path, targets: str, engine: str, options: list[str]
) -> dict[str, float]:
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "benchmarks.lib.processes", sys.executable, "-m", "toolkit"]
    command += ["corpus"]
    command += ["translate", str(corpus), "--to", targets, "--engine", engine, "-o", str(out)]
    started = time.perf_counter()
    result = subprocess.run(
        command + options, capture_output=True, text=True, check=False, cwd=ROOT
    )
    wall = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(options) or 'one process'} failed:\n{result.stderr}")
    stats = _STATS.search(result.stderr)
    assert stats is not None, result.stderr
    documents, words = (int(stats[i].replace(",", "")) for i in (1, 2))
    steady = float(stats[3])
    cpu, memory = result.stderr.strip().splitlines()[-1].split()
    return {
        "documents": documents,
        "words": words,
        "wall": wall,
        "steady": steady,
        "cpu": float(cpu),
        "mb": int(memory) / 1024,
    }


def raw_pipes(corpus: Path, out: Path) -> tuple[Path, dict[str, str]]:
    """The text of the whole corpus in one file, and each target's route as a raw apertium pipe
    (the routes those of `out`, a finished run)."""
    text = CORPUS_WORK / "corpus.txt"
    documents = [json.loads(line)["text"] for line in corpus.read_text("utf-8").splitlines()]
    text.write_text("\n".join(documents), encoding="utf-8")
    pipes = {}
    for path in sorted(out.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            models = json.loads(next(lines))["route"]["models"]
        pipes[path.stem] = " | ".join(f"apertium -u {model}" for model in models)
    return text, pipes


def median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--to", default="es,en")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engine", default="apertium")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    compile_toolkit()

    CORPUS_WORK.mkdir(parents=True, exist_ok=True)
    corpus = CORPUS_WORK / f"corpus-{args.documents}x{args.words}.jsonl"
    words = build_corpus(corpus, args.documents, args.words)
    print(
        f"corpus: {args.documents} documents, {words} words of French prose (Debian Reference); "
        f"--to {args.to}, --engine {args.engine}, batches of 32 documents\n"
    )
    modes = {"1 process": []}
    modes[f"{args.workers} worker processes"] = ["--workers", str(args.workers)]
    try:
        import ray  # noqa: F401

        modes[f"local Ray, {args.workers} actors"] = [
            "--ray",
            "local",
            "--workers",
            str(args.workers),
        ]
    except ImportError:
        print("Ray is not installed (pip install '.[cluster]'): the Ray mode is left out\n")

    results, outputs = {}, {}
    raw: dict[str, list[float]] = {}
    for name, options in modes.items():
        out = CORPUS_WORK / f"out-{len(results)}"
        results[name] = run_mode(corpus, out, args.to, args.engine, options)
        outputs[name] = {p.name: p.read_bytes() for p in sorted(out.glob("*.jsonl"))}
        if options or args.engine != "apertium":
            continue
        # One process and the raw pipes in turn, so that both meet the same load.
        text, pipes = raw_pipes(corpus, out)
        runs = [results[name]]
        for turn in range(args.repeat):
            if turn:
                runs.append(run_mode(corpus, out, args.to, args.engine, options))
                if {p.name: p.read_bytes() for p in sorted(out.glob("*.jsonl"))} != outputs[name]:
                    sys.exit("one process wrote other files on another run")
            for target, pipe in pipes.items():
                raw.setdefault(f"{target} ({pipe})", []).append(run(pipe, text).cpu)
        results[name] = median_run(runs)

    base = results["1 process"]
    header = f"{'mode':<26}{'end-to-end s':>13}{'docs/s':>8}{'words/s':>9}{'ratio':>7}"
    header += f"{'steady s':>10}{'docs/s':>8}{'words/s':>9}{'ratio':>7}"
    header += f"{'CPU s/1k words':>16}{'max RSS MB':>12}"
    print(header)
    for name, r in results.items():
        cpu = "driver only" if "Ray" in name else f"{1000 * r['cpu'] / r['words']:.3f}"
        print(
            f"{name:<26}{r['wall']:>13.1f}{r['documents'] / r['wall']:>8.2f}"
            f"{r['words'] / r['wall']:>9.0f}{base['wall'] / r['wall']:>7.2f}"
            f"{r['steady']:>10.1f}{r['documents'] / r['steady']:>8.2f}"
            f"{r['words'] / r['steady']:>9.0f}{base['steady'] / r['steady']:>7.2f}"
            f"{cpu:>16}{r['mb']:>12.0f}"
        )
    if raw:
        print(
            "\nraw apertium on the whole text in one call, CPU s per 1,000 words "
            f"(median of {args.repeat} runs, in turn with one process of toolkit):"
        )
        anchors = {name: 1000 * statistics.median(cpus) / words for name, cpus in raw.items()}
        for name, cpu in anchors.items():
            print(f"  {name}: {cpu:.3f}")
        total, ours = sum(anchors.values()), 1000 * base["cpu"] / base["words"]
        print(
            f"  all targets: {total:.3f}; one process of toolkit: {ours:.3f}, {ours / total:.2f}x"
        )
    reference = outputs["1 process"]
    same = all(files == reference for files in outputs.values())
    newline = b"\n"
    sizes = ", ".join(f"{n}: {f.count(newline)} lines" for n, f in reference.items())
    print(f"\noutputs identical in every mode: {'yes' if same else 'NO'} ({sizes})")
    print("ratio: one process's time / this mode's time (above 1 is faster)")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()

"""toolkit's argos engine against argostranslate and a bare CTranslate2 call, on one real package.

The package is a copy model of the size of a real Argos model (6+6 layers, d_model 512, FFN 2048,
8,000 SentencePiece pieces trained on the French Debian Reference, int8 weights), built here and
installed with `toolkit models install`. All translate the same sentences (the project's splitter)
with the same threads, beam size and compute type; tokens/s counts source tokens.

  bare CTranslate2: one translate_batch over every sentence, model loaded (the limit)
  toolkit engine: ArgosEngine.translate in this process, same model: segmenting, tokenizing,
                  sorting, translate_batch, decoding, rebuilding the paragraphs
  toolkit CLI: `toolkit translate --engine argos`, the whole command: start-up and model load
  argostranslate: argostranslate.translate.translate, paragraph by paragraph as it works, model
                  loaded; on a share of the paragraphs (--argos-share) to save time

Wall time and CPU time (every thread of the process) are both reported: on a machine shared with
other work, CPU time is the steadier measure. --repeat interleaves runs and takes medians.

Run: .venv/bin/python -m benchmarks.argos_speed [--words 3000] [--argos-share 0.25]
     [--beam-size 4] [--threads N] [--repeat 1] [--device cpu|cuda]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.lib.french_text import WORK, debian_reference_text, french_paragraphs
from support.argos_copy import (
    ARGOSTRANSLATE_WITH_PROJECT_SPLITTER,
    BASE_SIZE,
    PackageSpec,
    argos_environment,
    build_package,
    train_sentencepiece,
)
from toolkit.text.document import split_sentences

ARGOS_WORK = WORK / "argos"
VOCABULARY = 8000
BARE = "bare CTranslate2 translate_batch"
ENGINE = "toolkit argos engine (in process)"
CLI = "toolkit translate --engine argos"
ARGOS = "argostranslate.translate.translate"

ARGOS_SCRIPT = (
    ARGOSTRANSLATE_WITH_PROJECT_SPLITTER
    + """
text = sys.stdin.read()
translate.translate("Bonjour.", "fr", "en")  # loads the model
wall, cpu = time.perf_counter(), time.process_time()
result = translate.translate(text, "fr", "en")
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
# argostranslate's decoder turns every "_" into a space, and drops a paragraph's leading space.
expected = [line.replace("_", " ").strip() for line in text.splitlines()]
same = [line.strip() for line in result.splitlines()] == expected
print(json.dumps({"wall": wall, "cpu": cpu, "same": same}))
"""
)


def environment(device: str) -> dict[str, str]:
    env = argos_environment(ARGOS_WORK / "home")
    return {**os.environ, **env, "ARGOS_DEVICE_TYPE": device}


def prepare(env: dict[str, str]) -> Path:
    """The SentencePiece model and the installed package, built once and kept in WORK."""
    ARGOS_WORK.mkdir(parents=True, exist_ok=True)
    spm = ARGOS_WORK / f"sentencepiece-{VOCABULARY}.model"
    if not spm.exists():
        lines = [line for line in debian_reference_text().splitlines() if line.strip()]
        train_sentencepiece(lines, spm, VOCABULARY)
    archive = ARGOS_WORK / "translate-fr_en-base.argosmodel"
    if not archive.exists():
        build_package(archive, spm, PackageSpec("fr", "en"), BASE_SIZE, quantization="int8")
    installed = Path(env["ARGOS_PACKAGES_DIR"]) / "translate-fr_en-1_0"
    if not installed.exists():
        subprocess.run(
            [sys.executable, "-m", "toolkit", "models", "install", str(archive)],
            env=env,
            check=True,
        )
    return installed


def sentences_of(paragraphs: list[str]) -> list[str]:
    return [s.text.strip() for p in paragraphs for s in split_sentences(p) if s.text.strip()]


@dataclass
class Timing:
    wall: float
    cpu: float  # user + system time of every thread: steadier than wall time on a busy machine


def timed(work: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return Timing(time.perf_counter() - wall, time.process_time() - cpu)


def translate_bare(translator, tokens: list[list[str]], batch: int, beam_size: int):  # type: ignore[no-untyped-def]
    """CTranslate2's translate_batch with the engine's decoding options, nothing around it."""
    from toolkit.engines.argos.engine import LENGTH_PENALTY, MAX_DECODING_LENGTH

    return translator.translate_batch(
        tokens,
        max_batch_size=batch,
        batch_type="tokens",
        beam_size=beam_size,
        length_penalty=LENGTH_PENALTY,
        replace_unknowns=True,
        max_input_length=0,
        max_decoding_length=MAX_DECODING_LENGTH,
    )


def bare(argos, translator, tokens: list[list[str]], args: argparse.Namespace) -> Timing:  # type: ignore[no-untyped-def]
    """translate_batch alone, the engine's model, threads and batch size, sentences in order."""
    results = []
    batch = argos.batch_tokens(sum(map(len, tokens)))

    def work() -> None:
        results.extend(translate_bare(translator, tokens, batch, args.beam_size))

    timing = timed(work)
    assert [r.hypotheses[0] for r in results] == tokens, "the copy model did not copy"
    return timing


def engine(argos, paragraphs: list[str]) -> Timing:  # type: ignore[no-untyped-def]
    """toolkit's engine in this process, its model loaded: segmenting, tokenizing, decoding."""
    from toolkit.engines.base import find_routes

    [route] = find_routes("argos", argos.hops(), "fr", "en")
    output = []
    timing = timed(lambda: output.extend(argos.translate(paragraphs, route).paragraphs))
    assert output == paragraphs, "the engine changed the text"
    return timing


def toolkit_cli(text_file: Path, env: dict[str, str], args: argparse.Namespace) -> Timing:
    output = text_file.with_suffix(".en.txt")
    command = [sys.executable, "-m", "toolkit", "translate", "--engine", "argos"]
    command += ["-f", "fr", "-t", "en", "--device", args.device, "--threads", str(args.threads)]
    command += ["--beam-size", str(args.beam_size), "--keep-typography"]
    command += ["-o", str(output), str(text_file)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    subprocess.run(command, env=env, check=True, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    assert output.read_text("utf-8") == text_file.read_text("utf-8"), "toolkit changed the text"
    return Timing(wall, cpu)


def argostranslate(paragraphs: list[str], env: dict[str, str], args: argparse.Namespace) -> Timing:
    env = {
        **env,
        "ARGOS_BEAM_SIZE": str(args.beam_size),
        "ARGOS_INTRA_THREADS": str(args.threads),
        "ARGOS_INTER_THREADS": "1",
        "ARGOS_COMPUTE_TYPE": compute_type(args.device),
    }
    result = subprocess.run(
        [sys.executable, "-c", ARGOS_SCRIPT],
        input="\n".join(paragraphs) + "\n",
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    assert data["same"], "argostranslate changed the text"
    return Timing(data["wall"], data["cpu"])


def compute_type(device: str) -> str:
    from toolkit.engines.argos.engine import ArgosEngine

    return ArgosEngine(device=device).compute_type


def venv_megabytes() -> float:
    total = 0
    for folder, _, files in os.walk(sys.prefix):
        for name in files:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                total += os.stat(path).st_blocks * 512
    return total / 1e6


# CTranslate2's own knobs tried by --knobs: (compute type, inter_threads, intra_threads share,
# max_batch_size in tokens); the first is the engine's. "all" is every core.
KNOBS = (
    ("int8", 1, "all", 2048),
    ("int8", 1, "all", 1024),
    ("int8", 1, "all", 4096),
    ("int8", 1, "all", 8192),
    ("int8", 2, "half", 2048),
    ("int8", 2, "half", 1024),
    ("int16", 1, "all", 2048),
    ("float32", 1, "all", 2048),
)  # fmt: skip


def knobs(package: Path, tokens: list[list[str]], args: argparse.Namespace) -> None:
    """Bare translate_batch under each setting of KNOBS, on the same sentences, sorted by length
    as the engine sorts them; tokens/s of wall and CPU time, against the engine's setting."""
    import ctranslate2

    ordered = sorted(tokens, key=len)
    count = sum(map(len, tokens))
    print(
        f"\nCTranslate2's knobs, bare translate_batch, {args.threads} cores, median of {args.repeat}"
    )
    print(
        f"  {'compute':>8} {'inter':>5} {'intra':>5} {'batch':>6} {'tokens/s':>9} {'tokens/cpu s':>12} {'vs first':>8}"
    )
    first = None
    supported = ctranslate2.get_supported_compute_types(args.device)
    for compute, inter, share, batch in KNOBS:
        if compute not in supported:
            print(f"  {compute:>8} not supported on this {args.device}")
            continue
        intra = args.threads if share == "all" else max(1, args.threads // inter)
        translator = ctranslate2.Translator(
            str(package / "model"),
            device=args.device,
            compute_type=compute,
            inter_threads=inter,
            intra_threads=intra,
        )
        runs = [
            timed(lambda t=translator, b=batch: translate_bare(t, ordered, b, args.beam_size))
            for _ in range(args.repeat)
        ]
        wall = count / statistics.median(t.wall for t in runs)
        cpu = count / statistics.median(t.cpu for t in runs)
        first = first or wall
        print(
            f"  {compute:>8} {inter:>5} {intra:>5} {batch:>6} {wall:9.1f} {cpu:12.1f} {wall / first:8.2f}",
            flush=True,
        )
        del translator


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=3000)
    parser.add_argument("--argos-share", type=float, default=0.25)
    parser.add_argument("--beam-size", type=int, default=4)
    parser.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--knobs", action="store_true", help="CTranslate2's settings compared")
    args = parser.parse_args()
    import ctranslate2
    import sentencepiece

    if args.device == "cuda" and not ctranslate2.get_cuda_device_count():
        sys.exit("no CUDA device here: run with --device cpu")

    env = environment(args.device)
    package = prepare(env)
    paragraphs = french_paragraphs(args.words)
    text_file = ARGOS_WORK / "input.txt"
    text_file.write_text("\n\n".join(paragraphs) + "\n", "utf-8")
    processor = sentencepiece.SentencePieceProcessor(
        model_file=str(package / "sentencepiece.model")
    )
    sentences = sentences_of(paragraphs)
    tokens = processor.encode(sentences, out_type=str)
    count = sum(map(len, tokens))
    share = paragraphs[:: max(1, round(1 / args.argos_share))]
    share_count = sum(map(len, processor.encode(sentences_of(share), out_type=str)))

    print(
        f"{sum(len(p.split()) for p in paragraphs):,} words, {len(paragraphs)} paragraphs, "
        f"{len(sentences)} sentences, {count:,} tokens; model {BASE_SIZE.layers[0]}+"
        f"{BASE_SIZE.layers[1]} layers, d_model {BASE_SIZE.d_model}, FFN {BASE_SIZE.ffn}, "
        f"{VOCABULARY:,} pieces, {compute_type(args.device)}; {args.device}, "
        f"{args.threads} threads, beam {args.beam_size}",
        flush=True,
    )
    from toolkit.engines.argos.engine import ArgosEngine

    os.environ.update({k: v for k, v in env.items() if k.startswith(("ARGOS_", "XDG_"))})
    argos = ArgosEngine(device=args.device, threads=args.threads, beam_size=args.beam_size)
    [package_in_use] = argos._packages.values()
    translator, _ = argos._load(package_in_use)  # loaded once: bare and the engine share it
    measures = {
        BARE: (count, lambda: bare(argos, translator, tokens, args)),
        ENGINE: (count, lambda: engine(argos, paragraphs)),
        CLI: (count, lambda: toolkit_cli(text_file, env, args)),
        ARGOS: (share_count, lambda: argostranslate(share, env, args)),
    }
    timings: dict[str, list[Timing]] = {name: [] for name in measures}
    for _ in range(args.repeat):  # interleaved, so that a busy spell of the machine hits all alike
        for name, (_, measure) in measures.items():
            timings[name].append(measure())
    rate: dict[str, tuple[float, float]] = {}
    print(
        f"  {'':36} {'tokens':>7} {'wall s':>8} {'tokens/s':>9} {'cpu s':>8} {'tokens/cpu s':>12}"
    )
    for name, (tokens_done, _) in measures.items():
        wall = statistics.median(t.wall for t in timings[name])
        cpu = statistics.median(t.cpu for t in timings[name])
        rate[name] = (tokens_done / wall, tokens_done / cpu)
        print(
            f"  {name:36} {tokens_done:>7,} {wall:8.2f} {rate[name][0]:9.1f} {cpu:8.2f} {rate[name][1]:12.1f}",
            flush=True,
        )
    ratios = {
        "toolkit CLI / argostranslate": [rate[CLI][i] / rate[ARGOS][i] for i in (0, 1)],
        "toolkit engine / argostranslate": [rate[ENGINE][i] / rate[ARGOS][i] for i in (0, 1)],
        "toolkit CLI / bare CTranslate2": [rate[CLI][i] / rate[BARE][i] for i in (0, 1)],
        "toolkit engine / bare CTranslate2": [rate[ENGINE][i] / rate[BARE][i] for i in (0, 1)],
    }
    print("ratios of tokens/s (wall time; cpu time):")
    for name, (wall_ratio, cpu_ratio) in ratios.items():
        print(f"  {name:34} {wall_ratio:6.2f}  {cpu_ratio:6.2f}")
    print("  goals: at least 5x argostranslate; at least 0.90 of bare CTranslate2")
    print(
        f"argostranslate ran on {len(share)} of {len(paragraphs)} paragraphs ({share_count:,} tokens)"
    )
    size = venv_megabytes()
    print(f".venv: {size:,.0f} MB on disk (goal: under 450 MB)")
    results = {
        "tokens_per_s": {name: {"wall": r[0], "cpu": r[1]} for name, r in rate.items()},
        "ratios": {name: {"wall": r[0], "cpu": r[1]} for name, r in ratios.items()},
        "venv_mb": size,
        "options": vars(args),
    }
    (ARGOS_WORK / "results.json").write_text(json.dumps(results, indent=2))
    if args.knobs:
        knobs(package, tokens, args)


if __name__ == "__main__":
    main()

"""The quality benchmark's corpus and runs: chunks of aligned prose, and each system's output on them."""

from __future__ import annotations

import re
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.lib import debian_reference
from benchmarks.lib.processes import adopt_orphans, reap_all
from benchmarks.lib.quality_scores import Scores, paired_bootstrap, scores, typography_aside
from toolkit.engines import routing
from toolkit.engines.apertium.engine import ApertiumEngine
from toolkit.engines.base import Route

TARGETS = ("en", "es", "it", "pt")
COST_CHUNKS = 3
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Chunk:
    """About `--chunk-words` words of consecutive prose paragraphs and their human translation."""

    sources: list[str]
    references: list[str]

    @property
    def words(self) -> int:
        return sum(len(paragraph.split()) for paragraph in self.sources)


@dataclass
class Run:
    """One system's output over all chunks, paragraph by paragraph, and what it cost."""

    name: str
    paragraphs: list[str]
    cpu_seconds: float
    wall_seconds: float
    note: str = ""
    scores: Scores | None = None
    versus_best: tuple[float, float, float] | None = None
    extra: dict[str, object] = field(default_factory=dict)


def chunks(target: str, words: int, chunk_words: int) -> list[Chunk]:
    """Chunks spread evenly over the book until they hold at least `words` French words."""
    pairs = debian_reference.pairs("fr", target)
    every: list[Chunk] = []
    current = Chunk([], [])
    for source, reference in pairs:
        current.sources.append(source)
        current.references.append(reference)
        if current.words >= chunk_words:
            every.append(current)
            current = Chunk([], [])
    wanted = max(1, -(-words // chunk_words))
    step = max(1, len(every) // wanted)
    return every[::step][:wanted]


def apertium_routes(engine: ApertiumEngine, source: str, target: str) -> list[Route]:
    """The routes toolkit compares (one or two hops), in toolkit's order of preference."""
    return routing.routes(engine, source, target)


def label(route: Route) -> str:
    return "→".join(route.languages)


def _children_cpu() -> float:
    """The CPU seconds of every process started from here and ended, the programs that toolkit
    leaves to finish on their own included (adopted: benchmarks/processes.py)."""
    adopt_orphans()
    reap_all()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_route(engine: ApertiumEngine, route: Route, paragraphs: list[str]) -> Run:
    """The route in this process, its programs started for the run and ended after it (their CPU
    counted once they end), as `toolkit translate` starts them."""
    engine.close()
    cpu, wall = _children_cpu(), time.perf_counter()
    output = engine.translate(paragraphs, route)
    wall = time.perf_counter() - wall
    engine.close()
    return Run(
        label(route),
        output.paragraphs,
        _children_cpu() - cpu,
        wall,
        extra={"unknown_words": output.unknown_words},
    )


def run_toolkit(target: str, paragraphs: list[str], *options: str) -> Run:
    """`toolkit translate --to TARGET` on the whole text through stdin, as a user runs it."""
    text = "\n\n".join(paragraphs) + "\n"
    command = [sys.executable, "-m", "toolkit", "translate", "--to", target, "--engine", "apertium"]
    command += options
    cpu, wall = _children_cpu(), time.perf_counter()
    result = subprocess.run(
        command, input=text.encode(), capture_output=True, cwd=ROOT, check=False
    )
    wall = time.perf_counter() - wall
    cpu = _children_cpu() - cpu
    stderr = result.stderr.decode(errors="replace")
    if result.returncode != 0:
        raise SystemExit(f"toolkit translate --to {target} failed: {stderr.strip()}")
    output = result.stdout.decode().rstrip("\n").split("\n\n")
    if len(output) != len(paragraphs):
        raise SystemExit(
            f"toolkit translate --to {target}: {len(output)} paragraphs for {len(paragraphs)}"
        )
    match = re.search(r" via \S+ (\S+) ", stderr)
    return Run("toolkit translate", output, cpu, wall, note=match.group(1) if match else "?")


@dataclass
class Measurement:
    """Every route and toolkit on the chunks of one target."""

    target: str
    chunks: list[Chunk]
    routes: list[Route]
    runs: list[Run]  # one per route, in the order of `routes`
    toolkit: Run
    choice_cost: float = 0.0  # CPU of toolkit choosing on one chunk, over toolkit told the route

    @property
    def references(self) -> list[str]:
        return [paragraph for chunk in self.chunks for paragraph in chunk.references]

    @property
    def words(self) -> int:
        return sum(chunk.words for chunk in self.chunks)

    @property
    def best(self) -> Run:
        return max(self.runs, key=lambda run: run.scores.chrf if run.scores else 0.0)


def measure(target: str, words: int, chunk_words: int, samples: int) -> Measurement:
    """Every route and toolkit on the chunks of one target, scored against the references."""
    engine = ApertiumEngine()
    parts = chunks(target, words, chunk_words)
    if not parts:
        raise SystemExit(f"no aligned French-{target} prose found in the Debian Reference")
    sources = [paragraph for chunk in parts for paragraph in chunk.sources]
    routes = apertium_routes(engine, "fr", target)
    if not routes:
        raise SystemExit(f"no Apertium route fr→{target}; run scripts/setup.sh")
    runs = [run_route(engine, route, sources) for route in routes]
    result = Measurement(target, parts, routes, runs, run_toolkit(target, sources))
    references = result.references
    for run in [*runs, result.toolkit]:
        run.scores = scores(run.paragraphs, references)
    best = result.best
    for run in [*runs, result.toolkit]:
        if run is not best:
            run.versus_best = paired_bootstrap(run.paragraphs, best.paragraphs, references, samples)
            run.extra["typography_aside"] = paired_bootstrap(
                [typography_aside(p) for p in run.paragraphs],
                [typography_aside(p) for p in best.paragraphs],
                [typography_aside(r) for r in references],
                samples,
            )
    result.choice_cost = choice_cost(target, parts[:COST_CHUNKS])
    return result


def choice_cost(target: str, parts: list[Chunk]) -> float:
    """Median over the chunks of the CPU time of `toolkit translate` choosing its route, as a
    multiple of the same command told the route it chose (`--via`)."""
    ratios = []
    for chunk in parts:
        chosen = run_toolkit(target, chunk.sources)
        pivots = chosen.note.split("→")[1:-1]
        pinned = run_toolkit(target, chunk.sources, "--via", pivots[0] if pivots else "-")
        ratios.append(chosen.cpu_seconds / pinned.cpu_seconds)
    return statistics.median(ratios)

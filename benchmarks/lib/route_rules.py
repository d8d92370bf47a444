"""Rules for choosing an Apertium route per text, compared on the quality benchmark's chunks.

Each chunk (about 400 words of consecutive paragraphs) stands for one press release; a rule
chooses one route per chunk, and the chosen routes' outputs together are scored like a system:

- preference: a fixed order of routes, the best by chrF++ on the other half of the chunks (even
  chunks are scored with the order measured on odd ones and the other way round, so that the
  order is never measured on the text it is judged on);
- consensus (minimum Bayes risk): the route whose output agrees most, by chrF++, with the other
  routes' outputs, on the whole chunk or on its opening paragraphs (a sample);
- oracle: the route that is best on each chunk against the reference (an upper bound no rule
  can reach without the reference).

Cost is measured on a few chunks: the CPU time of everything a rule runs for one chunk, as a
multiple of the time of the chosen route alone on it.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable

from benchmarks.lib.quality_runs import Measurement, run_route
from benchmarks.lib.quality_scores import agreement, chrf, paired_bootstrap, scores
from toolkit.engines.apertium.engine import ApertiumEngine

SAMPLE_WORDS = 100
COST_CHUNKS = 3

# For one chunk: the route outputs (route index → paragraphs) → the chosen route index.
Rule = Callable[[int, list[list[str]]], int]


def _slices(result: Measurement) -> list[slice]:
    slices, start = [], 0
    for chunk in result.chunks:
        slices.append(slice(start, start + len(chunk.sources)))
        start += len(chunk.sources)
    return slices


def _sample_size(sources: list[str], words: int) -> int:
    """How many opening paragraphs hold at least `words` words (at least one)."""
    count = 0
    for index, paragraph in enumerate(sources):
        count += len(paragraph.split())
        if count >= words:
            return index + 1
    return len(sources)


def consensus(outputs: list[list[str]]) -> int:
    """The candidate that agrees most with the others; the first of equals."""
    if len(outputs) == 1:
        return 0
    agreements = [
        agreement(candidate, [other for j, other in enumerate(outputs) if j != i])
        for i, candidate in enumerate(outputs)
    ]
    return max(range(len(outputs)), key=lambda i: (agreements[i], -i))


def _preference_rule(result: Measurement, slices: list[slice]) -> Rule:
    metric = chrf()
    orders = []
    for fold in (0, 1):
        held = [s for i, s in enumerate(slices) if i % 2 != fold]  # the other half
        best = max(
            range(len(result.runs)),
            key=lambda r: (
                metric.corpus_score(
                    [p for s in held for p in result.runs[r].paragraphs[s]],
                    [[p for s in held for p in result.references[s]]],
                ).score
            ),
        )
        orders.append(best)
    return lambda index, _outputs: orders[index % 2]


def _oracle_rule(result: Measurement, slices: list[slice]) -> Rule:
    metric = chrf()
    references = result.references

    def choose(index: int, outputs: list[list[str]]) -> int:
        reference = references[slices[index]]
        return max(
            range(len(outputs)),
            key=lambda r: (metric.corpus_score(outputs[r], [reference]).score, -r),
        )

    return choose


def _sample_consensus_rule(result: Measurement, slices: list[slice]) -> Rule:
    def choose(index: int, outputs: list[list[str]]) -> int:
        size = _sample_size(result.chunks[index].sources, SAMPLE_WORDS)
        return consensus([output[:size] for output in outputs])

    return choose


def compare_rules(result: Measurement, samples: int) -> str:
    slices = _slices(result)
    per_chunk = [[run.paragraphs[s] for run in result.runs] for s in slices]
    best = result.best
    best_index = result.runs.index(best)
    rules: dict[str, Rule] = {
        "preference (measured on the other half)": _preference_rule(result, slices),
        "consensus on the whole chunk": lambda _i, outputs: consensus(outputs),
        f"consensus on a sample of ~{SAMPLE_WORDS} words": _sample_consensus_rule(result, slices),
        "oracle per chunk (upper bound)": _oracle_rule(result, slices),
    }
    costs = _costs(result)
    lines = [
        f"Rules for French → {result.target}, one route per chunk of ~{result.words // len(slices)} words "
        f"({len(slices)} chunks); best single route {best.name}.",
        "",
        "| rule | chrF++ | Δ vs best single route [95% CI] | chunks on the best route | CPU cost on one chunk (× chosen route) |",
        "|---|---:|---|---:|---:|",
    ]
    for name, rule in rules.items():
        chosen = [rule(i, outputs) for i, outputs in enumerate(per_chunk)]
        paragraphs = [p for i, outputs in enumerate(per_chunk) for p in outputs[chosen[i]]]
        score = scores(paragraphs, result.references).chrf
        observed, low, high = paired_bootstrap(
            paragraphs, best.paragraphs, result.references, samples
        )
        on_best = sum(choice == best_index for choice in chosen)
        lines.append(
            f"| {name} | {score:.1f} | {observed:+.1f} [{low:+.1f}, {high:+.1f}] | "
            f"{on_best} of {len(chosen)} | {costs.get(name, '')} |"
        )
    return "\n".join(lines)


def _costs(result: Measurement) -> dict[str, str]:
    """CPU time of each rule on a few chunks, as a multiple of the chosen route alone."""
    engine = ApertiumEngine()
    whole: list[list[float]] = []  # per chunk, per route
    sample: list[list[float]] = []
    for chunk in result.chunks[:COST_CHUNKS]:
        size = _sample_size(chunk.sources, SAMPLE_WORDS)
        whole.append(
            [run_route(engine, route, chunk.sources).cpu_seconds for route in result.routes]
        )
        sample.append(
            [run_route(engine, route, chunk.sources[:size]).cpu_seconds for route in result.routes]
        )
    chosen = result.runs.index(result.best)
    full = [sum(times) / times[chosen] for times in whole]
    sampled = [
        (sum(sample_times) + times[chosen]) / times[chosen]
        for sample_times, times in zip(sample, whole, strict=True)
    ]
    return {
        "preference (measured on the other half)": "1.0",
        "consensus on the whole chunk": f"{statistics.median(full):.1f}",
        f"consensus on a sample of ~{SAMPLE_WORDS} words": f"{statistics.median(sampled):.1f}",
    }

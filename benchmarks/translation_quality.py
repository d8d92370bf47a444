"""Translation quality on real parallel text: every Apertium route, and toolkit's choice.

French → en, es, it, pt from Debian's Debian Reference (benchmarks/debian_reference.py): the same
book written in English and translated by people into French, Spanish, Italian and Portuguese.
There is no Catalan (or Occitan, Galician, ...) Debian Reference, so those targets are not
measured. The French prose is cut into chunks of about 400 words (the size of a press release),
spread over the whole book; for each target every Apertium route of one or two hops is run over
them, then `toolkit translate` as a user runs it (the whole text through stdin).

Scores are corpus-level chrF++ and BLEU (sacrebleu), with paired bootstrap intervals of the chrF++
difference to the best route, also with typography aside (apostrophes and quotation marks written
one way in every text and reference: toolkit writes the source's ’ and each target's quotation
marks, the references ' and "…", a house style rather than a translation). `--research` compares rules for choosing a route per text on the
same chunks (see `rules`). Caveats: the domain is technical documentation, not news, and the
Spanish, Italian and Portuguese references were translated from the English, not the French.

    .venv/bin/python -m benchmarks.translation_quality               # about 3,000 words per target
    .venv/bin/python -m benchmarks.translation_quality --research --words 8000
"""

from __future__ import annotations

import argparse
import json
import textwrap
import tomllib
from dataclasses import asdict
from pathlib import Path

from benchmarks.lib.quality_runs import ROOT, TARGETS, Measurement, measure
from benchmarks.lib.route_rules import compare_rules

SCORES = ROOT / "toolkit" / "engines" / "route_scores.toml"


def table(result: Measurement) -> str:
    words = result.words
    lines = [
        f"### French → {result.target}: {words:,} words, {len(result.chunks)} chunks, "
        f"{len(result.references)} paragraphs",
        "",
        "| route | chrF++ | Δ chrF++ vs best [95% CI] | Δ, typography aside | BLEU "
        "| CPU s / 1,000 words | wall s / 1,000 words |",
        "|---|---:|---|---|---:|---:|---:|",
    ]
    ranked = sorted(result.runs, key=lambda run: -(run.scores.chrf if run.scores else 0.0))
    for run in [*ranked, result.toolkit]:
        assert run.scores is not None
        name = f"{run.name} (chose {run.note})" if run.note else run.name
        delta, aside = _delta(run.versus_best), _delta(run.extra.get("typography_aside"))
        lines.append(
            f"| {name} | {run.scores.chrf:.1f} | {delta} | {aside} | {run.scores.bleu:.1f} | "
            f"{run.cpu_seconds * 1000 / words:.2f} | {run.wall_seconds * 1000 / words:.2f} |"
        )
    lines += [
        "",
        f"Choosing the route cost {result.choice_cost:.2f}× the CPU time of `toolkit translate` told "
        f"the route (`--via`), on a chunk of ~{result.words // len(result.chunks)} words "
        "(median of three).",
    ]
    return "\n".join(lines)


def _delta(found: object) -> str:
    if not isinstance(found, tuple):
        return "best"
    observed, low, high = found
    return f"{observed:+.1f} [{low:+.1f}, {high:+.1f}]"


def write_scores(results: list[Measurement], words: int, path: Path = SCORES) -> None:
    """Rewrite toolkit's route scores with these targets' chrF++, keeping the other targets'."""
    targets = {result.target for result in results}
    previous = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    kept = {
        route: score
        for route, score in previous.get("apertium", {}).items()
        if route.split("-")[-1] not in targets
    }
    measured = {
        "-".join(route.languages): round(run.scores.chrf, 1)
        for result in results
        for route, run in zip(result.routes, result.runs, strict=True)
        if run.scores is not None
    }
    every = kept | measured
    sizes = ", ".join(f"{result.target} {result.words:,}" for result in results)
    header = (
        "chrF++ of each route from French on Debian's Debian Reference: technical prose translated "
        f"by people (es, it and pt from the English original); French words: {sizes}. Routes are "
        "preferred best first, and a route not listed after those listed. Written by "
        f"`python -m benchmarks.translation_quality --words {words} --write-scores`: do not edit."
    )
    lines = [*("# " + line for line in textwrap.wrap(header, 96)), "", "[apertium]"]
    for target in sorted({route.split("-")[-1] for route in every}):
        ranked = sorted(
            (route for route in every if route.split("-")[-1] == target),
            key=lambda route: (-every[route], route),
        )
        lines += [f'"{route}" = {every[route]}' for route in ranked] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--words", type=int, default=3000, help="French words per target (default 3000)"
    )
    parser.add_argument(
        "--to", default=",".join(TARGETS), help="targets, comma-separated (en,es,it,pt)"
    )
    parser.add_argument(
        "--chunk-words", type=int, default=400, help="words per chunk (default 400)"
    )
    parser.add_argument(
        "--bootstrap", type=int, default=1000, help="bootstrap resamples (default 1000)"
    )
    parser.add_argument(
        "--research", action="store_true", help="compare route-choosing rules per chunk"
    )
    parser.add_argument("--json", type=Path, help="also write the scores to this file")
    parser.add_argument(
        "--write-scores",
        action="store_true",
        help=f"store the routes' chrF++ as toolkit's route preferences ({SCORES.name})",
    )
    args = parser.parse_args()
    targets = [t.strip() for t in args.to.split(",") if t.strip()]
    unknown = [t for t in targets if t not in TARGETS]
    if unknown or args.words < 1 or args.chunk_words < 1:
        parser.error(
            f"targets must be among {', '.join(TARGETS)} and sizes positive (got {args.to})"
        )
    print(
        "French → en, es, it, pt on the Debian Reference (no Catalan edition exists, so ca is not"
        " measured). chrF++ and BLEU at corpus level; Δ is the paired bootstrap difference"
        " to the best route.\n"
    )
    report, results = [], []
    for target in targets:
        result = measure(target, args.words, args.chunk_words, args.bootstrap)
        results.append(result)
        print(table(result) + "\n", flush=True)
        if args.research:
            print(compare_rules(result, args.bootstrap) + "\n", flush=True)
        report.append(
            {
                "target": target,
                "words": result.words,
                "runs": [
                    {key: value for key, value in asdict(run).items() if key != "paragraphs"}
                    for run in [*result.runs, result.toolkit]
                ],
            }
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    if args.write_scores:
        write_scores(results, args.words)
        print(f"Route scores written to {SCORES.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()

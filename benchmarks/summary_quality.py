"""Summary quality on real French news: every algorithm beside LEAD-N, the first N sentences.

    .venv/bin/python -m benchmarks.summary_quality                    # about two minutes
    .venv/bin/python -m benchmarks.summary_quality --articles 100 -a lexrank,lsa

OrangeSum's validation articles (benchmarks/orangesum.py) are summarised with toolkit's own
sentence splitter, each algorithm choosing N = 1, 2 and 3 sentences (language given: French), and
scored with ROUGE-1/2/L F1 against the authors' abstracts (benchmarks/rouge_fr.py). Each system's
difference from LEAD-N on the same articles comes with a 95% paired bootstrap interval, and the
same difference on each half of the data (odd and even ids), so that a win is not one half's luck.
The openings share is the share of chosen sentences that open with a word leaning on the sentence
before (toolkit.summary.openings: `Mais…`, `Il…`) while that sentence was not chosen.
CPU time is the summary alone (toolkit.summary.summarize), per article and summary length.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.lib.orangesum import DEFAULT_PATH, Article, load
from benchmarks.lib.rouge_fr import Rouge, paired_interval

if TYPE_CHECKING:
    from toolkit.summary.summarize import ScoredSentence, Summary

LENGTHS = (1, 2, 3)
LANGUAGE = "fr"
# More than 10 ms an article on OrangeSum (sumy's Edmundson builds its word sets in Python).
SLOW = frozenset({"edmundson"})


@dataclass(frozen=True)
class Choice:
    """A system's summary of one article."""

    sentences: list[str]  # in document order
    tied: bool = False  # a tie among scores decided the choice
    dangling: int = 0  # chosen sentences leaning on a previous sentence not chosen


# A system: (article text, N) -> its choice.
System = Callable[[str, int], Choice]


@dataclass
class Result:
    """One system's scores: per summary length, one (R-1, R-2, R-L) per article."""

    system: str
    ids: list[str] = field(default_factory=list)
    scores: dict[int, list[tuple[float, float, float]]] = field(default_factory=dict)
    ties: dict[int, int] = field(default_factory=dict)  # articles whose choice a tie decided
    dangling: dict[int, int] = field(default_factory=dict)  # chosen sentences leaning alone
    chosen: dict[int, int] = field(default_factory=dict)  # chosen sentences in all
    seconds: float = 0.0  # CPU time of all its summaries
    calls: int = 0


def lead(text: str, n: int) -> Choice:
    from toolkit.text.sentence_stream import sentences

    chosen: list[str] = []
    for sentence in sentences([text], LANGUAGE):
        if len(chosen) == n:
            break
        chosen.append(sentence.text)
    return Choice(chosen)


def toolkit_system(algorithm: str) -> System:
    from toolkit.summary.summarize import Options, summarize_text

    def summarise(text: str, n: int) -> Choice:
        summary = summarize_text("", text, Options(algorithm=algorithm, language=LANGUAGE, count=n))
        return Choice([s.text for s in summary.selected], summary.ties, dangling(summary))

    return summarise


def dangling(summary: Summary) -> int:
    """The chosen sentences that open with a word leaning on the sentence before them (a stamp
    set apart skipped), that sentence not chosen; the first sentence leans on nothing."""
    from toolkit.summary.candidates import DATELINE
    from toolkit.summary.openings import leans

    count = 0
    previous: ScoredSentence | None = None
    for sentence in summary.sentences:  # every sentence: a text ranked whole, all scores kept
        if sentence.selected and previous is not None and not previous.selected:
            count += leans(sentence.text, summary.language)
        if sentence.set_aside != DATELINE:
            previous = sentence
    return count


def run(name: str, system: System, articles: Sequence[Article], rouge: Rouge) -> Result:
    zeros = dict.fromkeys(LENGTHS, 0)
    result = Result(
        name, [a.id for a in articles], {n: [] for n in LENGTHS}, zeros, {**zeros}, {**zeros}
    )
    for article in articles:
        for n in LENGTHS:
            started = time.process_time()
            choice = system(article.article, n)
            result.seconds += time.process_time() - started
            result.calls += 1
            result.scores[n].append(rouge(article.summary, " ".join(choice.sentences)))
            result.ties[n] += choice.tied
            result.dangling[n] += choice.dangling
            result.chosen[n] += len(choice.sentences)
    return result


def _column(result: Result, n: int, metric: int, keep: Sequence[int] | None = None) -> list[float]:
    rows = result.scores[n]
    return [rows[i][metric] for i in (keep if keep is not None else range(len(rows)))]


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def table(results: Sequence[Result], baseline: Result, default: str) -> str:
    """One markdown table per summary length: scores, difference from LEAD with its interval."""
    out = []
    position = {article: i for i, article in enumerate(baseline.ids)}
    for n in LENGTHS:
        out += [
            f"\nN = {n}: ROUGE F1 x 100 (difference from LEAD-{n} on the same articles, 95% "
            "paired bootstrap interval)\n",
            "| system | R-1 | R-2 | R-L | tie decided | ms/article | articles |",
            "|---|---|---|---|---|---|---|",
        ]
        for result in results:
            keep = [position[a] for a in result.ids]
            cells = []
            for metric in range(3):
                own = _column(result, n, metric)
                if result is baseline:
                    cells.append(f"{_mean(own):.2f}")
                    continue
                diff, low, high = paired_interval(own, _column(baseline, n, metric, keep))
                cells.append(f"{_mean(own):.2f} ({diff:+.2f} [{low:+.2f}, {high:+.2f}])")
            label = f"{result.system} (default)" if result.system == default else result.system
            if result is baseline:
                label = f"LEAD-{n}"
            ties = f"{100 * result.ties[n] / len(result.ids):.0f}%"
            ms = 1000 * result.seconds / max(result.calls, 1)
            out.append(f"| {label} | {' | '.join(cells)} | {ties} | {ms:.1f} | {len(result.ids)} |")
    return "\n".join(out)


def openings(results: Sequence[Result], baseline: Result, default: str) -> str:
    """Per system and N, the share of chosen sentences leaning on a previous one not chosen."""
    out = [
        "\nOpenings share: chosen sentences opening with a word that leans on the sentence before"
        " it, that sentence not chosen (% of chosen sentences)\n",
        "| system | " + " | ".join(f"N={n}" for n in LENGTHS) + " |",
        "|---|" + "---|" * len(LENGTHS),
    ]
    for result in results:
        if result is baseline:
            continue
        cells = [
            f"{100 * result.dangling[n] / max(result.chosen[n], 1):.1f}% "
            f"({result.dangling[n]}/{result.chosen[n]})"
            for n in LENGTHS
        ]
        label = f"{result.system} (default)" if result.system == default else result.system
        out.append(f"| {label} | {' | '.join(cells)} |")
    return "\n".join(out)


def halves(results: Sequence[Result], baseline: Result, default: str) -> str:
    """Each system's mean difference from LEAD on odd and on even ids, R-1/R-2/R-L."""
    out = [
        "\nHalves: difference from LEAD-N, R-1 / R-2 / R-L, on odd ids | on even ids\n",
        "| system | " + " | ".join(f"N={n} odd | N={n} even" for n in LENGTHS) + " |",
        "|---|" + "---|" * (2 * len(LENGTHS)),
    ]
    position = {article: i for i, article in enumerate(baseline.ids)}
    for result in results:
        if result is baseline:
            continue
        cells = []
        for n in LENGTHS:
            for parity in (1, 0):
                mine = [i for i, a in enumerate(result.ids) if int(a) % 2 == parity]
                theirs = [position[result.ids[i]] for i in mine]
                diffs = [
                    _mean(_column(result, n, m, mine)) - _mean(_column(baseline, n, m, theirs))
                    for m in range(3)
                ]
                cells.append(" / ".join(f"{d:+.2f}" for d in diffs))
        label = f"{result.system} (default)" if result.system == default else result.system
        out.append(f"| {label} | {' | '.join(cells)} |")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> None:
    from toolkit.summary.algorithms import DEFAULT, NAMES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_PATH, help="OrangeSum JSON lines")
    parser.add_argument(
        "-a", "--algorithms", default=",".join(NAMES), help="comma-separated (default: all)"
    )
    parser.add_argument("--articles", type=int, default=0, help="only the first K articles")
    parser.add_argument(
        "--slow-articles",
        type=int,
        default=0,
        help="only the first K articles for algorithms slower than 10 ms an article",
    )
    args = parser.parse_args(argv)
    if args.articles < 0 or args.slow_articles < 0:
        parser.error("--articles and --slow-articles count articles: 0 (all) or more")
    names = [a for a in args.algorithms.split(",") if a]
    unknown = [a for a in names if a not in NAMES]
    if unknown:
        parser.error(f"unknown algorithm {unknown[0]!r}; choose among {', '.join(NAMES)}")
    articles = load(args.data)
    if args.articles > 0:
        articles = articles[: args.articles]
    rouge = Rouge()
    baseline = run("lead", lead, articles, rouge)
    results = [baseline]
    for name in names:
        system = toolkit_system(name)
        system(articles[0].article, 1)  # imports and language data loaded outside the timing
        some = articles
        if args.slow_articles > 0 and name in SLOW:
            some = articles[: args.slow_articles]
        results.append(run(name, system, some, rouge))
    print(f"{len(articles)} OrangeSum validation articles ({args.data.name}), language {LANGUAGE}")
    print(table(results, baseline, DEFAULT))
    print(openings(results, baseline, DEFAULT))
    print(halves(results, baseline, DEFAULT))


if __name__ == "__main__":
    main()

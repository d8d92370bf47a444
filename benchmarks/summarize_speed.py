"""sumy's LexRank and TextRank against toolkit's vectorised ones, side by side on the same sentences.

    .venv/bin/python -m benchmarks.summarize_speed            # the whole run, a few minutes
    .venv/bin/python -m benchmarks.summarize_speed --quick    # smaller sizes only

Texts: French prose from Debian's French reference (see benchmarks/french_text.py) and English from
the NEWS files and Git release notes that Debian packages install under /usr/share/doc; distinct
sentences, in their order. Both sides start from the same sentence strings with the same stemmer
and stop words: sumy's summarizer on a fresh sumy document (it tokenizes as it goes), toolkit's from
tokenizing to the chosen sentences. Each pair is checked to choose the same sentences.

Then toolkit's alone on larger texts, each size in a fresh process so that its peak memory
(ru_maxrss) is its own, and the whole command line on a 50,000-sentence file.

First (alone with --processes), whole processes as people run them, side by side: `toolkit
summarize` on the example release (its default, PacSum, and LexRank) and LexRank on 600 paragraphs
of French prose, against a Python process running sumy's LexRank on the same sentences, with
sumy's own stemmer and the stop words and words toolkit uses (so that both must choose the same
sentences, which is checked).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.lib.french_text import prose_paragraphs
from benchmarks.lib.processes import compile_toolkit, interleaved, run

WORK = Path(__file__).resolve().parent / "work"
ROOT = Path(__file__).resolve().parent.parent
DOCS = Path("/usr/share/doc")
SENTENCES_PER_PARAGRAPH = 5
ALGORITHMS = ("lexrank", "textrank")
RELEASE = ROOT / "examples" / "release-fr.txt"
TOOLKIT = Path(sys.executable).parent / "toolkit"


def english_sentences() -> list[str]:
    """Distinct sentences of four words or more from Debian's NEWS files and Git release notes."""
    from toolkit.text.document import segment, split_sentences

    files = sorted(DOCS.glob("*/NEWS*")) + sorted(DOCS.glob("git/RelNotes/*.txt"))
    sentences: dict[str, None] = {}
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        for paragraph in segment(text).paragraphs:
            for span in split_sentences(paragraph.text, "en"):
                sentence = span.text.strip()
                if len(sentence.split()) >= 4:
                    sentences.setdefault(sentence)
    return list(sentences)


def french_sentences() -> list[str]:
    from toolkit.text.document import split_sentences

    sentences: dict[str, None] = {}
    for paragraph in prose_paragraphs():
        for span in split_sentences(paragraph, "fr"):
            if len(span.text.split()) >= 4:
                sentences.setdefault(span.text.strip())
    return list(sentences)


def corpus(language: str) -> list[str]:
    """The sentences of a language, built once and kept in benchmarks/work/."""
    cache = WORK / f"summarize-{language}.json"
    if not cache.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        sentences = english_sentences() if language == "en" else french_sentences()
        cache.write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")
    return json.loads(cache.read_text(encoding="utf-8"))


def paragraphs(sentences: list[str]) -> list[list[str]]:
    step = SENTENCES_PER_PARAGRAPH
    return [sentences[i : i + step] for i in range(0, len(sentences), step)]


def timed(function: Callable[[], object], repeat: int = 1) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def side_by_side(
    language: str, sizes: list[int], repeat: int, count: int = 10
) -> list[dict[str, object]]:
    from toolkit.summary.algorithms import ALGORITHMS as TABLE
    from toolkit.summary.algorithms.sumy_backend import sumy_scores
    from toolkit.summary.language_tools import load_language
    from toolkit.summary.select import best

    tools = load_language(language)
    sentences = corpus(language)
    rows = []
    for n in sizes:
        if n > len(sentences):
            continue
        text = paragraphs(sentences[:n])
        for algorithm in ALGORITHMS:
            row = TABLE[algorithm]
            sumy_time, sumy_result = timed(lambda r=row, t=text: sumy_scores(r, t, tools), repeat)
            fast_time, fast_result = timed(lambda r=row, t=text: r.scores(t, tools), repeat)
            same = best(sumy_result, count) == best(fast_result, count)  # type: ignore[arg-type]
            rows.append(
                {
                    "language": language,
                    "sentences": n,
                    "algorithm": algorithm,
                    "sumy_s": sumy_time,
                    "toolkit_s": fast_time,
                    "same": same,
                }
            )
            print_row(rows[-1])
    return rows


def print_row(row: dict[str, object]) -> None:
    sumy_s, fast_s = row["sumy_s"], row["toolkit_s"]
    assert isinstance(sumy_s, float) and isinstance(fast_s, float)
    print(
        f"{row['language']:>4} {row['sentences']:>9,} {row['algorithm']:>9} {sumy_s:>10.3f} "
        f"{fast_s:>11.4f} {sumy_s / fast_s:>9.0f}x {'yes' if row['same'] else 'NO':>6}",
        flush=True,
    )


def child(language: str, n: int, algorithm: str) -> None:
    """One size in this fresh process: time and peak memory of toolkit's ranking alone."""
    import resource

    from toolkit.summary.algorithms import ALGORITHMS as TABLE
    from toolkit.summary.language_tools import load_language
    from toolkit.summary.select import best

    tools = load_language(language)
    text = paragraphs(corpus(language)[:n])
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    seconds, _ = timed(lambda: best(TABLE[algorithm].scores(text, tools), 10))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "before_kib": before, "peak_kib": peak}))


def alone(language: str, sizes: list[int]) -> None:
    available = len(corpus(language))
    print(f"\ntoolkit alone, {language}, each size in a fresh process (peak = ru_maxrss)")
    print(
        f"{'sentences':>10} {'algorithm':>9} {'time (s)':>9} {'before (MB)':>12} {'peak (MB)':>10}"
    )
    for n in sizes:
        if n > available:
            continue
        for algorithm in ALGORITHMS:
            out = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "benchmarks.summarize_speed",
                    "--child",
                    language,
                    str(n),
                    algorithm,
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            data = json.loads(out.strip().splitlines()[-1])
            print(
                f"{n:>10,} {algorithm:>9} {data['seconds']:>9.2f} {data['before_kib'] / 1024:>12.0f} "
                f"{data['peak_kib'] / 1024:>10.0f}",
                flush=True,
            )


def command_line(language: str, n: int) -> None:
    """The whole `toolkit summarize` on an n-sentence file: wall time and the child's peak memory."""
    path = WORK / f"summarize-{language}-{n}.txt"
    text = "\n\n".join(" ".join(p) for p in paragraphs(corpus(language)[:n])) + "\n"
    path.write_text(text, encoding="utf-8")
    toolkit = Path(sys.executable).parent / "toolkit"
    print(f"\n`toolkit summarize` on {n:,} sentences ({len(text) / 1e6:.1f} MB of {language} text)")
    print(f"{'algorithm':>9} {'wall (s)':>9} {'peak (MB)':>10}")
    for algorithm in ALGORITHMS:
        started = time.perf_counter()
        process = subprocess.Popen(
            [str(toolkit), "summarize", str(path), "-a", algorithm, "--language", language],
            stdout=subprocess.DEVNULL,
        )
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        if process.returncode:
            raise SystemExit(f"toolkit summarize failed with {process.returncode}")
        print(f"{algorithm:>9} {wall:>9.1f} {usage.ru_maxrss / 1024:>10.0f}", flush=True)


def sumy_input(path: Path, language: str) -> Path:
    """The text's paragraphs as toolkit splits them into sentences, with the stop words and the
    word pattern toolkit uses: what the sumy process reads (see sumy_child)."""
    from toolkit.summary import language_tools
    from toolkit.text.sentence_stream import sentences

    paragraphs: dict[int, list[str]] = {}
    for sentence in sentences([path.read_text(encoding="utf-8")], language):
        paragraphs.setdefault(sentence.paragraph, []).append(sentence.text)
    data = {
        "language": language,
        "paragraphs": list(paragraphs.values()),
        "stop_words": sorted(language_tools.load_language(language).stop_words),
        "word": language_tools.word_pattern(language).pattern,
    }
    target = WORK / f"{path.stem}.sumy.json"
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


def sumy_child(path: str, count: int) -> None:
    """sumy's LexRank in this process, as a script of sumy's users would run it: the sentences,
    stop words and word pattern from `path`, sumy's own stemmer (NLTK's Snowball)."""
    import re

    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    word = re.compile(data["word"])

    class Words:
        language = data["language"]

        @staticmethod
        def to_words(sentence: str) -> list[str]:
            return word.findall(sentence)

    document = ObjectDocumentModel(
        [Paragraph([Sentence(s, Words) for s in p]) for p in data["paragraphs"]]
    )
    summarizer = LexRankSummarizer(Stemmer(data["language"]))
    summarizer.stop_words = data["stop_words"]
    for sentence in summarizer(document, count):
        print(sentence)


def whole_processes(repeat: int) -> None:
    """`toolkit summarize` and sumy's LexRank as whole processes, interleaved, medians."""
    compile_toolkit()
    WORK.mkdir(parents=True, exist_ok=True)
    prose = WORK / "prose-600-fr.txt"
    prose.write_text("\n\n".join(prose_paragraphs()[:600]) + "\n", encoding="utf-8")
    python = [sys.executable, "-c", "pass"]
    print(f"whole processes, median of {repeat} interleaved runs; speed-up = sumy / toolkit")
    print(
        f"{'text':<22}{'toolkit command':<34}{'toolkit s':>10}{'cpu s':>8}"
        f"{'sumy LexRank s':>16}{'cpu s':>8}{'speed-up':>10}{'cpu':>7}{'same':>6}"
    )
    cases = [
        ("release (3 sentences)", RELEASE, []),
        ("release (3 sentences)", RELEASE, ["-a", "lexrank"]),
        ("600 paragraphs", prose, ["-a", "lexrank"]),
    ]
    ours_out, theirs_out = WORK / "toolkit.out", WORK / "sumy.out"
    for name, path, options in cases:
        sumy_json = sumy_input(path, "fr")
        ours, theirs = interleaved(
            repeat,
            lambda p=path, o=options: run([str(TOOLKIT), "summarize", str(p), *o], stdout=ours_out),
            lambda j=sumy_json: run(
                [sys.executable, "-m", "benchmarks.summarize_speed", "--sumy-child", str(j), "3"],
                stdout=theirs_out,
            ),
        )
        lexrank = bool(options)
        same = _lines(ours_out) == _lines(theirs_out) if lexrank else None
        print(
            f"{name:<22}{' '.join(['toolkit summarize', *options]):<34}{ours.wall:>10.3f}"
            f"{ours.cpu:>8.3f}{theirs.wall:>16.3f}{theirs.cpu:>8.3f}"
            f"{theirs.wall / ours.wall:>9.1f}x{theirs.cpu / ours.cpu:>6.1f}x"
            f"{'' if same is None else 'yes' if same else 'NO':>6}",
            flush=True,
        )
        if same is False:
            raise SystemExit("toolkit's LexRank and sumy's chose different sentences")
    (bare,) = interleaved(repeat, lambda: run(python))
    print(f"(python -c pass: {bare.wall:.3f} s, {bare.cpu:.3f} s of CPU)")


def _lines(path: Path) -> list[str]:
    return [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes only")
    parser.add_argument(
        "--repeat", type=int, default=3, help="best of this many runs, for both sides"
    )
    parser.add_argument(
        "--child", nargs=3, metavar=("LANGUAGE", "N", "ALGORITHM"), help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--processes", action="store_true", help="the whole-process comparison only"
    )
    parser.add_argument("--sumy-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.sumy_child:
        sumy_child(args.sumy_child[0], int(args.sumy_child[1]))
        return
    if args.child:
        language, n, algorithm = args.child
        child(language, int(n), algorithm)
        return
    whole_processes(max(args.repeat, 5))
    if args.processes:
        return
    side_sizes = [100, 300] if args.quick else [100, 300, 1000]
    alone_sizes = [1000, 3000] if args.quick else [1000, 3000, 10000, 30000, 50000]
    print(
        f"sumy and toolkit on the same sentences (both: best of {args.repeat}); same = the same 10 chosen"
    )
    print(
        f"{'lang':>4} {'sentences':>9} {'algorithm':>9} {'sumy (s)':>10} {'toolkit (s)':>11} {'speed-up':>10} {'same':>6}"
    )
    rows = [
        row for language in ("fr", "en") for row in side_by_side(language, side_sizes, args.repeat)
    ]
    if not all(row["same"] for row in rows):
        raise SystemExit("toolkit and sumy chose different sentences: see the rows marked NO")
    alone("en", alone_sizes)
    command_line("en", alone_sizes[-1])


if __name__ == "__main__":
    main()

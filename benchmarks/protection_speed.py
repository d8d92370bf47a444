"""What protecting spans and typesetting the target cost, beside the engine they wrap.

Run: .venv/bin/python -m benchmarks.protection_speed [--words 50000] [--repeat 3]

- French prose from the Debian Reference with an address, a URL, a path or a hashtag in one
  paragraph in three: toolkit translate into Spanish against the raw apertium pipeline on the
  same text, and with --keep-typography (the typography's own share);
- in this process, the steps around the engine alone (spans found, placeholders in and out,
  names, articles, typography) on the same paragraphs, against the engine's time;
- --long-words words of 600 letters, each beside a glossary name, and one URL in the paragraph:
  toolkit translate against the raw apertium pipeline on the same text (the spans put back
  beside long words: linear, where a lazy run of letters before each placeholder was quadratic);
- the search for spans on text made to be slow for regular expressions (a 1 MB word, 100,000
  `@`, a long run of digits): linear, in milliseconds per megabyte.
Each time is the median of interleaved runs (benchmarks/processes.py: wall, and the CPU of every
process under the command).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from benchmarks.lib.french_text import WORK, french_paragraphs
from benchmarks.lib.processes import compile_toolkit, interleaved, run

TOOLKIT = [sys.executable, "-m", "toolkit"]
SPANS = (
    "Écrivez à presse@gov.am.",
    "Voir https://www.gouv.am/fr/communique?id=2023#texte.",
    "Le fichier /home/le/communiqués/note.txt est joint.",
    "Suivez #Artsakh2023 et @ArtsakhGov.",
)


def text_with_spans(words: int) -> list[str]:
    paragraphs = french_paragraphs(words)
    return [p + " " + SPANS[i % 4] if i % 3 == 0 else p for i, p in enumerate(paragraphs)]


def in_process(paragraphs: list[str], repeat: int) -> tuple[float, float]:
    """CPU seconds of the steps around the engine, and wall seconds of the engine (its programs
    run in processes of their own), on the same paragraphs."""
    from toolkit.engines.apertium.engine import ApertiumEngine
    from toolkit.engines.base import find_routes
    from toolkit.glossary.active import default
    from toolkit.translation import protection

    glossary = default()
    engine = ApertiumEngine()
    [route] = find_routes("apertium", engine.hops(), "fr", "es")
    around, engine_times = [], []
    for _ in range(repeat):
        started = time.process_time()
        sent = [protection.outbound(p, glossary) for p in paragraphs]
        outbound = time.process_time() - started
        started = time.perf_counter()
        output = engine.translate([s.text for s in sent], route).paragraphs
        engine_times.append(time.perf_counter() - started)
        started = time.process_time()
        for s, t in zip(sent, output, strict=True):
            protection.inbound(s, t, glossary, route, "’")
        around.append(outbound + time.process_time() - started)
    return statistics.median(around), statistics.median(engine_times)


def adversarial() -> dict[str, float]:
    """CPU milliseconds per megabyte of spans.find on text built to make regular expressions slow."""
    from toolkit.text import spans

    texts = {
        "one 1 MB word": "a" * 1_000_000,
        "100,000 @ and words": "mot@ " * 100_000,
        "1 MB of digits and spaces": "12 " * 333_333,
        "100,000 / between letters": "ab/" * 100_000,
        "100,000 unclosed <!--": "<!--a " * 100_000,
        "100,000 unclosed tags": "<a b=c " * 100_000,
        "200,000 host names": "a.fr " * 200_000,
        "500,000 dots between letters": "a." * 500_000,
        "500,000 hyphens between letters": "a-" * 500_000 + ".fr",
    }
    result = {}
    for name, text in texts.items():
        started = time.process_time()
        spans.find(text)
        result[name] = (time.process_time() - started) * 1000 / (len(text) / 1e6)
    return result


def long_words_text(count: int) -> str:
    """One paragraph: `count` words of 600 letters, each beside a glossary name, and a URL."""
    words = " ".join(f"Artsakh {chr(97 + i % 26) * 600}" for i in range(count))
    return f"{words} voir https://gouv.am/fr/communique.\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--long-words", type=int, default=400)
    args = parser.parse_args()

    paragraphs = text_with_spans(args.words)
    WORK.mkdir(parents=True, exist_ok=True)
    source = WORK / "protection-fr.txt"
    source.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    words = sum(len(p.split()) for p in paragraphs)
    # The direct pair, as the anchor (the route table may prefer a pivot).
    toolkit = [
        *TOOLKIT,
        "translate",
        "--engine",
        "apertium",
        "--via",
        "-",
        "--to",
        "es",
        str(source),
    ]
    compile_toolkit()
    raw, typeset, kept = interleaved(
        args.repeat,
        lambda: run("apertium -f txt fr-es", stdin=source),
        lambda: run(toolkit),
        lambda: run([*toolkit, "--keep-typography"]),
    )
    print(f"{words} words, {len(paragraphs)} paragraphs, a span in one in three; wall s, CPU s")
    for name, timing in (("raw apertium fr-es", raw), ("toolkit translate", typeset)):
        print(f"  {name:<28}{timing.wall:7.2f}{timing.cpu:7.2f}  {timing.cpu / raw.cpu:5.2f}x CPU")
    print(
        f"  {'... --keep-typography':<28}{kept.wall:7.2f}{kept.cpu:7.2f}  {kept.cpu / raw.cpu:5.2f}x CPU"
    )
    around, engine = in_process(paragraphs, args.repeat)
    print(
        f"  in process: around the engine {around:.2f} CPU s, the engine {engine:.2f} s wall "
        f"({around / engine:.1%} of it)"
    )
    long_words = WORK / f"protection-long-words-{args.long_words}.txt"
    long_words.write_text(long_words_text(args.long_words), encoding="utf-8")
    raw, ours = interleaved(
        args.repeat,
        lambda: run("apertium -f txt fr-es", stdin=long_words),
        lambda: run([*toolkit[:-1], str(long_words)]),
    )
    print(
        f"  {args.long_words} words of 600 letters beside names, one URL: raw apertium "
        f"{raw.wall:.2f} s, toolkit {ours.wall:.2f} s wall ({ours.wall / raw.wall:.2f}x)"
    )
    for name, ms in adversarial().items():
        print(f"  spans.find on {name}: {ms:.0f} ms per MB")


if __name__ == "__main__":
    main()

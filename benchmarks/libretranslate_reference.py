"""`toolkit serve` beside LibreTranslate 1.9.6 itself: what clients see, and throughput.

LibreTranslate is installed in a virtual environment of its own (build/libretranslate, about
590 MB, never a dependency of toolkit) and both servers run on 127.0.0.1 with the same two
copy-model Argos packages (fr→en, en→fr) in one sealed home (benchmarks/lib/libretranslate.py).
LibreTranslate's sentence splitter, MiniSBD, would download its model on the first translation:
it is given the project's splitter instead (benchmarks/lib/libretranslate_launcher.py), so both
translate the same sentences; and argostranslate's CTranslate2 threads are set as toolkit's
engine sets its own (libretranslate_setup.ctranslate2_threads: argostranslate's defaults spin
OpenMP threads that took 0.3 to 7 s a short sentence on the shared machine, against 0.02 s).

1. Every request of support/libretranslate_api.py (translate a string, a list, auto, html, a
   form; detect; languages; frontend settings; translate_file and its download; each error) goes
   to both servers. What LibreTranslate's clients see of each answer (status, JSON keys and
   types) is printed beside toolkit's; --record writes LibreTranslate's into
   tests/data/libretranslate/answers.json, which tests/test_serve_libretranslate.py holds toolkit
   to without LibreTranslate installed.
2. Throughput: /translate of distinct short French sentences, fr→en on the same packages, at
   concurrency 1, 2, 8 and 32: requests per second, p50 and p95 latency, and toolkit's figures as
   ratios of LibreTranslate's. Each request's text is new to the server (argostranslate keeps the
   previous call's paragraphs); both servers have the fr→en model loaded before the first
   request. --size base uses models of a real Argos model's size (6+6 layers,
   d_model 512, int8), built once into benchmarks/work/.

Run: .venv/bin/python -m benchmarks.libretranslate_reference [--record] [--no-throughput]
     [--requests 96] [--concurrency 1,2,8,32] [--size test|base]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

from benchmarks.lib import libretranslate_setup as lt
from support.argos_copy import BASE_SIZE, TEST_SIZE, ModelSize
from support.http_client import Answer, Request, load, send
from support.libretranslate_api import (
    CASES,
    DOWNLOAD,
    LIMITED,
    OPEN,
    SOURCE,
    TARGET,
    Case,
    compare,
    download_request,
    seen,
    write_answers,
)
from support.server_process import Server
from support.toolkit_server import toolkit_serve

Starter = Callable[[dict[str, str], str], AbstractContextManager[Server]]


def answers(start: Starter, env: dict[str, str]) -> Iterator[tuple[Case, Answer]]:
    """(case, answer) for every case, the server started once per setting; the download of the
    translated file follows "translate a file"."""
    for setting in (OPEN, LIMITED):
        with start(env, setting) as server:
            for case in (c for c in CASES if c.setting == setting):
                answer = send(server.url, case.request)
                yield case, answer
                if case.name == "translate a file" and answer.status == 200:
                    download = download_request(answer)
                    yield Case(DOWNLOAD, setting, download), send(server.url, download)


def reference(env: dict[str, str], record: bool) -> None:
    recorded = {
        case.name: seen(answer, case.values) for case, answer in answers(lt.libretranslate, env)
    }
    if record:
        write_answers(recorded)
        print(f"recorded {len(recorded)} answers of LibreTranslate {lt.VERSION}")
    print(f"\n{'request':36} {'LibreTranslate':>14}  toolkit serve")
    for case, answer in answers(toolkit_serve, env):
        expected = recorded[case.name]
        problems = compare(expected, answer)
        verdict = "same keys and types" if not problems else "; ".join(problems)
        print(f"{case.name:36} {expected['status']:>14}  {answer.status} {verdict}")


# ---------------------------------------------------------------- throughput


def sentences() -> list[str]:
    from support.argos_copy import FRENCH_TEXTS
    from toolkit.text.document import split_sentences

    found = []
    for text in FRENCH_TEXTS:
        for line in text.read_text("utf-8").splitlines():
            found += [s.text.strip() for s in split_sentences(line) if len(s.text.split()) >= 4]
    return list(dict.fromkeys(found))


def distinct_requests(count: int, offset: int) -> list[Request]:
    """`count` /translate requests, each text different from every other one sent in the run."""
    pool = sentences()
    return [
        Request(
            "POST",
            "/translate",
            json={
                "q": f"{pool[(offset + n) % len(pool)]} ({(offset + n) // len(pool) + 1})",
                "source": SOURCE,
                "target": TARGET,
            },
        )
        for n in range(count)
    ]


def throughput(env: dict[str, str], count: int, levels: list[int]) -> dict[str, dict[int, Any]]:
    results: dict[str, dict[int, Any]] = {}
    offset = 0
    servers: tuple[tuple[str, Starter], ...] = (
        ("LibreTranslate", lt.libretranslate),  # its models loaded at start (--load-only)
        ("toolkit serve", lambda env, setting: toolkit_serve(env, setting, "--warm", TARGET)),
    )
    for label, start in servers:
        results[label] = {}
        with start(env, OPEN) as server:
            send(server.url, distinct_requests(1, 10_000)[0])  # the model loaded
            for clients in levels:
                requests = distinct_requests(count, offset)
                offset += count
                run = load(server.url, requests, clients)
                failed = [o for o in run.outcomes if o.answer is None or o.answer.status != 200]
                if failed:
                    sys.exit(f"{label}: {len(failed)} of {count} requests failed: {failed[0]}")
                results[label][clients] = {
                    "rps": run.requests_per_second,
                    "p50": run.latency(50),
                    "p95": run.latency(95),
                }
                figures = results[label][clients]
                print(
                    f"{label:15} c={clients:<3} {figures['rps']:7.1f} req/s  "
                    f"p50 {figures['p50'] * 1000:7.1f} ms  p95 {figures['p95'] * 1000:7.1f} ms"
                )
    print("\ntoolkit serve / LibreTranslate (req/s: above 1 is faster; latency: below 1 is faster)")
    print(f"{'clients':>7} {'req/s':>7} {'p50':>7} {'p95':>7}")
    for clients in levels:
        ours, theirs = results["toolkit serve"][clients], results["LibreTranslate"][clients]
        print(
            f"{clients:>7} {ours['rps'] / theirs['rps']:7.2f} {ours['p50'] / theirs['p50']:7.2f}"
            f" {ours['p95'] / theirs['p95']:7.2f}"
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--record", action="store_true", help="write LibreTranslate's answers")
    parser.add_argument("--no-throughput", action="store_true", help="the answers only")
    parser.add_argument("--requests", type=int, default=96, help="requests per concurrency level")
    parser.add_argument("--concurrency", default="1,2,8,32", help="client counts, comma-separated")
    parser.add_argument("--size", choices=("test", "base"), default="test", help="model size")
    parser.add_argument("--json", action="store_true", help="the throughput figures as JSON too")
    args = parser.parse_args()

    lt.install()
    size: ModelSize = BASE_SIZE if args.size == "base" else TEST_SIZE
    env = lt.package_environment(TEST_SIZE)
    reference(env, args.record)
    if not args.no_throughput:
        print(f"\nthroughput, {args.requests} requests per level, {args.size}-size copy models")
        sized = env if size == TEST_SIZE else lt.package_environment(size)
        levels = [int(c) for c in args.concurrency.split(",")]
        results = throughput(sized, args.requests, levels)
        if args.json:
            print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()

"""`toolkit serve` under load on 127.0.0.1: 50 clients at once, 20 requests each, bounded.

Short French sentences and, a few times, the example release, into es, ca and en in turn: no
request is lost, every answer equals what `toolkit translate` writes for the same text and target
(the command's pipeline in this process, once per text and target, its engines started once; the
command line itself anchors it on one text), and the server's peak memory stays bounded. p50 and p95 latency
and the peak memory are printed (pytest -s shows them).
"""

from __future__ import annotations

import json
import os

from support.http_client import Request, load
from support.libretranslate_api import OPEN
from support.toolkit_server import toolkit_serve
from tests.conftest import RELEASE, run_toolkit

CLIENTS, PER_CLIENT = 50, 20
TARGETS = ("es", "ca", "en")
RELEASES = 6  # requests of the whole release among the 1,000: twice per target
SHORT = (
    "Le corridor de Lachin reste le seul lien entre Stepanakert et l’Arménie.",
    "Le ministre a reçu les ambassadeurs ce matin.",
    "Les habitants manquent de nourriture, de médicaments et de carburant.",
    "« Nous demandons à la communauté internationale d’agir sans délai », a déclaré le porte-parole.",
    "La population de l’Artsakh vit sous blocus depuis le 12 décembre.",
)
# Memory, once every worker has its engines for every target: a request holds a few copies of
# a text of at most 3 kB, so 50 at once may add a few MB to the server's own process; 100 MB
# leaves room for the allocator and the answers waiting to be written, while one more set of
# engines (or a leak of a few kB per request) would pass it. Its Apertium programs (per worker
# and route, the part-of-speech tagger started afresh for each request) may briefly run twice
# while a finished tagger exits and the next starts: at most twice their memory at rest.
PROCESS_GROWTH = 100 * 2**20
TREE_GROWTH = 2.0


def expected_outputs(texts: list[str]) -> dict[tuple[str, str], str]:
    """What `toolkit translate --text TEXT --to es,ca,en` writes for each text, per target: the
    command's pipeline, made as the command makes it, in this process, its engines started once
    for every text (none of the server's code)."""
    from toolkit.engines import routing
    from toolkit.glossary.active import load_active
    from toolkit.serve.service import close_engines
    from toolkit.text.inputs import inputs
    from toolkit.translation.pipeline import Pipeline

    engines = routing.candidate_engines("auto")
    pipeline = Pipeline(
        list(TARGETS),
        load_active([], True, "fr"),
        lambda language, target: routing.resolve(engines, language, target),
    )
    expected = {}
    for text in texts:
        translated = pipeline.translate_inputs(inputs([], text, None), None, "fr")
        for translation in translated.translations:
            output = "".join(document.text for document in translation.documents)
            expected[(text, translation.target)] = output
    close_engines(engines)
    return expected


def command_line_outputs(text: str) -> dict[tuple[str, str], str]:
    """What the command line itself writes for one text: the anchor of expected_outputs."""
    result = run_toolkit("translate", "--text", text, "--to", ",".join(TARGETS), "--format", "json")
    assert result.returncode == 0, result.stderr
    return {
        (text, translation["target"]): translation["documents"][0]["text"]
        for translation in json.loads(result.stdout)["translations"]
    }


def test_fifty_clients_lose_nothing_get_the_command_lines_output_in_bounded_memory() -> None:
    release = RELEASE.read_text(encoding="utf-8")
    expected = expected_outputs([release, *SHORT])
    anchor = command_line_outputs(SHORT[0])
    assert anchor == {key: expected[key] for key in anchor}
    total = CLIENTS * PER_CLIENT
    work: list[tuple[str, str]] = []
    for n in range(total):
        text = release if n % (total // RELEASES) == 0 else SHORT[n % len(SHORT)]
        work.append((text, TARGETS[n % len(TARGETS)]))
    requests = [
        Request("POST", "/translate", json={"q": text, "source": "fr", "target": target})
        for text, target in work
    ]

    with toolkit_serve(
        dict(os.environ), OPEN, "--workers", "2", "--warm", ",".join(TARGETS)
    ) as server:
        # Every route warm in both workers (--warm); the release into each target on both at
        # once, so that each worker also opens the dictionaries the rescue of its unknown words
        # needs: what is at rest after that is what the load may not outgrow.
        warm_up = [
            Request("POST", "/translate", json={"q": release, "source": "fr", "target": target})
            for target in TARGETS
            for _ in range(2)
        ]
        load(server.url, warm_up, clients=2)
        at_rest, tree_at_rest = server.peak_rss(), server.tree_memory()
        with server.tree_memory_peak() as tree_peak:
            run = load(server.url, requests, CLIENTS, timeout=60)
        peak = server.peak_rss()

    lost = [o for o in run.outcomes if o.answer is None]
    assert len(run.outcomes) == total and not lost, lost[:3]
    wrong = [
        (work[o.index], o.answer.status, o.answer.body[:200])
        for o in run.outcomes
        if o.answer is not None
        and (o.answer.status != 200 or o.answer.json()["translatedText"] != expected[work[o.index]])
    ]
    assert not wrong, f"{len(wrong)} wrong, the first: {wrong[0]}"
    print(
        f"\n{total} requests from {CLIENTS} clients in {run.wall:.1f} s "
        f"({run.requests_per_second:.1f}/s): p50 {run.latency(50) * 1000:.0f} ms, "
        f"p95 {run.latency(95) * 1000:.0f} ms; server process peak RSS {peak / 2**20:.0f} MB "
        f"({at_rest / 2**20:.0f} MB after warming up); with its Apertium programs, peak "
        f"{tree_peak[0] / 2**20:.0f} MB PSS ({tree_at_rest / 2**20:.0f} MB after warming up)"
    )
    assert peak <= at_rest + PROCESS_GROWTH
    assert tree_peak[0] <= tree_at_rest * TREE_GROWTH

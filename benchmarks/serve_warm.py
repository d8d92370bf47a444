"""What `toolkit serve --warm` costs and saves: memory per warmed route, start, first requests.

For each --warm list given, `toolkit serve --workers 2 --warm LIST` is started on 127.0.0.1; the
time until it answers, the memory of the server and every process under it (the sum of their
proportional set sizes: each shared page counted once) at rest, then two requests of a short
sentence into es, ca and en in turn (the first reaches one worker, the second the other, each
still cold for a target it has not warmed), their latency, and the memory after them.

Run: .venv/bin/python -m benchmarks.serve_warm [--warm none es es,ca,en]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from support.http_client import Request, send
from support.server_process import free_port, serving

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Le ministre a reçu les ambassadeurs à Stepanakert ce matin."
TARGETS = ("es", "ca", "en")
MB = 2**20


def measure(warm: str, workers: int) -> None:
    port = free_port()
    command = [sys.executable, "-m", "toolkit", "serve", "--port", str(port)]
    command += ["--workers", str(workers), "--warm", warm]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    with serving(command, port, env=env, cwd=ROOT) as server:
        up = time.perf_counter() - started
        time.sleep(1)  # the workers' programs settled
        print(f"--warm {warm}: up in {up:.1f} s, {server.tree_memory() / MB:.0f} MB PSS at rest")
        for target in TARGETS:
            times = []
            for n in range(2):
                text = f"{SENTENCE} ({n})"  # a text new to the server
                request = {"q": text, "source": "fr", "target": target}
                sent = time.perf_counter()
                answer = send(server.url, Request("POST", "/translate", json=request))
                times.append(time.perf_counter() - sent)
                if answer.status != 200:
                    sys.exit(f"{target}: {answer.status} {answer.body[:200]!r}")
            print(f"  {target}: first {times[0]:.2f} s, second {times[1]:.2f} s")
        print(f"  after them: {server.tree_memory() / MB:.0f} MB PSS")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warm", nargs="+", default=["none", "es", "es,ca,en"], help="lists")
    parser.add_argument("--workers", type=int, default=2, help="workers of each server")
    args = parser.parse_args()
    for warm in args.warm:
        measure(warm, args.workers)


if __name__ == "__main__":
    main()

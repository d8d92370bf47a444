"""/translate of the example release into Spanish against the command line's whole process.

The same work both ways: examples/release-fr.txt, French → Spanish, on the engines installed here
(Apertium). `toolkit translate examples/release-fr.txt --to es` is timed as a whole process
(start-up, engines started, translation, output: wall time, the one a user waits); `toolkit
serve` is started once and warmed up (one request), then the same text is sent to /translate. Each figure is the median of --repeat runs, the two taken in
turn; the answer equals the command's output.

Run: .venv/bin/python -m benchmarks.serve_latency [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.lib.processes import compile_toolkit
from support.http_client import Request, send
from support.libretranslate_api import OPEN
from support.toolkit_server import toolkit_serve

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / "examples" / "release-fr.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, taken in turn")
    args = parser.parse_args()

    compile_toolkit()
    text = RELEASE.read_text(encoding="utf-8")
    request = Request("POST", "/translate", json={"q": text, "source": "fr", "target": "es"})
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "toolkit", "translate", str(RELEASE), "--to", "es"]
    process_times, request_times = [], []
    with toolkit_serve(env, OPEN) as server, tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "release.es.txt"
        send(server.url, request)  # the engines started
        for _ in range(args.repeat):
            # Not benchmarks.lib.processes.run: it waits for every child, the server included.
            started = time.perf_counter()
            with open(output, "wb") as sink:
                subprocess.run(command, stdout=sink, stderr=subprocess.DEVNULL, env=env, check=True)
            process_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            answer = send(server.url, request)
            request_times.append(time.perf_counter() - started)
            if answer.status != 200:
                sys.exit(f"/translate answered {answer.status}: {answer.body[:300]!r}")
        same = answer.json()["translatedText"] == output.read_text(encoding="utf-8").rstrip("\n")
    process, request_time = statistics.median(process_times), statistics.median(request_times)
    print(f"release ({len(text.split())} words) into Spanish, medians of {args.repeat}:")
    print(f"  toolkit translate, whole process  {process:7.3f} s")
    print(f"  /translate on a warm toolkit serve {request_time:7.3f} s")
    print(f"  ratio (process / request)          {process / request_time:7.1f}x")
    print(f"  same text as the command's output: {same}")


if __name__ == "__main__":
    main()

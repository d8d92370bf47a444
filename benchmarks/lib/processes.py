"""Whole processes timed side by side: wall time, and the CPU time of the process and of all its
descendants.

toolkit leaves the Apertium programs it kept loaded to finish on their own once their input is
closed, so they outlive it: this process makes itself their subreaper (Linux), so that they are
reaped here and their CPU time counted with the command's. The wall time is the command's own.
The machine is shared, so the commands of a comparison are interleaved, run after run, and each
gets the median of its runs. toolkit's bytecode is compiled first, as an installed package has it
(with PYTHONDONTWRITEBYTECODE set, every run would otherwise compile its modules again).
"""

from __future__ import annotations

import compileall
import ctypes
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float  # user + system of the process and of every child it waited for


def compile_toolkit() -> None:
    compileall.compile_dir(ROOT / "toolkit", quiet=1)


def adopt_orphans() -> None:
    """Become the subreaper of every process started from here (PR_SET_CHILD_SUBREAPER)."""
    if ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER) failed")


def reap_all() -> None:
    """Wait for every descendant left, the orphans adopted included."""
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(
    command: Sequence[str] | str,
    stdin: Path | None = None,
    stdout: Path | None = None,
    env: dict[str, str] | None = None,
) -> Timing:
    """One run of a command (a shell command line when a string); a failure ends the benchmark."""
    adopt_orphans()
    reap_all()
    before = _children_cpu()
    with (
        open(stdin or os.devnull, "rb") as source,
        open(stdout or os.devnull, "wb") as sink,
        tempfile.TemporaryFile() as errors,
    ):
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            shell=isinstance(command, str),
            stdin=source,
            stdout=sink,
            stderr=errors,
            env=env,
        )
        _, status = os.waitpid(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        reap_all()
        if process.returncode:
            errors.seek(0)
            message = errors.read().decode(errors="replace")[-500:]
            raise SystemExit(f"{command} failed ({process.returncode}): {message}")
    return Timing(wall, _children_cpu() - before)


def interleaved(repeat: int, *commands: Callable[[], Timing]) -> list[Timing]:
    """Each command's median wall and CPU time over `repeat` rounds of all of them in turn."""
    runs: list[list[Timing]] = [[] for _ in commands]
    for _ in range(repeat):
        for timings, command in zip(runs, commands, strict=True):
            timings.append(command())
    return [
        Timing(
            statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings)
        )
        for timings in runs
    ]


def main() -> None:
    """`python -m benchmarks.lib.processes COMMAND...`: run COMMAND, then print on stderr the CPU
    seconds of it and of every process under it, orphans included, and the peak resident memory
    (KiB) of the largest; exit with its exit status."""
    adopt_orphans()
    code = subprocess.run(sys.argv[1:], check=False).returncode
    reap_all()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss, file=sys.stderr)
    sys.exit(code)


if __name__ == "__main__":
    main()

"""Running a mode's programs, and a route's modes chained so that each program reads the output of
the one before as it comes.

In null-flush mode a unit ends with a NUL, and its translation comes back ending with a NUL:
programs kept loaded translate unit after unit, and a program started for one unit between two of
them (the tagger) reads the output of the one before and writes into the input of the one after
directly, and is ended once the unit is through. Otherwise programs are started for one unit, which
ends where their input ends. Between hops, the paragraphs pass through this process, which counts
the words each hop marks unknown and hands them to the next hop in superblanks, untouched.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from functools import partial
from itertools import accumulate

from toolkit.engines.apertium import stream as apertium_stream
from toolkit.engines.apertium.modes import Command
from toolkit.engines.base import EngineUnavailable, Share
from toolkit.errors import ToolkitError

_CHUNK = 1 << 16


class Pipeline:
    """A run of a mode's programs, started as one process group. `source` and `sink`: the output
    of the run before, the input of the run after, read and written by these programs directly."""

    def __init__(
        self,
        command: Command,
        model: str,
        source: Pipeline | None = None,
        sink: Pipeline | None = None,
    ) -> None:
        self.model = model
        self.null_flush = command.null_flush
        self.kept = command.kept
        self.reads_directly = source is not None
        self.writes_directly = sink is not None
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 (open while the programs run)
        try:
            self._process: subprocess.Popen[bytes] = subprocess.Popen(
                command.argv,
                stdin=source._process.stdout if source else subprocess.PIPE,
                stdout=sink._process.stdin if sink else subprocess.PIPE,
                stderr=self._errors,
                env=command.env,
                bufsize=0,
                process_group=0,  # so that kill() reaches every program of the pipeline
            )
        except OSError as err:
            self._errors.close()
            raise EngineUnavailable(f"cannot run apertium: {err.strerror}") from None

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self._process.stdin.fileno(), view[:_CHUNK]) :]  # type: ignore[union-attr]

    def end_unit(self) -> None:
        """Mark the end of the unit written so far."""
        if self.null_flush:
            self.write(b"\0")
        else:
            self._process.stdin.close()  # type: ignore[union-attr]

    def chunks(self) -> Iterator[bytes]:
        """The unit's translation as it comes, up to its end."""
        output = self._process.stdout
        while True:
            chunk = output.read(_CHUNK)  # type: ignore[union-attr]
            if not chunk:
                if self.null_flush or self._process.wait() != 0:
                    raise self.error()
                return
            end = chunk.find(b"\0") if self.null_flush else -1
            if end < 0:
                yield chunk
                continue
            if end + 1 < len(chunk):
                raise ToolkitError(f"apertium {self.model} sent more than it was asked for")
            yield chunk[:end]
            return

    def kill(self) -> None:
        if self._process.returncode is None:  # not reaped: its process group is still its own
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._process.pid, signal.SIGKILL)

    def close(self) -> None:
        """End the input: the programs finish and exit by themselves, not waited for. Programs
        started for one unit in null-flush mode wait for the next: they are ended."""
        if self.null_flush and not self.kept:
            self.kill()
            self._process.wait()
        if self._process.stdin and not self._process.stdin.closed:
            self._process.stdin.close()
        if self._process.stdout:
            self._process.stdout.close()
        self._errors.close()

    def wait(self) -> int:
        return self._process.wait()

    def exited(self) -> bool:
        return self._process.poll() is not None

    def error(self) -> ToolkitError:
        return ToolkitError(f"apertium {self.model} failed: {self._last_error()}")

    def _last_error(self) -> str:
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return "it stopped answering"
        self._errors.seek(0)
        lines = self._errors.read().decode(errors="replace").strip().splitlines()
        return lines[-1] if lines else f"exit status {self._process.returncode}"


def run_route(
    hops: list[list[Pipeline]], paragraphs: list[str], done: Share | None = None
) -> list[apertium_stream.Decoded]:
    """Each hop's paragraphs, for each the words it marked unknown, and its words, every program
    running at once: a hop gets the previous hop's paragraphs as soon as they are complete.
    `done` is told the share of the input (in characters) whose last hop is through, as its
    paragraphs come out."""
    results = [apertium_stream.Decoded() for _ in hops]
    stages = [(hop, pipeline) for hop, pipelines in enumerate(hops) for pipeline in pipelines]
    errors: list[BaseException] = []

    def failed(err: BaseException) -> None:
        errors.append(err)
        for _, pipeline in stages:  # every blocked read and write of the route ends
            pipeline.kill()

    def guarded(work: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            try:
                work()
            except BaseException as err:
                failed(err)

        return run

    def feed() -> None:
        stages[0][1].write(apertium_stream.encode(paragraphs).encode())
        stages[0][1].end_unit()

    def relay(stage: int) -> None:
        (hop, source), (next_hop, target) = stages[stage], stages[stage + 1]
        if hop == next_hop:
            for chunk in source.chunks():
                target.write(chunk)
        else:
            for batch in _paragraphs(source, results[hop]):
                target.write(apertium_stream.encode_for_next_hop(batch).encode())
        target.end_unit()

    through = threading.Event()  # the unit is through: the programs started for it may end

    def watch(stage: int) -> None:
        """A program connected directly to others ended before the unit was through: the error of
        the first program of its hop that ended (one that fails ends the programs after it)."""
        hop, pipeline = stages[stage]
        pipeline.wait()
        if not through.is_set():
            ended = [p for h, p in stages if h == hop and p.exited()]
            raise (ended[0] if ended else pipeline).error()

    threads = [threading.Thread(target=guarded(feed), daemon=True)]
    threads += [
        threading.Thread(target=guarded(partial(relay, stage)), daemon=True)
        for stage in range(len(stages) - 1)
        if not stages[stage][1].writes_directly and not stages[stage + 1][1].reads_directly
    ]
    watchers = [
        threading.Thread(target=guarded(partial(watch, stage)), daemon=True)
        for stage, (_, pipeline) in enumerate(stages)
        if pipeline.null_flush and not pipeline.kept
    ]
    for thread in threads + watchers:
        thread.start()
    sizes = list(accumulate(len(paragraph) + 1 for paragraph in paragraphs))

    def collect() -> None:
        for _ in _paragraphs(stages[-1][1], results[-1]):
            count = min(len(results[-1].paragraphs), len(sizes))
            if done is not None and count:
                done(sizes[count - 1] / sizes[-1])

    guarded(collect)()
    for thread in threads:
        thread.join()
    through.set()
    for (_, pipeline), watcher in zip(
        (s for s in stages if s[1].null_flush and not s[1].kept), watchers, strict=True
    ):
        pipeline.kill()
        watcher.join()
    if errors:
        # Ctrl-C or a signal ending the run comes first: the programs killed for it fail after.
        # Then the first engine error, which says most; a broken pipe is its echo.
        stop = next((e for e in errors if not isinstance(e, Exception)), None)
        raise stop or next((e for e in errors if isinstance(e, ToolkitError)), errors[0])
    return results


def _paragraphs(
    pipeline: Pipeline, result: apertium_stream.Decoded
) -> Iterator[apertium_stream.Decoded]:
    """The pipeline's output paragraphs in batches, as they are complete; each batch is added to
    `result` with the words marked unknown in it."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    pending = ""
    for chunk in pipeline.chunks():
        pending += decoder.decode(chunk)
        cut = apertium_stream.complete_paragraphs(pending)
        if cut:
            yield _decoded(pending[:cut], result)
            pending = pending[cut:]
    pending += decoder.decode(b"", final=True)
    if pending:
        yield _decoded(pending, result)


def _decoded(text: str, result: apertium_stream.Decoded) -> apertium_stream.Decoded:
    decoded = apertium_stream.decode_paragraphs(text)
    result.add(decoded)
    return decoded

"""Running a mode's programs, and a route's modes chained so that each program reads the output of
the one before as it comes.

In null-flush mode programs are started once and translate unit after unit: a unit ends with a
NUL, and its translation comes back ending with a NUL. Otherwise they are started for one unit,
which ends where their input ends.
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

from toolkit.engines.apertium import stream as apertium_stream
from toolkit.engines.apertium.modes import Command
from toolkit.engines.base import EngineUnavailable
from toolkit.errors import ToolkitError

_CHUNK = 1 << 16


class Pipeline:
    """A run of a mode's programs, started as one process group."""

    def __init__(self, command: Command, model: str) -> None:
        self.model = model
        self.null_flush = command.null_flush
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 (open while the programs run)
        try:
            self._process = subprocess.Popen(
                command.argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
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
                    raise ToolkitError(f"apertium {self.model} failed: {self._last_error()}")
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
        """End the input: the programs finish and exit by themselves, not waited for."""
        if self._process.stdin and not self._process.stdin.closed:
            self._process.stdin.close()
        self._process.stdout.close()  # type: ignore[union-attr]
        self._errors.close()

    def _last_error(self) -> str:
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return "it stopped answering"
        self._errors.seek(0)
        lines = self._errors.read().decode(errors="replace").strip().splitlines()
        return lines[-1] if lines else f"exit status {self._process.returncode}"


def run_route(hops: list[list[Pipeline]], paragraphs: list[str]) -> list[apertium_stream.Decoded]:
    """Each hop's paragraphs, for each the words it marked unknown, and its words, every program
    running at once: a hop gets the previous hop's paragraphs as soon as they are complete."""
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
                target.write(apertium_stream.encode(batch).encode())
        target.end_unit()

    threads = [threading.Thread(target=guarded(feed), daemon=True)]
    threads += [
        threading.Thread(target=guarded(lambda stage=stage: relay(stage)), daemon=True)
        for stage in range(len(stages) - 1)
    ]
    for thread in threads:
        thread.start()
    guarded(lambda: list(_paragraphs(stages[-1][1], results[-1])))()
    for thread in threads:
        thread.join()
    if errors:
        # Ctrl-C or a signal ending the run comes first: the programs killed for it fail after.
        # Then the first engine error, which says most; a broken pipe is its echo.
        stop = next((e for e in errors if not isinstance(e, Exception)), None)
        raise stop or next((e for e in errors if isinstance(e, ToolkitError)), errors[0])
    return results


def _paragraphs(pipeline: Pipeline, result: apertium_stream.Decoded) -> Iterator[list[str]]:
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


def _decoded(text: str, result: apertium_stream.Decoded) -> list[str]:
    decoded = apertium_stream.decode_paragraphs(text)
    result.add(decoded)
    return decoded.paragraphs

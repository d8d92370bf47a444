"""The output files of a corpus run: OUTDIR/<name>.jsonl, one line per document.

Lines are appended, each with one write and an fsync, so a run that is killed loses at most the
documents in flight: a line is complete or absent. A torn last line (a crash inside the write) is
cut off when the file is opened again. A line holds the document's id and the sha256 of its source
text, which is what a rerun compares to skip finished documents. A run that ends puts the lines in
input order again by an atomic rewrite (a changed document's new line was appended at the end), so
that the file is what a fresh run writes.
"""

from __future__ import annotations

import fcntl
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

from toolkit.errors import ToolkitError, UsageError


@dataclass(frozen=True)
class Done:
    """What the file holds for one document: the hash of the source it was made from, and whether it failed."""

    sha256: str
    failed: bool
    line: int
    start: int = 0  # where the line starts in the file, in bytes
    end: int = 0  # where the next one starts


class Store:
    """One output file, opened for appending after its finished documents are read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done: dict[str, Done] = {}
        self.torn = False  # an incomplete last line was cut off
        self._fd: int | None = None

    def load(self) -> dict[str, Done]:
        """Read the finished documents; a torn last line is cut off."""
        self.done = {}
        if not self.path.exists():
            return self.done
        try:
            data = self.path.read_bytes()
        except OSError as err:
            raise UsageError(f"{self.path}: cannot read ({err.strerror})") from None
        complete = data.rfind(b"\n") + 1
        if complete < len(data):
            self.torn = True
            with self.path.open("r+b") as file:
                file.truncate(complete)
                os.fsync(file.fileno())
        start = 0
        for number, raw in enumerate(data[:complete].splitlines(keepends=True), start=1):
            end = start + len(raw)
            if raw.strip():
                key, sha, failed = self._read_line(raw, number)
                self.done[key] = Done(sha, failed, number, start, end)
            start = end
        return self.done

    def _read_line(self, raw: bytes, number: int) -> tuple[str, str, bool]:
        try:
            item = json.loads(raw)
            return str(item["id"]), str(item["sha256"]), item.get("error") is not None
        except (ValueError, TypeError, KeyError, RecursionError):
            raise UsageError(
                f"{self.path}:{number}: not a line of a corpus run (id, sha256, ...); "
                "move the file away or remove that line"
            ) from None

    def prune(self, drop: Callable[[str, Done], bool]) -> int:
        """Rewrite the file without the lines `drop` selects (stale or to retry); returns how many."""
        kept: list[bytes] = []
        dropped = 0
        if not self.done:
            return 0
        lines = self.path.read_bytes().splitlines(keepends=True)
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            key, _, _ = self._read_line(raw, number)
            done = self.done[key]
            # An earlier line for the same id is superseded by the later one.
            if done.line != number or drop(key, done):
                dropped += 1
            else:
                kept.append(raw)
        if dropped:
            _rewrite(self.path, lambda file: file.write(b"".join(kept)))
            self.load()
        return dropped

    def put_in_order(self, keys: Iterable[str]) -> None:
        """Rewrite the file with its lines in the order of `keys` (the input's), the lines of
        other ids after them as they were: what a fresh run writes. Atomic, and only when the
        order differs (a changed document's new line was appended at the end)."""
        self.load()
        placed = [key for key in keys if key in self.done]
        chosen = set(placed)
        as_written = sorted(self.done, key=lambda key: self.done[key].line)
        wanted = placed + [key for key in as_written if key not in chosen]
        if wanted == as_written:
            return
        with self.path.open("rb") as source:

            def write(target: BinaryIO) -> None:
                for key in wanted:  # line by line: the file is never held whole
                    done = self.done[key]
                    source.seek(done.start)
                    target.write(source.read(done.end - done.start))

            _rewrite(self.path, write)
        self.load()

    def open(self) -> None:
        try:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as err:
            raise UsageError(f"{self.path}: cannot write ({err.strerror})") from None

    def append(self, line: str) -> None:
        """Write one line (no line end in it) and make it durable before returning."""
        assert self._fd is not None and "\n" not in line
        data = (line + "\n").encode("utf-8")
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._fd, view) :]
            os.fsync(self._fd)
        except OSError as err:  # a full disk: the torn line is cut off by the next run
            raise ToolkitError(f"{self.path}: cannot write ({err.strerror})") from None

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _rewrite(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Replace the file by what `write` writes, atomically, keeping its permissions."""
    mode = stat.S_IMODE(path.stat().st_mode)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
    except OSError as err:
        raise ToolkitError(f"{path}: cannot rewrite ({err.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as file:
            write(file)
            file.flush()
            os.fchmod(file.fileno(), mode)
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except OSError as err:  # a full disk: the file is left as it was
        Path(temporary).unlink(missing_ok=True)
        raise ToolkitError(f"{path}: cannot rewrite ({err.strerror})") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class FolderLock:
    """An exclusive lock on an output folder, so that two runs never append to the same files."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / ".lock"
        self._file: IO[str] | None = None

    def __enter__(self) -> FolderLock:
        try:
            self._file = self.path.open("a")
        except OSError as err:
            raise UsageError(f"{self.path.parent}: cannot write ({err.strerror})") from None
        try:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._file.close()
            raise UsageError(
                f"{self.path.parent}: another corpus run is writing to this folder; "
                "wait for it to end or choose another -o"
            ) from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            # Removed while still held, so that the folder holds only the outputs after a run.
            self.path.unlink(missing_ok=True)
            self._file.close()

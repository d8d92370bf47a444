"""Output files: written atomically, in folders checked before any work."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from toolkit.errors import UsageError


def check_writable(path: Path) -> None:
    """Fail before any work when a file cannot be written at `path`."""
    folder = path.parent
    if path.is_dir():
        folder = path
    if not folder.is_dir():
        raise UsageError(f"{path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"{path}: folder {folder} is not writable")


class AtomicFile:
    """A text file written under a temporary name and renamed into place only by `commit()`.

    Used as a context manager, an exception (Ctrl-C included) removes the temporary file, so an
    existing file is replaced only on success and a failed run leaves nothing half-written.
    """

    def __init__(self, path: Path) -> None:
        check_writable(path)
        self.path = path
        try:
            handle, self._temporary = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=".part", dir=path.parent
            )
        except OSError as err:
            raise UsageError(f"{path}: cannot write ({err.strerror})") from None
        self._file = os.fdopen(handle, "w", encoding="utf-8", newline="\n")

    def write(self, text: str) -> None:
        try:
            self._file.write(text)
        except OSError as err:
            self.discard()
            raise UsageError(f"{self.path}: cannot write ({err.strerror})") from None

    def commit(self) -> None:
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            os.replace(self._temporary, self.path)
        except OSError as err:
            self.discard()
            raise UsageError(f"{self.path}: cannot write ({err.strerror})") from None

    def discard(self) -> None:
        self._file.close()
        Path(self._temporary).unlink(missing_ok=True)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is not None:
            self.discard()


def write_atomic(path: Path, text: str) -> None:
    """Write a whole file atomically."""
    with AtomicFile(path) as file:
        file.write(text)
        file.commit()


def output_folder(path: Path) -> Path:
    """A folder for one file per language, created when missing."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path}: several outputs need a folder, and this is a file")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UsageError(f"{path}: cannot create folder ({err.strerror})") from None
    return path

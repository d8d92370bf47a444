"""Writing results: atomic files, stdout, and whether the user is looking at a terminal."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from toolkit.errors import UsageError


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def write_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def check_writable(path: Path) -> None:
    """Fail before any work when a file cannot be written at `path`."""
    folder = path.parent
    if path.is_dir():
        folder = path
    if not folder.is_dir():
        raise UsageError(f"{path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"{path}: folder {folder} is not writable")


def write_atomic(path: Path, text: str) -> None:
    """Write a file through a temporary file in the same folder, renamed into place on success."""
    check_writable(path)
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as err:
        raise UsageError(f"{path}: cannot write ({err.strerror})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException as err:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise UsageError(f"{path}: cannot write ({err.strerror})") from None
        raise


def output_folder(path: Path) -> Path:
    """A folder for one file per language, created when missing."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path}: several outputs need a folder, and this is a file")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UsageError(f"{path}: cannot create folder ({err.strerror})") from None
    return path

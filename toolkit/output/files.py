"""Output files: written atomically, in folders checked before any work.

A plain file is written under a temporary name beside it and renamed into place at the end. A
symbolic link named on the command line is written through: the file it points to is replaced
so, and the link stays. What is not a plain file (/dev/null, /dev/stdout, a FIFO, a terminal) is
written in place, never replaced. A new file gets the permissions the umask allows; a replaced one
keeps its own.

A file whose name the tool derives (`-o DIR/` gets `<stem>.<language>.txt`) is never written
through what is already there: a link, a FIFO or a device planted under that name in the folder is
replaced by a new file, as a hard link is (the rename gives a new file; the other names keep the
old one). Whoever can write to the folder cannot pick the file that is written.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from toolkit.errors import ToolkitError, UsageError

# The temporary name holds the start of the file's name, short enough that a name of 255 bytes
# still leaves room for the rest.
_NAME_IN_TEMPORARY = 32
_NAME_MAX = 255
# `-o -`: stdout, as `-` is stdin among the inputs.
STDOUT = "-"


@dataclass(frozen=True)
class Destination:
    """Where -o points: a path, and whether it is a folder (one that exists, or `name/`)."""

    path: Path
    folder: bool


def destination(argument: str | os.PathLike[str]) -> Destination:
    """The -o argument as given on the command line; an empty one is refused."""
    text = os.fspath(argument)
    if not text:
        raise UsageError("-o is empty; give a file, or a folder ending in /")
    path = Path(text)
    check_name(path)
    return Destination(path, text.endswith(os.sep) or path.is_dir())


def check_name(path: Path) -> None:
    """Refuse a file name longer than the file system allows (255 bytes on most)."""
    name = os.fsencode(path.name)
    if len(name) > _NAME_MAX:
        raise UsageError(
            f"{path}: a file name of {len(name)} bytes, longer than the {_NAME_MAX} allowed; "
            "choose a shorter one"
        )


def check_writable(path: Path) -> None:
    """Fail before any work when a file cannot be written at `path`."""
    check_name(path)
    if _is_special(path):
        return
    check_not_folder(path)
    folder = path.parent
    try:
        if not folder.is_dir():
            raise UsageError(f"{path}: folder {folder} does not exist")
    except OSError as err:  # a folder name too long, a loop of links
        raise UsageError(f"{path}: cannot write ({err.strerror})") from None
    if not os.access(folder, os.W_OK):
        raise UsageError(f"{path}: folder {folder} is not writable")


def check_not_folder(path: Path) -> None:
    """Refuse, before any work, a file that a folder of the same name would stand in the way of
    (a link to a folder is no obstacle: a file in an output folder replaces it)."""
    if path.is_dir() and not path.is_symlink():
        raise UsageError(f"{path}: is a folder; move it away or choose another -o")


def check_not_input(path: Path, inputs: list[str]) -> None:
    """Refuse an output file that is one of the inputs: it would be replaced by its translation."""
    for name in inputs:
        try:
            same = os.path.samefile(path, name)
        except OSError:  # either is missing (stdin is '-'), or cannot be looked at
            same = False
        if same:
            raise UsageError(
                f"{path} is also an input; the translation would replace it: choose another -o"
            )


class AtomicFile:
    """A text file written under a temporary name and renamed into place only by `commit()`.

    Used as a context manager, an exception (Ctrl-C included) removes the temporary file, so an
    existing file is replaced only on success and a failed run leaves nothing half-written.
    """

    def __init__(self, path: Path, derived: bool = False) -> None:
        """`derived`: the tool chose the name (a file in an output folder), so what is there
        is replaced, never written through."""
        check_writable(path)
        self.path = path
        self._temporary: str | None = None
        try:
            if not derived and _is_special(path):
                self._file: TextIO = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
                return
            final = Path(os.path.realpath(path)) if path.is_symlink() and not derived else path
            check_writable(final)
            handle, self._temporary = tempfile.mkstemp(
                prefix=f".{final.name[:_NAME_IN_TEMPORARY]}.", suffix=".part", dir=final.parent
            )
            os.fchmod(handle, _mode(final, follow=not derived))
        except OSError as err:
            raise UsageError(f"{path}: cannot write ({err.strerror})") from None
        self._final = final
        self._file = os.fdopen(handle, "w", encoding="utf-8", newline="\n")

    def write(self, text: str) -> None:
        try:
            self._file.write(text)
        except OSError as err:
            self.discard()
            raise ToolkitError(f"{self.path}: cannot write ({err.strerror})") from None

    def commit(self) -> None:
        try:
            self._file.flush()
            if self._temporary is not None:
                os.fsync(self._file.fileno())
            self._file.close()
            if self._temporary is not None:
                os.replace(self._temporary, self._final)
        except OSError as err:
            self.discard()
            raise ToolkitError(f"{self.path}: cannot write ({err.strerror})") from None

    def discard(self) -> None:
        with contextlib.suppress(OSError):  # what could not be written is thrown away anyway
            self._file.close()
        if self._temporary is not None:
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


def _is_special(path: Path) -> bool:
    """Whether the path leads (through links) to something that is not a plain file or folder."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _mode(path: Path, follow: bool = True) -> int:
    """The permissions of the plain file being replaced, or those the umask gives a new file."""
    try:
        status = path.stat() if follow else path.lstat()
    except FileNotFoundError:
        return new_file_mode()
    return stat.S_IMODE(status.st_mode) if stat.S_ISREG(status.st_mode) else new_file_mode()


def new_file_mode() -> int:
    """The permissions a new file gets: 0666 less the umask, as `>` in a shell gives."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask

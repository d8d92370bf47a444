"""Reading input text from files or stdin: encodings, BOMs, line ends, binary refusal."""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import ToolkitError, UsageError

STDIN = "-"


@dataclass(frozen=True)
class Source:
    """One input text, decoded, with line ends normalised to \\n."""

    name: str
    text: str


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode bytes to text: UTF-8 (BOM optional) or UTF-16 with a BOM, unless `encoding` is given."""
    if encoding is None:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        elif data.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        else:
            encoding = "utf-8"
        if encoding != "utf-16" and b"\x00" in data:
            offset = data.index(b"\x00")
            raise ToolkitError(
                f"{name}: binary data (NUL byte at offset {offset}); give a text file"
            )
    try:
        text = data.decode(encoding)
    except LookupError:
        raise UsageError(f"unknown encoding {encoding!r}; use a Python codec name") from None
    except UnicodeDecodeError as err:
        raise ToolkitError(
            f"{name}: invalid {err.encoding} at byte offset {err.start}; "
            "convert the file to UTF-8 or pass --encoding"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_source(path: str, encoding: str | None = None) -> Source:
    """Read one file, or stdin when `path` is '-'."""
    if path == STDIN:
        return Source("<stdin>", decode(sys.stdin.buffer.read(), "<stdin>", encoding))
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory; give text files") from None
    except OSError as err:
        raise UsageError(f"{path}: cannot read ({err.strerror})") from None
    return Source(path, decode(data, path, encoding))


def read_sources(paths: list[str] | None, encoding: str | None = None) -> list[Source]:
    """Read every named file in order; no names means stdin."""
    return [read_source(p, encoding) for p in (paths or [STDIN])]

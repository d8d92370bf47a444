"""Reading a corpus: a JSONL file (one document per line) or a folder of .txt files.

A malformed input (a line that is not a JSON object with a string `id` and `text`, a duplicate id)
stops the run before any work, naming file:line. A document whose text cannot be translated (bytes
that are not UTF-8, an unpaired surrogate, a NUL character) is not an input error: it is yielded with
its `error` set, and recorded as a failure while the run goes on.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import math
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.errors import ToolkitError, UsageError
from toolkit.text import nesting
from toolkit.text.inputs import decode

_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class CorpusDocument:
    """One document of a corpus, in input order, with the hash of the text the pipeline works on."""

    index: int
    id: str | int
    text: str
    sha256: str
    where: str  # file:line or the file's path, for messages
    extra: dict[str, Any] = field(default_factory=dict)
    error: str | None = None  # why this document cannot go through the pipeline

    @property
    def key(self) -> str:
        return str(self.id)

    @property
    def words(self) -> int:
        return len(self.text.split())


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def text_problem(text: str) -> str | None:
    """Why a text cannot be translated, or None."""
    surrogate = _SURROGATE.search(text)
    if surrogate:
        return (
            f"text holds an unpaired surrogate U+{ord(surrogate.group()):04X} at character "
            f"{surrogate.start()}; it is not valid Unicode"
        )
    nul = text.find("\x00")
    if nul >= 0:
        return f"text holds a NUL character at character {nul}; give plain text"
    return None


# A first line that is not JSON in a file named so is a broken line; in another, a wrong input.
_JSON_SUFFIXES = (".jsonl", ".json", ".ndjson")


def open_corpus(path: Path, encoding: str | None = None) -> JsonlCorpus | FolderCorpus:
    """The corpus at `path`: a folder of .txt files, or a JSONL file."""
    if path.is_dir():
        return FolderCorpus(path, encoding)
    if not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    return JsonlCorpus(path, encoding)


class JsonlCorpus:
    """One JSON object per line: `id` (string or integer) and `text`; other fields are carried."""

    def __init__(self, path: Path, encoding: str | None = None) -> None:
        self.path = path
        self.encoding = encoding or "utf-8"

    def documents(self) -> Iterator[CorpusDocument]:
        """Every document in order; raises UsageError at the first malformed line."""
        seen: dict[str, int] = {}
        index = 0
        for number, raw in self._lines():
            where = f"{self.path}:{number}"
            if not raw.strip():
                continue
            try:
                item = self._parse(raw, where)
            except UsageError:
                if number == 1 and self.path.suffix.lower() not in _JSON_SUFFIXES:
                    raise UsageError(
                        f"{self.path}: not a JSONL file (line 1 is not JSON); give a folder "
                        "of .txt files or a .jsonl file"
                    ) from None
                raise
            ident, text = item.pop("id"), item.pop("text")
            key = str(ident)
            if key in seen:
                raise UsageError(
                    f"{where}: duplicate id {ident!r} (first on line {seen[key]}); ids must be unique"
                )
            seen[key] = number
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            yield CorpusDocument(index, ident, text, sha256(text), where, item, text_problem(text))
            index += 1

    def _lines(self) -> Iterator[tuple[int, str]]:
        try:
            file = self.path.open("rb")
        except OSError as err:
            raise UsageError(f"{self.path}: cannot read ({err.strerror})") from None
        with file:
            for number, data in enumerate(file, start=1):
                if number == 1:
                    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                        raise UsageError(f"{self.path}: UTF-16 JSONL; convert it to UTF-8")
                    if data.startswith(codecs.BOM_UTF8):
                        data = data[len(codecs.BOM_UTF8) :]
                try:
                    yield number, data.decode(self.encoding)
                except UnicodeDecodeError as err:
                    raise UsageError(
                        f"{self.path}:{number}: invalid {err.encoding} at byte {err.start} of the "
                        "line; convert the file to UTF-8 or pass --encoding"
                    ) from None
                except LookupError:
                    raise UsageError(
                        f"unknown encoding {self.encoding!r}; use a Python codec name"
                    ) from None

    @staticmethod
    def _parse(line: str, where: str) -> dict[str, Any]:
        try:
            item = json.loads(
                line,
                object_pairs_hook=_object,
                parse_int=_integer,
                parse_float=_float,
                parse_constant=_constant,
            )
        except json.JSONDecodeError as err:
            raise UsageError(
                f"{where}: not valid JSON ({err.msg} at column {err.colno}); "
                "each line must be one JSON object with an id and a text"
            ) from None
        except _Refused as err:
            raise UsageError(f"{where}: {err}") from None
        except RecursionError:
            raise UsageError(
                f"{where}: {nesting.message('JSON values', 'arrays or objects')}"
            ) from None
        if not isinstance(item, dict):
            raise UsageError(
                f"{where}: a JSON {type(item).__name__}, not an object with id and text"
            )
        for name in ("id", "text"):
            if name not in item:
                raise UsageError(f"{where}: no {name!r} field; each line needs an id and a text")
        ident = item["id"]
        if isinstance(ident, bool) or not isinstance(ident, str | int) or ident == "":
            raise UsageError(f"{where}: the id must be a non-empty string or an integer")
        if not isinstance(item["text"], str):
            raise UsageError(f"{where}: the text must be a string")
        return item


class _Refused(Exception):
    """Valid JSON that a corpus line may not hold."""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when a key appears twice (JSON would keep the last silently)."""
    item: dict[str, Any] = {}
    for key, value in pairs:
        if key in item:
            raise _Refused(f"the key {key!r} appears twice in one object; keep one")
        item[key] = value
    return item


def _integer(digits: str) -> int:
    limit = sys.get_int_max_str_digits()
    if limit and len(digits.lstrip("-")) > limit:
        raise _Refused(
            f"an integer of {len(digits.lstrip('-'))} digits (at most {limit}); "
            "write long ids as strings"
        )
    return int(digits)


def _float(digits: str) -> float:
    number = float(digits)
    if math.isinf(number):
        raise _Refused(f"the number {_start(digits)} is too large for JSON; write it as a string")
    return number


def _constant(name: str) -> float:
    # Python's json reads NaN and Infinity, which are not JSON, and would write them back out.
    raise _Refused(f"{name} is not a JSON number; write it as a string or null")


def _start(text: str) -> str:
    return text if len(text) <= 20 else f"{text[:20]}…"


class FolderCorpus:
    """Every .txt file under a folder, in path order; the id is the path relative to the folder."""

    def __init__(self, path: Path, encoding: str | None = None) -> None:
        self.path = path
        self.encoding = encoding

    def files(self) -> list[Path]:
        files = [
            p
            for p in self.path.rglob("*.txt")
            if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(self.path).parts)
        ]
        return sorted(files, key=lambda p: p.relative_to(self.path).as_posix())

    def documents(self) -> Iterator[CorpusDocument]:
        for index, file in enumerate(self.files()):
            ident = file.relative_to(self.path).as_posix()
            try:
                data = file.read_bytes()
            except OSError as err:
                raise UsageError(f"{file}: cannot read ({err.strerror})") from None
            try:
                text = decode(data, ident, self.encoding)
            except UsageError:
                raise
            except ToolkitError as err:
                digest = hashlib.sha256(data).hexdigest()
                yield CorpusDocument(index, ident, "", digest, str(file), error=str(err))
                continue
            yield CorpusDocument(
                index, ident, text, sha256(text), str(file), {}, text_problem(text)
            )

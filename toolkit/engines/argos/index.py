"""The Argos Translate package index: what can be downloaded, and downloading it (online only)."""

from __future__ import annotations

import json
import os
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from toolkit.engines.argos import packages
from toolkit.errors import ToolkitError, UsageError
from toolkit.text import languages

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
TIMEOUT_S = 20
MAX_INDEX_BYTES = 32 << 20
USER_AGENT = "toolkit (argostranslate-compatible)"


@dataclass(frozen=True)
class Available:
    """A package the index offers."""

    source: str
    target: str
    version: str
    links: tuple[str, ...]

    @property
    def pair(self) -> str:
        return f"{self.source}-{self.target}"


@dataclass(frozen=True)
class Index:
    packages: list[Available]
    cached: bool  # read from the copy saved last time: the index could not be reached
    problem: str | None


def index_url() -> str:
    return (packages.argos_setting("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX) + "index.json"


def local_index() -> Path:
    """Where argostranslate keeps its copy of the index; shared, so argospm sees ours too."""
    return packages.data_dir() / "index.json"


def fetch() -> Index:
    """The index from the network, saved locally; offline, the saved copy, or a clear error."""
    url = index_url()
    try:
        data = _get(url, MAX_INDEX_BYTES)
        entries = _parse(data, url)
    except ToolkitError as err:
        saved = local_index()
        if not saved.is_file():
            raise ToolkitError(
                f"{err}; offline, copy a .argosmodel file here and run "
                "`toolkit models install FILE.argosmodel`"
            ) from None
        return Index(_parse(saved.read_bytes(), str(saved)), cached=True, problem=str(err))
    _save(local_index(), data)
    return Index(entries, cached=False, problem=None)


def find(index: Index, source: str, target: str) -> Available:
    for entry in index.packages:
        if (entry.source, entry.target) == (source, target):
            return entry
    pairs = ", ".join(sorted({e.pair for e in index.packages if e.source == source})) or "none"
    raise UsageError(
        f"the Argos index has no package {source}-{target} (from {source}: {pairs}); "
        f"pivots through English work: install {source}-en and en-{target}"
    )


def download(entry: Available, folder: Path, progress: packages.Progress | None = None) -> Path:
    """Download a package into `folder`, trying each link; the archive's path."""
    problems = []
    for link in entry.links:
        if not link.startswith(("https://", "http://")):
            continue
        handle, name = tempfile.mkstemp(prefix=f"{entry.pair}-", suffix=".argosmodel", dir=folder)
        try:
            with os.fdopen(handle, "wb") as file:
                _get(link, packages.MAX_ARCHIVE_BYTES, file, progress)
            return Path(name)
        except ToolkitError as err:
            Path(name).unlink(missing_ok=True)
            problems.append(str(err))
    raise ToolkitError(f"cannot download {entry.pair}: {'; '.join(problems) or 'no usable link'}")


def _get(
    url: str, limit: int, sink: IO[bytes] | None = None, progress: packages.Progress | None = None
) -> bytes:
    """Fetch a URL into memory (or into `sink`), refusing more than `limit` bytes."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    chunks, received = [], 0
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            total = int(response.headers.get("Content-Length") or 0)
            while chunk := response.read(1 << 20):
                received += len(chunk)
                if received > limit:
                    raise ToolkitError(f"{url}: refused: larger than {limit >> 20} MB")
                if sink is None:
                    chunks.append(chunk)
                else:
                    sink.write(chunk)
                if progress:
                    progress(received, max(total, received))
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", None) or err
        raise ToolkitError(f"cannot reach {url} ({reason})") from None
    return b"".join(chunks)


def _parse(data: bytes, where: str) -> list[Available]:
    try:
        entries = json.loads(data)
    except (ValueError, RecursionError):
        raise ToolkitError(f"{where}: the package index is not valid JSON") from None
    if not isinstance(entries, list):
        raise ToolkitError(f"{where}: the package index is not a JSON list")
    found = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("type", "translate") != "translate":
            continue
        codes = [languages.normalize(str(entry.get(k, ""))) for k in ("from_code", "to_code")]
        links = entry.get("links")
        if None in codes or not isinstance(links, list):
            continue
        found.append(
            Available(
                source=str(codes[0]),
                target=str(codes[1]),
                version=str(entry.get("package_version", "")),
                links=tuple(str(link) for link in links),
            )
        )
    return found


def _save(path: Path, data: bytes) -> None:
    """Replace the saved index atomically; a failure to save is not worth an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".index-", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(name, path)
    except OSError:
        Path(name).unlink(missing_ok=True)

"""What `toolkit serve` was told: address, glossaries, workers and limits."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5000
DEFAULT_BODY_LIMIT = 5 * 1024 * 1024  # bytes: a press release is some kB; a 10 MB body is refused
DEFAULT_TIMEOUT = 120.0  # seconds a request may take, queue included
DEFAULT_QUEUE = 64  # requests waiting for a worker beyond those being worked on
NO_LIMIT = -1  # LibreTranslate's spelling of "no limit" (charLimit in /frontend/settings)


def default_workers() -> int:
    """One worker per core: Apertium's programs and CTranslate2 keep a core busy each."""
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, kw_only=True)
class ServeSettings:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    glossaries: tuple[str, ...] = ()  # files on top of the default glossary, later files win
    use_glossary: bool = True
    engine: str = "auto"
    workers: int = 1
    api_keys: frozenset[str] | None = None  # None: no key asked for
    req_limit: int = NO_LIMIT  # requests per client per minute
    char_limit: int = NO_LIMIT  # characters per text to translate
    body_limit: int = DEFAULT_BODY_LIMIT  # bytes per request body
    timeout: float = DEFAULT_TIMEOUT
    read_timeout: float = 30.0  # seconds for a request's body to arrive (408 past it)
    queue: int = DEFAULT_QUEUE
    source: str = "fr"  # the page's and /frontend/settings' default source
    target: str = "es"  # and target
    warm: tuple[str, ...] = ()  # targets each worker translates into once before serving
    # The targets to warm were not asked for (the config's, or es): those the server does not
    # offer are left out rather than refused.
    warm_by_default: bool = False

    @property
    def keys_required(self) -> bool:
        return self.api_keys is not None


def read_api_keys(text: str) -> frozenset[str]:
    """The keys of an API key file: one per line; blank lines and lines starting with # skipped."""
    keys = (line.strip() for line in text.splitlines())
    return frozenset(key for key in keys if key and not key.startswith("#"))

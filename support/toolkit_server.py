"""`toolkit serve` in a process of its own on 127.0.0.1, in the settings of
support/libretranslate_api.py: open, or with API keys required and a character limit."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from support.libretranslate_api import CHAR_LIMIT, KEY, LIMITED
from support.server_process import Server, free_port, serving

ROOT = Path(__file__).resolve().parents[2]


def serve_command(port: int, setting: str, keys: Path) -> list[str]:
    options = ["--host", "127.0.0.1", "--port", str(port)]
    if setting == LIMITED:
        options += ["--api-keys", str(keys), "--char-limit", str(CHAR_LIMIT)]
    return [sys.executable, "-m", "toolkit", "serve", *options]


@contextmanager
def toolkit_serve(env: dict[str, str], setting: str) -> Iterator[Server]:
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="toolkit-serve-") as folder:
        keys = Path(folder) / "keys.txt"
        keys.write_text(KEY + "\n", encoding="utf-8")
        with serving(serve_command(port, setting, keys), port, env=env, cwd=ROOT) as server:
            yield server

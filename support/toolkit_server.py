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

ROOT = Path(__file__).resolve().parent.parent


def serve_command(port: int, setting: str, keys: Path, options: tuple[str, ...] = ()) -> list[str]:
    chosen = ["--host", "127.0.0.1", "--port", str(port), *options]
    if setting == LIMITED:
        chosen += ["--api-keys", str(keys), "--char-limit", str(CHAR_LIMIT)]
    return [sys.executable, "-m", "toolkit", "serve", *chosen]


@contextmanager
def toolkit_serve(env: dict[str, str], setting: str, *options: str) -> Iterator[Server]:
    """`toolkit serve` in `setting`, with `options` of its own on top, until the block ends."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="toolkit-serve-") as folder:
        keys = Path(folder) / "keys.txt"
        keys.write_text(KEY + "\n", encoding="utf-8")
        command = serve_command(port, setting, keys, options)
        with serving(command, port, env=env, cwd=ROOT) as server:
            yield server

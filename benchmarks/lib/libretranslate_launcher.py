"""Start LibreTranslate with the project's sentence splitter in place of MiniSBD's.

Run by the Python of LibreTranslate's own virtual environment (build/libretranslate), never by
toolkit's: `build/libretranslate/bin/python benchmarks/lib/libretranslate_launcher.py [--api-key
KEY --api-keys-db-path DB] LIBRETRANSLATE-OPTIONS...`.

Offline, LibreTranslate's first translation fails with a 500: argostranslate's default splitter,
MiniSBD, downloads its sentence model (an .onnx) at that moment. Here MiniSBD's split_sentences
is replaced by the project's own splitter (toolkit.text.document on sentencex, which the set-up
installs into LibreTranslate's environment: the same sentences toolkit sends to its engine), so
that both servers translate the same sentences; nothing else of LibreTranslate is changed (its
CTranslate2 threads are set through argostranslate's own variables, by
benchmarks/lib/libretranslate_setup.py). `--api-key KEY` first stores KEY in LibreTranslate's key database, as its `ltmanage
keys add` does.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def project_splitter(self: Any, text: str) -> list[str]:
    from toolkit.text.document import split_sentences

    return [span.text for span in split_sentences(text, self.pkg.from_code)]


def take_option(argv: list[str], name: str) -> str | None:
    """Remove `name VALUE` from argv and return VALUE (None when absent)."""
    if name not in argv:
        return None
    at = argv.index(name)
    value = argv[at + 1]
    del argv[at : at + 2]
    return value


def main() -> None:
    sys.path.insert(0, str(ROOT))  # toolkit.text.document needs only sentencex, installed beside
    from argostranslate import sbd

    sbd.MiniSBDSentencizer.split_sentences = project_splitter

    argv = sys.argv[1:]
    key = take_option(argv, "--api-key")
    if key is not None:
        from libretranslate.api_keys import Database  # type: ignore[import-not-found]

        Database(argv[argv.index("--api-keys-db-path") + 1]).add(1000, key)
    sys.argv = ["libretranslate", *argv]
    from libretranslate.main import main as libretranslate_main  # type: ignore[import-not-found]

    libretranslate_main()


if __name__ == "__main__":
    main()

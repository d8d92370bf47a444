"""OrangeSum articles with their authors' abstracts, as the summary-quality benchmark reads them.

The data lives beside the repository (../shared/data/orangesum/valid-500.jsonl, described by the
README.md next to it): 500 validation articles of French news, one JSON object a line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PATH = (
    Path(__file__).resolve().parents[3] / "shared" / "data" / "orangesum" / "valid-500.jsonl"
)


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    article: str
    summary: str


def load(path: Path = DEFAULT_PATH) -> list[Article]:
    """Every article of a JSON-lines file; a missing file or a malformed line raises SystemExit
    with one line saying which."""
    if not path.is_file():
        raise SystemExit(f"error: no OrangeSum file at {path} (give --data)")
    articles = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                articles.append(
                    Article(str(row["id"]), row["title"], row["article"], row["summary"])
                )
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise SystemExit(
                    f"error: {path}:{number}: not an OrangeSum article ({error})"
                ) from None
    if not articles:
        raise SystemExit(f"error: {path} holds no article")
    return articles

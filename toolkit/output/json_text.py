"""Results as JSON for programs: every format table's json entry writes this."""

from __future__ import annotations

from typing import Any


def to_json(data: Any) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

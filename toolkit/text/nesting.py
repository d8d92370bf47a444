"""Where a file of the user's nests too deeply for its parser (TOML, JSON): Python's parsers
recurse once per level of arrays or tables and give up with a RecursionError, which names no line.

The line is found by counting brackets, strings aside as well as a quick scan can: it is only
for the message, the parser has already refused the file.
"""

from __future__ import annotations

import re

# Deeper than any glossary, config or corpus line needs; far below the parsers' own limits.
DEPTH = 100
_BRACKETS = re.compile(r"[\[{]|[\]}]|\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'")


def deepest_line(text: str, depth: int = DEPTH) -> int:
    """The line (from 1) where brackets `[ {` first nest `depth` deep, else the deepest one's."""
    level, deepest, deepest_at = 0, 0, 0
    for match in _BRACKETS.finditer(text):
        token = match.group()
        if token in "[{":
            level += 1
            if level > deepest:
                deepest, deepest_at = level, match.start()
                if level >= depth:
                    break
        elif token in "]}":
            level = max(0, level - 1)
    return text.count("\n", 0, deepest_at) + 1


def message(what: str, containers: str = "arrays or tables") -> str:
    return f"{what} nested too deeply ({containers} inside one another, hundreds of levels deep)"

"""Rich's console markup, written and read without importing rich.

Messages on stderr are rich markup (`[bold]fr→es[/] via ...`), names from the input escaped. On a
terminal a rich Console styles them; in a pipe or a log they are read here as the plain text that
rich would print, without rich's import (a tenth of translating a release, start-up included).
The grammar is rich's own (`rich.markup`): a tag is `[` then a letter, `#`, `/` or `@`, up to the
next `]`; backslashes before a tag escape it, and `\\[` outside a tag is a `[`.
"""

from __future__ import annotations

import re

# A tag, and the backslashes before it (rich.markup.RE_TAGS).
_TAG = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")
# Backslashes before a `[` that opens no tag: rich reads `\[` there as `[`.
_BEFORE_BRACKET = re.compile(r"(\\+)(?=\[(?![a-z#/@][^[]*?]))")


def escape(text: str) -> str:
    """The text as markup that prints as the text itself, in rich and in plain(), wherever it is
    put in a message."""
    text = _BEFORE_BRACKET.sub(lambda match: match.group(1) + "\\", text)
    text = _TAG.sub(lambda match: match.group(1) * 2 + "\\" + match.group(2), text)
    trailing = len(text) - len(text.rstrip("\\"))
    if not trailing:
        return text
    # k backslashes before a tag print k // 2 and escape the tag when k is odd, and print as they
    # are before text: doubled, and closed by an empty tag, they print as written either way.
    # (rich's escape doubles a single one, so that two or more lose one before a tag.)
    return text + "\\" * trailing + "[b][/b]"


def plain(markup: str) -> str:
    """The text that rich prints for the markup, without its styles (emoji codes left as they
    are: the stderr console does not replace them)."""
    if "[" not in markup:
        return markup
    pieces = []
    position = 0
    for match in _TAG.finditer(markup):
        pieces.append(markup[position : match.start()].replace("\\[", "["))
        backslashes, escaped = divmod(len(match.group(1)), 2)
        pieces.append("\\" * backslashes)
        if escaped:
            pieces.append(match.group(2))
        position = match.end()
    pieces.append(markup[position:].replace("\\[", "["))
    return "".join(pieces)

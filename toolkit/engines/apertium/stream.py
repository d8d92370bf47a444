"""Apertium's stream format: text in, text out, no character lost.

Apertium's own text deformatter leaves some reserved characters unescaped and drops others (a
`~`, say). Here every character outside letters, digits, spaces and ordinary punctuation travels in a
superblank, which every Apertium stage passes through verbatim; line ends are superblanks too, and
paragraphs are closed with `.[]` + a superblank holding two line ends, as apertium-destxt does, so
that no transfer rule reorders words across them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from toolkit.engines.apertium import letters
from toolkit.errors import ToolkitError

# Characters Apertium reads as stream syntax, or mangles when escaped.
_RESERVED = r"\[\]^$@/<>{}*#~\\|+"
# Line ends, and as apertium-destxt makes them any other blank than one space (two spaces, a tab),
# so that a pivot's second hop reads the first hop's output as a pipe of `apertium` commands would.
_TO_SUPERBLANK = re.compile(rf"[{_RESERVED}]+|[^\S\n]*\n\s*|[ \t\r]{{2,}}|[\t\r]")
_SUPERBLANK_ESCAPE = re.compile(rf"([{_RESERVED}])")
PARAGRAPH_END = ".[][\n\n]"
# Output tokens: a leaked tag, an escaped character, a superblank, a mark and the word it marks,
# plain text. Every < of the input travels in a superblank, so an escaped tag outside one is
# Apertium's own: a word its generator had no form for, written as its tags (fr-es gives `\<prn\>`
# for a lone "y"). It is dropped, as the word is when the generator writes nothing.
_TOKEN = re.compile(
    r"((?:\\<[\w-]+\\>)+)|\\(.)|\[((?:\\.|[^\]\\])*)\]|([*#@])([\w'’-]*)|([^\\\[*#@]+)|.",
    re.DOTALL,
)
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
# A word of plain output text: a run of letters or digits. A marked word counts as one word, so
# that the words marked unknown are never more than the words (Apertium marks a run such as
# "x2y" or "a_b" in parts).
_WORD = re.compile(r"[^\W_]+")
# Apertium stops reading at these, in a superblank or not, and drops the rest of its input.
_LETTERS = re.compile(r"[^\W\d_]+")
_UNREADABLE = re.compile("[\x00\uffff]")


def encode(paragraphs: list[str]) -> str:
    """The paragraphs as one Apertium stream, ready for `apertium -f none`.

    A character Apertium cannot read is refused: toolkit.translation.protection keeps such
    characters out of the engine's way.
    """
    stream = "".join(_encode_paragraph(p) + PARAGRAPH_END for p in paragraphs)
    if _UNREADABLE.search(stream):
        for number, paragraph in enumerate(paragraphs, 1):
            found = _UNREADABLE.search(paragraph)
            if found:
                raise ToolkitError(
                    f"Apertium cannot read U+{ord(found.group()):04X} (paragraph {number}, "
                    f"offset {found.start()})"
                )
    return stream


def _encode_paragraph(text: str, source: bool = True) -> str:
    """A paragraph of the `source` text, its letters standing for themselves in superblanks;
    a later hop's text is encoded as it is (those letters come marked by the hop before)."""
    if not source:
        return _encode_text(text)
    pieces, position = [], 0
    for start, end in letters.standing_alone(text):
        pieces += [_encode_text(text[position:start]), f"[{text[start:end]}]"]
        position = end
    return "".join([*pieces, _encode_text(text[position:])])


def _encode_text(text: str) -> str:
    return _TO_SUPERBLANK.sub(
        lambda m: "[" + _SUPERBLANK_ESCAPE.sub(r"\\\1", m.group()) + "]", text
    )


def decode(stream: str) -> tuple[list[str], Counter[str]]:
    """Paragraphs from an Apertium output stream, and the words it marked as unknown."""
    decoded = decode_paragraphs(stream)
    return decoded.paragraphs, Counter(word for words in decoded.unknown for word in words)


@dataclass
class Decoded:
    """Paragraphs of an Apertium output stream, for each the words it marked as unknown and those
    it dropped, and how many words it holds."""

    paragraphs: list[str] = field(default_factory=list)
    unknown: list[list[str]] = field(default_factory=list)
    words: int = 0
    # Per paragraph, where the words the next hop must pass through are, (start, end) in the
    # paragraph's text: those marked unknown, and letters that went through as themselves.
    unknown_at: list[list[tuple[int, int]]] = field(default_factory=list)
    # Per paragraph, the words the generator wrote as their tags alone, dropped: their tags.
    lost: list[list[str]] = field(default_factory=list)

    def add(self, other: Decoded) -> None:
        self.paragraphs += other.paragraphs
        self.unknown += other.unknown
        self.words += other.words
        self.unknown_at += other.unknown_at
        self.lost += other.lost


def encode_for_next_hop(decoded: Decoded) -> str:
    """A hop's paragraphs as the next hop's input, the words it did not know in superblanks.

    The next hop passes them through untouched: a French word unknown to fr→ca is not read as a
    Catalan word by ca→es (MAI, unknown to fra-cat, is Catalan *mai*, "never").
    """
    from toolkit.glossary.enforce import looks_like_placeholder

    pieces = []
    for paragraph, unknown_at in zip(decoded.paragraphs, decoded.unknown_at, strict=True):
        position = 0
        for start, end in unknown_at:
            # A name's placeholder stays a word: the next hop's rules place it as a noun.
            if looks_like_placeholder(paragraph[start:end]):
                continue
            before = _encode_paragraph(paragraph[position:start], source=False)
            pieces += [before, f"[{paragraph[start:end]}]"]
            position = end
        pieces += [_encode_paragraph(paragraph[position:], source=False), PARAGRAPH_END]
    return "".join(pieces)


def decode_paragraphs(stream: str) -> Decoded:
    """Paragraphs from an Apertium output stream, for each the words it marked as unknown, and
    how many words it holds.

    Marks (`*` unknown, `#` generation error, `@` transfer error) are removed; superblanks are
    unescaped; each paragraph ends at a superblank holding two line ends.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    unknown: list[list[str]] = [[]]
    unknown_at: list[list[tuple[int, int]]] = [[]]
    lost: list[list[str]] = [[]]
    length = 0  # of the current paragraph so far
    words = 0
    for match in _TOKEN.finditer(stream):
        tag, escaped, superblank, mark, marked, text = match.groups()
        if tag is not None:
            lost[-1].append(_UNESCAPE.sub(r"\1", tag))
            continue
        if text is not None:
            current.append(text)
            length += len(text)
            words += len(_WORD.findall(text))
        elif escaped is not None:
            current.append(escaped)
            length += len(escaped)
        elif superblank is not None:
            content = _UNESCAPE.sub(r"\1", superblank)
            if content == "\n\n":
                paragraphs.append(_drop_added_stop("".join(current)))
                current, length = [], 0
                unknown.append([])
                unknown_at.append([])
                lost.append([])
            else:  # a word an earlier hop did not know counts as a word, as it did there
                if _LETTERS.fullmatch(content):  # passed through by this hop: by the next too
                    unknown_at[-1].append((length, length + len(content)))
                current.append(content)
                length += len(content)
                words += len(_WORD.findall(content))
        elif mark is not None:
            if mark == "*" and marked:
                unknown[-1].append(marked)
                unknown_at[-1].append((length, length + len(marked)))
            current.append(marked)
            length += len(marked)
            words += 1
        else:
            current.append(match.group())  # a stray backslash or bracket, kept as text
            length += len(match.group())
    if "".join(current).strip():
        raise ToolkitError(
            "apertium's output stops inside a paragraph, after "
            f"{''.join(current)[-40:]!r}: the rest of its input was lost; please report this input"
        )
    count = len(paragraphs)
    return Decoded(paragraphs, unknown[:count], words, unknown_at[:count], lost[:count])


def complete_paragraphs(stream: str) -> int:
    """Where the last complete paragraph of the start of an output stream ends (0: none yet):
    decoding the stream in pieces cut there gives what decoding it whole gives."""
    if "\n\n]" not in stream:
        return 0
    end = 0
    for match in _TOKEN.finditer(stream):
        superblank = match.group(3)
        if superblank is not None and _UNESCAPE.sub(r"\1", superblank) == "\n\n":
            end = match.end()
    return end


def _drop_added_stop(paragraph: str) -> str:
    """Remove the full stop that encode() put before each paragraph end."""
    end = len(paragraph.rstrip())
    if end and paragraph[end - 1] == ".":
        return paragraph[: end - 1] + paragraph[end:]
    return paragraph

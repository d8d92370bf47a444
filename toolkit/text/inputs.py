"""Reading input text from files or stdin: encodings, BOMs, line ends, binary refusal.

Input is decoded block by block, so that a large file can be processed in pieces: `read_pieces`
yields text that ends on a paragraph break, never inside a paragraph.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

from toolkit.errors import ToolkitError, UsageError

STDIN = "-"
TEXT_NAME = "<text>"  # the name of the text given with --text, in messages and output files
_NOT_FOR_TEXT = ("punycode", "idna", "undefined")
BLOCK_BYTES = 1 << 20
# A piece ends after a paragraph break: a blank line and the whitespace after it.
_PARAGRAPH_BREAK_END = re.compile(r"\n[^\S\n]*\n\s*(?=\S)")
_PARAGRAPH_END = re.compile(r"\n[^\S\n]*\n\s*\Z")


def _choose_encoding(head: bytes, encoding: str | None) -> str:
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding)
        except LookupError:
            raise UsageError(f"unknown encoding {encoding!r}; use a Python codec name") from None
        # rot13, base64, zlib and the like turn bytes into bytes or text into text; punycode and
        # idna are for domain names.
        if not codec._is_text_encoding or codec.name in _NOT_FOR_TEXT:
            raise UsageError(
                f"{encoding!r} is not a character encoding of text files; "
                "use one such as latin-1, cp1252 or utf-16"
            )
        return codec.name
    # UTF-32's little-endian BOM begins with UTF-16's: it is looked for first.
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    return "utf-8"


def decode_blocks(stream: BinaryIO, name: str, encoding: str | None = None) -> Iterator[str]:
    """Decoded text of a byte stream, block by block, line ends normalised to \\n.

    Invalid bytes and NUL bytes (binary data) raise ToolkitError naming the byte offset.
    """
    # A terminal gives what is typed line by line, and one end of input per Ctrl-D: take what is
    # there (read() would wait for a second Ctrl-D).
    read = stream.read1 if stream.isatty() else stream.read  # type: ignore[attr-defined]
    head = read(BLOCK_BYTES)
    codec = _choose_encoding(head, encoding)
    refuse_nul = encoding is None and codec not in ("utf-16", "utf-32")
    decoder = codecs.getincrementaldecoder(codec)()
    consumed = 0  # bytes fed to the decoder before this block
    characters = 0  # characters decoded before this block
    pending_cr = False
    data = head
    while True:
        final = not data
        if refuse_nul and b"\x00" in data:
            offset = consumed + data.index(b"\x00")
            raise ToolkitError(
                f"{name}: binary data (NUL byte at offset {offset}); give a text file"
            )
        try:
            text = decoder.decode(data, final=final)
        except UnicodeDecodeError as err:
            buffered = len(err.object) - len(
                data
            )  # bytes the decoder held back from earlier blocks
            offset = consumed - buffered + err.start
            raise ToolkitError(
                f"{name}: invalid {err.encoding} at byte offset {offset}; "
                "convert the file to UTF-8 or pass --encoding"
            ) from None
        consumed += len(data)
        _refuse_surrogates(text, name, codec, characters)
        characters += len(text)
        if pending_cr:
            text = "\r" + text
        pending_cr = not final and text.endswith("\r")
        if pending_cr:
            text = text[:-1]  # it may be the first half of a CRLF split across blocks
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text:
            yield text
        if final:
            return
        data = read(BLOCK_BYTES)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_surrogates(text: str, name: str, codec: str, before: int) -> None:
    """Codecs such as utf-7 and unicode_escape decode to lone surrogates, which are not text and
    which no engine or file can take: refused, with where."""
    found = _SURROGATE.search(text)
    if found:
        raise ToolkitError(
            f"{name}: unpaired surrogate U+{ord(found.group()):04X} at character offset "
            f"{before + found.start()} (decoded as {codec}); the input is not text in that "
            "encoding"
        )


def split_pieces(
    blocks: Iterator[str], max_chars: int, cut: Callable[[str], int | None] | None = None
) -> Iterator[str]:
    """Regroup text into pieces of about `max_chars`, each ending right after a paragraph break.

    A paragraph longer than `max_chars` stays whole in one piece, unless `cut` says where to cut
    it (a piece that ends inside a paragraph ends with no paragraph break).
    """
    buffer = ""
    for block in blocks:
        buffer += block
        while len(buffer) > max_chars:
            end = _last_break(buffer, max_chars)
            if end is None:  # the first paragraph is longer than max_chars
                first = _first_break(buffer)
                if cut is not None:
                    end = cut(buffer if first is None else buffer[:first])
                end = end or first
            if end is None:
                break  # one paragraph so far: keep reading until it ends
            yield buffer[:end]
            buffer = buffer[end:]
    if buffer:
        yield buffer


def ends_paragraph(piece: str) -> bool:
    """Whether a piece of split_pieces that another follows ends with a paragraph break (and was
    not cut inside a paragraph)."""
    return _PARAGRAPH_END.search(piece) is not None


def _last_break(text: str, limit: int) -> int | None:
    cut = None
    for match in _PARAGRAPH_BREAK_END.finditer(text, 0, len(text)):
        if match.end() > limit:
            break
        cut = match.end()
    return cut


def _first_break(text: str) -> int | None:
    match = _PARAGRAPH_BREAK_END.search(text)
    return match.end() if match else None


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode bytes to text: UTF-8 (BOM optional) or UTF-16 with a BOM, unless `encoding` is given."""
    import io

    return "".join(decode_blocks(io.BytesIO(data), name, encoding))


def _open(path: str, stdin: TextIO | None) -> BinaryIO:
    if path == STDIN:
        if stdin is None:  # started with `<&-`
            raise UsageError("standard input is closed; give files, or the text with --text")
        return stdin.buffer
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory; give text files") from None
    except OSError as err:
        raise UsageError(f"{path}: cannot read ({err.strerror})") from None


def display_name(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def check_readable(path: str, stdin: TextIO | None) -> None:
    """Refuse a missing or unreadable file (or a closed stdin) now, before any work on the inputs
    before it."""
    if path != STDIN:
        _open(path, stdin).close()
    elif stdin is None:
        _open(path, stdin)


@dataclass(frozen=True)
class Input:
    """One input of a command: a file, stdin ('-'), or the text given with --text."""

    path: str
    text: str | None = None
    stdin: TextIO | None = field(default=None, compare=False, repr=False)  # the run's, for '-'

    @property
    def name(self) -> str:
        return TEXT_NAME if self.text is not None else display_name(self.path)

    @property
    def is_stdin(self) -> bool:
        return self.text is None and self.path == STDIN

    def check(self) -> None:
        if self.text is None:
            check_readable(self.path, self.stdin)

    def blocks(self, encoding: str | None) -> Iterator[str]:
        """The text, block by block as decoded (see decode_blocks)."""
        if self.text is None:
            return read_blocks(self.path, encoding, self.stdin)
        return iter([self.text] if self.text else [])


def inputs(files: list[str], text: str | None, stdin: TextIO | None) -> list[Input]:
    """The inputs a command was given: its files (none means `stdin`), or the text of --text."""
    if text is None:
        return [Input(path, stdin=stdin) for path in files or [STDIN]]
    if files:
        raise UsageError("give input files or --text, not both")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # bytes the terminal's encoding could not decode
        raise UsageError(
            "--text holds bytes that are not text in the terminal's encoding; "
            "put the text in a file and give --encoding"
        ) from None
    return [Input(TEXT_NAME, text.replace("\r\n", "\n").replace("\r", "\n"))]


def read_blocks(
    path: str, encoding: str | None = None, stdin: TextIO | None = None
) -> Iterator[str]:
    """The text of one file (or `stdin`), block by block as decoded (see decode_blocks)."""
    stream = _open(path, stdin)
    try:
        yield from decode_blocks(stream, display_name(path), encoding)
    finally:
        if path != STDIN:
            stream.close()

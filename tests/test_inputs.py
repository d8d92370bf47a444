import codecs
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.errors import ToolkitError, UsageError
from toolkit.text import inputs
from toolkit.text.document import segment
from toolkit.text.inputs import decode, read_blocks


def test_utf8_bom_and_line_ends_are_normalised() -> None:
    data = codecs.BOM_UTF8 + b"Un\r\nDeux\rTrois\n"
    assert decode(data, "x") == "Un\nDeux\nTrois\n"


def test_utf16_with_bom() -> None:
    assert decode("L’Artsakh\n".encode("utf-16"), "x") == "L’Artsakh\n"


def test_invalid_utf8_names_the_byte_offset() -> None:
    with pytest.raises(ToolkitError, match=r"f\.txt: invalid utf-8 at byte offset 3"):
        decode(b"abc\xff", "f.txt")


def test_nul_bytes_are_refused() -> None:
    with pytest.raises(ToolkitError, match="binary data"):
        decode(b"ab\x00c", "f.bin")


def test_explicit_encoding() -> None:
    assert decode("é".encode("latin-1"), "x", "latin-1") == "é"
    with pytest.raises(UsageError, match="unknown encoding"):
        decode(b"a", "x", "no-such-codec")


def test_missing_file_is_a_usage_error(tmp_path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        next(read_blocks(str(tmp_path / "absent.txt")))


@settings(max_examples=300)
@given(
    st.text(alphabet=st.sampled_from("ab é\r\n\t’ü"), max_size=200),
    st.integers(min_value=1, max_value=9),
    st.integers(min_value=1, max_value=40),
)
def test_blockwise_decoding_and_pieces_keep_every_character(
    text: str, block: int, max_chars: int
) -> None:
    original = inputs.BLOCK_BYTES
    inputs.BLOCK_BYTES = block
    try:
        decoded = "".join(inputs.decode_blocks(io.BytesIO(text.encode()), "x"))
    finally:
        inputs.BLOCK_BYTES = original
    assert decoded == text.replace("\r\n", "\n").replace("\r", "\n")
    pieces = list(inputs.split_pieces(iter([decoded]), max_chars))
    assert "".join(pieces) == decoded
    # Every piece but the last ends on a paragraph break, so paragraphs never straddle pieces.
    for piece in pieces[:-1]:
        assert segment(piece).separators[-1].count("\n") >= 2


def test_invalid_byte_offset_across_blocks() -> None:
    original = inputs.BLOCK_BYTES
    inputs.BLOCK_BYTES = 4
    try:
        with pytest.raises(ToolkitError, match="byte offset 9"):
            list(inputs.decode_blocks(io.BytesIO(b"abcdefg\xc3\xa9\xff"), "x"))
    finally:
        inputs.BLOCK_BYTES = original

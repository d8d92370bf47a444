import codecs

import pytest

from toolkit.errors import ToolkitError, UsageError
from toolkit.inputs import decode, read_source


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
        read_source(str(tmp_path / "absent.txt"))

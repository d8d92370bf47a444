"""The main commands' output, byte for byte as recorded in tests/golden/ (see tests/golden.py)."""

from __future__ import annotations

import pytest

from tests import golden


@pytest.mark.parametrize("case", golden.CASES, ids=lambda case: case.name)
def test_output_is_as_recorded(case: golden.Case, tmp_path) -> None:
    for name in ("data", "config", "cache"):
        (tmp_path / name).mkdir()
    stdout, stderr = golden.serialized(golden.run(case, tmp_path, in_process=True))
    out_path, err_path = golden.paths(case)
    expected = out_path.read_bytes().decode(), err_path.read_bytes().decode()
    recorded = golden.VERSIONS.read_text("utf-8")
    hint = ""
    # The Debian packages (17 dpkg-query) are read only to explain a difference.
    if (stdout, stderr) != expected and recorded != golden.package_versions():
        hint = " (Debian packages differ from versions.txt)"
    assert stdout == expected[0], f"stdout of {case.name} changed{hint}"
    assert stderr == expected[1], f"stderr of {case.name} changed{hint}"


def test_every_case_is_recorded() -> None:
    recorded = {path.name for path in golden.FOLDER.glob("*.std*")}
    expected = {path.name for case in golden.CASES for path in golden.paths(case)}
    assert recorded == expected

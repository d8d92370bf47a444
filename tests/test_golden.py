"""The main commands' output, byte for byte as recorded in tests/golden/ (see tests/golden.py)."""

from __future__ import annotations

import pytest

from tests import golden


@pytest.mark.parametrize("case", golden.CASES, ids=lambda case: case.name)
def test_output_is_as_recorded(case: golden.Case, tmp_path) -> None:
    for name in ("data", "config", "cache"):
        (tmp_path / name).mkdir()
    stdout, stderr = golden.serialized(golden.run(case, tmp_path))
    out_path, err_path = golden.paths(case)
    versions = golden.VERSIONS.read_text(encoding="utf-8")
    hint = (
        ""
        if versions == golden.package_versions()
        else " (Debian packages differ from versions.txt)"
    )
    assert stdout == out_path.read_bytes().decode(), f"stdout of {case.name} changed{hint}"
    assert stderr == err_path.read_bytes().decode(), f"stderr of {case.name} changed{hint}"


def test_every_case_is_recorded() -> None:
    recorded = {path.name for path in golden.FOLDER.glob("*.std*")}
    expected = {path.name for case in golden.CASES for path in golden.paths(case)}
    assert recorded == expected

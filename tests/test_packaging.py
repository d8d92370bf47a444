"""pyproject.toml lists the packages by hand (the glossary lives at the top): none may be missing."""

import tomllib

from setuptools import find_packages

from tests.conftest import ROOT


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    listed = set(config["packages"])
    found = set(find_packages(str(ROOT), include=["toolkit", "toolkit.*"]))
    assert found <= listed, f"add {sorted(found - listed)} to [tool.setuptools] packages"
    assert config["package-dir"]["toolkit.glossaries"] == "glossaries"
    assert (ROOT / "glossaries" / "default.toml").is_file()

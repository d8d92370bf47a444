"""Apertium's exact translations per route, as pinned in tests/data/apertium_pinned.json."""

from __future__ import annotations

import json

import pytest

from tests.pinned_apertium import PINNED, ROUTES, SENTENCES, route, versions
from toolkit.engines.apertium.engine import ApertiumEngine

DATA = json.loads(PINNED.read_text(encoding="utf-8"))


def test_the_pins_cover_every_route_and_sentence() -> None:
    assert DATA["sentences"] == list(SENTENCES)
    assert set(DATA["routes"]) == set(ROUTES)


def test_the_installed_packages_are_the_pinned_versions() -> None:
    # When this fails, Debian updated a pair: re-record (python -m tests.pinned_apertium).
    assert versions() == DATA["versions"]


@pytest.mark.parametrize("name", list(ROUTES))
def test_route_translates_exactly_as_pinned(name: str) -> None:
    output = ApertiumEngine().translate(list(SENTENCES), route(name))
    assert output.paragraphs == DATA["routes"][name]

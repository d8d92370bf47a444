"""The press-desk hazards of tests/data/press_hazards/, as exact checks: each case's translation
into each target holds what a desk expects, none of what it must not, and the findings asked for."""

from __future__ import annotations

import pytest

from benchmarks.lib.press_hazards import TARGETS, Outcome, load, run
from tests.conftest import run_toolkit

CASES = load()


def _in_process(args: list[str], text: str) -> tuple[int, str, str]:
    done = run_toolkit(*args, input=text)
    return done.returncode, done.stdout, done.stderr


@pytest.fixture(scope="module")
def outcomes() -> dict[tuple[str, str, str], Outcome]:
    return {(o.case.hazard, o.case.id, o.target): o for o in run(CASES, _in_process)}


@pytest.mark.parametrize(
    ("hazard", "case_id", "target"),
    [(c.hazard, c.id, t) for c in CASES for t in TARGETS if t in c.targets()],
)
def test_the_translation_is_as_a_desk_expects(outcomes, hazard, case_id, target) -> None:
    outcome = outcomes[hazard, case_id, target]
    assert outcome.passed, f"{'; '.join(outcome.failures)}: {outcome.text}"


def test_there_are_cases_for_every_target() -> None:
    assert {t for case in CASES for t in case.targets()} == set(TARGETS)

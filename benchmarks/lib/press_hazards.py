"""Press-desk hazards: French press sentences written for this project (not the example release),
each with what a desk expects of its translation into each target, checked exactly.

A hazard file (tests/data/press_hazards/<class>.toml) holds cases:

    [[case]]
    id = "dateline-may"
    source = "PARIS, 25 MAI 2023 (AFP) – Le ministre a parlé."
    expect.es = ["PARÍS, 25 DE MAYO DE 2023 (AFP) –"]   # each must appear in the translation
    forbid.es = ["NUNCA"]                                # none may appear
    finding.en = ["désarmement"]                         # each must be in a --check finding

Every case of every file goes through `toolkit translate --check --format json` once per target,
each case a paragraph of one text, so that a whole target costs one command.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[2] / "tests" / "data" / "press_hazards"
TARGETS = ("es", "ca", "en", "it", "pt")

# Runs a toolkit command line on the given stdin: (exit status, stdout, stderr).
Runner = Callable[[list[str], str], tuple[int, str, str]]


@dataclass(frozen=True)
class Case:
    hazard: str  # the file's name: capitals, quotes, ...
    id: str
    source: str
    expect: dict[str, list[str]] = field(default_factory=dict)
    forbid: dict[str, list[str]] = field(default_factory=dict)
    finding: dict[str, list[str]] = field(default_factory=dict)

    def targets(self) -> set[str]:
        return set(self.expect) | set(self.forbid) | set(self.finding)


@dataclass(frozen=True)
class Outcome:
    case: Case
    target: str
    text: str  # the case's paragraph, translated
    findings: str  # the --check findings of that paragraph, one per line
    failures: list[str]

    @property
    def passed(self) -> bool:
        return not self.failures


def load(folder: Path = FOLDER) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entry in data.get("case", []):
            case = Case(
                path.stem,
                entry["id"],
                entry["source"],
                entry.get("expect", {}),
                entry.get("forbid", {}),
                entry.get("finding", {}),
            )
            if "\n\n" in case.source or not case.source.strip():
                raise ValueError(f"{path.name}: {case.id}: a case is one non-empty paragraph")
            cases.append(case)
    ids = [(c.hazard, c.id) for c in cases]
    if len(ids) != len(set(ids)):
        raise ValueError("two cases share an id")
    return cases


def run(cases: list[Case], runner: Runner, targets: Iterable[str] = TARGETS) -> list[Outcome]:
    """Every case that names a target, translated into it: one command per target."""
    outcomes = []
    for target in targets:
        chosen = [c for c in cases if target in c.targets()]
        if not chosen:
            continue
        text = "\n\n".join(c.source for c in chosen) + "\n"
        args = ["translate", "-", "--from", "fr", "--to", target, "--check", "--format", "json"]
        status, stdout, stderr = runner(args, text)
        if status != 0:
            raise RuntimeError(f"toolkit translate --to {target} failed: {stderr.strip()}")
        data = json.loads(stdout)
        [translation] = data["translations"]
        paragraphs = translation["documents"][0]["text"].strip("\n").split("\n\n")
        if len(paragraphs) != len(chosen):
            raise RuntimeError(f"--to {target}: {len(paragraphs)} paragraphs for {len(chosen)}")
        findings = _findings_by_paragraph(translation.get("qa", {}))
        for number, (case, paragraph) in enumerate(zip(chosen, paragraphs, strict=True), 1):
            found = "\n".join(findings.get(number, []))
            outcomes.append(
                Outcome(case, target, paragraph, found, _failures(case, target, paragraph, found))
            )
    return outcomes


def _failures(case: Case, target: str, text: str, findings: str) -> list[str]:
    failures = [f"missing {w!r}" for w in case.expect.get(target, []) if w not in text]
    failures += [f"holds {w!r}" for w in case.forbid.get(target, []) if w in text]
    failures += [f"no finding {w!r}" for w in case.finding.get(target, []) if w not in findings]
    return failures


def _findings_by_paragraph(report: dict[str, object]) -> dict[int, list[str]]:
    """Each finding of the QA report that names a paragraph, as JSON text, by that paragraph."""
    found: dict[int, list[str]] = {}

    def visit(item: object) -> None:
        if isinstance(item, dict):
            paragraph = item.get("paragraph")
            if isinstance(paragraph, int):
                found.setdefault(paragraph, []).append(json.dumps(item, ensure_ascii=False))
                return
            for value in item.values():
                visit(value)
        elif isinstance(item, list):
            for value in item:
                visit(value)

    visit(report)
    return found

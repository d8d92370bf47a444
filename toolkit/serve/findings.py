"""The --check findings of one translation as the server gives them: a kind, a message and the
paragraph it applies to (1-based; None for the whole text)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from toolkit.translation.qa import QaReport

# (kind, message) of one item of a report's list; a kind of None takes the item's own.
Describe = Callable[[Any, QaReport], tuple[str, str]]


def _missing_term(item: Any, report: QaReport) -> tuple[str, str]:
    return (
        "term_missing",
        f"{item.term} missing ({item.source} in the source, {item.target} in the translation)",
    )


def _missing_number(lost: Any, report: QaReport) -> tuple[str, str]:
    context = f" (in {lost.context!r})" if lost.context != lost.number else ""
    return "number_missing", f"number {lost.number}{context} missing"


def _span_problem(span: Any, report: QaReport) -> tuple[str, str]:
    kind = span.kind or "span"
    return f"span_{kind}", f"{kind} {span.text!r} {span.what}"


# Each list of a QaReport with how its items read, in the order the plain --check report lists them.
_LISTS: tuple[tuple[str, Describe], ...] = (
    ("missing_terms", _missing_term),
    ("problems", lambda note, _: (note.kind, f"{note.term} {note.detail}".strip())),
    ("repairs", lambda note, _: (f"repaired_{note.kind}", f"repaired: {note.detail}")),
    ("missing_numbers", _missing_number),
    (
        "unknown",
        lambda found, _: ("unknown_words", f"unknown to the engine: {', '.join(found.words)}"),
    ),
    ("lost", lambda gone, _: ("lost_words", f"lost without a trace: {', '.join(gone.words)}")),
    ("span_problems", _span_problem),
    (
        "span_repairs",
        lambda span, _: ("repaired_span", f"repaired: {span.kind} {span.text!r}: {span.what}"),
    ),
    (
        "foreign",
        lambda passage, report: (
            "foreign",
            f"{passage.looks_like}, translated as {report.source}",
        ),
    ),
)


def findings(report: QaReport) -> list[dict[str, Any]]:
    """Every finding of `report`, in the order the plain --check report lists them."""
    found = []
    for name, describe in _LISTS:
        items: Iterable[Any] = getattr(report, name)
        for item in items:
            kind, message = describe(item, report)
            found.append({"kind": kind, "message": message, "paragraph": item.place.paragraph})
    return found

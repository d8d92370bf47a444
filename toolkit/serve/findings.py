"""The --check findings of one translation as the server gives them: a kind, a message and the
paragraph it applies to (1-based; None for the whole text)."""

from __future__ import annotations

from typing import Any

from toolkit.translation.qa import QaReport


def findings(report: QaReport) -> list[dict[str, Any]]:
    """Every finding of `report`, in the order the plain --check report lists them."""
    found: list[tuple[str, int | None, str]] = []
    for item in report.missing_terms:
        found.append(
            (
                "term_missing",
                item.place.paragraph,
                f"{item.term} missing ({item.source} in the source, {item.target} in the translation)",
            )
        )
    for note in report.problems:
        found.append((note.kind, note.place.paragraph, f"{note.term} {note.detail}".strip()))
    for note in report.repairs:
        found.append((f"repaired_{note.kind}", note.place.paragraph, f"repaired: {note.detail}"))
    for lost in report.missing_numbers:
        context = f" (in {lost.context!r})" if lost.context != lost.number else ""
        found.append(
            ("number_missing", lost.place.paragraph, f"number {lost.number}{context} missing")
        )
    for unknown in report.unknown:
        found.append(
            (
                "unknown_words",
                unknown.place.paragraph,
                f"unknown to the engine: {', '.join(unknown.words)}",
            )
        )
    for gone in report.lost:
        found.append(
            ("lost_words", gone.place.paragraph, f"lost without a trace: {', '.join(gone.words)}")
        )
    for span in report.span_problems:
        found.append(
            (
                "span_" + (span.kind or "span"),
                span.place.paragraph,
                f"{span.kind or 'span'} {span.text!r} {span.what}",
            )
        )
    for span in report.span_repairs:
        found.append(
            (
                "repaired_span",
                span.place.paragraph,
                f"repaired: {span.kind} {span.text!r}: {span.what}",
            )
        )
    for passage in report.foreign:
        found.append(
            (
                "foreign",
                passage.place.paragraph,
                f"{passage.looks_like}, translated as {report.source}",
            )
        )
    return [
        {"kind": kind, "message": message, "paragraph": paragraph}
        for kind, paragraph, message in found
    ]

"""The QA report shown on stderr: rich tables on a terminal, plain lines otherwise."""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.output import words
from toolkit.output.stderr import write_diagnostic
from toolkit.output.terminal import shown
from toolkit.translation.qa import findings

if TYPE_CHECKING:
    from toolkit.output.stderr import Stderr
    from toolkit.translation.qa import QaReport


def plain(qa: QaReport) -> str:
    """The QA report as plain lines, for pipes and logs."""
    head = f"QA {qa.source}→{qa.target}"
    lines = []
    for term in qa.terms:
        status = "ok" if not term.missing else f"MISSING {term.missing}"
        lines.append(
            f"{head}: term {term.term} ({term.form}): source {term.source}, target {term.target}, {status}"
        )
    if not qa.terms:
        lines.append(f"{head}: no glossary term in the source")
    for item in qa.missing_terms:
        lines.append(
            f"{head}: {item.place}: {item.term} missing ({item.source} in the source, {item.target} in the translation)"
        )
    for note in qa.problems:
        lines.append(
            f"{head}: {note.place}: {note.kind}: {note.term} {note.detail}".replace("  ", " ")
        )
    for note in qa.repairs:
        lines.append(f"{head}: {note.place}: repaired ({note.kind}): {note.detail}")
    for lost in qa.missing_numbers:
        context = f" (in {lost.context!r})" if lost.context != lost.number else ""
        lines.append(f"{head}: {lost.place}: number {lost.number}{context} missing")
    for unknown in qa.unknown:
        lines.append(f"{head}: {unknown.place}: unknown to the engine: {', '.join(unknown.words)}")
    for kept in qa.kept:
        lines.append(
            f"{head}: {kept.place}: names and acronyms no route knows, kept as written: "
            f"{', '.join(kept.words)}"
        )
    for gone in qa.lost:
        lines.append(f"{head}: {gone.place}: lost without a trace: {', '.join(gone.words)}")
    for total in qa.spans:
        status = "ok" if total.source == total.target else "CHANGED"
        lines.append(
            f"{head}: protected {total.kind}: source {total.source}, target {total.target}, {status}"
        )
    for span in qa.span_problems:
        lines.append(f"{head}: {span.place}: {span.kind or 'span'} {span.text!r} {span.what}")
    for span in qa.span_repairs:
        lines.append(f"{head}: {span.place}: repaired: {span.kind} {span.text!r}: {span.what}")
    for passage in qa.foreign:
        lines.append(f"{head}: {passage.where}: {passage.looks_like}, translated as {qa.source}")
    lines.append(f"{head}: {unknown_line(qa)}")
    return "\n".join(lines) + "\n"


def print_rich(console: Stderr, qa: QaReport) -> None:
    """The QA report as rich tables, for a terminal."""
    from rich.table import Table

    table = Table(title=f"QA {qa.source}→{qa.target}: glossary terms")
    for column in ("term", "form", "source", "target", "status"):
        table.add_column(column, justify="right" if column in ("source", "target") else "left")
    for term in qa.terms:
        status = "[green]ok[/]" if not term.missing else f"[red]{term.missing} missing[/]"
        table.add_row(
            shown(term.term), shown(term.form), str(term.source), str(term.target), status
        )
    console.print(table)
    if qa.spans:
        spans = Table(title=f"QA {qa.source}→{qa.target}: protected spans")
        for column in ("kind", "source", "target"):
            spans.add_column(column, justify="left" if column == "kind" else "right")
        for total in qa.spans:
            spans.add_row(total.kind, str(total.source), str(total.target))
        console.print(spans)
    notes = Table(show_header=True, box=None)
    for column in ("where", "what", "detail"):
        notes.add_column(column)
    for item in qa.missing_terms:
        notes.add_row(
            shown(str(item.place)),
            "[red]term missing[/]",
            shown(f"{item.term}: {item.source} → {item.target}"),
        )
    for note in qa.problems:
        notes.add_row(
            shown(str(note.place)),
            f"[red]{note.kind}[/]",
            shown(f"{note.term} {note.detail}".strip()),
        )
    for note in qa.repairs:
        notes.add_row(
            shown(str(note.place)), f"[yellow]repaired ({note.kind})[/]", shown(note.detail)
        )
    for lost in qa.missing_numbers:
        notes.add_row(
            shown(str(lost.place)),
            "[red]number missing[/]",
            shown(f"{lost.number} in {lost.context!r}"),
        )
    for unknown in qa.unknown:
        notes.add_row(
            shown(str(unknown.place)), "[yellow]unknown words[/]", shown(", ".join(unknown.words))
        )
    for kept in qa.kept:
        notes.add_row(
            shown(str(kept.place)), "[yellow]names kept as written[/]", shown(", ".join(kept.words))
        )
    for gone in qa.lost:
        notes.add_row(shown(str(gone.place)), "[red]words lost[/]", shown(", ".join(gone.words)))
    for span in qa.span_problems:
        notes.add_row(
            shown(str(span.place)),
            f"[red]{span.kind or 'span'} {span.what}[/]",
            shown(repr(span.text)),
        )
    for span in qa.span_repairs:
        notes.add_row(
            shown(str(span.place)), "[yellow]repaired span[/]", shown(f"{span.text!r}: {span.what}")
        )
    for passage in qa.foreign:
        notes.add_row(shown(passage.where), "[yellow]another language[/]", passage.looks_like)
    if notes.row_count:
        console.print(notes)
    console.print(unknown_line(qa), highlight=False)


def print_findings(console: Stderr, qa: QaReport) -> None:
    """One line on stderr when the QA found something, for runs without --check."""
    found = findings(qa)
    if found:
        console.print(
            f"QA {qa.source}→{qa.target}: {found} (--check lists them)",
            highlight=False,
        )


def print_report(console: Stderr, qa: QaReport) -> None:
    """The QA report on stderr: rich tables on a terminal, plain lines otherwise."""
    if console.is_terminal:
        print_rich(console, qa)
    else:
        write_diagnostic(console.file, plain(qa))  # under -q too: --check asked for it


def unknown_line(qa: QaReport) -> str:
    return (
        f"{words.number(qa.unknown_words)} of {words.count(qa.words, 'word')} "
        f"unknown to the engine ({words.percent(qa.unknown_share)})"
    )

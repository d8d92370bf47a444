"""The QA report shown on stderr: rich tables on a terminal, plain lines otherwise."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from toolkit.output import words
from toolkit.output.terminal import shown
from toolkit.translation.qa import findings, report, where

if TYPE_CHECKING:
    from toolkit.output.stderr import Stderr
    from toolkit.translation.translate import Translation


def plain(translation: Translation) -> str:
    """The QA report as plain lines, for pipes and logs."""
    data = report(translation)
    head = f"QA {translation.source}→{translation.target}"
    lines = []
    for term in data["terms"]:
        status = "ok" if not term["missing"] else f"MISSING {term['missing']}"
        lines.append(
            f"{head}: term {term['term']} ({term['form']}): source {term['source']}, target {term['target']}, {status}"
        )
    if not data["terms"]:
        lines.append(f"{head}: no glossary term in the source")
    for item in data["missing_terms"]:
        lines.append(
            f"{head}: {where(item)}: {item['term']} missing ({item['source']} in the source, {item['target']} in the translation)"
        )
    for item in data["problems"]:
        lines.append(
            f"{head}: {where(item)}: {item['kind']}: {item['term']} {item['detail']}".replace(
                "  ", " "
            )
        )
    for item in data["repairs"]:
        lines.append(f"{head}: {where(item)}: repaired ({item['kind']}): {item['detail']}")
    for item in data["missing_numbers"]:
        context = f" (in {item['context']!r})" if item["context"] != item["number"] else ""
        lines.append(f"{head}: {where(item)}: number {item['number']}{context} missing")
    for item in data["unknown"]:
        lines.append(f"{head}: {where(item)}: unknown to the engine: {', '.join(item['words'])}")
    for total in data["spans"]:
        status = "ok" if total["source"] == total["target"] else "CHANGED"
        lines.append(
            f"{head}: protected {total['kind']}: source {total['source']}, target {total['target']}, {status}"
        )
    for item in data["span_problems"]:
        lines.append(
            f"{head}: {where(item)}: {item['kind'] or 'span'} {item['text']!r} {item['problem']}"
        )
    for item in data["span_repairs"]:
        lines.append(
            f"{head}: {where(item)}: repaired: {item['kind']} {item['text']!r}: {item['detail']}"
        )
    lines.append(f"{head}: {unknown_line(data)}")
    return "\n".join(lines) + "\n"


def print_rich(console: Stderr, translation: Translation) -> None:
    """The QA report as rich tables, for a terminal."""
    from rich.table import Table

    data = report(translation)
    table = Table(title=f"QA {translation.source}→{translation.target}: glossary terms")
    for column in ("term", "form", "source", "target", "status"):
        table.add_column(column, justify="right" if column in ("source", "target") else "left")
    for term in data["terms"]:
        status = "[green]ok[/]" if not term["missing"] else f"[red]{term['missing']} missing[/]"
        table.add_row(
            shown(term["term"]),
            shown(term["form"]),
            str(term["source"]),
            str(term["target"]),
            status,
        )
    console.print(table)
    if data["spans"]:
        spans = Table(title=f"QA {translation.source}→{translation.target}: protected spans")
        for column in ("kind", "source", "target"):
            spans.add_column(column, justify="left" if column == "kind" else "right")
        for total in data["spans"]:
            spans.add_row(total["kind"], str(total["source"]), str(total["target"]))
        console.print(spans)
    notes = Table(show_header=True, box=None)
    for column in ("where", "what", "detail"):
        notes.add_column(column)
    for item in data["missing_terms"]:
        notes.add_row(
            shown(where(item)),
            "[red]term missing[/]",
            shown(f"{item['term']}: {item['source']} → {item['target']}"),
        )
    for item in data["problems"]:
        notes.add_row(
            shown(where(item)),
            f"[red]{item['kind']}[/]",
            shown(f"{item['term']} {item['detail']}".strip()),
        )
    for item in data["repairs"]:
        notes.add_row(
            shown(where(item)), f"[yellow]repaired ({item['kind']})[/]", shown(item["detail"])
        )
    for item in data["missing_numbers"]:
        notes.add_row(
            shown(where(item)),
            "[red]number missing[/]",
            shown(f"{item['number']} in {item['context']!r}"),
        )
    for item in data["unknown"]:
        notes.add_row(
            shown(where(item)), "[yellow]unknown words[/]", shown(", ".join(item["words"]))
        )
    for item in data["span_problems"]:
        notes.add_row(
            shown(where(item)),
            f"[red]{item['kind'] or 'span'} {item['problem']}[/]",
            shown(repr(item["text"])),
        )
    for item in data["span_repairs"]:
        notes.add_row(
            shown(where(item)),
            "[yellow]repaired span[/]",
            shown(f"{item['text']!r}: {item['detail']}"),
        )
    if notes.row_count:
        console.print(notes)
    console.print(
        unknown_line(data),
        highlight=False,
    )


def print_findings(console: Stderr, translation: Translation) -> None:
    """One line on stderr when the QA found something, for runs without --check."""
    found = findings(report(translation))
    if found:
        console.print(
            f"QA {translation.source}→{translation.target}: {found} (--check lists them)",
            highlight=False,
        )


def print_report(console: Stderr, translation: Translation) -> None:
    """The QA report on stderr: rich tables on a terminal, plain lines otherwise."""
    if console.is_terminal:
        print_rich(console, translation)
    else:
        console.file.write(plain(translation))
        console.file.flush()


def unknown_line(data: dict[str, Any]) -> str:
    return (
        f"{words.number(data['unknown_words'])} of {words.count(data['words'], 'word')} "
        f"unknown to the engine ({data['unknown_share']:.1%})"
    )

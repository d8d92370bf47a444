"""The QA report of a translation: terms per name, numbers and dates lost, words the engine did not know."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from toolkit.translation.translate import Translation

# A number as written in French or in a translation: 9, 2020, 1 000, 1.000, 1,000, 3,5, 3.5.
# Compared by its digits alone, so that separators changed by the translation do not count.
_NUMBER = re.compile(r"\d+(?:[.,]\d+|[ \u00a0\u202f]\d{3}(?!\d))*")
_MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:er)?\s+)?(?:{_MONTHS})(?:\s+\d{{4}})?\b|\b\d{{4}}-\d{{2}}(?:-\d{{2}})?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MissingNumber:
    """A number of a source paragraph that its translation lacks; `context` is the date it is part of."""

    paragraph: int  # index among all input paragraphs
    number: str
    context: str


def _digits(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return digits.lstrip("0") or "0"


def missing_numbers(sources: list[str], targets: list[str]) -> tuple[MissingNumber, ...]:
    """Each number of a source paragraph that occurs fewer times in its translation (9 novembre 2020 → 9, 2020)."""
    missing = []
    for index, (source, target) in enumerate(zip(sources, targets, strict=True)):
        wanted = Counter(_digits(m.group()) for m in _NUMBER.finditer(source))
        if not wanted:
            continue
        found = Counter(_digits(m.group()) for m in _NUMBER.finditer(target))
        shortfall = wanted - found
        if not shortfall:
            continue
        for match in _NUMBER.finditer(source):
            digits = _digits(match.group())
            if shortfall[digits] > 0:
                shortfall[digits] -= 1
                missing.append(MissingNumber(index, match.group(), _context(source, match)))
    return tuple(missing)


def _context(text: str, number: re.Match[str]) -> str:
    for date in _DATE.finditer(text):
        if date.start() <= number.start() and number.end() <= date.end():
            return date.group()
    return number.group()


def _locate(translation: Translation, index: int) -> tuple[str, int]:
    """The document and 1-based paragraph number of a paragraph index over all documents."""
    for doc in translation.documents:
        if index < doc.paragraphs:
            return doc.name, index + 1
        index -= doc.paragraphs
    return "", index + 1


def report(translation: Translation) -> dict[str, Any]:
    """The QA report as plain data (the JSON of `--check --format json`)."""
    totals: dict[str, dict[str, Any]] = {}
    missing_terms, repairs, problems = [], [], []
    for index, check in enumerate(translation.terms):
        document, paragraph = _locate(translation, index)
        where = {"document": document, "paragraph": paragraph}
        for count in check.counts:
            total = totals.setdefault(
                count.name, {"term": count.name, "form": count.form, "source": 0, "target": 0}
            )
            total["source"] += count.source
            total["target"] += count.target
            if count.missing:
                missing_terms.append(
                    where | {"term": count.name, "source": count.source, "target": count.target}
                )
        repairs += [
            where | {"term": n.term, "kind": n.kind, "detail": n.detail} for n in check.repairs
        ]
        problems += [
            where | {"term": n.term, "kind": n.kind, "detail": n.detail} for n in check.problems
        ]
    for total in totals.values():
        total["missing"] = max(0, total["source"] - total["target"])
    numbers = []
    for item in translation.missing_numbers:
        document, paragraph = _locate(translation, item.paragraph)
        numbers.append(
            {
                "document": document,
                "paragraph": paragraph,
                "number": item.number,
                "context": item.context,
            }
        )
    return {
        "terms": list(totals.values()),
        "missing_terms": missing_terms,
        "repairs": repairs,
        "problems": problems,
        "missing_numbers": numbers,
        "words": translation.words,
        "unknown_words": translation.unknown_words,
        "unknown_share": round(translation.unknown_share, 4),
        "terms_ok": not missing_terms,
    }


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
            f"{head}: {_where(item)}: {item['term']} missing ({item['source']} in the source, {item['target']} in the translation)"
        )
    for item in data["problems"]:
        lines.append(
            f"{head}: {_where(item)}: {item['kind']}: {item['term']} {item['detail']}".replace(
                "  ", " "
            )
        )
    for item in data["repairs"]:
        lines.append(f"{head}: {_where(item)}: repaired ({item['kind']}): {item['detail']}")
    for item in data["missing_numbers"]:
        context = f" (in {item['context']!r})" if item["context"] != item["number"] else ""
        lines.append(f"{head}: {_where(item)}: number {item['number']}{context} missing")
    lines.append(
        f"{head}: {data['unknown_words']} of {data['words']} words unknown to the engine ({data['unknown_share']:.1%})"
    )
    return "\n".join(lines) + "\n"


def _where(item: dict[str, Any]) -> str:
    return f"{item['document']} ¶{item['paragraph']}"


def print_rich(console: Console, translation: Translation) -> None:
    """The QA report as rich tables, for a terminal."""
    from rich.table import Table

    data = report(translation)
    table = Table(title=f"QA {translation.source}→{translation.target}: glossary terms")
    for column in ("term", "form", "source", "target", "status"):
        table.add_column(column, justify="right" if column in ("source", "target") else "left")
    for term in data["terms"]:
        status = "[green]ok[/]" if not term["missing"] else f"[red]{term['missing']} missing[/]"
        table.add_row(term["term"], term["form"], str(term["source"]), str(term["target"]), status)
    console.print(table)
    notes = Table(show_header=True, box=None)
    for column in ("where", "what", "detail"):
        notes.add_column(column)
    for item in data["missing_terms"]:
        notes.add_row(
            _where(item),
            "[red]term missing[/]",
            f"{item['term']}: {item['source']} → {item['target']}",
        )
    for item in data["problems"]:
        notes.add_row(
            _where(item), f"[red]{item['kind']}[/]", f"{item['term']} {item['detail']}".strip()
        )
    for item in data["repairs"]:
        notes.add_row(_where(item), f"[yellow]repaired ({item['kind']})[/]", item["detail"])
    for item in data["missing_numbers"]:
        notes.add_row(
            _where(item), "[red]number missing[/]", f"{item['number']} in {item['context']!r}"
        )
    if notes.row_count:
        console.print(notes)
    console.print(
        f"{data['unknown_words']} of {data['words']} words unknown to the engine ({data['unknown_share']:.1%})",
        highlight=False,
    )


def print_report(console: Console, translation: Translation) -> None:
    """The QA report on stderr: rich tables on a terminal, plain lines otherwise."""
    if console.is_terminal:
        print_rich(console, translation)
    else:
        console.file.write(plain(translation))
        console.file.flush()


def enforce_strict(translations: list[Translation]) -> None:
    """Refuse the translations (exit 1, nothing written) when a glossary name is missing."""
    from toolkit.errors import ToolkitError

    for translation in translations:
        missing = report(translation)["missing_terms"]
        if missing:
            first = missing[0]
            total = sum(item["source"] - item["target"] for item in missing)
            raise ToolkitError(
                f"--strict: {total} glossary name(s) missing from the {translation.target} translation, "
                f"first {first['term']} in {_where(first)}; nothing written (--check shows the report)"
            )

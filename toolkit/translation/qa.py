"""The QA report of a translation as plain data: terms per name, protected spans per kind, numbers
and dates lost, words the engine did not know, each problem with its paragraph; the one-line
summary of what was found; and the --strict refusal."""

from __future__ import annotations

from typing import Any

from toolkit.errors import ToolkitError
from toolkit.translation.translate import Translation


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
    span_totals, span_problems, span_repairs = _spans(translation)
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
    unknown = []
    for index, words in enumerate(translation.unknown):
        if words:
            document, paragraph = _locate(translation, index)
            distinct = list(dict.fromkeys(words))
            unknown.append({"document": document, "paragraph": paragraph, "words": distinct})
    return {
        "terms": list(totals.values()),
        "missing_terms": missing_terms,
        "repairs": repairs,
        "problems": problems,
        "missing_numbers": numbers,
        "spans": span_totals,
        "span_problems": span_problems,
        "span_repairs": span_repairs,
        "words": translation.words,
        "unknown_words": translation.unknown_words,
        "unknown_share": round(translation.unknown_share, 4),
        "unknown": unknown,  # the words the engine did not know, per paragraph
        "terms_ok": not missing_terms,
        "spans_ok": not span_problems,
    }


def _spans(translation: Translation) -> tuple[list[dict[str, Any]], ...]:
    """Protected spans: totals per kind, problems and repairs, each with its paragraph."""
    totals: dict[str, dict[str, Any]] = {}
    problems, repairs = [], []
    for index, check in enumerate(translation.spans):
        if not (check.counts or check.problems):
            continue
        document, paragraph = _locate(translation, index)
        where = {"document": document, "paragraph": paragraph}
        for kind, source, target in check.counts:
            total = totals.setdefault(kind, {"kind": kind, "source": 0, "target": 0})
            total["source"] += source
            total["target"] += target
        problems += [
            where | {"kind": n.kind, "text": n.text, "problem": n.what} for n in check.problems
        ]
        repairs += [
            where | {"kind": n.kind, "text": n.text, "detail": n.what} for n in check.repairs
        ]
    return list(totals.values()), problems, repairs


def findings(data: dict[str, Any]) -> str:
    """What a report found wrong, in words (`2 names missing, 1 number or date lost`), or ''."""
    found = [
        (
            sum(item["source"] - item["target"] for item in data["missing_terms"]),
            "name missing",
            "names missing",
        ),
        (len(data["missing_numbers"]), "number or date lost", "numbers or dates lost"),
        (
            len(data["span_problems"]),
            "protected span missing or changed",
            "protected spans missing or changed",
        ),
    ]
    return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in found if n)


def enforce_strict(translations: list[Translation]) -> None:
    """Refuse the translations (exit 1, nothing written) when a glossary name is missing."""
    for translation in translations:
        missing = report(translation)["missing_terms"]
        if missing:
            first = missing[0]
            total = sum(item["source"] - item["target"] for item in missing)
            raise ToolkitError(
                f"--strict: {total} glossary name(s) missing from the {translation.target} translation, "
                f"first {first['term']} in {where(first)}; nothing written (--check shows the report)"
            )


def where(item: dict[str, Any]) -> str:
    """A report item's place: the document and its paragraph number."""
    return f"{item['document']} ¶{item['paragraph']}"

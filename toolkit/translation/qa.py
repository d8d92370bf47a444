"""The QA report of a translation as plain data: terms per name, numbers and dates lost, words
the engine did not know; and the --strict refusal."""

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
        "words": translation.words,
        "unknown_words": translation.unknown_words,
        "unknown_share": round(translation.unknown_share, 4),
        "unknown": unknown,  # the words the engine did not know, per paragraph
        "terms_ok": not missing_terms,
    }


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

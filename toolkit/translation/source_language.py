"""The language of the input to translate: found in it (--from auto), or the declared one checked
(toolkit.text.language_check: refused when most of a document is surely another language, unless
--force; its foreign-looking paragraphs otherwise reported)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from toolkit.errors import InputRefused
from toolkit.text import detection, languages
from toolkit.translation.qa import ForeignParagraphs, Place

if TYPE_CHECKING:
    from toolkit.text.document import Document
    from toolkit.text.language_check import LanguageCheck


def source_language(
    documents: list[tuple[str, Document]], declared: str | None, force: bool = False
) -> tuple[str, tuple[ForeignParagraphs, ...]]:
    """The language of the input (found in it when `declared` is None), and the paragraphs of
    each document that look like another. A document mostly in another language is refused (exit
    1, naming it) unless `force`."""
    if declared is None:
        from toolkit.text import spans
        from toolkit.text.language_guess import language_of

        paragraphs = [p.text for _, doc in documents for p in doc.paragraphs]
        text = "\n".join(spans.without(p) for p in paragraphs)[: detection.SAMPLE]
        return language_of(text).code or languages.DEFAULT_SOURCE, ()
    foreign: list[ForeignParagraphs] = []
    for name, document in documents:
        check = checked([p.text for p in document.paragraphs], declared, force, "translate")
        foreign += [
            ForeignParagraphs(Place(name, passage.first), passage.last, passage.language)
            for passage in check.foreign
        ]
    return declared, tuple(foreign)


def checked(paragraphs: Sequence[str], declared: str, force: bool, verb: str) -> LanguageCheck:
    """The language check of a text declared in `declared`; a ToolkitError (exit 1) when most of
    it is surely in another language, unless `force` (`verb`: what --force would do with it)."""
    from toolkit.text.language_check import check_language

    check = check_language(paragraphs, declared)
    if check.looks_like is not None and not force:
        raise InputRefused(
            f"the input looks like {languages.name(check.looks_like)} ({check.looks_like}), not "
            f"{languages.name(declared)} ({declared}); give --from {check.looks_like}, or --force "
            f"to {verb} it as {languages.name(declared)}"
        )
    return check


def foreign_warning(first: int, last: int, language: str, declared: str) -> str:
    """What to say of paragraphs `first` to `last` that look like `language`, taken as `declared`
    all the same: `¶3 looks like English (en), not French (fr): taken as French`."""
    where = f"¶{first}" + (f"–{last}" if last != first else "")
    return (
        f"{where} looks like {languages.name(language)} ({language}), not "
        f"{languages.name(declared)} ({declared}): taken as {languages.name(declared)}"
    )

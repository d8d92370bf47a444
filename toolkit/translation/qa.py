"""The QA report of a translation, typed: terms per name, protected spans per kind, numbers and
dates lost, words the engine did not know, each problem with its place; `to_data()` gives the JSON
of `--check --format json`. Also the one-line summary of what was found, and the --strict refusal."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from toolkit.errors import ToolkitError
from toolkit.text import languages
from toolkit.translation.translate import Translation


@dataclass(frozen=True)
class Place:
    """A paragraph: its document, and its 1-based number there."""

    document: str
    paragraph: int

    def __str__(self) -> str:
        return f"{self.document} ¶{self.paragraph}"

    def to_data(self) -> dict[str, Any]:
        return {"document": self.document, "paragraph": self.paragraph}


@dataclass(frozen=True)
class TermTotal:
    """A glossary term over the whole translation: in the source, and in its form in the target."""

    term: str
    form: str
    source: int
    target: int

    @property
    def missing(self) -> int:
        return max(0, self.source - self.target)

    def to_data(self) -> dict[str, Any]:
        return {
            "term": self.term,
            "form": self.form,
            "source": self.source,
            "target": self.target,
            "missing": self.missing,
        }


@dataclass(frozen=True)
class MissingTerm:
    """A paragraph whose translation holds a term fewer times than its source."""

    place: Place
    term: str
    source: int
    target: int

    @property
    def missing(self) -> int:
        """How many times the name is missing: the one count of missing names."""
        return max(0, self.source - self.target)

    def to_data(self) -> dict[str, Any]:
        return self.place.to_data() | {
            "term": self.term,
            "source": self.source,
            "target": self.target,
        }


@dataclass(frozen=True)
class TermNote:
    """A repair made to a name, or a problem left, in a paragraph."""

    place: Place
    term: str
    kind: str
    detail: str

    def to_data(self) -> dict[str, Any]:
        return self.place.to_data() | {"term": self.term, "kind": self.kind, "detail": self.detail}


@dataclass(frozen=True)
class LostNumber:
    """A number of a source paragraph that its translation lacks, and the date it is part of."""

    place: Place
    number: str
    context: str

    def to_data(self) -> dict[str, Any]:
        return self.place.to_data() | {"number": self.number, "context": self.context}


@dataclass(frozen=True)
class UnknownWords:
    """The words of a paragraph the engine did not know, each once."""

    place: Place
    words: tuple[str, ...]

    def to_data(self) -> dict[str, Any]:
        return self.place.to_data() | {"words": list(self.words)}


@dataclass(frozen=True)
class LostWords:
    """Source words of a paragraph that the engine dropped without a trace, by their French word
    (or, where none was found, by what the engine said of it: Apertium's tags)."""

    place: Place
    words: tuple[str, ...]

    def to_data(self) -> dict[str, Any]:
        return self.place.to_data() | {"words": list(self.words)}


@dataclass(frozen=True)
class SpanTotal:
    """The protected spans of one kind over the whole translation."""

    kind: str
    source: int
    target: int

    def to_data(self) -> dict[str, Any]:
        return {"kind": self.kind, "source": self.source, "target": self.target}


@dataclass(frozen=True)
class SpanNote:
    """A protected span lost or changed (a problem), or put right (a repair), in a paragraph."""

    place: Place
    kind: str
    text: str
    what: str

    def to_data(self, what_key: str) -> dict[str, Any]:
        return self.place.to_data() | {"kind": self.kind, "text": self.text, what_key: self.what}


@dataclass(frozen=True)
class ForeignParagraphs:
    """Source paragraphs (from `place` to `last`) that look like another language than the one
    translated from: translated as that one all the same (toolkit.text.language_check)."""

    place: Place
    last: int
    language: str

    @property
    def where(self) -> str:
        last = f"–{self.last}" if self.last != self.place.paragraph else ""
        return f"{self.place}{last}"

    @property
    def looks_like(self) -> str:
        return f"looks like {languages.name(self.language)} ({self.language})"

    def to_data(self) -> dict[str, Any]:
        return self.place.to_data() | {"last": self.last, "language": self.language}


@dataclass(frozen=True)
class QaReport:
    """What the QA found in one translation, computed once (`report`)."""

    source: str
    target: str
    terms: tuple[TermTotal, ...]
    missing_terms: tuple[MissingTerm, ...]
    repairs: tuple[TermNote, ...]
    problems: tuple[TermNote, ...]
    missing_numbers: tuple[LostNumber, ...]
    spans: tuple[SpanTotal, ...]
    span_problems: tuple[SpanNote, ...]
    span_repairs: tuple[SpanNote, ...]
    words: int
    unknown_words: int
    unknown: tuple[UnknownWords, ...]  # the words the engine did not know, per paragraph
    foreign: tuple[ForeignParagraphs, ...] = ()  # paragraphs that look like another language
    lost: tuple[LostWords, ...] = ()  # source words dropped without a trace, per paragraph
    # Names and acronyms no route knows, kept as written (a glossary gives them a form), per
    # paragraph: not counted among the unknown words.
    kept: tuple[UnknownWords, ...] = ()

    @property
    def names_missing(self) -> int:
        """Glossary names missing from the translation, over all paragraphs."""
        return sum(item.missing for item in self.missing_terms)

    @property
    def unknown_share(self) -> float:
        return self.unknown_words / self.words if self.words else 0.0

    @property
    def terms_ok(self) -> bool:
        return not self.missing_terms

    @property
    def spans_ok(self) -> bool:
        return not self.span_problems

    def to_data(self) -> dict[str, Any]:
        """The report as plain data (the JSON of `--check --format json`)."""
        return {
            "terms": [total.to_data() for total in self.terms],
            "missing_terms": [item.to_data() for item in self.missing_terms],
            "repairs": [item.to_data() for item in self.repairs],
            "problems": [item.to_data() for item in self.problems],
            "missing_numbers": [item.to_data() for item in self.missing_numbers],
            "spans": [total.to_data() for total in self.spans],
            "span_problems": [item.to_data("problem") for item in self.span_problems],
            "span_repairs": [item.to_data("detail") for item in self.span_repairs],
            "words": self.words,
            "unknown_words": self.unknown_words,
            "unknown_share": round(self.unknown_share, 4),
            "unknown": [item.to_data() for item in self.unknown],
            "kept_names": [item.to_data() for item in self.kept],
            "foreign_paragraphs": [item.to_data() for item in self.foreign],
            "lost_words": [item.to_data() for item in self.lost],
            "terms_ok": self.terms_ok,
            "spans_ok": self.spans_ok,
        }


def report(translation: Translation, foreign: tuple[ForeignParagraphs, ...] = ()) -> QaReport:
    """The QA report of a translation; `foreign`: what the language check found in its source."""
    totals: dict[str, TermTotal] = {}
    missing_terms: list[MissingTerm] = []
    repairs: list[TermNote] = []
    problems: list[TermNote] = []
    for index, check in enumerate(translation.terms):
        place = _place(translation, index)
        for count in check.counts:
            total = totals.get(count.name) or TermTotal(count.name, count.form, 0, 0)
            totals[count.name] = TermTotal(
                total.term, total.form, total.source + count.source, total.target + count.target
            )
            if count.missing:
                missing_terms.append(MissingTerm(place, count.name, count.source, count.target))
        repairs += [TermNote(place, n.term, n.kind, n.detail) for n in check.repairs]
        problems += [TermNote(place, n.term, n.kind, n.detail) for n in check.problems]
    span_totals, span_problems, span_repairs = _spans(translation)
    return QaReport(
        source=translation.source,
        target=translation.target,
        terms=tuple(totals.values()),
        missing_terms=tuple(missing_terms),
        repairs=tuple(repairs),
        problems=tuple(problems),
        missing_numbers=tuple(
            LostNumber(_place(translation, item.paragraph), item.number, item.context)
            for item in translation.missing_numbers
        ),
        spans=span_totals,
        span_problems=span_problems,
        span_repairs=span_repairs,
        words=translation.words,
        unknown_words=translation.unknown_words,
        unknown=tuple(
            UnknownWords(_place(translation, index), tuple(dict.fromkeys(words)))
            for index, words in enumerate(
                tuple(w for w in found if w not in kept) for found, kept in _with_names(translation)
            )
            if words
        ),
        kept=tuple(
            UnknownWords(_place(translation, index), tuple(dict.fromkeys(words)))
            for index, words in enumerate(
                tuple(w for w in found if w in kept) for found, kept in _with_names(translation)
            )
            if words
        ),
        foreign=foreign,
        lost=tuple(
            LostWords(_place(translation, index), words)
            for index, words in enumerate(translation.lost)
            if words
        ),
    )


def _with_names(
    translation: Translation,
) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each paragraph's unknown words with those of them that are names kept as written."""
    kept = translation.names or ((),) * len(translation.unknown)
    return zip(translation.unknown, kept, strict=True)


def _place(translation: Translation, index: int) -> Place:
    """The place of a paragraph, by its index over all documents."""
    for doc in translation.documents:
        if index < doc.paragraphs:
            return Place(doc.name, index + 1)
        index -= doc.paragraphs
    return Place("", index + 1)


def _spans(
    translation: Translation,
) -> tuple[tuple[SpanTotal, ...], tuple[SpanNote, ...], tuple[SpanNote, ...]]:
    """Protected spans: totals per kind, problems and repairs, each with its paragraph."""
    totals: dict[str, SpanTotal] = {}
    problems: list[SpanNote] = []
    repairs: list[SpanNote] = []
    for index, check in enumerate(translation.spans):
        if not (check.counts or check.problems):
            continue
        place = _place(translation, index)
        for kind, source, target in check.counts:
            total = totals.get(kind) or SpanTotal(kind, 0, 0)
            totals[kind] = SpanTotal(kind, total.source + source, total.target + target)
        problems += [SpanNote(place, n.kind, n.text, n.what) for n in check.problems]
        repairs += [SpanNote(place, n.kind, n.text, n.what) for n in check.repairs]
    return tuple(totals.values()), tuple(problems), tuple(repairs)


def findings(qa: QaReport) -> str:
    """What a report found wrong, in words (`2 names missing, 1 number or date lost`), or ''."""
    found = [
        (qa.names_missing, "name missing", "names missing"),
        (len(qa.missing_numbers), "number or date lost", "numbers or dates lost"),
        (
            len(qa.span_problems),
            "protected span missing or changed",
            "protected spans missing or changed",
        ),
        (sum(len(item.words) for item in qa.lost), "word lost", "words lost"),
    ]
    return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in found if n)


def enforce_strict(reports: list[QaReport]) -> None:
    """Refuse the translations (exit 1, nothing written) when a glossary name is missing."""
    for qa in reports:
        if qa.missing_terms:
            first = qa.missing_terms[0]
            raise ToolkitError(
                f"--strict: {qa.names_missing} glossary name(s) missing from the {qa.target} "
                f"translation, first {first.term} in {first.place}; nothing written (--check "
                "shows the report)"
            )

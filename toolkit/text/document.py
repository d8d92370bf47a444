"""A text cut into paragraphs and sentences, each with its offsets, that joins back exactly.

Paragraphs are separated by blank lines; the whitespace around them (the separators) is kept, so
`document.join(paragraphs)` rebuilds the input, and any 1:1 list of translated paragraphs rebuilds
a translated document with the original layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toolkit.errors import ToolkitError

# A paragraph break is a run of whitespace holding at least two line ends.
_PARAGRAPH_BREAK = re.compile(r"[^\S\n]*\n[^\S\n]*\n\s*")
_EDGE_SPACE = re.compile(r"^\s*|\s*$")

# Abbreviations after which a full stop does not end a sentence. sentencex knows few French ones;
# in French text its segments are merged back when one ends on these or on an initial (J. Dupont).
FRENCH_ABBREVIATIONS = frozenset(
    (
        "m mm mme mmes mlle mlles dr pr me mgr st ste cf ex p pp art al vol no n° env av apr "
        "j.-c jan janv fév févr avr juil sept oct nov déc"
    ).split()
)
_LAST_WORD = re.compile(r"([\w.°-]+)\.\s*$")
# An opening straight quote left at the end of a sentence: after final punctuation and a space.
_STRANDED_QUOTE = re.compile(r'[.!?…][»"”’)\]]*\s+("\s*)$')


@dataclass(frozen=True)
class Span:
    """A piece of a text: its content and where it lies in the text it was cut from."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A text as paragraphs, with the separators between them kept for an exact rebuild."""

    text: str
    paragraphs: tuple[Span, ...]
    separators: tuple[str, ...] = field(repr=False)  # len(paragraphs) + 1, edges included

    def join(self, paragraphs: list[str]) -> str:
        """Rebuild a text from one string per paragraph, with this document's separators."""
        if len(paragraphs) != len(self.paragraphs):
            raise ValueError(f"expected {len(self.paragraphs)} paragraphs, got {len(paragraphs)}")
        pieces = [self.separators[0]]
        for paragraph, separator in zip(paragraphs, self.separators[1:], strict=True):
            pieces += [paragraph, separator]
        return "".join(pieces)


def segment(text: str) -> Document:
    """Cut a text into paragraphs; the separators hold all whitespace between and around them."""
    leading = _EDGE_SPACE.match(text)
    assert leading is not None
    body_start = leading.end()
    body_end = max(body_start, len(text.rstrip()))
    if body_start >= body_end:
        return Document(text, (), (text,))
    paragraphs: list[Span] = []
    separators = [text[:body_start]]
    position = body_start
    for brk in _PARAGRAPH_BREAK.finditer(text, body_start, body_end):
        paragraphs.append(Span(text[position : brk.start()], position, brk.start()))
        separators.append(brk.group())
        position = brk.end()
    paragraphs.append(Span(text[position:body_end], position, body_end))
    separators.append(text[body_end:])
    return Document(text, tuple(paragraphs), tuple(separators))


def split_sentences(text: str, language: str = "fr") -> list[Span]:
    """Sentences of one paragraph; each keeps its trailing spaces so that they join back exactly."""
    import sentencex

    spans: list[Span] = []
    position = 0
    for piece in sentencex.segment(language, text):
        if not piece:
            continue
        end = position + len(piece)
        if spans and (
            not piece.strip() or (language == "fr" and _ends_on_french_abbreviation(spans[-1].text))
        ):
            last = spans.pop()
            spans.append(Span(last.text + piece, last.start, end))
        else:
            spans.append(Span(piece, position, end))
        position = end
    if position != len(text):  # the splitter must give back every character of the paragraph
        raise ToolkitError(f"the sentence splitter lost text after character {position}")
    return _reattach_quotes(spans, language) if '"' in text else spans


def _ends_on_french_abbreviation(sentence: str) -> bool:
    match = _LAST_WORD.search(sentence)
    if match is None:
        return False
    word = match.group(1)
    return word.lower() in FRENCH_ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _reattach_quotes(spans: list[Span], language: str) -> list[Span]:
    """sentencex pairs straight quotes as it meets them, so after an unbalanced one it takes the
    next opening quote for a closing one: it ends a sentence on it (`révèle. "`) and does not split
    the sentences in between. Such a quote goes back to the sentence it opens, and a sentence that
    held an odd number of quotes is split again with its quotes set aside."""
    result: list[Span] = []
    carried = ""  # a quote taken off the previous sentence
    for index, span in enumerate(spans):
        if carried:
            span = Span(carried + span.text, span.start - len(carried), span.end)
            carried = ""
        match = _STRANDED_QUOTE.search(span.text)
        if match is None or index == len(spans) - 1:
            result.append(span)
            continue
        carried = match.group(1)
        head = Span(span.text[: match.start(1)], span.start, span.end - len(carried))
        if head.text.count('"') % 2:
            result += _split_without_quotes(head, language)
        else:
            result.append(head)
    return result


def _split_without_quotes(span: Span, language: str) -> list[Span]:
    masked = span.text.replace('"', "_")  # one character for one: the offsets hold
    return [
        Span(span.text[s.start : s.end], span.start + s.start, span.start + s.end)
        for s in split_sentences(masked, language)
    ]

"""What travels around the engine with each paragraph.

On the way in: protected spans become placeholders and the text between them is cleaned
(toolkit.translation.shield), a run in capitals takes the case engines understand
(toolkit.translation.capitals), then glossary names become placeholders (toolkit.glossary.enforce).
On the way back: the target's typography (toolkit.translation.typography) and conventions on the
engine's words, then the names, the articles before them (toolkit.translation.articles), the run
in capitals again, and last the spans, byte for byte: neither a name nor a span is retypeset.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from toolkit.engines.base import Route
from toolkit.glossary import enforce
from toolkit.glossary.model import Glossary
from toolkit.text import spans
from toolkit.translation import articles, capitals, conventions, typography
from toolkit.translation.shield import Shielded, SpanCheck, shield, unshield


@dataclass(frozen=True)
class Outbound:
    """A paragraph as the engine gets it, with what is needed to bring it back."""

    shielded: Shielded
    names: enforce.Protected | None
    lowered: capitals.Lowered

    @property
    def text(self) -> str:
        return self.names.text if self.names else self.lowered.text

    @property
    def stems(self) -> tuple[str, ...]:
        """The stems of its placeholders: words that no engine knows, by design."""
        stems = (self.shielded.stem, self.names.stem if self.names else "")
        return tuple(stem for stem in stems if stem)


def outbound(
    paragraph: str,
    glossary: Glossary,
    patterns: tuple[re.Pattern[str], ...] = (),
    lift: Callable[[list[spans.Span]], list[spans.Span]] | None = None,
) -> Outbound:
    """The paragraph with its spans and names in placeholders, the rest cleaned. `lift` may add
    spans of its own to those found (toolkit.translation.quotes: quoted segments)."""
    found = spans.find(paragraph, patterns)
    if glossary.terms and any(span.kind in _NAMED_KINDS for span in found):
        found = [span for span in found if not _a_glossary_name(span, glossary)]
    if lift is not None:
        found = lift(found)
    shielded = shield(paragraph, found, avoid=_forms(paragraph, glossary) if found else "")
    lowered = capitals.lower(shielded.text, shielded.stem)
    names = enforce.protect(lowered.text, glossary) if glossary.terms else None
    return Outbound(shielded, names, lowered)


@dataclass(frozen=True)
class Returned:
    """A translated paragraph, finished, with the checks of its names and spans."""

    text: str
    names: enforce.ParagraphCheck | None
    spans: SpanCheck


def inbound(
    sent: Outbound,
    output: str,
    glossary: Glossary,
    route: Route,
    apostrophe: str | None = None,
    target_typography: bool = True,
) -> Returned:
    """The engine's output with names, articles, the target's typography and spans put right."""
    check = None
    # The typography and conventions act on the engine's words alone: names and spans are still
    # placeholders, so that what the glossary says is written as it says it (`Yahoo !`, `Лачин`).
    if target_typography:
        output = typography.apply(output, route.target, apostrophe, sent.text)
        output = conventions.apply(output, route.target, sent.shielded.text)
    if sent.names is not None:
        output, check = enforce.restore(sent.names, output, glossary, route.target, route.source)
        terms = (f.term for f in sent.names.found)
        style = apostrophe if target_typography else None
        output = articles.adjust(output, route.target, terms, style)
    output = capitals.restore(sent.lowered, output)
    text, span_check = unshield(sent.shielded, output)
    return Returned(text, check, span_check)


def _forms(paragraph: str, glossary: Glossary) -> str:
    """Every form, in any language, of the glossary's names in the paragraph: a form may look
    like a placeholder (`Zqxb`), and the spans' placeholders must not."""
    if not glossary.terms:
        return ""
    terms = {found.term.name: found.term for found in glossary.find(paragraph)}
    return "\n".join(form for term in terms.values() for form in (term.name, *term.forms.values()))


# A hashtag or handle that is a glossary term as a whole (`#Artsakh` in a glossary) is the
# glossary's to write, not kept as it is.
_NAMED_KINDS = frozenset({"hashtag", "handle"})


def _a_glossary_name(span: spans.Span, glossary: Glossary) -> bool:
    if span.kind not in _NAMED_KINDS:
        return False
    return any(f.start == 0 and f.end == len(span.text) for f in glossary.find(span.text))


# The --protect patterns of a glossary, compiled.
Patterns = tuple[re.Pattern[str], ...]


def compile_patterns(glossary: Glossary) -> Patterns:
    """The glossary's --protect patterns compiled: once per run, then handed to each call."""
    return spans.compile_patterns(glossary.protect)

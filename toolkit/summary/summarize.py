"""Extractive summaries: a text's sentences, scored by an algorithm, the best kept in their order.

Sentences come from toolkit.text.sentence_stream (offsets kept), words from toolkit.summary.language_tools; the
scores from toolkit.summary.algorithms (fast LexRank and TextRank, or sumy's summarizers). A text of up to
`chunk_sentences` sentences is ranked whole, choosing exactly what sumy chooses; a longer one is read
and ranked in chunks (toolkit.summary.chunked), so that memory stays bounded.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from toolkit.summary import candidates, chunked, openings, select
from toolkit.summary.algorithms import ALGORITHMS, DEFAULT
from toolkit.summary.language_tools import LanguageTools, load_language
from toolkit.text import languages, sentence_stream
from toolkit.text.detection import SAMPLE
from toolkit.text.sentence_stream import Sentence, sentences

AUTO = "auto"
# The tool's language: assumed when a text gives no clue (no letters at all), or too little of one
# for the language detected to be trusted.
FALLBACK_LANGUAGE = "fr"


@dataclass(frozen=True)
class ScoredSentence:
    """One sentence of a text, where it is, and how it fared."""

    index: int  # among all sentences of the text, from 0
    paragraph: int  # from 1
    sentence: int  # within its paragraph, from 1
    start: int  # character offsets of the sentence (without surrounding spaces) in the text
    end: int
    text: str
    score: float
    rank: int  # 1 is the best
    selected: bool
    chunk: int | None = None  # in a chunked summary, the chunk it was a candidate of (from 1)
    set_aside: str | None = None  # why it is no candidate (a dateline, a heading); None: it is


@dataclass(frozen=True)
class Chunking:
    """How a text longer than the limit was ranked: in chunks, then their candidates together."""

    limit: int  # sentences per chunk, at most
    chunks: int
    candidates: int  # sentences ranked in the final round


@dataclass(frozen=True)
class Summary:
    """The summary of one text. `sentences` holds every sentence with its score when the text was
    ranked whole, the candidates of the final round when it was chunked; only the selected
    sentences when the scores were not asked for (Options.all_scores)."""

    name: str
    language: str
    language_detected: bool
    algorithm: str
    parameters: dict[str, Any]
    requested: int  # sentences asked for (--ratio made a number); all when the text has fewer
    sentences: list[ScoredSentence]
    notes: list[str] = field(default_factory=list)
    total: int = 0  # sentences in the text
    chunk_sentences: int = 0  # the limit it was summarised under (0: none)
    chunking: Chunking | None = None  # None: ranked whole
    ties: bool = False  # equal scores at the cut-off: TIE_BREAK chose between them

    @property
    def selected(self) -> list[ScoredSentence]:
        return [s for s in self.sentences if s.selected]

    @property
    def mode(self) -> str:
        return "exact" if self.chunking is None else "chunked"


@dataclass(frozen=True)
class Options:
    algorithm: str = DEFAULT
    language: str = AUTO
    count: int | None = None
    ratio: float | None = None
    chunk_sentences: int | None = None  # None: the algorithm's own; 0: rank whole
    all_scores: bool = True  # keep every scored sentence (for --explain), not only the selected
    # Chosen sentences stand alone: none that leans on a previous sentence left out (`Mais…`,
    # `Il…`: toolkit.summary.openings), no line of a table of contents. False: as sumy chooses.
    standalone: bool = True
    force: bool = False  # a text in another language than the one given is summarised all the same


Progress = Callable[[int, int], None]  # (sentences read, chunks ranked)


def summarize_text(name: str, text: str, options: Options) -> Summary:
    """Score the sentences of one text and select the best."""
    return summarize_blocks(name, [text], options)


def summarize_blocks(
    name: str, blocks: Iterable[str], options: Options, progress: Progress | None = None
) -> Summary:
    """Summarise the text made of `blocks` (read one after the other, never all held at once)."""
    opening = _opening(iter(blocks))
    if opening is None:  # nothing to summarise, nor to detect a language from
        return Summary(
            name=name,
            language=FALLBACK_LANGUAGE if options.language == AUTO else options.language,
            language_detected=False,
            algorithm=options.algorithm,
            parameters=dict(ALGORITHMS[options.algorithm].parameters),
            requested=0,
            sentences=[],
            chunk_sentences=chunk_limit(options),
        )
    notes: list[str] = []
    code, detected = _language(opening.sample, options.language, notes)
    tools = load_language(code)  # a language without summaries is a usage error before the check
    if options.language != AUTO:
        _check(opening.sample, code, options.force, notes)
    notes += tools.notes
    long_paragraphs: set[int] = set()
    stream = sentences(opening.blocks, code, opening.skipped, long_paragraphs.add)
    if ALGORITHMS[options.algorithm].skips_datelines:
        stream = candidates.split_stamps(stream, code)
    leaning: dict[int, int] = {}  # filled as the sentences are read
    if options.standalone:
        stream = openings.noting_leaning(stream, code, leaning)
    del opening
    limit = chunk_limit(options)
    whole = list(stream) if limit <= 0 else list(itertools.islice(stream, limit + 1))
    summary = Summary(
        name=name,
        language=code,
        language_detected=detected,
        algorithm=options.algorithm,
        parameters=dict(ALGORITHMS[options.algorithm].parameters),
        requested=0,
        sentences=[],
        notes=notes,
        chunk_sentences=limit,
    )
    rank = _ranker(options.algorithm, tools)
    judge = _judge(options.algorithm, code, options.standalone)
    if limit <= 0 or len(whole) <= limit:
        summary = _exact(summary, whole, rank, judge, options, leaning)
    else:
        parts = chunked.chunks(itertools.chain(whole, stream), limit)
        del whole
        summary = _chunked(summary, parts, rank, judge, options, progress, leaning)
    if long_paragraphs:
        numbers = ", ".join(map(str, sorted(long_paragraphs)))
        several = len(long_paragraphs) > 1
        note = (
            f"paragraph{'s' if several else ''} {numbers} {'are' if several else 'is'} longer "
            f"than {sentence_stream.LONG_PARAGRAPH:,} characters: split into sentences a part at "
            "a time, perhaps not as sumy would split the whole"
        )
        summary = replace(summary, notes=[*summary.notes, note])
    return summary


@dataclass(frozen=True)
class _Opening:
    skipped: int  # characters of the blank blocks before the text
    sample: str  # the first SAMPLE characters, for language detection
    blocks: Iterator[str]  # the text from its first non-blank block


def _opening(blocks: Iterator[str]) -> _Opening | None:
    """The start of a text: its leading blank blocks counted, not kept; None if it is all blank."""
    skipped, leading = 0, ""
    for first in blocks:
        if first.strip():
            break
        skipped += len(first)
        leading = (leading + first)[:SAMPLE]
    else:
        return None
    head = [first]
    size = len(leading) + len(first)
    while size < SAMPLE and (block := next(blocks, None)) is not None:
        head.append(block)
        size += len(block)
    sample = (leading + "".join(head))[:SAMPLE]
    return _Opening(skipped, sample, itertools.chain(head, blocks))


def chunk_limit(options: Options) -> int:
    """The most sentences ranked at once (0: no limit)."""
    if options.chunk_sentences is None:
        return ALGORITHMS[options.algorithm].chunk_sentences
    return max(options.chunk_sentences, 0)


def _ranker(algorithm: str, tools: LanguageTools) -> chunked.Rank:
    def rank(sentences: Sequence[Sentence]) -> list[float]:
        paragraphs = [
            [s.text for s in group]
            for _, group in itertools.groupby(sentences, key=lambda s: s.paragraph)
        ]
        return ALGORITHMS[algorithm].scores(paragraphs, tools)

    return rank


Judge = Callable[[Sequence[Sentence]], list[str | None]]  # why each is no candidate, or None


def _judge(algorithm: str, code: str, standalone: bool) -> Judge:
    """Which sentences the algorithm may choose: all, all but lines of a table of contents
    (`standalone`), or all but datelines, headings and those lines."""
    if not ALGORITHMS[algorithm].skips_datelines:
        if not standalone:
            return lambda sentences: [None] * len(sentences)
        return lambda sentences: [
            candidates.LISTING if candidates.is_listing(s.text) else None for s in sentences
        ]
    facts = candidates.language(code)

    def judge(sentences: Sequence[Sentence]) -> list[str | None]:
        last = len(sentences) - 1
        return [
            candidates.reason(
                s.text,
                s.sentence == 1 and (i == last or sentences[i + 1].paragraph != s.paragraph),
                facts,
            )
            for i, s in enumerate(sentences)
        ]

    return judge


def _exact(
    summary: Summary,
    whole: list[Sentence],
    rank: chunked.Rank,
    judge: Judge,
    options: Options,
    leaning: Mapping[int, int],
) -> Summary:
    scores = rank(whole)
    reasons = judge(whole)
    notes = []
    if whole and all(reasons):
        notes.append("every sentence looks like a dateline or a heading: chosen among them all")
        reasons = [None] * len(whole)
    eligible = [r is None for r in reasons]
    requested = select.requested(len(scores), options.count, options.ratio)
    chosen = set(select.best(scores, requested, eligible, leaning))
    ranks = select.ranks(scores, eligible)
    ties = select.tied_at_cut(scores, chosen, eligible)
    if ties:
        notes.append(_tie_note(scores, chosen, eligible))
    notes += _set_aside_note(whole, scores, chosen, reasons)
    scored = [
        _scored(s, scores[i], ranks[i], i in chosen, set_aside=reasons[i])
        for i, s in enumerate(whole)
        if options.all_scores or i in chosen
    ]
    return replace(
        summary,
        requested=requested,
        sentences=scored,
        total=len(whole),
        ties=ties,
        notes=[*summary.notes, *notes],
    )


def _tie_note(scores: Sequence[float], chosen: Collection[int], eligible: Sequence[bool]) -> str:
    pool = [scores[i] for i in range(len(scores)) if eligible[i]]
    cut = min(scores[i] for i in chosen)
    tied = sum(select.same_score(x, cut) for x in pool)
    if tied == len(pool):
        return (
            f"the scores cannot tell the sentences apart (all {tied} score {cut:.4g}): "
            f"{select.TIE_BREAK} chose them"
        )
    places = sum(select.same_score(scores[i], cut) for i in chosen)
    return (
        f"the scores cannot tell {tied} sentences apart (each {cut:.4g}) for the last "
        f"{places} place{'s' if places > 1 else ''}: {select.TIE_BREAK} chose"
    )


def _set_aside_note(
    sentences: Sequence[Sentence],
    scores: Sequence[float],
    chosen: Collection[int],
    reasons: Sequence[str | None],
) -> list[str]:
    """A note on the datelines and headings that scored high enough to be chosen otherwise."""
    if not chosen:
        return []
    cut = min(scores[i] for i in chosen)
    skipped = [i for i, r in enumerate(reasons) if r is not None and scores[i] > cut]
    if not skipped:
        return []
    places = ", ".join(
        f"{sentences[i].paragraph}·{sentences[i].sentence} ({reasons[i]})" for i in skipped
    )
    return [f"not chosen though scored high enough, being no sentence of the text: {places}"]


def _chunked(
    summary: Summary,
    parts: Iterable[list[Sentence]],
    rank: chunked.Rank,
    judge: Judge,
    options: Options,
    progress: Progress | None,
    leaning: Mapping[int, int],
) -> Summary:
    limit = summary.chunk_sentences

    def wanted(total: int) -> int:
        return select.requested(total, options.count, options.ratio)

    def eligible(sentences: Sequence[Sentence]) -> list[bool]:
        return [r is None for r in judge(sentences)]

    found = chunked.collect(parts, rank, wanted, limit, progress, eligible)
    requested = wanted(found.total)
    scores, chosen = chunked.final_round(found.kept, rank, requested, limit, leaning)
    ranks = select.ranks(scores)
    ties = select.tied_at_cut(scores, chosen)
    scored = [
        _scored(c.sentence, scores[i], ranks[i], i in chosen, c.chunk)
        for i, c in enumerate(found.kept)
        if options.all_scores or i in chosen
    ]
    note = (
        f"{found.total:,} sentences, more than {limit:,}: ranked in {found.chunks} chunks of whole "
        f"paragraphs, then {len(found.kept):,} candidates together; sumy's own choice only up to "
        f"{limit:,} {'sentence' if limit == 1 else 'sentences'} (--chunk-sentences 0 ranks any "
        "text whole)"
    )
    notes = [note]
    if ties:
        notes.append(_tie_note(scores, chosen, [True] * len(scores)))
    return replace(
        summary,
        requested=requested,
        sentences=scored,
        total=found.total,
        chunking=Chunking(limit, found.chunks, len(found.kept)),
        notes=[*summary.notes, *notes],
        ties=ties,
    )


def _scored(
    s: Sentence,
    score: float,
    rank: int,
    selected: bool,
    chunk: int | None = None,
    set_aside: str | None = None,
) -> ScoredSentence:
    return ScoredSentence(
        s.index,
        s.paragraph,
        s.sentence,
        s.start,
        s.end,
        s.text,
        score,
        rank,
        selected,
        chunk,
        set_aside,
    )


def _language(text: str, choice: str, notes: list[str]) -> tuple[str, bool]:
    if choice != AUTO:
        return choice, False
    from toolkit.text.language_guess import language_of

    guess = language_of(text)
    assumed = languages.name(FALLBACK_LANGUAGE)
    if guess.code is None:
        notes.append(f"could not tell the language; assuming {assumed} (give --language)")
        return FALLBACK_LANGUAGE, False
    if not guess.sure and guess.code != FALLBACK_LANGUAGE:
        notes.append(
            f"too little text to be sure of its language ({languages.name(guess.code)}?); "
            f"assuming {assumed} (give --language)"
        )
        return FALLBACK_LANGUAGE, False
    return guess.code, True


def _check(text: str, declared: str, force: bool, notes: list[str]) -> None:
    """Refuse a text mostly in another language than the one given (toolkit.text.language_check),
    unless `force`; a note for each paragraph that looks like another."""
    from toolkit.text.document import segment
    from toolkit.translation.source_language import checked, foreign_warning

    paragraphs = [p.text for p in segment(text).paragraphs]
    check = checked(paragraphs, declared, force, "summarize")
    notes += [foreign_warning(p.first, p.last, p.language, declared) for p in check.foreign]

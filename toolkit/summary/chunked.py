"""Ranking a text too long to rank at once: in chunks of whole paragraphs, then the best together.

Each chunk of at most `limit` sentences is ranked on its own and keeps its best candidates:
CANDIDATES times the sentences it could give to the summary. The candidates are ranked again
together, with the same algorithm, and the summary chosen among them. Whenever the candidates
outgrow the limit they are ranked among themselves and only as many kept as a chunk keeps, so that
about `limit` sentences are held at a time whatever the length of the text (more only when the
summary itself must be longer than that: a large --ratio of a very long text).

Copies of a sentence are one candidate (the best-scored copy, the earliest on ties, and the
earliest chunk's): LexRank links copies to each other alone, so a final round among copies would
score them all alike and choose at random, where the distinct candidates' links tell them apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from toolkit.summary import select
from toolkit.text.sentence_stream import Sentence

# Candidates kept per chunk, per sentence the chunk could give to the summary.
CANDIDATES = 4

Rank = Callable[[Sequence[Sentence]], list[float]]  # sentences -> their scores, in order
Eligible = Callable[[Sequence[Sentence]], list[bool]]  # sentences -> which may be chosen


@dataclass(frozen=True)
class Candidate:
    sentence: Sentence
    chunk: int  # from 1


@dataclass(frozen=True)
class Candidates:
    """The sentences kept for the final round, in document order, and what they were drawn from."""

    kept: list[Candidate]
    chunks: int
    total: int  # sentences in the text


def chunks(sentences: Iterable[Sentence], limit: int) -> Iterator[list[Sentence]]:
    """The sentences in chunks of at most `limit`, each ending where a paragraph ends, unless one
    paragraph alone holds more than `limit` sentences."""
    chunk: list[Sentence] = []
    for sentence in sentences:
        chunk.append(sentence)
        if len(chunk) > limit:
            cut = next((i for i in range(limit, 0, -1) if chunk[i].sentence == 1), limit)
            yield chunk[:cut]
            chunk = chunk[cut:]
    if chunk:
        yield chunk


def best(
    sentences: Sequence[Sentence],
    rank: Rank,
    count: int,
    taken: set[str],
    eligible: Eligible | None = None,
) -> list[int]:
    """Indexes of the `count` best of `sentences` in document order, one per text, none whose
    text is in `taken` (which gains theirs), only sentences that are `eligible` if given."""
    allowed = eligible(sentences) if eligible is not None else [True] * len(sentences)
    order: Sequence[int] = range(len(sentences))
    if count < sum(allowed):
        scores = rank(sentences)
        order = sorted(order, key=scores.__getitem__, reverse=True)  # stable: earlier on ties
    chosen: list[int] = []
    for i in order:
        if len(chosen) == count:
            break
        if allowed[i] and sentences[i].text not in taken:
            taken.add(sentences[i].text)
            chosen.append(i)
    return sorted(chosen)


def collect(
    parts: Iterable[list[Sentence]],
    rank: Rank,
    wanted: Callable[[int], int],
    limit: int,
    progress: Callable[[int, int], None] | None = None,
    eligible: Eligible | None = None,
) -> Candidates:
    """Rank each chunk and keep its best (among the `eligible`, if given); `wanted(n)` is how many
    sentences the summary of n sentences asks for. `progress(sentences, chunks)` is told after
    each chunk."""
    kept: list[Candidate] = []
    taken: set[str] = set()  # the texts of the candidates kept
    number = total = 0
    for number, part in enumerate(parts, 1):
        total += len(part)
        chosen = best(part, rank, CANDIDATES * wanted(len(part)), taken, eligible)
        kept += [Candidate(part[i], number) for i in chosen]
        del part, chosen
        target = CANDIDATES * wanted(total)
        if len(kept) > limit and target <= limit // 2:
            taken = set()
            kept = [kept[i] for i in best([c.sentence for c in kept], rank, target, taken)]
        if progress is not None:
            progress(total, number)
    return Candidates(kept, number, total)


def final_round(
    candidates: Sequence[Candidate],
    rank: Rank,
    count: int,
    limit: int,
    leaning: Mapping[int, int] | None = None,
) -> tuple[list[float], set[int]]:
    """The candidates' scores ranked together, and the indexes of the `count` chosen. Candidates
    beyond the limit are ranked in groups of at most `limit`, each choosing its share. A candidate
    that leans on the sentence before it (`leaning`: sentence index -> that sentence's index) is
    chosen only with that sentence, so never when it is no candidate of its group."""
    sentences = [c.sentence for c in candidates]
    groups = [range(i, min(i + limit, len(sentences))) for i in range(0, len(sentences), limit)]
    scores: list[float] = []
    chosen: set[int] = set()
    for group, share in zip(groups, _shares(count, [len(g) for g in groups]), strict=True):
        members = sentences[group.start : group.stop]
        group_scores = rank(members)
        needs = _needs(members, leaning or {})
        chosen.update(group.start + i for i in select.best(group_scores, share, None, needs))
        scores += group_scores
    return scores, chosen


def _needs(members: Sequence[Sentence], leaning: Mapping[int, int]) -> dict[int, int]:
    """Within a group: a leaning member's position -> its predecessor's (-1: not in the group)."""
    position = {s.index: i for i, s in enumerate(members)}
    return {
        i: position.get(leaning[s.index], -1) for i, s in enumerate(members) if s.index in leaning
    }


def _shares(count: int, sizes: list[int]) -> list[int]:
    """`count` shared out in proportion to `sizes` (largest remainders first, earlier on ties)."""
    total = sum(sizes)
    if total == 0:
        return [0] * len(sizes)
    count = min(count, total)
    exact = [count * size / total for size in sizes]
    shares = [int(x) for x in exact]
    by_remainder = sorted(range(len(sizes)), key=lambda i: shares[i] - exact[i])
    for i in by_remainder[: count - sum(shares)]:
        shares[i] += 1
    return shares

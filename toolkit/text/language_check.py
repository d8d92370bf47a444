"""Is a text in the language it was declared in? Judged paragraph by paragraph, on the words that
say something of the language (toolkit.text.evidence), weighted by length.

A release quotes a paragraph of English, opens on datelines in capitals, lists names: none of that
makes it less French. So a paragraph is foreign only when its evidence is confidently another
language, and the whole text only when most of it (by length) is; the caller refuses the latter and
warns of the former.

Cheap on purpose: stop words decide almost every paragraph (French, English, Italian, German,
Spanish and 17 more have a list); langdetect is asked only about the paragraphs they leave open, and
loads only the profiles of the declared language and the likeliest others, where loading all 55 takes
about 0.3 s of CPU.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from toolkit.text.evidence import evidence_words

# Fewer evidence words than this say too little: such paragraphs are judged together with the short
# ones next to them, or not at all.
MIN_WORDS = 12
# A list's share of the evidence words from which it names the language, when the declared
# language's list has at most RIVAL of its count.
FOREIGN_SHARE = 0.2
RIVAL = 0.5
# Another language's list this close to the best leaves the name to langdetect (Spanish and
# Portuguese share many stop words).
NEAR = 0.7
# langdetect is trusted from this many letters and this probability.
SHORT_LETTERS = 100
SURE_PROBABILITY = 0.9
# The share of the text (by length) that must be confidently foreign for the text to be refused.
REFUSE_SHARE = 0.5
# How many of the likeliest other languages langdetect weighs against the declared one.
CANDIDATES = 3
# A longer text is judged on paragraphs spread evenly through it, about this many characters.
BUDGET = 40_000


@dataclass(frozen=True)
class Passage:
    """Paragraphs `first` to `last` (from 1) that look like `language`."""

    first: int
    last: int
    language: str

    @property
    def paragraphs(self) -> str:
        return f"{self.first}" if self.first == self.last else f"{self.first}–{self.last}"


@dataclass(frozen=True)
class LanguageCheck:
    """The verdict on a text declared in `declared`."""

    declared: str
    looks_like: str | None  # the language most of the text is confidently in, when not declared
    foreign: tuple[Passage, ...]  # the passages confidently in another language

    @property
    def refused(self) -> bool:
        return self.looks_like is not None


@dataclass(frozen=True)
class _Block:
    first: int
    last: int
    words: list[str]
    weight: int


def check_language(paragraphs: Sequence[str], declared: str) -> LanguageCheck:
    """Whether the text made of `paragraphs` is in `declared`, and where it looks foreign."""
    foreign: list[Passage] = []
    weights: Counter[str] = Counter()
    undecided: list[_Block] = []
    total = 0
    for block in _blocks(paragraphs):
        total += block.weight
        language = block_language(block.words, declared)
        if language is None:
            undecided.append(block)
        elif language != declared:
            foreign.append(Passage(block.first, block.last, language))
            weights[language] += block.weight
    if undecided and sum(weights.values()) <= REFUSE_SHARE * total:
        # Paragraphs too short to tell one by one may tell together: judged as one, they count
        # towards the refusal, not as passages to warn of.
        language = block_language([w for block in undecided for w in block.words], declared)
        if language is not None and language != declared:
            weights[language] += sum(block.weight for block in undecided)
    looks_like = None
    if total and sum(weights.values()) > REFUSE_SHARE * total:
        looks_like = weights.most_common(1)[0][0]
    return LanguageCheck(declared, looks_like, tuple(foreign))


def _blocks(paragraphs: Sequence[str]) -> list[_Block]:
    """Each paragraph with its evidence; consecutive short ones together, so that a list of
    one-line items is judged as a whole."""
    blocks: list[_Block] = []
    pending: _Block | None = None
    stride = max(1, -(-sum(map(len, paragraphs)) // BUDGET))  # 1: every paragraph
    for number, paragraph in enumerate(paragraphs, 1):
        if not paragraph.strip() or (number - 1) % stride:
            continue
        words, weight = evidence_words(paragraph), len(paragraph)
        if len(words) >= MIN_WORDS:
            blocks.append(_Block(number, number, words, weight))
            continue
        if pending is None:
            pending = _Block(number, number, words, weight)
        else:
            pending = _Block(pending.first, number, pending.words + words, pending.weight + weight)
        if len(pending.words) >= MIN_WORDS:
            blocks.append(pending)
            pending = None
    if pending is not None:
        blocks.append(pending)
    return blocks


def block_language(words: list[str], declared: str) -> str | None:
    """The language of the evidence `words` when it is confidently one (the declared one or
    another), else None."""
    from toolkit.text.language_guess import stop_word_hits
    from toolkit.text.stop_words import check_stop_words

    letters = sum(map(len, words))
    if len(words) < MIN_WORDS and letters < SHORT_LETTERS:
        return None
    hits = stop_word_hits(Counter(words), check_stop_words)
    own = next((count for count, code in hits if code == declared), 0)
    others = [(count, code) for count, code in hits if code != declared]
    (best, code), (near, _) = others[0], others[1]
    if own < 0.1 * len(words) and _mostly_other_script(words):
        return code if best >= FOREIGN_SHARE * len(words) else _named_by_langdetect(words)
    if check_stop_words(declared):
        if own >= best:
            return declared
        if best >= FOREIGN_SHARE * len(words) and own <= RIVAL * best and near < NEAR * best:
            return code
    return _langdetect_verdict(words, declared, [c for _, c in others[:CANDIDATES]])


def _langdetect_verdict(words: list[str], declared: str, others: list[str]) -> str | None:
    from toolkit.text.detection import detect_among, has_profile

    if sum(map(len, words)) < SHORT_LETTERS or not has_profile(declared):
        return None
    code, probability = detect_among(" ".join(words), [declared, *others])
    return code if probability >= SURE_PROBABILITY else None


def _named_by_langdetect(words: list[str]) -> str | None:
    from toolkit.text.detection import detect_language

    return detect_language(" ".join(words)).code


def _mostly_other_script(words: list[str]) -> bool:
    letters = "".join(words)
    latin = sum(char < "\u0250" for char in letters)  # Basic Latin to Latin Extended-B
    return 2 * latin < len(letters)

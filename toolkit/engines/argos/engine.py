"""Argos Translate packages through CTranslate2: every sentence of the input in one sorted batch.

argostranslate translates paragraph by paragraph with a sentence splitter that needs downloads;
here the project's own segmenter cuts the sentences, the package's tokenizer encodes them, and one
`translate_batch` call over the whole input, sorted by length and batched by tokens, keeps the
model busy. Results go back in input order; the whitespace around each sentence is kept.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import cached_property, partial
from typing import TYPE_CHECKING

from toolkit.engines import quality
from toolkit.engines.argos import packages
from toolkit.engines.argos import tokenizers as argos_tokenizers
from toolkit.engines.base import (
    Advance,
    EngineOutput,
    EngineUnavailable,
    Hop,
    ProgressFactory,
    Route,
    Share,
)
from toolkit.errors import ToolkitError, UsageError
from toolkit.text.document import split_sentences

if TYPE_CHECKING:
    import ctranslate2

    from toolkit.engines.argos.tokenizers import Tokenizer

DEVICES = ("auto", "cpu", "cuda")
DEFAULT_BEAM_SIZE = 4  # argostranslate's default
# Longest token sequence given to the model at once; longer sentences are cut at word starts, so
# nothing is truncated, and the output may be up to twice as long.
MAX_TOKENS = 256
MAX_DECODING_LENGTH = 2 * MAX_TOKENS
# Tokens per batch: enough to keep the GPU busy, little padding once sorted. On CPU each core
# translates batches of its own (CTranslate2's inter_threads, one thread each: about a fifth more
# tokens per CPU second than two threads on each batch, benchmarks/argos_speed.py --knobs), so an
# input is cut into at least a batch per core.
BATCH_TOKENS = {"cpu": 2048, "cuda": 16384}
MAX_THREADS_PER_CORE = 4  # CTranslate2 aborts when asked for far more threads than it can make
PROGRESS_BATCHES = 2  # batches per call when a progress bar is shown
# Decoding options as argostranslate sets them, for the same translations.
LENGTH_PENALTY = 0.2
PIVOT = "en"
_LINE_BREAK = re.compile(r"[^\S\n]*\n\s*")
SOFT_WRAP_WIDTH = 40  # a line at least this long, followed by a lowercase word, was wrapped


@dataclass(frozen=True)
class _Sentence:
    """A sentence cut into the whitespace around it and the text the model sees."""

    lead: str
    core: str
    trail: str


class ArgosEngine:
    name = "argos"

    def __init__(
        self,
        device: str = "auto",
        threads: int = 0,
        beam_size: int = DEFAULT_BEAM_SIZE,
        progress: ProgressFactory | None = None,
        warn: Callable[[str], None] | None = None,
    ) -> None:
        if device not in DEVICES:
            raise UsageError(f"unknown device {device!r}; choose {', '.join(DEVICES)}")
        cores = len(os.sched_getaffinity(0))
        if threads < 0:
            raise UsageError("--threads must be 0 (every core) or more")
        if threads > MAX_THREADS_PER_CORE * cores:
            raise UsageError(
                f"--threads {threads} is more than {MAX_THREADS_PER_CORE} per core "
                f"({cores} here); give at most {MAX_THREADS_PER_CORE * cores}, or 0 for every core"
            )
        if beam_size < 1:
            raise UsageError("--beam-size must be 1 (greedy) or more")
        self.device_choice = device
        self.threads = threads or cores
        self.beam_size = beam_size
        # A bar per call where the caller draws none of its own (not in corpus mode).
        self.progress = progress
        self.warn = warn  # told of each package folder that cannot be used
        self._models: dict[str, tuple[ctranslate2.Translator, Tokenizer]] = {}

    def unavailable_reason(self) -> str | None:
        missing = [
            m for m in ("ctranslate2", "sentencepiece") if importlib.util.find_spec(m) is None
        ]
        if missing:
            return f"{' and '.join(missing)} not installed; run: pip install argos-translate-lt"
        if not self._packages:
            return (
                f"no Argos Translate package is installed in {packages.install_dir()}; run "
                "`toolkit models install FROM-TO` (online) or `toolkit models install FILE.argosmodel`"
            )
        return None

    def hops(self) -> list[Hop]:
        return [Hop(p.source, p.target, p.name) for p in self._packages.values()]

    @cached_property
    def _packages(self) -> dict[str, packages.InstalledPackage]:
        """Installed packages by folder name; the first found for a pair, as argostranslate does."""
        chosen: dict[str, packages.InstalledPackage] = {}
        pairs = set()
        for package in packages.installed(self.warn):
            if package.pair not in pairs and package.name not in chosen:
                chosen[package.name] = package
                pairs.add(package.pair)
        return chosen

    def rank(self, routes: list[Route]) -> list[Route]:
        """Measured routes first (none are yet), then the shortest, pivoting through English as
        argostranslate does."""
        return quality.ranked(routes, lambda r: sum(lang != PIVOT for lang in r.languages[1:-1]))

    def translate(
        self, paragraphs: list[str], route: Route, done: Share | None = None
    ) -> EngineOutput:
        """`done` hears of each hop through, and of each call within one where the engine's own
        bar has it translate in several calls: it never changes how the text is batched."""
        texts, unknown, words = list(paragraphs), 0, 0
        for number, hop in enumerate(route.hops):
            package = self._packages.get(hop.model)
            if package is None:
                raise EngineUnavailable(f"the Argos package {hop.model} is no longer installed")
            share = None
            if done is not None:
                share = partial(_hop_share, done, number, len(route.hops))
            texts, hop_unknown, hop_words = self._translate_hop(texts, package, share)
            if share is not None:
                share(1.0)
            if number == 0:
                # Unknown pieces are in the source: its words, as the tokenizer cuts them.
                unknown, words = hop_unknown, hop_words
        return EngineOutput(texts, unknown, words)

    # ------------------------------------------------------------------ one package

    def _translate_hop(
        self,
        paragraphs: list[str],
        package: packages.InstalledPackage,
        done: Share | None = None,
    ) -> tuple[list[str], int, int]:
        """The paragraphs translated, the source words holding a piece the vocabulary lacks,
        and the source words."""
        translator, tokenizer = self._load(package)
        sentences = [
            [part for span in split_sentences(p, package.source) for part in _lines(span.text)]
            for p in paragraphs
        ]
        cores = [s.core for paragraph in sentences for s in paragraph if s.core]
        tokens = tokenizer.encode(cores) if cores else []
        unknown = sum(tokenizer.unknown(t) for t in tokens)
        words = sum(argos_tokenizers.words(tokenizer, t) for t in tokens)

        units: list[list[str]] = []  # what the model translates: sentences, or parts of long ones
        owners: list[tuple[int, bool]] = []  # (sentence, whether a space comes before this part)
        for number, sequence in enumerate(tokens):
            for start, end in _cuts(sequence, tokenizer):
                units.append(sequence[start:end])
                owners.append((number, start > 0 and tokenizer.starts_word(sequence, start)))
        outputs = self._run(translator, units, package, done)

        translated = [""] * len(cores)
        for (number, spaced), result in zip(owners, outputs, strict=True):
            text = tokenizer.decode(result)
            translated[number] += (" " if spaced and translated[number] else "") + text
        for number, sequence in enumerate(tokens):
            if not sequence:  # nothing the model can see (a lone control character): keep it
                translated[number] = cores[number]

        results, position = [], 0
        for paragraph in sentences:
            pieces = []
            for sentence in paragraph:
                if sentence.core:
                    pieces += [sentence.lead, translated[position], sentence.trail]
                    position += 1
                else:
                    pieces.append(sentence.lead)
            results.append("".join(pieces))
        return results, unknown, words

    def _run(
        self,
        translator: ctranslate2.Translator,
        units: list[list[str]],
        package: packages.InstalledPackage,
        done: Share | None = None,
    ) -> list[list[str]]:
        """Translate every unit in one length-sorted stream of batches; results in input order.

        One translate_batch call over everything; with a progress bar on screen, a call per few
        batches instead, so that the bar moves (CTranslate2 returns a call's results together).
        """
        order = sorted(range(len(units)), key=lambda i: len(units[i]))
        ordered = [units[i] for i in order]
        prefix = [package.target_prefix] if package.target_prefix else None
        batch_tokens = self.batch_tokens(sum(map(len, units)))
        translated: list[list[str]] = []
        with _progress(
            self.progress, len(units), f"argos {package.pair} ({self.device})"
        ) as advance:
            step = max(PROGRESS_BATCHES, self.threads) * batch_tokens if advance else None
            for group in _groups(ordered, step):
                results = translator.translate_batch(
                    group,
                    target_prefix=[prefix] * len(group) if prefix else None,
                    max_batch_size=batch_tokens,
                    batch_type="tokens",
                    beam_size=self.beam_size,
                    length_penalty=LENGTH_PENALTY,
                    replace_unknowns=True,
                    max_input_length=0,
                    max_decoding_length=MAX_DECODING_LENGTH,
                )
                translated += [r.hypotheses[0] for r in results]
                if advance:
                    advance(len(group))
                if done is not None:
                    done(len(translated) / len(units))
        outputs: list[list[str]] = [[] for _ in units]
        for index, hypothesis in zip(order, translated, strict=True):
            if prefix and hypothesis[:1] == prefix:
                hypothesis = hypothesis[1:]
            outputs[index] = hypothesis
        return outputs

    def batch_tokens(self, tokens: int) -> int:
        """The tokens per batch for an input of `tokens` tokens."""
        if self.device != "cpu":
            return BATCH_TOKENS[self.device]
        return max(1, min(BATCH_TOKENS["cpu"], -(-tokens // self.threads)))

    def _load(self, package: packages.InstalledPackage) -> tuple[ctranslate2.Translator, Tokenizer]:
        """The package's model and tokenizer, loaded once per run."""
        if package.name not in self._models:
            import ctranslate2

            try:
                translator = ctranslate2.Translator(
                    str(package.model),
                    device=self.device,
                    compute_type=self.compute_type,
                    inter_threads=self.threads if self.device == "cpu" else 1,
                    intra_threads=1 if self.device == "cpu" else self.threads,
                )
                tokenizer = argos_tokenizers.load(package)
            except (RuntimeError, ValueError, OSError) as err:
                raise ToolkitError(
                    f"cannot load the Argos package {package.name} ({package.path}): {err}; "
                    "reinstall it with `toolkit models install`"
                ) from None
            self._models[package.name] = (translator, tokenizer)
        return self._models[package.name]

    @cached_property
    def device(self) -> str:
        import ctranslate2

        gpus = ctranslate2.get_cuda_device_count()
        if self.device_choice == "auto":
            return "cuda" if gpus else "cpu"
        if self.device_choice == "cuda" and not gpus:
            raise ToolkitError(
                "--device cuda: CTranslate2 finds no CUDA device here; use --device cpu"
            )
        return self.device_choice

    @cached_property
    def compute_type(self) -> str:
        """int8 on CPU, int8/float16 on a GPU, where supported; else the model's own type."""
        import ctranslate2

        supported = ctranslate2.get_supported_compute_types(self.device)
        preferred = ("int8",) if self.device == "cpu" else ("int8_float16", "float16")
        return next((c for c in preferred if c in supported), "default")


def _lines(sentence: str) -> list[_Sentence]:
    """A sentence cut at its line breaks, except where a line of prose was only wrapped.

    The model cannot place a line break, so a kept break is a cut: a list of names on separate
    lines stays a list. A long line followed by a lowercase word is prose wrapped at a width, and
    is translated whole (the break becomes a space, as SentencePiece normalises it).
    """
    pieces, start = [], 0
    for brk in _LINE_BREAK.finditer(sentence):
        line = sentence[: brk.start()].rsplit("\n", 1)[-1]
        following = sentence[brk.end() : brk.end() + 1]
        if len(line) >= SOFT_WRAP_WIDTH and following.islower():
            continue
        pieces.append(sentence[start : brk.end()])
        start = brk.end()
    pieces.append(sentence[start:])
    return [_parts(piece) for piece in pieces if piece]


def _parts(text: str) -> _Sentence:
    core = text.strip()
    if not core:
        return _Sentence(text, "", "")
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    return _Sentence(text[:lead], core, text[trail:])


def _groups(units: list[list[str]], tokens: int | None) -> Iterator[list[list[str]]]:
    """Consecutive groups of sorted units of at most `tokens` padded tokens (all, for None)."""
    if tokens is None:
        if units:
            yield units
        return
    group: list[list[str]] = []
    for unit in units:
        if group and (len(group) + 1) * len(unit) > tokens:
            yield group
            group = []
        group.append(unit)
    if group:
        yield group


def _cuts(tokens: list[str], tokenizer: Tokenizer) -> list[tuple[int, int]]:
    """Cut a long sequence into parts of at most MAX_TOKENS, at word starts where there is one."""
    cuts, start = [], 0
    while len(tokens) - start > MAX_TOKENS:
        end = start + MAX_TOKENS
        cut = next((i for i in range(end, start, -1) if tokenizer.starts_word(tokens, i)), end)
        cuts.append((start, cut))
        start = cut
    cuts.append((start, len(tokens)))
    return cuts


def _hop_share(done: Share, hop: int, hops: int, share: float) -> None:
    """The share of a whole route done, from the share of one of its hops."""
    done((hop + share) / hops)


def _progress(
    factory: ProgressFactory | None, total: int, label: str
) -> AbstractContextManager[Advance | None]:
    """The caller's progress bar for `total` units, when it gave a factory and there is more
    than one unit; else nothing to advance (None)."""
    if factory is None or total < 2:
        return nullcontext(None)
    return factory(total, label)

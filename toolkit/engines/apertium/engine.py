"""Apertium, the rule-based engine from Debian: installed modes, pivot routes, each mode's programs
loaded once and kept running between calls."""

from __future__ import annotations

import re
import shutil
import weakref
from collections import Counter
from functools import cached_property

from toolkit.engines import quality
from toolkit.engines.apertium import lexicon, modes
from toolkit.engines.apertium.pipeline import Pipeline, run_route
from toolkit.engines.base import EngineOutput, EngineUnavailable, Hop, Route, Share
from toolkit.errors import ToolkitError
from toolkit.text import languages

# A plain pair mode such as fr-es or fra-cat; variants (eng-cat_valencia) and debug modes are skipped.
_PAIR_MODE = re.compile(r"^([a-z]{2,3})-([a-z]{2,3})$")


class ApertiumEngine:
    name = "apertium"

    def __init__(self, executable: str = "apertium") -> None:
        self.executable = shutil.which(executable)
        # Null-flush pipelines by mode, kept for the next call; closed with the engine.
        self._commands: dict[str, list[modes.Command]] = {}
        self._pipelines: dict[tuple[str, int], Pipeline] = {}
        self._lexicon = lexicon.Lexicon()
        weakref.finalize(self, _close, self._pipelines)
        weakref.finalize(self, self._lexicon.close)

    def close(self) -> None:
        """End the programs kept loaded: they finish by themselves, not waited for; a later call
        starts them again."""
        _close(self._pipelines)
        self._lexicon.close()

    def unavailable_reason(self) -> str | None:
        if self.executable is None:
            return "apertium is not installed; run: sudo apt-get install apertium apertium-fr-es"
        if not self.hops():
            return (
                "no Apertium language pair is installed; run: sudo apt-get install apertium-fr-es"
            )
        return None

    def hops(self) -> list[Hop]:
        return self._hops

    @cached_property
    def _hops(self) -> list[Hop]:
        if self.executable is None:
            return []
        hops = []
        for mode in modes.installed(self.executable):
            match = _PAIR_MODE.match(mode)
            if match:
                source, target = (languages.normalize(code) for code in match.groups())
                if source and target:
                    hops.append(Hop(source, target, mode))
        return hops

    def translate(
        self, paragraphs: list[str], route: Route, done: Share | None = None
    ) -> EngineOutput:
        if self.executable is None:
            raise EngineUnavailable(self.unavailable_reason() or "apertium is not available")
        started: list[Pipeline] = []
        try:
            hops = [self._pipelines_of(hop.model, started) for hop in route.hops]
            results = run_route(hops, paragraphs, done)
        except BaseException:
            self._drop(started)  # in an unknown state: read and started afresh next time
            for hop in route.hops:
                self._commands.pop(hop.model, None)
            raise
        self._drop([pipeline for pipeline in started if not pipeline.kept])
        unknown: list[list[str]] = [[] for _ in paragraphs]  # per paragraph, once across hops
        for hop, result in zip(route.hops, results, strict=True):
            if len(result.paragraphs) != len(paragraphs):
                raise ToolkitError(
                    f"apertium {hop.model} returned {len(result.paragraphs)} paragraphs for "
                    f"{len(paragraphs)}; please report this input"
                )
            for known, new in zip(unknown, result.unknown, strict=True):
                # A word unknown to a first hop passes on untranslated, unknown to the next too.
                known += (Counter(new) - Counter(known)).elements()
            paragraphs = result.paragraphs
        # The words of the last hop, counted as its unknown words are (a marked word is one). A
        # later hop may cut a run that an earlier one marked otherwise (x2y as x and 2y), so that
        # the same letters count twice: the words bound the count.
        words = results[-1].words
        lost = tuple(
            tuple((hop, tags) for hop, result in enumerate(results) for tags in result.lost[index])
            for index in range(len(paragraphs))
        )
        return EngineOutput(
            paragraphs,
            min(sum(len(found) for found in unknown), words),
            words,
            tuple(tuple(found) for found in unknown),
            lost if any(lost) else (),
        )

    def look_up(self, words: list[str], route: Route) -> list[str | None]:
        """Each word alone through the route's dictionaries (1:1), None where one does not know
        it; nothing is started for no word, and a route whose modes name no dictionaries knows
        none."""
        if not words or self.executable is None:
            return [None for _ in words]
        folder = modes.data_folder(self.executable) / "modes"
        hops = [lexicon.dictionaries(folder / f"{hop.model}.mode") for hop in route.hops]
        if any(hop is None for hop in hops):
            return [None for _ in words]
        return self._lexicon.translate([hop for hop in hops if hop is not None], words)

    def translated_to_nothing(self, words: list[str], route: Route) -> list[tuple[str, ...]]:
        """For each word (1:1), the tags of its readings that the route's first hop translates to
        no word (which Apertium drops); none for a mode that names no dictionaries."""
        if not words or self.executable is None:
            return [() for _ in words]
        folder = modes.data_folder(self.executable) / "modes"
        first = lexicon.dictionaries(folder / f"{route.hops[0].model}.mode")
        if first is None:
            return [() for _ in words]
        return self._lexicon.translated_to_nothing(first, words)

    def words_of(self, words: list[str], language: str) -> list[bool]:
        """Whether each word (1:1), as written, is a word of the language: one that the analyser of
        an installed mode from that language knows."""
        if words and self.executable is not None:
            folder = modes.data_folder(self.executable) / "modes"
            for hop in sorted(self.hops(), key=lambda hop: hop.model):
                found = lexicon.dictionaries(folder / f"{hop.model}.mode")
                if hop.source == language and found is not None:
                    return self._lexicon.known(found.analyser, words)
        return [False for _ in words]

    def rank(self, routes: list[Route]) -> list[Route]:
        """By measured quality: the fewest unknown words is not the best translation (fr→ca→en
        leaves fewer than fr→es→en and reads worse)."""
        return quality.ranked(routes)

    def _pipelines_of(self, model: str, started: list[Pipeline]) -> list[Pipeline]:
        """The mode's programs, each added to `started` once running: those kept loaded from an
        earlier call, the others started now, in null-flush mode connected directly to the
        programs kept loaded around them."""
        if model not in self._commands:
            assert self.executable is not None
            self._commands[model] = modes.commands(self.executable, model)
        commands = self._commands[model]
        kept: dict[int, Pipeline] = {}
        for index, command in enumerate(commands):
            if command.kept:
                key = (model, index)
                kept[index] = self._pipelines.get(key) or Pipeline(command, model)
                self._pipelines[key] = kept[index]
                started.append(kept[index])
        pipelines = []
        for index, command in enumerate(commands):
            if command.kept:
                pipelines.append(kept[index])
                continue
            if command.null_flush:
                source, sink = kept.get(index - 1), kept.get(index + 1)
                pipelines.append(Pipeline(command, model, source, sink))
            else:
                pipelines.append(Pipeline(command, model))
            started.append(pipelines[-1])
        return pipelines

    def _drop(self, pipelines: list[Pipeline]) -> None:
        for key, kept in list(self._pipelines.items()):
            if kept in pipelines:
                del self._pipelines[key]
        for pipeline in pipelines:
            pipeline.close()


def _close(pipelines: dict[tuple[str, int], Pipeline]) -> None:
    for pipeline in pipelines.values():
        pipeline.close()
    pipelines.clear()

"""The Engine protocol, routes through one or more language pairs, and the engine registry."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from toolkit.errors import ToolkitError, UsageError


@dataclass(frozen=True)
class Hop:
    """One language pair an engine translates directly; `model` names its mode or package."""

    source: str
    target: str
    model: str


@dataclass(frozen=True)
class Route:
    """A chain of hops of one engine from a source language to a target language."""

    engine: str
    hops: tuple[Hop, ...]

    @property
    def source(self) -> str:
        return self.hops[0].source

    @property
    def target(self) -> str:
        return self.hops[-1].target

    @property
    def languages(self) -> list[str]:
        return [self.source] + [hop.target for hop in self.hops]

    def describe(self) -> str:
        models = ", ".join(hop.model for hop in self.hops)
        return f"{self.engine} {'→'.join(self.languages)} ({models})"


@dataclass(frozen=True)
class EngineOutput:
    """Translated paragraphs, 1:1 with the input, and how many words the engine did not know;
    `unknown`, when the engine tells, holds those words for each paragraph (1:1).

    `words` are counted as the engine counts its unknown words, so that they are never fewer:
    Apertium's in its output (where it marks them), Argos's in its input (as its tokenizer cuts it).
    """

    paragraphs: list[str]
    unknown_words: int = 0
    words: int = 0
    unknown: tuple[tuple[str, ...], ...] = ()
    # Per paragraph (1:1) when the engine tells: the words it dropped without a trace, each as
    # (the index of the hop that dropped it, what the engine says of it: Apertium, its tags).
    lost: tuple[tuple[tuple[int, str], ...], ...] = ()


class EngineUnavailable(ToolkitError):
    """The engine cannot run here; the message says what to install."""


class Engine(Protocol):
    name: str

    def unavailable_reason(self) -> str | None:
        """None when the engine can run, else one line saying what to install."""

    def hops(self) -> list[Hop]:
        """Every language pair installed for this engine."""

    def translate(
        self, paragraphs: list[str], route: Route, done: Share | None = None
    ) -> EngineOutput:
        """Translate every paragraph along the route, in one batch, 1:1; `done`, when given, is
        told the share of the call's work done as the engine goes (at its own pace: it may be
        told little, or nothing before the end)."""

    def rank(self, routes: list[Route]) -> list[Route]:
        """Routes to the same target in this engine's order of preference, the best first."""


def find_routes(
    engine: str,
    hops: list[Hop],
    source: str,
    target: str,
    max_hops: int = 3,
    shortest_only: bool = True,
) -> list[Route]:
    """Routes from source to target through the given hops, shortest first, no language twice:
    only the shortest, or every route of up to `max_hops` hops."""
    if source == target:
        return []
    found: list[Route] = []
    frontier: list[tuple[Hop, ...]] = [(hop,) for hop in hops if hop.source == source]
    for _ in range(max_hops):
        next_frontier = []
        for path in frontier:
            if path[-1].target == target:
                found.append(Route(engine, path))
                continue
            seen = {source} | {hop.target for hop in path}
            next_frontier += [
                (*path, hop)
                for hop in hops
                if hop.source == path[-1].target and hop.target not in seen
            ]
        if found and shortest_only:
            break
        frontier = next_frontier
    return found


# In order of preference for `--engine auto`.
ENGINE_NAMES = ("argos", "apertium")
_IMPLEMENTATIONS = {
    "argos": ("toolkit.engines.argos.engine", "ArgosEngine"),
    "apertium": ("toolkit.engines.apertium.engine", "ApertiumEngine"),
}


# Moves a progress bar on by n units of work.
Advance = Callable[[int], None]
# Told the share of a piece of work done so far, from 0 to 1, never less than it was told before.
Share = Callable[[float], None]
# Shows a bar of `total` units labelled `label` while the work runs; None where none shows.
ProgressFactory = Callable[[int, str], AbstractContextManager[Advance | None]]

# Options the program sets for every engine, which an engine may ignore.
_SHARED_OPTIONS = frozenset({"progress", "warn"})


def load(name: str, strict: bool = False, **options: object) -> Engine:
    """An engine instance by name; the module is imported only now. `strict`: the user chose
    this engine, so an option it does not take (--device for apertium) is refused."""
    try:
        module_name, class_name = _IMPLEMENTATIONS[name]
    except KeyError:
        raise UsageError(
            f"unknown engine {name!r}; choose auto, {', '.join(ENGINE_NAMES)}"
        ) from None
    engine_class = getattr(importlib.import_module(module_name), class_name)
    # Each engine takes the options it understands (--device is for argos, not apertium).
    accepted = inspect.signature(engine_class).parameters
    refused = [key for key in options if key not in accepted and key not in _SHARED_OPTIONS]
    if strict and refused:
        flags = ", ".join("--" + key.replace("_", "-") for key in refused)
        raise UsageError(f"{flags}: not an option of the {name} engine")
    return engine_class(**{key: value for key, value in options.items() if key in accepted})

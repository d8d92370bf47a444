"""What the server translates: each source language's targets, from the engines installed (the
routes `toolkit engines` lists), computed once when the server starts."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.engines import routing
from toolkit.engines.base import Engine
from toolkit.text import languages


@dataclass(frozen=True)
class Catalogue:
    targets: dict[str, list[str]]  # source -> its targets, sorted

    @property
    def codes(self) -> list[str]:
        """Every language the server knows, as a source or a target, sorted."""
        found = set(self.targets) | {t for targets in self.targets.values() for t in targets}
        return sorted(found)

    def languages(self) -> list[dict[str, object]]:
        """GET /languages: LibreTranslate's list, each language with its targets."""
        return [
            {"code": code, "name": languages.name(code), "targets": self.targets.get(code, [])}
            for code in self.codes
        ]


def catalogue(engines: list[Engine]) -> Catalogue:
    """Each source's targets over every available engine: a direct pair or a pivot route."""
    targets: dict[str, set[str]] = {}
    for engine in engines:
        if engine.unavailable_reason():
            continue
        hops = engine.hops()
        codes = {hop.source for hop in hops} | {hop.target for hop in hops}
        for source in sorted({hop.source for hop in hops}):
            for target in sorted(codes - {source}):
                if routing.routes(engine, source, target):
                    targets.setdefault(source, set()).add(target)
    return Catalogue({source: sorted(found) for source, found in sorted(targets.items())})

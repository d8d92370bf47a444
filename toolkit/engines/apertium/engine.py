"""Apertium, the rule-based engine from Debian: installed modes, pivot routes, one process per hop."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from functools import cached_property

from toolkit.engines.apertium import stream as apertium_stream
from toolkit.engines.base import EngineOutput, EngineUnavailable, Hop, Route
from toolkit.errors import ToolkitError
from toolkit.text import languages

# A plain pair mode such as fr-es or fra-cat; variants (eng-cat_valencia) and debug modes are skipped.
_PAIR_MODE = re.compile(r"^([a-z]{2,3})-([a-z]{2,3})$")
# Words used to compare routes: enough to tell them apart, few enough to cost little.
SAMPLE_WORDS = 2000

# Debian package that brings a direct pair from French, or the pivot pairs, per target language.
DEBIAN_PACKAGES = {
    "es": ["apertium-fr-es"],
    "ca": ["apertium-fra-cat"],
    "eo": ["apertium-eo-fr"],
    "oc": ["apertium-oci-fra"],
    "frp": ["apertium-fra-frp"],
    "en": ["apertium-fra-cat", "apertium-eng-cat"],
    "pt": ["apertium-fr-es", "apertium-es-pt"],
    "gl": ["apertium-fr-es", "apertium-es-gl"],
    "it": ["apertium-fr-es", "apertium-spa-ita"],
}


class ApertiumEngine:
    name = "apertium"

    def __init__(self, executable: str = "apertium") -> None:
        self.executable = shutil.which(executable)

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
        listing = self._run(["-l"], "")
        hops = []
        for mode in listing.split():
            match = _PAIR_MODE.match(mode)
            if match:
                source, target = (languages.normalize(code) for code in match.groups())
                if source and target:
                    hops.append(Hop(source, target, mode))
        return hops

    def translate(self, paragraphs: list[str], route: Route) -> EngineOutput:
        if self.executable is None:
            raise EngineUnavailable(self.unavailable_reason() or "apertium is not available")
        unknown: Counter[str] = Counter()  # each unknown word once, however many hops it crossed
        unknown_count = 0
        for hop in route.hops:
            stream = self._run(["-f", "none", hop.model], apertium_stream.encode(paragraphs))
            translated, hop_unknown = apertium_stream.decode(stream)
            if len(translated) != len(paragraphs):
                raise ToolkitError(
                    f"apertium {hop.model} returned {len(translated)} paragraphs for "
                    f"{len(paragraphs)}; please report this input"
                )
            new = hop_unknown - unknown  # a word unknown to a first hop passes on unknown
            unknown_count += sum(new.values())
            unknown += new
            paragraphs = translated
        words = sum(len(p.split()) for p in paragraphs)
        return EngineOutput(paragraphs, unknown_count, words)

    def choose(self, paragraphs: list[str], routes: list[Route]) -> Route:
        """The route that leaves the fewest unknown words on a sample of this input."""
        if len(routes) == 1:
            return routes[0]
        sample = _sample(paragraphs, SAMPLE_WORDS)
        return min(routes, key=lambda route: self.translate(sample, route).unknown_words)

    def _run(self, arguments: list[str], text: str) -> str:
        assert self.executable is not None
        try:
            result = subprocess.run(
                [self.executable, *arguments],
                input=text.encode(),
                capture_output=True,
                check=False,
            )
        except OSError as err:
            raise EngineUnavailable(f"cannot run apertium: {err.strerror}") from None
        if result.returncode != 0:
            message = result.stderr.decode(errors="replace").strip().splitlines()
            raise ToolkitError(
                f"apertium {' '.join(arguments)} failed: {message[-1] if message else result.returncode}"
            )
        return result.stdout.decode(errors="replace")


def _sample(paragraphs: list[str], words: int) -> list[str]:
    sample, count = [], 0
    for paragraph in paragraphs:
        sample.append(paragraph)
        count += len(paragraph.split())
        if count >= words:
            break
    return sample

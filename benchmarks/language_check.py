"""The check of --from: false refusals of French text, true refusals of other languages given as
French, and the CPU time of the check, the new rule beside the one it replaced.

    .venv/bin/python -m benchmarks.language_check

French (none may be refused): OrangeSum's 500 validation articles, the French Debian Reference in
texts of 8 prose paragraphs, French manual pages, and texts made here of the example release's
paragraphs with capital datelines, with a minority of English, and with lists of names. Foreign
(given as `--from fr`, each should be refused): the Debian Reference in English, Spanish and Italian
(8 prose paragraphs a text), manual pages in German. The CPU time is the check's, cold (imports,
stop-word lists, langdetect profiles), on a 54,000-word French text, each rule in a fresh process.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from benchmarks.lib import debian_reference, orangesum
from benchmarks.lib.french_text import french_paragraphs

ROOT = Path(__file__).resolve().parent.parent
MAN = Path("/usr/share/man")
_GROFF = re.compile(r"\\f[BIRP]|\\\(..|\\[-&e]|\\s[-+]?\d")
ENGLISH = (
    "The international community must act now to end the blockade of the only road linking the "
    "region to the outside world. We call on all parties to respect their commitments and to "
    "allow humanitarian aid to reach the people who need it most, without delay."
)
NAMES = (
    "Anna Hakobyan, Davit Babayan, Arayik Harutyunyan, Ruben Vardanyan, Gurgen Nersisyan, Samvel "
    "Shahramanyan, Artur Tovmasyan, Masis Mayilyan, Karen Mirzoyan, Levon Mnatsakanyan, Sergey "
    "Ghazaryan, Arman Tatoyan, Gegham Stepanyan, Siranush Sargsyan, Lilit Makunts"
).split(", ")

Decision = Callable[[list[str], str], str | None]  # the language refused for, or None


def new_rule(paragraphs: list[str], declared: str) -> str | None:
    from toolkit.text.language_check import check_language

    return check_language(paragraphs, declared).looks_like


def old_rule(paragraphs: list[str], declared: str) -> str | None:
    """The check as it was before issue 23: the first 10,000 characters as one text, stop words
    first, else langdetect with all its profiles."""
    from toolkit.text import spans
    from toolkit.text.detection import SAMPLE
    from toolkit.text.language_guess import language_of

    text = "\n".join(spans.without(p) for p in paragraphs)[:SAMPLE]
    if len(re.findall(r"[^\W\d_]+", text)) < 20:
        return None
    guess = language_of(text)
    return guess.code if guess.sure and guess.code not in (None, declared) else None


def debian_texts(language: str, size: int = 8) -> list[list[str]]:
    prose = [
        p.text
        for p in debian_reference.paragraphs(language)
        if debian_reference.is_prose(p, language, min_words=8, max_words=1000)
    ]
    return [prose[i : i + size] for i in range(0, len(prose) - size + 1, size)]


def man_texts(language: str, limit: int = 150, english_left_out: bool = True) -> list[list[str]]:
    texts = []
    for page in sorted((MAN / language).rglob("*.gz"))[:limit]:
        source = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
        lines = [_GROFF.sub("", line) for line in source.splitlines()]
        paragraphs, current = [], []
        for line in lines:
            if line.startswith((".", "'")):
                if current:
                    paragraphs.append(" ".join(current))
                    current = []
            elif line.strip():
                current.append(line.strip())
        if current:
            paragraphs.append(" ".join(current))
        # Many French pages are translated only in part: their English paragraphs are left out,
        # as the Debian Reference's are.
        if english_left_out:
            paragraphs = [p for p in paragraphs if debian_reference.looks_like(p, language)]
        if sum(len(p.split()) for p in paragraphs) >= 60:
            texts.append(paragraphs)
    return texts


def release_variants() -> dict[str, list[list[str]]]:
    from toolkit.text.document import segment

    release = [
        p.text for p in segment((ROOT / "examples" / "release-fr.txt").read_text()).paragraphs
    ]
    datelines = [
        [f"STEPANAKERT, {d} MARS 2024 (AFP) – COMMUNIQUÉ N° {d}" for d in range(1, 13)],
        *(
            [f"EREVAN, {d} AVRIL (ARMENPRESS) –", *release[k : k + 2]]
            for d in range(1, 13)
            for k in range(4)
        ),
    ]
    quoted = [
        *([*release[:k], f"« {ENGLISH} »", *release[k:]] for k in range(6)),
        *([*release[: k + 2], ENGLISH] for k in range(4)),
        *([release[k], f"Le ministre a déclaré : “{ENGLISH} {ENGLISH}”"] for k in range(5)),
    ]
    names = [
        [f"Ont signé : {', '.join(NAMES[k:] + NAMES[:k])}.", *release[k : k + 1]]
        for k in range(len(NAMES))
    ] + [["\n".join(NAMES[k:] + NAMES[:k])] for k in range(len(NAMES))]
    repeated = [[("le ministre a parlé " * n).strip() + "."] for n in (50, 500, 52_000)]
    return {
        "capital datelines": datelines,
        "French with English": quoted,
        "lists of names": names,
        "repeated phrase": repeated,
    }


def french_sets() -> Iterator[tuple[str, list[list[str]]]]:
    articles = orangesum.load()
    yield "OrangeSum (valid)", [a.article.split("\n\n") for a in articles]
    yield "Debian Reference fr", debian_texts("fr")
    yield "manual pages fr", man_texts("fr")
    yield from release_variants().items()


def foreign_sets() -> Iterator[tuple[str, str, list[list[str]]]]:
    for language in ("en", "es", "it"):
        yield language, f"Debian Reference {language}", debian_texts(language)
    yield "de", "manual pages de", man_texts("de", english_left_out=False)


def cpu_time(rule: str) -> float:
    """The check's CPU seconds on a 54,000-word French text, in a fresh process: cold."""
    code = (
        "import time, sys\n"
        "from benchmarks.language_check import new_rule, old_rule\n"
        "from benchmarks.lib.french_text import french_paragraphs\n"
        "paragraphs = french_paragraphs(54_000)\n"
        "started = time.process_time()\n"
        f"{rule}_rule(paragraphs, 'fr')\n"
        "print(time.process_time() - started)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(done.stdout)


def main() -> None:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
    rules: dict[str, Decision] = {"old": old_rule, "new": new_rule}
    print("French, false refusals (old → new):")
    for name, texts in french_sets():
        counts = {k: sum(rule(t, "fr") is not None for t in texts) for k, rule in rules.items()}
        print(f"  {name:22} {len(texts):5} texts: {counts['old']:4} → {counts['new']:4}")
    print("Given as --from fr, true refusals (old → new):")
    for language, name, texts in foreign_sets():
        shares = {
            k: sum(rule(t, "fr") is not None for t in texts) / len(texts)
            for k, rule in rules.items()
        }
        named = sum(new_rule(t, "fr") == language for t in texts) / len(texts)
        print(
            f"  {name:22} {len(texts):5} texts: {shares['old']:.1%} → {shares['new']:.1%}"
            f" (named {language}: {named:.1%})"
        )
    words = sum(len(p.split()) for p in french_paragraphs(54_000))
    old, new = (min(cpu_time(rule) for _ in range(3)) for rule in ("old", "new"))
    print(
        f"CPU of the check on {words:,} French words, cold: old {old:.3f} s, new {new:.3f} s "
        f"({old / new:.1f}×)"
    )


if __name__ == "__main__":
    main()

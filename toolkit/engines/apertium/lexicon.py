"""Words looked up alone in a route's dictionaries: the analyser of each hop's source language, the
bilingual dictionary, the generator of its target, without the tagger and transfer around them.

For a word alone this gives what the whole mode gives, for a fraction of the cost: a mode's
transfer rules and tagger take most of its start-up (fra-cat | cat-eng on two words: ~0.75 CPU s,
these dictionaries ~0.1 s). The .bin files are read from the mode file, as `apertium` reads them.
Each dictionary is one lt-proc in null-flush mode (`-z`), started the first time it is asked and
kept loaded until the lexicon is closed: a later batch of words reuses it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from toolkit.engines.base import EngineUnavailable

# A lexical unit of lt-proc's output: ^surface/reading/reading$ (a reading: lemma<tag><tag>).
_UNIT = re.compile(r"\^((?:\\.|[^$\\])*)\$")
_STREAM_RESERVED = re.compile(r"([\[\]^$@/<>{}*#~\\|+])")
_TAGS = re.compile(r"<[^>]+>")
# Tags the bilingual dictionary leaves for transfer to decide, and what generation tries for each:
# gender and number "to be determined", and the forms that are both.
_UNDECIDED = {
    "<GD>": ("<m>", "<f>"),
    "<ND>": ("<sg>", "<pl>"),
    "<sp>": ("<sg>", "<pl>"),
    "<mf>": ("<m>", "<f>"),
}


@dataclass(frozen=True)
class Dictionaries:
    """The lt-proc command lines of one mode: analyse, translate lemma and tags, generate."""

    analyser: tuple[str, ...]
    bilingual: tuple[str, ...]
    generator: tuple[str, ...]


def dictionaries(mode_file: Path) -> Dictionaries | None:
    """The mode's dictionaries, None when its file does not name all three."""
    try:
        programs = [shlex.split(p) for p in mode_file.read_text(encoding="utf-8").split("|")]
    except (OSError, ValueError):
        return None
    analyser = bilingual = generator = None
    for argv in programs:
        if not argv or argv[0] != "lt-proc" or not argv[-1].endswith(".bin"):
            continue
        flags = [a for a in argv[1:-1] if a.startswith("-") or a.startswith("$")]
        path = argv[-1]
        if analyser is None and path.endswith("automorf.bin"):
            analyser = ("lt-proc", *[f for f in flags if f in ("-w", "-e")], path)
        elif "-b" in flags and path.endswith("autobil.bin"):
            bilingual = ("lt-proc", "-b", path)
        elif "$1" in flags and path.endswith("autogen.bin"):
            generator = ("lt-proc", "-g", path)
    if analyser and bilingual and generator:
        return Dictionaries(analyser, bilingual, generator)
    return None


class Lexicon:
    """Words looked up alone, each hop's answers kept: routes that share a hop look a word up in
    it once."""

    def __init__(self) -> None:
        # (hop, reads a lexical form, generates, word, tags) → (translation, its tags), or None
        self._known: dict[tuple[Dictionaries, bool, bool, str, str], tuple[str, str] | None] = {}
        self._loaded = _Loaded()

    def close(self) -> None:
        """End the lt-proc processes kept loaded; a later lookup starts them again."""
        self._loaded.close()

    def translate(self, hops: list[Dictionaries], words: list[str]) -> list[str | None]:
        """Each word alone through the hops (1:1): its translation, None where a dictionary of a
        hop does not know it. One run of each dictionary per hop for the words not seen there.
        Between hops the word travels as its lexical form (lemma and tags): the generator of a hop
        before the last and the analyser of a hop after the first are not needed (fra-cat's
        generator alone costs more than fr-es's three dictionaries)."""
        current: list[tuple[str, str] | None] = [(w, "") if w else None for w in words]
        for index, hop in enumerate(hops):
            how = (index > 0, index == len(hops) - 1)  # reads a lexical form; generates
            asked = list(
                dict.fromkeys(
                    c for c in current if c is not None and (hop, *how, *c) not in self._known
                )
            )
            if asked:
                for key, found in zip(asked, _look_up(self._loaded, hop, asked, *how), strict=True):
                    self._known[hop, *how, *key] = found
            current = [self._known[hop, *how, *c] if c is not None else None for c in current]
        return [c[0] if c is not None else None for c in current]

    def translated_to_nothing(self, hop: Dictionaries, words: list[str]) -> list[tuple[str, ...]]:
        """For each word (1:1), the tags of its readings that the hop's bilingual dictionary
        translates to no word, only tags (fr-es: the pronoun `y`): those the generator writes as
        tags alone, which the stream decoder drops."""
        readings = _analyse(self._loaded, hop, words)
        flat = [(w, r) for w, found in enumerate(readings) for r in found]
        bilingual = self._loaded(hop.bilingual, [f"^{r}$" for _, r in flat])
        empty: list[list[str]] = [[] for _ in words]
        for (word, _), line in zip(flat, bilingual, strict=True):
            units = _UNIT.findall(line)
            parts = _split_unit(units[0]) if len(units) == 1 else []
            targets = [t for t in parts[1:] if t and not t.startswith("@")]
            if targets and not _TAGS.sub("", targets[0]).strip():
                empty[word].append(targets[0].strip())
        return [tuple(found) for found in empty]

    def known(self, analyser: tuple[str, ...], words: list[str]) -> list[bool]:
        """Whether the analyser knows each word (1:1) as one word."""
        return [bool(found) for found in _readings(self._loaded, analyser, words)]


def _look_up(
    run: _Loaded, hop: Dictionaries, words: list[tuple[str, str]], lexical: bool, generate: bool
) -> list[tuple[str, str] | None]:
    """Each (word, tags of its reading in the hop before) through one hop: a word, or with
    `lexical` a lexical form; into a word when `generate`, else into a lexical form."""
    if lexical:
        return _translate_readings(run, hop, [_relaxed(word) for word, _ in words], generate)
    readings = _analyse(run, hop, [word for word, _ in words])
    choices = [_ordered(r, tags) for r, (_, tags) in zip(readings, words, strict=True)]
    return _translate_readings(run, hop, choices, generate)


def _analyse(run: _Loaded, hop: Dictionaries, words: list[str]) -> list[list[str]]:
    """Each word's readings (lemma and tags), none for a word unknown or cut in several units."""
    return _readings(run, hop.analyser, words)


def _readings(run: _Loaded, analyser: tuple[str, ...], words: list[str]) -> list[list[str]]:
    lines = run(analyser, [_escape(w) for w in words])
    readings = []
    for line in lines:
        units = _UNIT.findall(line)
        parts = _split_unit(units[0]) if len(units) == 1 else []
        known = [r for r in parts[1:] if r and not r.startswith("*")]
        readings.append(known)
    return readings


def _ordered(readings: list[str], tags: str) -> list[str]:
    """Readings of the same part of speech as the previous hop's first, those first."""
    first = _TAGS.search(tags)
    if not first:
        return readings
    return sorted(readings, key=lambda r: first.group() not in r)


def _translate_readings(
    run: _Loaded, hop: Dictionaries, choices: list[list[str]], generate: bool = True
) -> list[tuple[str, str] | None]:
    """For each word, the first of its readings that the bilingual dictionary and the generator
    both know, as (surface, target tags); without `generate`, the first that the bilingual
    dictionary knows, as (target lexical form, its tags)."""
    flat = [(w, r) for w, readings in enumerate(choices) for r in readings]
    bilingual = run(hop.bilingual, [f"^{r}$" for _, r in flat])
    candidates: list[tuple[int, str]] = []  # (word, target lexical form), in order of preference
    for (word, _), line in zip(flat, bilingual, strict=True):
        units = _UNIT.findall(line)
        parts = _split_unit(units[0]) if len(units) == 1 else []
        targets = [t for t in parts[1:] if t and not t.startswith("@")]
        if targets and _TAGS.sub("", targets[0]).strip():
            decided = _decided(targets[0])
            candidates += [(word, form) for form in decided]
            if generate:
                candidates += [(word, form) for form in _shortened(decided[-1])]
    results: list[tuple[str, str] | None] = [None for _ in choices]
    if not generate:
        for word, form in candidates:
            if results[word] is None and not any(tag in form for tag in _UNDECIDED):
                results[word] = (form, "".join(_TAGS.findall(form)))
        return results
    generated = run(hop.generator, [f"^{form}$" for _, form in candidates])
    for (word, form), surface in zip(candidates, generated, strict=True):
        surface = surface.strip()
        if results[word] is None and surface and not surface.startswith(("#", "@", "*")):
            results[word] = (surface, "".join(_TAGS.findall(form)))
    return results


def _relaxed(form: str) -> list[str]:
    """A lexical form of the hop before, then as the next hop's dictionaries may tag it: gender
    and number that the word does not vary in (fra-cat's ordenança<n><f> is cat-eng's <n><mf>)."""
    forms = [form]
    for pair, both in ((("<m>", "<f>"), "<mf>"), (("<sg>", "<pl>"), "<sp>")):
        forms += [f.replace(tag, both) for f in forms for tag in pair if tag in f]
    return list(dict.fromkeys(forms))


def _shortened(form: str) -> list[str]:
    """Forms a generator may know where it lacks the whole form that transfer would have
    reshaped (English has pleasant<adj>, not pleasant<adj><sg>; activate<vblex><inf>): the
    lexical form less its last tags, one by one, and a verb as its infinitive."""
    lemma, tags = _TAGS.sub("", form), _TAGS.findall(form)
    if not form.startswith(lemma) or len(tags) < 2:
        return []
    shorter = [lemma + "".join(tags[:k]) for k in range(len(tags) - 1, 0, -1)]
    if tags[0].startswith("<vb"):
        shorter.append(f"{lemma}{tags[0]}<inf>")
    return shorter


def _decided(form: str) -> list[str]:
    """The lexical form as the generator may take it: undecided tags as each of their values."""
    forms = [form]
    for tag, values in _UNDECIDED.items():
        if tag in form:
            forms = [f.replace(tag, value) for f in forms for value in values]
    return forms if forms == [form] else [form, *forms]


def _split_unit(unit: str) -> list[str]:
    return [part.replace("\\", "") for part in re.split(r"(?<!\\)/", unit)]


def _escape(word: str) -> str:
    return _STREAM_RESERVED.sub(r"\\\1", word)


class _Loaded:
    """The lt-proc processes started so far, one per dictionary, each kept loaded in null-flush
    mode: a batch of lines ends with a NUL, and its output comes back ending with a NUL."""

    def __init__(self) -> None:
        self._processes: dict[tuple[str, ...], subprocess.Popen[bytes]] = {}

    def __call__(self, argv: tuple[str, ...], lines: list[str]) -> list[str]:
        """lt-proc over the lines, one output line per input line ('' for each when it fails)."""
        if not lines:
            return []
        text = "".join(line.replace("\n", " ").replace("\0", " ") + "\n" for line in lines)
        process = self._processes.get(argv)
        if process is None or process.poll() is not None:
            process = self._processes[argv] = _start(argv)
        output = _exchange(process, text.encode() + b"\0")
        if output is None:
            self._end(argv)
            return ["" for _ in lines]
        found = output.decode(errors="replace").split("\n")
        if len(found) < len(lines):
            return ["" for _ in lines]
        return found[: len(lines)]

    def _end(self, argv: tuple[str, ...]) -> None:
        process = self._processes.pop(argv, None)
        if process is not None:
            process.kill()
            process.wait()
            _close_pipes(process)

    def close(self) -> None:
        """End the input of each process: they exit by themselves, not waited for."""
        for process in self._processes.values():
            _close_pipes(process)
        self._processes.clear()


def _start(argv: tuple[str, ...]) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen(
            (argv[0], "-z", *argv[1:]),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=_ENV,
            bufsize=0,
        )
    except OSError as err:
        raise EngineUnavailable(f"cannot run lt-proc: {err.strerror}") from None


def _exchange(process: subprocess.Popen[bytes], data: bytes) -> bytes | None:
    """The process's output for the data, up to the NUL that ends it; None when it failed. The
    data is written from a thread of its own, so that a long output never blocks the input."""
    assert process.stdin is not None and process.stdout is not None

    def write() -> None:
        try:
            process.stdin.write(data)  # type: ignore[union-attr]
            process.stdin.flush()  # type: ignore[union-attr]
        except OSError:  # the process died: its output ends, and the read says so
            return

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    chunks = []
    while True:
        chunk = os.read(process.stdout.fileno(), 1 << 16)
        if not chunk:
            writer.join()
            return None
        end = chunk.find(b"\0")
        if end >= 0:
            chunks.append(chunk[:end])
            break
        chunks.append(chunk)
    writer.join()
    return b"".join(chunks)


def _close_pipes(process: subprocess.Popen[bytes]) -> None:
    for pipe in (process.stdin, process.stdout):
        if pipe is not None and not pipe.closed:
            with contextlib.suppress(OSError):
                pipe.close()


_ENV = dict(os.environ, LC_CTYPE="C.UTF-8")

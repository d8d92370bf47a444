"""Reading glossaries: the project's TOML, CSV/TSV tables (one column per language) and TBX.

Every problem is a UsageError naming the file and line, raised before any term is used: a glossary
is read whole or not at all.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler

from toolkit.errors import UsageError
from toolkit.glossary.model import Glossary, Term
from toolkit.text import languages, nesting

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from xml.sax.xmlreader import AttributesImpl, Locator

MAX_BYTES = 5_000_000  # a glossary of proper names is far smaller; a larger file is a mistake
DEFAULT_SOURCE = "fr"


def load(path: Path) -> Glossary:
    """A glossary file, its format chosen by extension: .toml, .csv, .tsv, .tbx (or .xml)."""
    suffix = path.suffix.lower()
    readers = {".toml": read_toml, ".csv": read_table, ".tsv": read_table, ".txt": read_table}
    readers |= {".tbx": read_tbx, ".xml": read_tbx}
    if suffix not in readers:
        raise UsageError(
            f"{path}: unknown glossary format {suffix or '(no extension)'!r}; use .toml, .csv, .tsv or .tbx"
        )
    return readers[suffix](path)


def glossary_path(argument: str) -> Path:
    """A glossary file named on the command line; an empty name (which would be the current
    folder) is refused."""
    if not argument:
        raise UsageError("the glossary file name is empty; give a .toml, .csv, .tsv or .tbx file")
    return Path(argument)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, at most MAX_BYTES. Only a regular file (or a link to one) is read: a
    device or a FIFO is refused before a byte is read (opening a FIFO without a writer would wait
    for ever), and what is read is capped all the same."""
    try:
        if path.is_dir():
            raise UsageError(f"{path}: is a directory; give a glossary file")
        # Not blocking on a FIFO; the descriptor's own type is checked, so nothing swapped in
        # between a look and the opening is read.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(descriptor, "rb") as file:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise UsageError(
                    f"{path}: not a regular file (a device, a FIFO, a pipe); give a glossary file"
                )
            data = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise UsageError(f"{path}: no such glossary file") from None
    except OSError as err:
        raise UsageError(f"{path}: cannot read ({err.strerror})") from None
    if len(data) > MAX_BYTES:
        raise UsageError(f"{path}: more than {MAX_BYTES} bytes, too large for a glossary")
    return data


def read_text(path: Path) -> str:
    data = read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise UsageError(
            f"{path}:{line}: invalid UTF-8 at byte offset {err.start}; save the glossary as UTF-8"
        ) from None
    if "\x00" in text:
        raise UsageError(
            f"{path}:{text[: text.index(chr(0))].count(chr(10)) + 1}: binary data (NUL byte); give a text file"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Tabs, line ends, escapes: no name holds one, and a tab or a line end would break the TSV that
# `toolkit glossary show` writes.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass
class _Builder:
    """Collects terms, refusing empty and duplicate ones, with the line each came from."""

    path: Path
    terms: list[Term] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)

    @cached_property
    def where(self) -> str:
        return f"{self.path}:"

    def fail(self, line: int, message: str) -> UsageError:
        return UsageError(f"{self.path}:{line}: {message}")

    def duplicate(self, line: int, key: str) -> UsageError:
        return self.fail(
            line, f"duplicate term {key!r} (also on line {self.seen[key]}); keep one entry"
        )

    def one_line(self, line: int, texts: Iterable[str]) -> None:
        """Refuse the first text holding a control character."""
        for text in texts:
            if control := _CONTROL.search(text.strip()):
                raise self.fail(
                    line,
                    f"{text.strip()!r} holds the control character U+{ord(control.group()):04X}; "
                    "a name is one line of text",
                )

    def add(
        self,
        line: int,
        name: str,
        matches: list[str],
        forms: dict[str, str],
        variants: list[str],
        articles: dict[str, str] | None = None,
    ) -> None:
        name = name.strip()
        if not name:
            raise self.fail(line, "empty term; give the name, or delete the entry")
        spellings = [m.strip() for m in matches] or [name]
        if not all(spellings):
            raise self.fail(line, f"empty spelling in the entry of {name!r}")
        keys = {s.casefold() for s in [name, *spellings]}
        if clash := keys & self.seen.keys():
            raise self.duplicate(line, min(clash))
        self.seen.update(dict.fromkeys(keys, line))
        for language, form in forms.items():
            if not form.strip():
                raise self.fail(line, f"empty {language} form of {name!r}; give it, or delete it")
        clean_variants = tuple(v.strip() for v in variants if v.strip())
        self.one_line(line, (name, *spellings, *forms.values(), *clean_variants))
        self.terms.append(
            Term(
                name,
                tuple(dict.fromkeys(spellings)),
                {k: v.strip() for k, v in forms.items()},
                clean_variants,
                f"{self.path}:{line}",
                articles or {},
            )
        )

    def add_name(self, line: int, name: str, forms: dict[str, str]) -> None:
        """A term that is its only spelling, with no variants: a table row. `name` and `forms`
        come stripped and not empty, so duplicates and control characters are left to refuse;
        the same term and the same errors as `add(line, name, [name], forms, [])`, for a
        fraction of the cost."""
        key = name.casefold()
        if key in self.seen:
            raise self.duplicate(line, key)
        self.seen[key] = line
        texts = (name, *forms.values())
        if _CONTROL.search("".join(texts)):  # one search for the row, all of it stripped
            self.one_line(line, texts)
        self.terms.append(Term(name, (name,), forms, (), f"{self.where}{line}", {}))

    def glossary(self, source: str, protect: tuple[str, ...] = ()) -> Glossary:
        return Glossary(source, tuple(self.terms), (str(self.path),), protect)


def language_code(text: str) -> str | None:
    """The project's code for a language tag such as fr, FR, fra, fr-FR or en_US; None if unknown."""
    base = re.split(r"[-_]", text.strip(), maxsplit=1)[0]
    return languages.normalize(base) if re.fullmatch(r"[A-Za-z]{2,3}", base) else None


# --- TOML -------------------------------------------------------------------------------------

_TERM_HEADER = re.compile(r"^[ \t]*\[\[\s*term\s*\]\]", re.MULTILINE)
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_toml(path: Path) -> Glossary:
    import tomllib

    text = read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        where = _TOML_LINE.search(message)
        line = where.group(1) if where else "1"
        raise UsageError(
            f"{path}:{line}: malformed TOML: {_TOML_LINE.sub('', message).strip()}"
        ) from None
    except RecursionError:
        raise UsageError(
            f"{path}:{nesting.deepest_line(text)}: malformed TOML: {nesting.message('values')}"
        ) from None
    lines = _TomlLines(text)
    unknown = set(data) - {"glossary", "term"}
    if unknown:
        key = sorted(unknown)[0]
        raise UsageError(
            f"{path}:{lines.top_key(key)}: unknown section {key!r}; use [glossary] and [[term]]"
        )
    header = data.get("glossary", {})
    if not isinstance(header, dict):
        raise UsageError(
            f"{path}:{lines.top_key('glossary')}: `glossary` must be a [glossary] table"
        )
    source = DEFAULT_SOURCE
    protect: tuple[str, ...] = ()
    for key, value in header.items():
        if key == "protect":
            protect = _toml_patterns(path, lines.top_key(key), value)
            continue
        if key != "source":
            raise UsageError(
                f"{path}:{lines.top_key(key)}: unknown setting {key!r} in [glossary]; "
                "use `source` or `protect`"
            )
        code = language_code(value) if isinstance(value, str) else None
        if code is None:
            raise UsageError(
                f"{path}:{lines.top_key(key)}: unknown language code {value!r}; use an ISO 639 code such as fr"
            )
        source = code
    entries = data.get("term", [])
    if not isinstance(entries, list):
        raise UsageError(f"{path}:{lines.top_key('term')}: write each term as a [[term]] table")
    builder = _Builder(path)
    for index, entry in enumerate(entries):
        builder.add(*_toml_term(path, lines, index, entry))
    return builder.glossary(source, protect)


def _toml_patterns(path: Path, line: int, value: object) -> tuple[str, ...]:
    """`protect`: regular expressions of spans no translation may change, checked now."""
    from toolkit.text.spans import compile_patterns

    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{path}:{line}: `protect` must be a list of regular expressions")
    compile_patterns(value, f"{path}:{line}")
    return tuple(value)


def _toml_articles(path: Path, line: Callable[[], int], value: object) -> dict[str, str]:
    """`article`: the definite article the name takes per language ("" for none); `line` finds
    its line for an error message."""
    from toolkit.text.article_rules import RULES, articles_of

    if not isinstance(value, dict):
        raise UsageError(f'{path}:{line()}: `article` must be a table such as {{ es = "el" }}')
    articles = {}
    for key, article in value.items():
        code = language_code(key) if isinstance(key, str) else None
        known = articles_of(code) if code else None
        if code is None or known is None:
            raise UsageError(
                f"{path}:{line()}: no article rules for {key!r}; `article` knows "
                + ", ".join(sorted(RULES))
            )
        if not isinstance(article, str) or article.strip().lower() not in known | {""}:
            choices = ", ".join(f'"{a}"' for a in sorted(known))
            raise UsageError(
                f'{path}:{line()}: unknown {code} article {article!r}; use {choices} or "" for none'
            )
        articles[code] = article.strip().lower()
    return articles


def _toml_term(
    path: Path, lines: _TomlLines, index: int, entry: object
) -> tuple[int, str, list[str], dict[str, str], list[str], dict[str, str]]:
    start = lines.term(index)
    if not isinstance(entry, dict):
        raise UsageError(f"{path}:{start}: a term must be a [[term]] table")
    if "name" not in entry:
        raise UsageError(f"{path}:{start}: this term has no `name`; give its canonical form")
    forms: dict[str, str] = {}
    articles: dict[str, str] = {}
    for key, value in entry.items():
        line = partial(lines.term_key, index, key)  # found only for an error message
        if key == "article":
            articles = _toml_articles(path, line, value)
            continue
        if key in ("match", "variants"):
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise UsageError(f"{path}:{line()}: `{key}` must be a list of strings")
            continue
        if not isinstance(value, str):
            raise UsageError(f"{path}:{line()}: `{key}` must be a string")
        if key == "name":
            continue
        code = language_code(key) if re.fullmatch(r"[a-z]{2,3}", key) else None
        if code is None:
            what = "language code" if re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z]+)?", key) else "key"
            raise UsageError(
                f"{path}:{line()}: unknown {what} {key!r}; use name, match, variants, article or an ISO 639 code such as ru"
            )
        forms[code] = value
    return (
        start,
        entry["name"],
        list(entry.get("match", [])),
        forms,
        list(entry.get("variants", [])),
        articles,
    )


class _TomlLines:
    """Line numbers of tables and keys in a TOML text, for error messages (tomllib gives none)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        line, counted = 1, 0  # lines are counted once, from one header to the next
        for header in _TERM_HEADER.finditer(text):
            line += text.count("\n", counted, header.start())
            counted = header.start()
            self.starts.append(line)
        self.lines = text.split("\n")

    def term(self, index: int) -> int:
        return self.starts[index] if index < len(self.starts) else 1

    def term_key(self, index: int, key: str) -> int:
        first = self.term(index)
        last = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.lines) + 1
        return self._find(key, first, last) or first

    def top_key(self, key: str) -> int:
        return self._find(key, 1, len(self.lines) + 1) or 1

    def _find(self, key: str, first: int, last: int) -> int | None:
        pattern = re.compile(rf"^\s*(\[+\s*)?[\"']?{re.escape(key)}[\"']?\s*(=|\])")
        for number in range(first, last):
            if pattern.match(self.lines[number - 1]):
                return number
        return None


# --- CSV / TSV --------------------------------------------------------------------------------


# A comment line starts with # and a space, a tab, another # or nothing more: `#Artsakh` is a term.
_COMMENT = re.compile(r"\s*#(?:[\s#]|$)")


def read_table(path: Path) -> Glossary:
    """One column per language, a header row naming them; the fr column (else the first) is the source."""
    text = read_text(path)
    lines = (line for line in text.split("\n") if line.strip() and not _COMMENT.match(line))
    first = next(lines, None)
    if first is None:
        raise UsageError(
            f"{path}:1: empty glossary; the first row names the languages, e.g. fr,en,ru"
        )
    delimiter = _delimiter(path, first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    builder = _Builder(path)
    header: list[str] | None = None
    codes: list[str] = []
    source_column = 0
    others: list[tuple[int, str]] = []  # the other columns: (index, language)
    try:
        for row in reader:
            line = reader.line_num
            if not "".join(row).strip() or ("#" in row[0] and _COMMENT.match(row[0])):
                continue
            if header is None:
                header, codes = row, _header_codes(path, line, row)
                source_column = codes.index(DEFAULT_SOURCE) if DEFAULT_SOURCE in codes else 0
                others = [(i, code) for i, code in enumerate(codes) if i != source_column]
                continue
            if len(row) > len(codes):
                raise UsageError(
                    f"{path}:{line}: {len(row)} cells for {len(codes)} languages in the header; quote cells that hold a {_name(delimiter)}"
                )
            name = row[source_column].strip() if source_column < len(row) else ""
            if not name:
                raise UsageError(
                    f"{path}:{line}: empty term in the {codes[source_column]} column; fill it or delete the row"
                )
            forms = {code: cell for i, code in others if i < len(row) and (cell := row[i].strip())}
            builder.add_name(line, name, forms)
    except csv.Error as err:
        raise UsageError(
            f"{path}:{reader.line_num}: malformed {_name(delimiter)}-separated table: {err}"
        ) from None
    return builder.glossary(codes[source_column])


def _delimiter(path: Path, header: str) -> str:
    if path.suffix.lower() == ".tsv" or "\t" in header:
        return "\t"
    if ";" in header and "," not in header:
        return ";"
    return ","


def _name(delimiter: str) -> str:
    return {"\t": "tab", ";": "semicolon", ",": "comma"}[delimiter]


def _header_codes(path: Path, line: int, row: list[str]) -> list[str]:
    codes = []
    for cell in row:
        code = language_code(cell)
        if code is None:
            raise UsageError(
                f"{path}:{line}: unknown language code {cell.strip()!r} in the header; name each column with an ISO 639 code such as fr, en, ru"
            )
        if code in codes:
            raise UsageError(
                f"{path}:{line}: language {code} has two columns in the header; keep one"
            )
        codes.append(code)
    return codes


# --- TBX --------------------------------------------------------------------------------------


def read_tbx(path: Path) -> Glossary:
    """TBX (ISO 30042, v2 martif or v3 tbx): each concept entry's terms per language.

    The fr terms are the spellings matched; the first fr term is the canonical form. For every other
    language the first term is its form and the others are variants. Parsed without entity
    expansion or external resources.
    """
    import defusedxml.sax
    from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden

    data = read_bytes(path)
    handler = _TbxHandler(path)
    try:
        # Entities are refused outright; external ones (a DTD named in <!DOCTYPE>, as TBX v2 files
        # do) are never fetched, since the SAX reader leaves external entities alone by default.
        defusedxml.sax.parseString(
            data, handler, forbid_dtd=False, forbid_entities=True, forbid_external=False
        )
    except EntitiesForbidden as err:
        raise UsageError(
            f"{path}:{handler.line()}: refused: the file declares the entity {err.name!r}; "
            "TBX glossaries may not define entities"
        ) from None
    except (DTDForbidden, DefusedXmlException) as err:
        raise UsageError(f"{path}:{handler.line()}: refused: {type(err).__name__}") from None
    except _TbxError as err:
        raise UsageError(str(err)) from None
    except LookupError as err:  # the encoding the XML declaration names
        raise UsageError(f"{path}:1: {err}; save the glossary as UTF-8") from None
    except ValueError as err:  # one the XML reader cannot read (Shift_JIS, UTF-32, ...)
        raise UsageError(
            f"{path}:1: cannot read the encoding the file declares ({err}); "
            "save the glossary as UTF-8"
        ) from None
    except SAXParseException as err:
        raise UsageError(
            f"{path}:{err.getLineNumber()}: malformed TBX: {err.getMessage()}"
        ) from None
    if not handler.seen_root:
        raise UsageError(f"{path}:1: not a TBX file (its root element is not <tbx> or <martif>)")
    return handler.builder.glossary(DEFAULT_SOURCE)


class _TbxError(Exception):
    pass


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


class _TbxHandler(ContentHandler):
    """Collects the terms of each concept entry, language by language."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.builder = _Builder(path)
        self.locator: Locator | None = None
        self.seen_root = False
        self.entry_line = 0
        self.terms: dict[str, list[str]] | None = None
        self.language: str | None = None
        self.text: list[str] | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def line(self) -> int:
        number = self.locator.getLineNumber() if self.locator else None
        return 1 if number is None else number

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        local = _local(name)
        if not self.seen_root:
            if local not in ("tbx", "martif"):
                raise _TbxError(
                    f"{self.path}:{self.line()}: not a TBX file (root element <{name}>, expected <tbx> or <martif>)"
                )
            self.seen_root = True
        elif local in ("conceptEntry", "termEntry"):
            self.entry_line, self.terms = self.line(), {}
        elif local in ("langSec", "langSet"):
            tag = attrs.get("xml:lang") or attrs.get("lang")
            code = language_code(tag) if tag else None
            if code is None:
                raise _TbxError(
                    f"{self.path}:{self.line()}: unknown language code {tag!r} in <{local}>; use an ISO 639 code such as fr"
                )
            self.language = code
        elif local == "term":
            self.text = []

    def characters(self, content: str) -> None:
        if self.text is not None:
            self.text.append(content)

    def endElement(self, name: str) -> None:
        local = _local(name)
        if local == "term" and self.text is not None:
            if self.terms is None or self.language is None:
                raise _TbxError(
                    f"{self.path}:{self.line()}: <term> outside a language section of a concept entry"
                )
            term = "".join(self.text).strip()
            if not term:
                raise _TbxError(f"{self.path}:{self.line()}: empty <term>; fill it or delete it")
            self.terms.setdefault(self.language, []).append(term)
            self.text = None
        elif local in ("langSec", "langSet"):
            self.language = None
        elif local in ("conceptEntry", "termEntry") and self.terms is not None:
            self._finish_entry()

    def _finish_entry(self) -> None:
        assert self.terms is not None
        source = self.terms.pop(DEFAULT_SOURCE, [])
        if not source:
            raise _TbxError(
                f"{self.path}:{self.entry_line}: concept entry without a {DEFAULT_SOURCE} term; add one or delete the entry"
            )
        forms = {code: terms[0] for code, terms in self.terms.items()}
        variants = [v for terms in self.terms.values() for v in terms[1:]]
        self.builder.add(self.entry_line, source[0], source, forms, variants)
        self.terms = None

"""Defaults a desk sets once: the config file ($XDG_CONFIG_HOME/toolkit/config.toml), and the
environment (TOOLKIT_TO, TOOLKIT_FROM, TOOLKIT_ENGINE, TOOLKIT_GLOSSARY) over it; each setting
with where it comes from. Options override both: the command line applies them (toolkit.cli).

Read only by a command that runs, never for --help; tomllib only when the file exists. A mistake
in the file is a usage error naming file:line; one in a variable names the variable.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import UsageError
from toolkit.summary import algorithms
from toolkit.summary.select import DEFAULT_COUNT
from toolkit.text.languages import DEFAULT_SOURCE

DEFAULT = "default"
UNSET = "—"  # the origin of a setting with no value and no default: the command decides
ENVIRONMENT = "environment"


def _language(text: str, kind: str) -> str:
    from toolkit.text import languages

    return languages.parse(text, kind)


def _source(value: object, what: str) -> str:
    text = _text(value, what)
    return "auto" if text.strip().lower() == "auto" else _language(text, "source language")


def _targets(value: object, what: str) -> list[str]:
    from toolkit.text import languages

    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return languages.parse_list(value, "target language")
    return languages.parse_list(_text(value, what, "a list of languages"), "target language")


def _via(value: object, what: str) -> str:
    text = _text(value, what)
    return "-" if text.strip() == "-" else _language(text, "pivot language")


def _engine(value: object, what: str) -> str:
    from toolkit.engines.base import ENGINE_NAMES

    choices = ("auto", *ENGINE_NAMES)
    name = _text(value, what).strip().lower()
    if name not in choices:
        raise UsageError(f"unknown engine {value!r}; choose {', '.join(choices)}")
    return name


def _algorithm(value: object, what: str) -> str:
    name = _text(value, what).strip().lower()
    if name not in algorithms.NAMES:
        raise UsageError(f"unknown algorithm {value!r}; choose {', '.join(algorithms.NAMES)}")
    return name


def _sentences(value: object, what: str) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise UsageError(f"{what} must be a whole number of 1 or more, not {value!r}")
    return value


def _paths(value: object, what: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise UsageError(f"{what} must be a list of file names, not {value!r}")
    return list(value)


def _text(value: object, what: str, kind: str = "a string") -> str:
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"{what} must be {kind}, not {value!r}")
    return value


@dataclass(frozen=True)
class Key:
    """A setting: its name in the file, its environment variable, default and description."""

    name: str
    variable: str | None
    default: object
    help: str
    check: Callable[[object, str], object]  # (value, what it is) -> the value, normalised


KEYS: dict[str, Key] = {
    key.name: key
    for key in (
        # toolkit.cli.DEFAULT_TARGET, applied there where nothing here sets the targets
        Key("to", "TOOLKIT_TO", ["es"], "target languages (summarize: none)", _targets),
        Key(
            "from",
            "TOOLKIT_FROM",
            DEFAULT_SOURCE,
            "language of the input (summarize: auto)",
            _source,
        ),
        Key("engine", "TOOLKIT_ENGINE", "auto", "auto, argos or apertium", _engine),
        Key("glossaries", "TOOLKIT_GLOSSARY", [], "glossary files, before -g's", _paths),
        Key("via", None, None, "pivot language; unset: the best measured route", _via),
        Key("algorithm", None, algorithms.DEFAULT, "summarize: the algorithm", _algorithm),
        Key("sentences", None, DEFAULT_COUNT, "summarize: sentences to keep", _sentences),
    )
}


@dataclass(frozen=True)
class Setting:
    """One setting's value (None: unset) and where it comes from: "default", "<file>:<line>",
    "environment TOOLKIT_TO", or "—" (unset, no default)."""

    name: str
    value: object
    origin: str
    help: str

    @property
    def configured(self) -> bool:
        """Set in the config file or the environment, not a default."""
        return self.origin not in (DEFAULT, UNSET)


@dataclass(frozen=True)
class Settings:
    path: Path  # the config file, whether it exists or not
    exists: bool
    settings: dict[str, Setting]

    def __getitem__(self, name: str) -> Setting:
        return self.settings[name]

    def configured(self, name: str) -> object | None:
        """The value set in the file or the environment, or None."""
        setting = self.settings[name]
        return setting.value if setting.configured else None


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_CONFIG_HOME/toolkit/config.toml; ~/.config/toolkit/config.toml where the variable is
    unset, empty or relative (the XDG rule)."""
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_CONFIG_HOME", "")
    folder = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return folder / "toolkit" / "config.toml"


def load(environ: Mapping[str, str] | None = None) -> Settings:
    """The settings of the config file with the environment's over them."""
    environ = os.environ if environ is None else environ
    path = config_path(environ)
    exists = path.is_file()
    found = _read_file(path) if exists or path.exists() else {}
    settings = {}
    for key in KEYS.values():
        setting = found.get(key.name)
        if setting is None:
            origin = DEFAULT if key.default is not None else UNSET
            setting = Setting(key.name, key.default, origin, key.help)
        variable = environ.get(key.variable, "") if key.variable else ""
        if key.variable and variable.strip():
            setting = Setting(key.name, _from_variable(key, variable), _variable(key), key.help)
        settings[key.name] = setting
    return Settings(path, exists, settings)


def _variable(key: Key) -> str:
    return f"{ENVIRONMENT} {key.variable}"


def _from_variable(key: Key, text: str) -> object:
    value: object = text.split(os.pathsep) if key.name == "glossaries" else text
    if key.name == "glossaries" and isinstance(value, list):
        value = [path for path in value if path]
    try:
        return key.check(value, key.name)
    except UsageError as err:
        raise UsageError(f"{key.variable}: {err}") from None


def _read_file(path: Path) -> dict[str, Setting]:
    text = _file_text(path)
    import tomllib

    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        place = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        line = place[1] if place else "1"
        message = message[: place.start()] if place else message
        column = f" (column {place[2]})" if place else ""
        raise UsageError(f"{path}:{line}: not valid TOML: {message}{column}") from None
    except RecursionError:
        from toolkit.text import nesting

        line = str(nesting.deepest_line(text))
        raise UsageError(f"{path}:{line}: not valid TOML: {nesting.message('values')}") from None
    lines = text.splitlines()
    found = {}
    for name, value in table.items():
        line = _line_of(lines, name)
        key = KEYS.get(name)
        if key is None:
            from difflib import get_close_matches

            meant = get_close_matches(name, list(KEYS), n=1)
            hint = f"did you mean {meant[0]!r}?" if meant else f"known: {', '.join(KEYS)}"
            raise UsageError(f"{path}:{line}: unknown setting {name!r}; {hint}")
        try:
            checked = key.check(value, name)
        except UsageError as err:
            raise UsageError(f"{path}:{line}: {err}") from None
        if name == "glossaries" and isinstance(checked, list):  # relative to the file's folder
            checked = [str(path.parent / Path(item).expanduser()) for item in checked]
        found[name] = Setting(name, checked, f"{path}:{line}", key.help)
    return found


def _file_text(path: Path) -> str:
    if path.is_dir():
        raise UsageError(f"{path}: is a directory; the config file is a TOML file")
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UsageError(f"{path}: not UTF-8 text (byte {err.start}); save it as UTF-8") from None
    except OSError as err:
        raise UsageError(f"{path}: cannot be read: {err.strerror or err}") from None


def _line_of(lines: list[str], name: str) -> int:
    """The line where the top-level key `name` is set (a key, a dotted key or a table), or 1."""
    quoted = re.escape(name)
    pattern = re.compile(rf"""^\s*\[*\s*(?:{quoted}|"{quoted}"|'{quoted}')\s*[=.\]]""")
    for number, line in enumerate(lines, 1):
        if pattern.match(line):
            return number
    return 1

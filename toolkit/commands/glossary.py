"""`toolkit glossary show` and `toolkit glossary check`: the active glossary, and validating files."""

from __future__ import annotations

from toolkit.environment import Environment
from toolkit.errors import UsageError
from toolkit.glossary.active import load_active
from toolkit.glossary.model import Glossary
from toolkit.output import terminal as output
from toolkit.output import words
from toolkit.output.glossary import FORMATS, GlossaryView
from toolkit.output.stderr import write_diagnostic
from toolkit.text import languages


def _languages(glossary: Glossary, lang: str | None) -> list[str]:
    if lang:
        return languages.parse_list(lang, "language")
    return sorted({code for term in glossary.terms for code in term.forms})


def show(
    paths: list[str], use_default: bool, lang: str | None, format: str, env: Environment
) -> None:
    render = FORMATS.renderer(format)
    glossary = load_active(paths, use_default)
    render(GlossaryView(glossary, _languages(glossary, lang)), env)


def check(paths: list[str], env: Environment) -> None:
    """Validate each file; problems go to stderr as file:line, and the exit code is 2 if any."""
    from toolkit.glossary import formats as glossary_formats

    problems = []
    for path in paths:
        try:
            glossary = glossary_formats.load(glossary_formats.glossary_path(path))
        except UsageError as err:
            problems.append(str(err))
            continue
        codes = sorted({code for term in glossary.terms for code in term.forms})
        output.write_stdout(
            f"{path}: ok, {words.count(len(glossary.terms), 'term')}"
            f" matched in {glossary.source}"
            f"{', forms for ' + ' '.join(codes) if codes else ''}\n"
        )
    for problem in problems[:-1]:
        write_diagnostic(env.streams.stderr, f"toolkit: error: {output.escaped_line(problem)}\n")
    if problems:
        raise UsageError(problems[-1])

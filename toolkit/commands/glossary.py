"""`toolkit glossary show` and `toolkit glossary check`: the active glossary, and validating files."""

from __future__ import annotations

import sys
from typing import Any

from toolkit.environment import Environment
from toolkit.errors import UsageError
from toolkit.glossary.active import load_active
from toolkit.glossary.model import Glossary
from toolkit.output import render, words
from toolkit.output import terminal as output
from toolkit.text import languages


def _languages(glossary: Glossary, lang: str | None) -> list[str]:
    if lang:
        return languages.parse_list(lang, "language")
    return sorted({code for term in glossary.terms for code in term.forms})


def show_data(glossary: Glossary, codes: list[str]) -> dict[str, Any]:
    return {
        "source": glossary.source,
        "files": list(glossary.files),
        "terms": [
            {
                "name": term.name,
                "match": list(term.matches),
                "variants": list(term.variants),
                "forms": {code: term.form(code) for code in codes},
                "origin": term.origin,
            }
            for term in glossary.terms
        ],
    }


def show(
    paths: list[str], use_default: bool, lang: str | None, format: str, env: Environment
) -> None:
    render.check_format(format, ("text", "json"))
    glossary = load_active(paths, use_default)
    codes = _languages(glossary, lang)
    if format == "json":
        output.write_stdout(render.to_json(show_data(glossary, codes)))
    elif env.stdout_is_terminal():
        _show_rich(glossary, codes)
    else:
        # A tab-separated table, itself a glossary file: `toolkit glossary show > mine.tsv`.
        rows = [[glossary.source, *codes]]
        rows += [[term.name, *(term.form(code) for code in codes)] for term in glossary.terms]
        output.write_stdout("".join("\t".join(row) + "\n" for row in rows))


def _show_rich(glossary: Glossary, codes: list[str]) -> None:
    """One block per name, its forms as rows: readable at 80 columns however many languages."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console()
    files = output.shown(", ".join(glossary.files)) or "empty"
    console.print(f"[bold]Glossary[/] ({files})", highlight=False)
    for term in glossary.terms:
        table = Table(
            title=f"[bold]{output.shown(term.name)}[/]",
            title_justify="left",
            show_header=False,
            box=box.SIMPLE,
            pad_edge=False,
        )
        table.add_column(style="dim", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column()
        table.add_row(glossary.source, "matched", output.shown(", ".join(term.matches)))
        for code in codes:
            table.add_row(code, languages.name(code), output.shown(term.form(code)))
        if term.variants:
            table.add_row("", "repaired", output.shown(", ".join(term.variants)))
        console.print(table)
    console.print("Languages without a form of their own keep the name as it is.", highlight=False)


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
        print(f"toolkit: error: {output.escaped_line(problem)}", file=sys.stderr)
    if problems:
        raise UsageError(problems[-1])

"""`toolkit glossary show`: a block per name on a terminal, a TSV glossary file in a pipe, or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from toolkit.output import terminal
from toolkit.output.formats import Format, FormatTable
from toolkit.output.json_text import to_json
from toolkit.text import languages

if TYPE_CHECKING:
    from collections.abc import Callable

    from toolkit.glossary.model import Glossary
    from toolkit.output.formats import Run


class GlossaryView(NamedTuple):
    """A glossary with its forms in the languages `codes`."""

    glossary: Glossary
    codes: list[str]


def show_data(view: GlossaryView) -> dict[str, Any]:
    glossary = view.glossary
    return {
        "source": glossary.source,
        "files": list(glossary.files),
        "terms": [
            {
                "name": term.name,
                "match": list(term.matches),
                "variants": list(term.variants),
                "forms": {code: term.form(code) for code in view.codes},
                "origin": term.origin,
                "from": {code: term.form_origin(code) for code in view.codes},
            }
            for term in glossary.terms
        ],
    }


def write_json(view: GlossaryView, env: Run) -> None:
    terminal.write_stdout(to_json(show_data(view)))


def write_text(view: GlossaryView, env: Run) -> None:
    if env.stdout_is_terminal():
        print_glossary(view)
        return
    # A tab-separated table, itself a glossary file: `toolkit glossary show > mine.tsv`.
    glossary, codes = view.glossary, view.codes
    rows = [[glossary.source, *codes]]
    rows += [[term.name, *(term.form(code) for code in codes)] for term in glossary.terms]
    terminal.write_stdout("".join("\t".join(row) + "\n" for row in rows))


def print_glossary(view: GlossaryView) -> None:
    """One block per name, its forms as rows: readable at 80 columns however many languages."""
    from rich import box
    from rich.table import Table

    from toolkit.output.consoles import stdout_console

    glossary = view.glossary
    console = stdout_console()
    files = terminal.shown(", ".join(glossary.files)) or "empty"
    console.print(f"[bold]Glossary[/] ({files})", highlight=False)
    for term in glossary.terms:
        table = Table(
            title=f"[bold]{terminal.shown(term.name)}[/]",
            title_justify="left",
            show_header=False,
            box=box.SIMPLE,
            pad_edge=False,
        )
        table.add_column(style="dim", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column()
        table.add_column(style="dim", no_wrap=True)  # from: the file:line that gave the form
        table.add_row(glossary.source, "matched", terminal.shown(", ".join(term.matches)), "")
        for code in view.codes:
            origin = terminal.shown(_short(term.form_origin(code)))
            table.add_row(code, languages.name(code), terminal.shown(term.form(code)), origin)
        if term.variants:
            table.add_row("", "repaired", terminal.shown(", ".join(term.variants)), "")
        console.print(table)
    console.print(
        "Languages without a form of their own keep the name as it is; on the right, the "
        "file:line each form comes from.",
        highlight=False,
    )


def _short(origin: str) -> str:
    """file:line with the file's name only: the folders are in the title line."""
    return origin.rsplit("/", 1)[-1]


FORMATS: FormatTable[Callable[[GlossaryView, Run], None]] = FormatTable(
    Format("text", "a table on a terminal, a TSV glossary file in a pipe", write_text),
    Format("json", "for programs", write_json),
)

"""The command line: options and help only; the work lives in toolkit/commands/."""

# No `from __future__ import annotations` here: typer reads these annotations on every run to
# build the commands, and as strings it would have to evaluate each one (5 of its 10 ms).

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from toolkit.output import config as config_output
from toolkit.output import engines as engine_output
from toolkit.output import glossary as glossary_output
from toolkit.output import models as model_output
from toolkit.output import summaries, translations
from toolkit.serve import settings as serving
from toolkit.summary import algorithms

if TYPE_CHECKING:
    from toolkit.environment import Environment
    from toolkit.output.formats import FormatTable

DEFAULT_TARGET = "es"


class Command(typer.core.TyperCommand):
    """A command whose usage line writes its arguments as `FILE...`, the way man pages and
    click do, not `{FILE}`."""

    def collect_usage_pieces(self, ctx: "typer.core._click.Context") -> list[str]:
        return [re.sub(r"^\{(.+)\}$", r"\1", piece) for piece in super().collect_usage_pieces(ctx)]


app = typer.Typer(
    name="toolkit",
    help="Translate and summarise French press releases offline, with proper names kept as the glossary says.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Files = Annotated[
    list[str] | None,
    typer.Argument(
        hidden=True,
        metavar="[FILE]...",
        help="Text files to read; none or '-' reads stdin.",
        show_default=False,
    ),
]
Glossaries = Annotated[
    list[str] | None,
    typer.Option(
        "--glossary",
        "-g",
        metavar="FILE",
        help="A glossary file (.toml, .csv, .tsv, .tbx) on top of the default; repeatable, later files win.",
    ),
]
Encoding = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        metavar="CODEC",
        help="Decode input with this codec instead of UTF-8/UTF-16 by BOM.",
    ),
]
Source = Annotated[str, typer.Option("--from", "-f", metavar="LANG", help="Language of the input.")]
TranslateSource = Annotated[
    str,
    typer.Option(
        "--from",
        "-f",
        metavar="LANG",
        help="Language of the input, or auto to detect it; a text that is surely in another "
        "language is refused.",
    ),
]
Force = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Take the input as written in --from even where it looks like another language.",
    ),
]
Targets = Annotated[
    list[str] | None,
    typer.Option(
        "--to",
        "-t",
        metavar="LANGS",
        help="Target languages, comma-separated or repeated: es,ca,en; codes (pt-BR is pt) or "
        "names (Spanish, español). Default: es.",
        show_default=False,
    ),
]
EngineChoice = Annotated[
    str, typer.Option("--engine", "-e", metavar="ENGINE", help="auto, argos or apertium.")
]
Via = Annotated[
    str | None,
    typer.Option(
        "--via",
        metavar="LANG",
        help="Pivot language of the route (ca: fr→ca→en), or - for the direct pair; default: the best measured route.",
        show_default=False,
    ),
]
NoGlossary = Annotated[
    bool, typer.Option("--no-glossary", help="Translate without the glossary of names.")
]
Strict = Annotated[
    bool,
    typer.Option("--strict", help="Exit 1, writing nothing, when a glossary name is missing."),
]
Protect = Annotated[
    list[str] | None,
    typer.Option(
        "--protect",
        metavar="REGEX",
        help="A regular expression of text to keep as it is, like addresses and URLs; repeatable.",
        show_default=False,
    ),
]
KeepTypography = Annotated[
    bool,
    typer.Option(
        "--keep-typography",
        help="Leave spacing and quotation marks as the engine wrote them (French spacing stays).",
    ),
]
Device = Annotated[
    str | None,
    typer.Option(
        "--device",
        metavar="DEVICE",
        help="argos: auto, cpu or cuda; auto unless given.",
        show_default=False,
    ),
]
Threads = Annotated[
    int | None,
    typer.Option(
        "--threads",
        metavar="N",
        help="argos: CPU threads; 0 (the default) uses every core.",
        show_default=False,
    ),
]
BeamSize = Annotated[
    int | None,
    typer.Option(
        "--beam-size",
        metavar="N",
        help="argos: beam width, 4 unless given; 1 is greedy and fastest.",
        show_default=False,
    ),
]
Sentences = Annotated[
    int | None,
    typer.Option(
        "--sentences", "-n", metavar="N", help="Sentences to keep (3 unless --ratio is given)."
    ),
]
Ratio = Annotated[
    float | None,
    typer.Option(
        "--ratio",
        metavar="SHARE",
        help="Share of the sentences to keep instead: 0.2 keeps a fifth.",
    ),
]
Algorithm = Annotated[
    str,
    typer.Option(
        "--algorithm",
        "-a",
        metavar="NAME",
        help=f"{', '.join(algorithms.NAMES[:-1])} or {algorithms.NAMES[-1]}; {algorithms.DEFAULT} "
        "(position-aware centrality, made for news) unless given.",
    ),
]
Language = Annotated[
    str,
    typer.Option(
        "--from",
        "-f",
        "--language",
        "-l",
        metavar="LANG",
        help="Language of the input (fr, en, ...), or auto.",
    ),
]
SummaryTarget = Annotated[
    list[str] | None,
    typer.Option(
        "--to",
        "-t",
        metavar="LANGS",
        help="Also translate the summary into these languages, comma-separated or repeated.",
        show_default=False,
    ),
]
SummaryEngine = Annotated[
    str,
    typer.Option(
        "--engine", "-e", metavar="ENGINE", help="Engine for --to: auto, argos or apertium."
    ),
]
SummaryNoGlossary = Annotated[
    bool, typer.Option("--no-glossary", help="No glossary of names for --to and highlighting.")
]
Text = Annotated[
    str | None,
    typer.Option(
        "--text",
        metavar="TEXT",
        help="The text itself, instead of files or stdin.",
        show_default=False,
    ),
]
Quiet = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", help="Nothing on stderr but errors: no route, notes or progress."
    ),
]
Verbose = Annotated[
    bool, typer.Option("--verbose", "-v", help="More on stderr: timings, routes, what was skipped.")
]


def format_option(table: "FormatTable") -> typer.models.OptionInfo:
    """--format, its help listing the formats of the command's result type (the command checks
    the name against the same table)."""
    return typer.Option("--format", metavar="FORMAT", help=table.help())


TranslationFormat = Annotated[str, format_option(translations.FORMATS)]
SummaryFormat = Annotated[str, format_option(summaries.FORMATS)]
EngineFormat = Annotated[str, format_option(engine_output.FORMATS)]
ConfigFormat = Annotated[str, format_option(config_output.FORMATS)]
GlossaryFormat = Annotated[str, format_option(glossary_output.FORMATS)]
InstalledModelsFormat = Annotated[str, format_option(model_output.INSTALLED_FORMATS)]
IndexModelsFormat = Annotated[str, format_option(model_output.INDEX_FORMATS)]
# The spelling of --format json before there was --format; kept so that scripts still run.
JsonAlias = Annotated[bool, typer.Option("--json", hidden=True)]


def examples(*lines: str) -> str:
    """The end of a command's help: real command lines, kept as written."""
    return "Examples:\n\n\b\n" + "\n".join(f"  {line}" for line in lines)


def _environment(quiet: bool, verbose: bool) -> "Environment":
    from toolkit.environment import Environment

    return Environment(quiet, verbose)


def _format(format: str, json: bool) -> str:
    return "json" if json else format


def _version(value: bool) -> None:
    if value:
        from toolkit import __version__

        typer.echo(f"toolkit {__version__}")
        raise typer.Exit()


def joined(languages: list[str] | None) -> str | None:
    """--to given once as a list, or repeated (-t es -t en), as one comma-separated list."""
    return ",".join(languages) if languages else None


# The config file's name of each option a setting there (or in the environment) stands for.
_SETTINGS = {
    "source": "from",
    "language": "from",
    "to": "to",
    "engine": "engine",
    "via": "via",
    "glossary": "glossaries",
    "algorithm": "algorithm",
    "sentences": "sentences",
}


def configured(context: typer.Context, *options: str) -> dict[str, object]:
    """For each of the command's `options` not given on the command line, the value set in the
    config file or the environment (toolkit.config), where one is: options override both. The
    glossaries always: the config's files come before those of -g. --to's as a comma list."""

    def default(option: str) -> bool:
        source = context.get_parameter_source(option)
        return source is None or source.name == "DEFAULT"

    open_ = [option for option in options if option == "glossary" or default(option)]
    if not open_:
        return {}
    from toolkit.config import load

    settings = load()
    found = {}
    for option in open_:
        value = settings.configured(_SETTINGS[option])
        if value is not None:
            found[option] = (
                ",".join(map(str, value)) if isinstance(value, list) and option == "to" else value
            )
    return found


def _glossaries(settings: dict[str, object], given: list[str] | None) -> tuple[str, ...]:
    configured = settings.get("glossary", [])
    return (*(map(str, configured) if isinstance(configured, list) else ()), *(given or ()))


def _count(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _optional(value: object) -> str | None:
    return None if value is None else str(value)


def given(**options: object) -> dict[str, object]:
    """The engine options the user gave; an engine that does not take one refuses it."""
    return {name: value for name, value in options.items() if value is not None}


@dataclass
class RunOptions:
    """What the top-level options tell the entry point about the run (typer's `obj`)."""

    debug: bool = False


@app.callback()
def main_options(
    context: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Translate and summarise French press releases offline."""
    if debug and isinstance(context.obj, RunOptions):
        context.obj.debug = True


@app.command(
    cls=Command,
    epilog=examples(
        "toolkit translate release.txt --to es",
        "toolkit translate release.txt --to es,ca,en",
        'toolkit translate --text "Le ministre a reçu les ambassadeurs." --to en',
        "toolkit translate *.txt --to es,ca -o out/",
    ),
)
def translate(
    context: typer.Context,
    files: Files = None,
    text: Text = None,
    source: TranslateSource = "fr",
    to: Targets = None,
    engine: EngineChoice = "auto",
    via: Via = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE|DIR",
            help="File; or folder (existing, or ending in /) for a file per input and language.",
        ),
    ] = None,
    format: TranslationFormat = "text",
    encoding: Encoding = None,
    glossary: Glossaries = None,
    no_glossary: NoGlossary = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="QA report on stderr (in the JSON with --format json): names, numbers, unknown words.",
        ),
    ] = False,
    strict: Strict = False,
    force: Force = False,
    protect: Protect = None,
    keep_typography: KeepTypography = False,
    device: Device = None,
    threads: Threads = None,
    beam_size: BeamSize = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Translate texts, names written as the glossary says.

    The FILEs are UTF-8 text files (none, or '-', reads stdin); each input paragraph gives one output
    paragraph, in order.
    """
    from toolkit.commands.translate import TranslateRequest, run

    settings = configured(context, "source", "to", "engine", "via", "glossary")
    run(
        TranslateRequest(
            files=files or [],
            text=text,
            source=str(settings.get("source", source)),
            targets=joined(to) or str(settings.get("to", DEFAULT_TARGET)),
            engine=str(settings.get("engine", engine)),
            via=_optional(settings.get("via", via)),
            output=output,
            format=format,
            encoding=encoding,
            glossaries=_glossaries(settings, glossary),
            use_glossary=not no_glossary,
            check=check,
            strict=strict,
            protect=tuple(protect or ()),
            target_typography=not keep_typography,
            force=force,
            engine_options=given(device=device, threads=threads, beam_size=beam_size),
        ),
        _environment(quiet, verbose),
    )


@app.command(
    cls=Command,
    epilog=examples(
        "toolkit summarize release.txt",
        "toolkit summarize release.txt -n 5 --to en",
        "cat release.txt | toolkit summarize --ratio 0.2 -a textrank",
        'toolkit summarize --text "$(xclip -o)" -n 1',
    ),
)
def summarize(
    context: typer.Context,
    files: Files = None,
    text: Text = None,
    sentences: Sentences = None,
    ratio: Ratio = None,
    algorithm: Algorithm = algorithms.DEFAULT,
    language: Language = "auto",
    force: Force = False,
    to: SummaryTarget = None,
    engine: SummaryEngine = "auto",
    format: SummaryFormat = "text",
    explain: Annotated[
        bool, typer.Option("--explain", help="Also show every sentence's score as a bar.")
    ] = False,
    encoding: Encoding = None,
    glossary: Glossaries = None,
    no_glossary: SummaryNoGlossary = False,
    chunk_sentences: Annotated[
        int | None,
        typer.Option(
            "--chunk-sentences",
            metavar="N",
            help="Rank texts longer than this many sentences in chunks of this size, then the "
            "best of each together, in bounded memory; 0 ranks any text whole. Default: 20000 "
            "(pacsum, lead, lexrank, textrank, luhn, edmundson), 2000 (lsa, sumbasic), 1000 (reduction), 250 (kl).",
            show_default=False,
        ),
    ] = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Print the sentences that carry each text.

    Extractive summaries of the FILEs (none, or '-', reads stdin): the chosen sentences verbatim, in
    their order, optionally translated.
    """
    from toolkit.commands.summarize import SummarizeRequest, run

    # A configured number of sentences only where --ratio does not choose the length.
    length = ("sentences",) if ratio is None else ()
    settings = configured(context, "language", "to", "engine", "glossary", "algorithm", *length)
    run(
        SummarizeRequest(
            files=files or [],
            text=text,
            sentences=_count(settings.get("sentences", sentences)),
            ratio=ratio,
            algorithm=str(settings.get("algorithm", algorithm)),
            language=str(settings.get("language", language)),
            to=joined(to) or _optional(settings.get("to")),
            engine=str(settings.get("engine", engine)),
            format=format,
            explain=explain,
            encoding=encoding,
            glossaries=_glossaries(settings, glossary),
            use_glossary=not no_glossary,
            chunk_sentences=chunk_sentences,
            force=force,
        ),
        _environment(quiet, verbose),
    )


@app.command(
    cls=Command,
    epilog=examples(
        "toolkit engines", "toolkit engines --from en", "toolkit engines --format json"
    ),
)
def engines(
    source: Annotated[
        str, typer.Option("--from", "-f", metavar="LANG", help="Source language of the routes.")
    ] = "fr",
    format: EngineFormat = "text",
    json: JsonAlias = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Show the engines, their routes and what to install.

    Each engine, whether it runs here and the routes it offers from a language; for the languages
    no engine reaches, what to install.
    """
    from toolkit.commands.engines import run

    run(source, _format(format, json), _environment(quiet, verbose))


# `toolkit serve`'s own options.
Host = Annotated[str, typer.Option("--host", metavar="ADDRESS", help="Address to listen on.")]
Port = Annotated[int, typer.Option("--port", "-p", metavar="PORT", help="Port to listen on.")]
ServeWorkers = Annotated[
    int | None,
    typer.Option(
        "--workers",
        metavar="N",
        help="Requests worked on at once, each worker with its engines; default: one per core.",
        show_default=False,
    ),
]
ApiKeys = Annotated[
    str | None,
    typer.Option(
        "--api-keys",
        metavar="FILE",
        help="Require an API key from this file (one a line): 403 for a wrong key.",
        show_default=False,
    ),
]
RequestLimit = Annotated[
    int,
    typer.Option(
        "--req-limit",
        metavar="N",
        help="Requests per client per minute (429 past it); -1: no limit.",
    ),
]
CharacterLimit = Annotated[
    int,
    typer.Option(
        "--char-limit",
        metavar="N",
        help="Characters per text to translate (400 past it); -1: no limit.",
    ),
]
BodyLimit = Annotated[
    int, typer.Option("--body-limit", metavar="BYTES", help="Bytes per request body (413 past it).")
]
Timeout = Annotated[
    float,
    typer.Option(
        "--timeout",
        metavar="SECONDS",
        help="Time a request may take, waiting included (503 past it).",
    ),
]
Queue = Annotated[
    int,
    typer.Option(
        "--queue", metavar="N", help="Requests waiting for a worker (503 and Retry-After past it)."
    ),
]
Warm = Annotated[
    str | None,
    typer.Option(
        "--warm",
        metavar="LANGS",
        help="Targets each worker loads before the server listens (es,en), or none; "
        "others load on their first request. Default: those of the config file's targets, "
        "else es, that the server offers.",
        show_default=False,
    ),
]


@app.command(
    cls=Command,
    epilog=examples(
        "toolkit serve",
        "toolkit serve --port 8080 -g names.csv",
        "toolkit serve --host 0.0.0.0 --api-keys keys.txt --req-limit 60",
        "toolkit serve --warm es,ca,en",
        'curl -s localhost:5000/translate -d q="Le ministre est à Stepanakert." -d source=fr -d target=es',
    ),
)
def serve(
    context: typer.Context,
    host: Host = serving.DEFAULT_HOST,
    port: Port = serving.DEFAULT_PORT,
    glossary: Glossaries = None,
    no_glossary: NoGlossary = False,
    engine: EngineChoice = "auto",
    workers: ServeWorkers = None,
    api_keys: ApiKeys = None,
    req_limit: RequestLimit = serving.NO_LIMIT,
    char_limit: CharacterLimit = serving.NO_LIMIT,
    body_limit: BodyLimit = serving.DEFAULT_BODY_LIMIT,
    timeout: Timeout = serving.DEFAULT_TIMEOUT,
    queue: Queue = serving.DEFAULT_QUEUE,
    warm: Warm = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Serve LibreTranslate's API and a page for editors.

    A drop-in LibreTranslate server (/translate, /detect, /languages, /translate_file,
    /frontend/settings) on the same pipeline as translate, plus /summarize and a page at /; the
    config file's glossaries and engine as translate reads them. SIGTERM lets the requests in
    flight finish, then exits 0.
    """
    from toolkit.commands.serve import ServeRequest, run

    settings = configured(context, "to", "engine", "glossary")
    run(
        ServeRequest(
            host=host,
            port=port,
            glossaries=_glossaries(settings, glossary),
            use_glossary=not no_glossary,
            engine=str(settings.get("engine", engine)),
            workers=workers if workers is not None else serving.default_workers(),
            api_keys=api_keys,
            req_limit=req_limit,
            char_limit=char_limit,
            body_limit=body_limit,
            timeout=timeout,
            queue=queue,
            warm=warm if warm is not None else str(settings.get("to", DEFAULT_TARGET)),
            warm_by_default=warm is None,
        ),
        _environment(quiet, verbose),
    )


glossary_app = typer.Typer(
    help="Show the glossary of proper names or check a file.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(glossary_app, name="glossary")


@glossary_app.command(
    "show",
    cls=Command,
    epilog=examples(
        "toolkit glossary show",
        "toolkit glossary show --lang ru,hy",
        "toolkit glossary show -g names.csv > merged.tsv",
        "toolkit glossary show --format json",
    ),
)
def glossary_show(
    context: typer.Context,
    glossary: Glossaries = None,
    no_default: Annotated[
        bool, typer.Option("--no-default", help="Leave out the default glossary.")
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", "-l", metavar="LANGS", help="Show the forms for these languages: ru,hy."
        ),
    ] = None,
    format: GlossaryFormat = "text",
    json: JsonAlias = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Print the active glossary: each name and its forms.

    Each name, the spellings found in the source text and its form in each language: a table on a
    terminal, a TSV glossary file in a pipe.
    """
    from toolkit.commands.glossary import show

    show(
        list(_glossaries(configured(context, "glossary"), glossary)),
        not no_default,
        lang,
        _format(format, json),
        _environment(quiet, verbose),
    )


@glossary_app.command(
    "check",
    cls=Command,
    epilog=examples("toolkit glossary check names.csv", "toolkit glossary check glossaries/*.toml"),
)
def glossary_check(
    files: Annotated[
        list[str],
        typer.Argument(hidden=True, metavar="FILE...", help="Glossary files to validate."),
    ],
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Check glossary files, each problem as file:line.

    Malformed lines, empty or duplicate terms and unknown languages; exit code 2 if any.
    """
    from toolkit.commands.glossary import check

    check(files, _environment(quiet, verbose))


models = typer.Typer(
    help="Install, list and remove Argos Translate packages.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(models, name="models")


@models.command(
    "list", cls=Command, epilog=examples("toolkit models list", "toolkit models list --format json")
)
def models_list(
    format: InstalledModelsFormat = "text",
    json: JsonAlias = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """List the installed packages: pair, version, size, folder."""
    from toolkit.commands.models import list_installed

    list_installed(_format(format, json), _environment(quiet, verbose))


@models.command(
    "available",
    cls=Command,
    epilog=examples("toolkit models available", "toolkit models available --format json"),
)
def models_available(
    format: IndexModelsFormat = "text",
    json: JsonAlias = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """List the packages of the Argos index (online)."""
    from toolkit.commands.models import list_available

    list_available(_format(format, json), _environment(quiet, verbose))


@models.command(
    "install",
    cls=Command,
    epilog=examples(
        "toolkit models install translate-fr_en-1_9.argosmodel",
        "toolkit models install downloads/",
        "toolkit models install fr-en",
    ),
)
def models_install(
    packages: Annotated[
        list[str],
        typer.Argument(
            hidden=True,
            metavar="PACKAGE...",
            help="A .argosmodel file, a folder of them, or a pair such as fr-en from the index.",
            show_default=False,
        ),
    ],
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Check and install packages.

    Each PACKAGE is an .argosmodel file, a folder of them, or a pair such as fr-en from the online
    index; an installed package for the same pair is replaced.
    """
    from toolkit.commands.models import install

    install(packages, _environment(quiet, verbose))


@models.command(
    "remove",
    cls=Command,
    epilog=examples("toolkit models remove fr-en", "toolkit models remove fr-en en-de"),
)
def models_remove(
    pairs: Annotated[
        list[str],
        typer.Argument(
            hidden=True,
            metavar="PAIR...",
            help="Pairs to remove, such as fr-en.",
            show_default=False,
        ),
    ],
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Remove installed packages, by pair."""
    from toolkit.commands.models import remove

    remove(pairs, _environment(quiet, verbose))


corpus = typer.Typer(
    help="Translate or summarise a whole archive of releases.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(corpus, name="corpus")
CorpusInput = Annotated[
    Path,
    typer.Argument(
        hidden=True,
        metavar="INPUT",
        help="A JSONL file (one object per line: id, text, other fields kept) or a folder of .txt files.",
        show_default=False,
    ),
]
OutputFolder = Annotated[
    str,
    typer.Option(
        "--output", "-o", metavar="DIR", help="Folder of the output files; a rerun resumes there."
    ),
]
Workers = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-w",
        metavar="N",
        help="Worker processes, each loading the engine once (default 1); with --ray, actors (default: one per CPU).",
    ),
]
RayAddress = Annotated[
    str | None,
    typer.Option(
        "--ray",
        metavar="ADDRESS",
        help="Run on Ray: 'local' starts one for this run; else a cluster (head:6379, ray://head:10001, auto).",
    ),
]
Batch = Annotated[
    int,
    typer.Option("--batch", metavar="N", help="Documents per engine call; results depend on it."),
]
RetryFailed = Annotated[
    bool, typer.Option("--retry-failed", help="Process again the documents that failed before.")
]


@corpus.command(
    "translate",
    cls=Command,
    epilog=examples(
        "toolkit corpus translate releases.jsonl --to es,en -o out/",
        "toolkit corpus translate releases/ --to es -o out/ --workers 4",
        "toolkit corpus translate releases.jsonl --to es -o out/ --ray local",
    ),
)
def corpus_translate(
    context: typer.Context,
    input: CorpusInput,
    output: OutputFolder,
    source: Source = "fr",
    to: Targets = None,
    engine: EngineChoice = "auto",
    via: Via = None,
    glossary: Glossaries = None,
    no_glossary: NoGlossary = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="A document with a glossary name missing is a failure."),
    ] = False,
    force: Force = False,
    protect: Protect = None,
    keep_typography: KeepTypography = False,
    device: Device = None,
    threads: Annotated[
        int | None,
        typer.Option(
            "--threads",
            metavar="N",
            help="argos: CPU threads per worker; 0 (the default) shares the cores out.",
            show_default=False,
        ),
    ] = None,
    beam_size: BeamSize = None,
    encoding: Encoding = None,
    workers: Workers = None,
    ray: RayAddress = None,
    batch: Batch = 32,
    retry_failed: RetryFailed = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Translate every document into each target language.

    INPUT is a JSONL file (an object per line: id, text, other fields kept) or a folder of .txt
    files; DIR/<lang>.jsonl gets one line per document. A rerun resumes where a run stopped.
    """
    from toolkit.commands import corpus as command

    run = command.RunOptions(
        input, command.output_argument(output), encoding, workers, ray, batch, retry_failed
    )
    settings = configured(context, "source", "to", "engine", "via", "glossary")
    options = command.TranslateOptions(
        str(settings.get("source", source)),
        joined(to) or str(settings.get("to", DEFAULT_TARGET)),
        str(settings.get("engine", engine)),
        via=_optional(settings.get("via", via)),
        glossaries=_glossaries(settings, glossary),
        use_glossary=not no_glossary,
        strict=strict,
        protect=tuple(protect or ()),
        target_typography=not keep_typography,
        engine_options=given(device=device, threads=threads, beam_size=beam_size),
        force=force,
    )
    command.translate(run, options, _environment(quiet, verbose))


@corpus.command(
    "summarize",
    cls=Command,
    epilog=examples(
        "toolkit corpus summarize releases.jsonl -o out/",
        "toolkit corpus summarize releases.jsonl -n 3 --to en -o out/",
        "toolkit corpus summarize releases/ -o out/ --workers 2",
    ),
)
def corpus_summarize(
    context: typer.Context,
    input: CorpusInput,
    output: OutputFolder,
    sentences: Sentences = None,
    ratio: Ratio = None,
    algorithm: Algorithm = algorithms.DEFAULT,
    language: Language = "auto",
    force: Force = False,
    to: SummaryTarget = None,
    engine: SummaryEngine = "auto",
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Also store every sentence's score, not only the kept."),
    ] = False,
    glossary: Glossaries = None,
    no_glossary: SummaryNoGlossary = False,
    encoding: Encoding = None,
    workers: Workers = None,
    ray: RayAddress = None,
    batch: Batch = 32,
    retry_failed: RetryFailed = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Summarise every document of an archive.

    INPUT is a JSONL file (an object per line: id, text, other fields kept) or a folder of .txt
    files; DIR/summaries.jsonl gets one line per document. A rerun resumes where a run stopped.
    """
    from toolkit.commands import corpus as command

    run = command.RunOptions(
        input, command.output_argument(output), encoding, workers, ray, batch, retry_failed
    )
    length = ("sentences",) if ratio is None else ()
    settings = configured(context, "language", "to", "engine", "glossary", "algorithm", *length)
    options = command.SummarizeOptions(
        _count(settings.get("sentences", sentences)),
        ratio,
        str(settings.get("algorithm", algorithm)),
        str(settings.get("language", language)),
        joined(to) or _optional(settings.get("to")),
        str(settings.get("engine", engine)),
        explain,
        glossaries=_glossaries(settings, glossary),
        use_glossary=not no_glossary,
        force=force,
    )
    command.summarize(run, options, _environment(quiet, verbose))


@app.command(
    "config",
    cls=Command,
    epilog=examples(
        "toolkit config",
        "toolkit config --format json",
        '$EDITOR "$(toolkit config --path)"',
    ),
)
def config(
    path: Annotated[
        bool, typer.Option("--path", help="Print the config file's path, whether it exists or not.")
    ] = False,
    format: ConfigFormat = "text",
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Show the settings that apply and where each comes from.

    Defaults set once in a TOML file ($XDG_CONFIG_HOME/toolkit/config.toml: to, from, engine,
    glossaries, via, algorithm, sentences); the variables TOOLKIT_TO, TOOLKIT_FROM, TOOLKIT_ENGINE
    and TOOLKIT_GLOSSARY override the file, and options override both.
    """
    from toolkit.commands import config as command

    if path:
        command.path()
        return
    command.show(format, _environment(quiet, verbose))

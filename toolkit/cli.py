"""The command line: options and help only; the work lives in toolkit/commands/."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from toolkit.summary import algorithms

if TYPE_CHECKING:
    from toolkit.environment import Environment

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
    typer.Argument(help="Text files to read; none or '-' reads stdin.", show_default=False),
]
Glossaries = Annotated[
    list[str] | None,
    typer.Option(
        "--glossary",
        "-g",
        help="A glossary file (.toml, .csv, .tsv, .tbx) on top of the default; repeatable, later files win.",
    ),
]
Encoding = Annotated[
    str | None,
    typer.Option("--encoding", help="Decode input with this codec instead of UTF-8/UTF-16 by BOM."),
]
Source = Annotated[str, typer.Option("--from", "-f", help="Language of the input.")]
Targets = Annotated[
    str, typer.Option("--to", "-t", help="Target language(s), comma-separated: es,ca,en.")
]
EngineChoice = Annotated[str, typer.Option("--engine", "-e", help="auto, argos or apertium.")]
NoGlossary = Annotated[
    bool, typer.Option("--no-glossary", help="Translate without the glossary of names.")
]
Strict = Annotated[
    bool,
    typer.Option("--strict", help="Exit 1, writing nothing, when a glossary name is missing."),
]
Device = Annotated[
    str | None, typer.Option("--device", help="argos: auto, cpu or cuda.", show_default="auto")
]
Threads = Annotated[
    int | None,
    typer.Option("--threads", help="argos: CPU threads; 0 uses every core.", show_default="0"),
]
BeamSize = Annotated[
    int | None,
    typer.Option(
        "--beam-size", help="argos: beam width; 1 is greedy and fastest.", show_default="4"
    ),
]
Sentences = Annotated[
    int | None,
    typer.Option("--sentences", "-n", help="Sentences to keep (3 unless --ratio is given)."),
]
Ratio = Annotated[
    float | None,
    typer.Option("--ratio", help="Share of the sentences to keep instead: 0.2 keeps a fifth."),
]
Algorithm = Annotated[
    str,
    typer.Option(
        "--algorithm",
        "-a",
        help=f"{', '.join(algorithms.NAMES[:-1])} or {algorithms.NAMES[-1]}; {algorithms.DEFAULT} "
        "(position-aware centrality, made for news) unless given.",
    ),
]
Language = Annotated[
    str,
    typer.Option(
        "--from", "-f", "--language", "-l", help="Language of the input (fr, en, ...), or auto."
    ),
]
SummaryTarget = Annotated[
    str | None, typer.Option("--to", "-t", help="Also translate the summary into this language.")
]
SummaryEngine = Annotated[
    str, typer.Option("--engine", "-e", help="Engine for --to: auto, argos or apertium.")
]
SummaryNoGlossary = Annotated[
    bool, typer.Option("--no-glossary", help="No glossary of names for --to and highlighting.")
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
Format = Annotated[str, typer.Option("--format", help="text or json.")]
# The spelling of --format json before there was --format; kept so that scripts still run.
JsonAlias = Annotated[bool, typer.Option("--json", hidden=True)]


def _environment(quiet: bool, verbose: bool) -> Environment:
    from toolkit.environment import Environment

    return Environment(quiet, verbose)


def _format(format: str, json: bool) -> str:
    return "json" if json else format


def _version(value: bool) -> None:
    if value:
        from toolkit import __version__

        typer.echo(f"toolkit {__version__}")
        raise typer.Exit()


def given(**options: object) -> dict[str, object]:
    """The engine options the user gave; an engine that does not take one refuses it."""
    return {name: value for name, value in options.items() if value is not None}


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Translate and summarise French press releases offline."""
    # --debug is read by toolkit.__main__ before parsing; it is declared here for the help.


@app.command()
def translate(
    files: Files = None,
    source: Source = "fr",
    to: Targets = "es",
    engine: EngineChoice = "auto",
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="File, or folder for several languages.")
    ] = None,
    format: Format = "text",
    encoding: Encoding = None,
    glossary: Glossaries = None,
    no_glossary: NoGlossary = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="QA report on stderr (in the JSON with --format json): names, numbers."
        ),
    ] = False,
    strict: Strict = False,
    device: Device = None,
    threads: Threads = None,
    beam_size: BeamSize = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Translate press releases, one output paragraph per input paragraph."""
    from toolkit.commands.translate import TranslateRequest, run

    run(
        TranslateRequest(
            files=files or [],
            source=source,
            targets=to,
            engine=engine,
            output=output,
            format=format,
            encoding=encoding,
            glossaries=tuple(glossary or ()),
            use_glossary=not no_glossary,
            check=check,
            strict=strict,
            engine_options=given(device=device, threads=threads, beam_size=beam_size),
        ),
        _environment(quiet, verbose),
    )


@app.command()
def summarize(
    files: Files = None,
    sentences: Sentences = None,
    ratio: Ratio = None,
    algorithm: Algorithm = algorithms.DEFAULT,
    language: Language = "auto",
    to: SummaryTarget = None,
    engine: SummaryEngine = "auto",
    format: Annotated[str, typer.Option("--format", help="text, json or markdown.")] = "text",
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
            help="Rank texts longer than this many sentences in chunks of this size, then the "
            "best of each together, in bounded memory; 0 ranks any text whole. Default: 20000 "
            "(pacsum, lead, lexrank, textrank, luhn, edmundson), 2000 (lsa, sumbasic), 1000 (reduction), 250 (kl).",
            show_default=False,
        ),
    ] = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Extractive summaries: the sentences that carry each text, verbatim, in their order."""
    from toolkit.commands.summarize import SummarizeRequest, run

    run(
        SummarizeRequest(
            files=files or [],
            sentences=sentences,
            ratio=ratio,
            algorithm=algorithm,
            language=language,
            to=to,
            engine=engine,
            format=format,
            explain=explain,
            encoding=encoding,
            glossaries=tuple(glossary or ()),
            use_glossary=not no_glossary,
            chunk_sentences=chunk_sentences,
        ),
        _environment(quiet, verbose),
    )


@app.command()
def engines(
    source: Annotated[
        str, typer.Option("--from", "-f", help="Source language of the routes.")
    ] = "fr",
    format: Format = "text",
    json: JsonAlias = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """List the engines, whether they run here, their routes, and what to install for the rest."""
    from toolkit.commands.engines import run

    run(source, _format(format, json), _environment(quiet, verbose))


glossary_app = typer.Typer(
    help="The glossary of proper names: show it, check a glossary file.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(glossary_app, name="glossary")


@glossary_app.command("show")
def glossary_show(
    glossary: Glossaries = None,
    no_default: Annotated[
        bool, typer.Option("--no-default", help="Leave out the default glossary.")
    ] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", "-l", help="Show the forms for these languages: ru,hy.")
    ] = None,
    format: Format = "text",
    json: JsonAlias = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Print the active glossary as a table: each name, its source spellings and its forms."""
    from toolkit.commands.glossary import show

    show(
        list(glossary or ()),
        not no_default,
        lang,
        _format(format, json),
        _environment(quiet, verbose),
    )


@glossary_app.command("check")
def glossary_check(
    files: Annotated[list[str], typer.Argument(help="Glossary files to validate.")],
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Validate glossary files: malformed lines, empty or duplicate terms, unknown languages."""
    from toolkit.commands.glossary import check

    check(files, _environment(quiet, verbose))


models = typer.Typer(
    help="Argos Translate language packages: list, install, remove.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(models, name="models")


@models.command("list")
def models_list(
    format: Format = "text", json: JsonAlias = False, quiet: Quiet = False, verbose: Verbose = False
) -> None:
    """Installed packages: pair, version, size, folder."""
    from toolkit.commands.models import list_installed

    list_installed(_format(format, json), _environment(quiet, verbose))


@models.command("available")
def models_available(
    format: Format = "text", json: JsonAlias = False, quiet: Quiet = False, verbose: Verbose = False
) -> None:
    """Packages in the Argos Translate index (needs the network)."""
    from toolkit.commands.models import list_available

    list_available(_format(format, json), _environment(quiet, verbose))


@models.command("install")
def models_install(
    packages: Annotated[
        list[str],
        typer.Argument(
            help="A .argosmodel file, a folder of them, or a pair such as fr-en from the index.",
            show_default=False,
        ),
    ],
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Check and install packages; a package for the same pair is replaced."""
    from toolkit.commands.models import install

    install(packages, _environment(quiet, verbose))


@models.command("remove")
def models_remove(
    pairs: Annotated[
        list[str], typer.Argument(help="Pairs to remove, such as fr-en.", show_default=False)
    ],
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Remove installed packages."""
    from toolkit.commands.models import remove

    remove(pairs, _environment(quiet, verbose))


corpus = typer.Typer(
    help="A JSONL file or a folder of releases: resumable, in parallel, or on a Ray cluster.",
    no_args_is_help=True,
)
app.add_typer(corpus, name="corpus")
CorpusInput = Annotated[
    Path,
    typer.Argument(
        help="A JSONL file (one object per line: id, text, other fields kept) or a folder of .txt files.",
        show_default=False,
    ),
]
OutputFolder = Annotated[
    Path,
    typer.Option("--output", "-o", help="Folder of the output files; a rerun resumes there."),
]
Workers = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-w",
        help="Worker processes, each loading the engine once (default 1); with --ray, actors (default: one per CPU).",
        min=1,
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
    typer.Option("--batch", help="Documents per engine call; results depend on it.", min=1),
]
RetryFailed = Annotated[
    bool, typer.Option("--retry-failed", help="Process again the documents that failed before.")
]


@corpus.command("translate")
def corpus_translate(
    input: CorpusInput,
    output: OutputFolder,
    source: Source = "fr",
    to: Targets = "es",
    engine: EngineChoice = "auto",
    glossary: Glossaries = None,
    no_glossary: NoGlossary = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="A document with a glossary name missing is a failure."),
    ] = False,
    device: Device = None,
    threads: Annotated[
        int | None,
        typer.Option(
            "--threads",
            help="argos: CPU threads per worker; 0 shares the cores out.",
            show_default="0",
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
    """Translate every document into each target: OUTDIR/<lang>.jsonl, one line per document."""
    from toolkit.commands import corpus as command

    run = command.RunOptions(input, output, encoding, workers, ray, batch, retry_failed)
    options = command.TranslateOptions(
        source,
        to,
        engine,
        glossaries=tuple(glossary or ()),
        use_glossary=not no_glossary,
        strict=strict,
        engine_options=given(device=device, threads=threads, beam_size=beam_size),
    )
    command.translate(run, options, _environment(quiet, verbose))


@corpus.command("summarize")
def corpus_summarize(
    input: CorpusInput,
    output: OutputFolder,
    sentences: Sentences = None,
    ratio: Ratio = None,
    algorithm: Algorithm = algorithms.DEFAULT,
    language: Language = "auto",
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
    """Summarise every document: OUTDIR/summaries.jsonl, one line per document."""
    from toolkit.commands import corpus as command

    run = command.RunOptions(input, output, encoding, workers, ray, batch, retry_failed)
    options = command.SummarizeOptions(
        sentences,
        ratio,
        algorithm,
        language,
        to,
        engine,
        explain,
        glossaries=tuple(glossary or ()),
        use_glossary=not no_glossary,
    )
    command.summarize(run, options, _environment(quiet, verbose))

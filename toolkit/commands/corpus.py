"""`toolkit corpus`: a JSONL file or a folder of releases through the pipeline, resumable, in parallel."""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import AbstractContextManager, closing, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from toolkit.corpus import plan, resume
from toolkit.corpus.recording import appending, failed_lines, record
from toolkit.corpus.report import Progress
from toolkit.corpus.runners import Outcome, in_process, in_processes
from toolkit.corpus.sources import FolderCorpus, JsonlCorpus, open_corpus
from toolkit.corpus.store import FolderLock, Store
from toolkit.corpus.tasks import Task
from toolkit.corpus.translating import TranslateTask
from toolkit.engines import routing
from toolkit.environment import Environment
from toolkit.errors import ToolkitError, UsageError
from toolkit.glossary.active import load_active, with_patterns
from toolkit.output import files, words
from toolkit.output.corpus_report import OutputCounts, RunStats, final_table
from toolkit.summary.algorithms import DEFAULT
from toolkit.text import languages


def output_argument(text: str) -> Path:
    """The -o folder; an empty one, which would be the current folder, is refused, and so is a
    new one named like a file (`-o out.jsonl`), which a user means as the output file itself."""
    if not text:
        raise UsageError("-o is empty; give the folder of the output files")
    path = Path(text)
    if path.suffix.lower() in (".jsonl", ".json") and not path.exists():
        raise UsageError(
            f"{text}: -o names the folder of the output files (a <language>.jsonl per target, "
            "or summaries.jsonl), not a file; give a folder, such as -o out/"
        )
    return path


@dataclass(frozen=True)
class RunOptions:
    """How a corpus run reads, where it writes, and how it runs."""

    input: Path
    output: Path
    encoding: str | None = None
    workers: int | None = None
    ray: str | None = None
    batch: int = plan.UNIT_DOCUMENTS
    retry_failed: bool = False

    def check(self) -> None:
        if self.workers is not None and self.workers < 1:
            raise UsageError("--workers must be 1 or more")
        if self.batch < 1:
            raise UsageError("--batch must be 1 or more")
        if self.ray is not None:
            from toolkit.corpus.ray_runner import require_ray

            require_ray(self.ray)

    @property
    def mode(self) -> str:
        if self.ray is not None:
            where = "a local Ray" if self.ray == "local" else f"Ray at {self.ray}"
            actors = f"{self.workers} actors" if self.workers else "an actor per CPU"
            return f"{where}, {actors}"
        if self.workers and self.workers > 1:
            return f"{self.workers} worker processes"
        return "1 process"


@dataclass(frozen=True)
class TranslateOptions:
    source: str
    targets: str
    engine: str
    via: str | None = None  # --via: the pivot language, "-" for the direct pair
    glossaries: tuple[str, ...] = ()
    use_glossary: bool = True
    strict: bool = False
    protect: tuple[str, ...] = ()
    target_typography: bool = True
    engine_options: dict[str, Any] = field(default_factory=dict)  # --device, --threads, ...
    force: bool = False  # --force: no document refused by the language check


def translate(run: RunOptions, options: TranslateOptions, env: Environment) -> None:
    """Translate every document of the corpus into each target: OUTDIR/<target>.jsonl."""
    run.check()
    source, targets = languages.parse_direction(options.source, options.targets)
    # The whole glossary is read, and refused with file:line, before any input or engine is touched.
    glossary = load_active(list(options.glossaries), options.use_glossary, source)
    glossary = with_patterns(glossary, options.protect)
    engine_options = _share_cores(options.engine, options.engine_options, run)
    # Routes depend on what is installed, not on the documents: chosen before any file is touched.
    engines = routing.candidate_engines(options.engine, **engine_options)
    via = routing.parse_via(options.via)
    routes = {t: routing.resolve(engines, source, t, via)[1] for t in targets}
    for target, route in routes.items():
        env.detail(f"{source}→{target} via {route.describe()}")
    corpus = open_corpus(run.input, run.encoding)

    def make_task() -> Task:
        return TranslateTask(
            source,
            routes,
            glossary,
            engine_options,
            options.strict,
            options.target_typography,
            options.force,
        )

    with _ray_session(run):
        folder = files.output_folder(run.output)
        with FolderLock(folder):
            _execute(corpus, folder, list(targets), make_task, run, "translating", env)


@dataclass(frozen=True)
class SummarizeOptions:
    sentences: int | None = None
    ratio: float | None = None
    algorithm: str = DEFAULT
    language: str = "auto"
    to: str | None = None
    engine: str = "auto"
    explain: bool = False
    glossaries: tuple[str, ...] = ()
    use_glossary: bool = True
    force: bool = False  # --force: no document refused by the language check


def summarize(run: RunOptions, options: SummarizeOptions, env: Environment) -> None:
    """Summarise every document of the corpus: OUTDIR/summaries.jsonl."""
    from toolkit.commands.summarize import parse_choices
    from toolkit.corpus.summarizing import OUTPUT, SummarizeTask
    from toolkit.summary.summarize import Options

    run.check()
    algorithm, language = parse_choices(
        options.algorithm, options.language, options.sentences, options.ratio
    )
    target = _summary_target(options.to)
    if target is not None and target == language:
        raise UsageError(f"--to {target} is the language of the text")
    glossary = load_active(list(options.glossaries), options.use_glossary)
    summary_options = Options(
        algorithm, language, options.sentences, options.ratio, force=options.force
    )
    corpus = open_corpus(run.input, run.encoding)

    def make_task() -> Task:
        return SummarizeTask(summary_options, glossary, target, options.engine, options.explain)

    with _ray_session(run):
        folder = files.output_folder(run.output)
        with FolderLock(folder):
            _execute(corpus, folder, [OUTPUT], make_task, run, "summarizing", env)


def _ray_session(run: RunOptions) -> AbstractContextManager[None]:
    """With --ray, Ray started or joined before the output folder is touched."""
    if run.ray is None:
        return nullcontext()
    from toolkit.corpus.ray_runner import session

    return session(run.ray, run.workers)


def _share_cores(engine: str, engine_options: dict[str, Any], run: RunOptions) -> dict[str, Any]:
    """Threads per engine (argos) when several run at once: the cores shared out, not each taking all."""
    if engine == "apertium" or engine_options.get("threads", 0) != 0:
        return engine_options  # Apertium takes no --threads
    if run.ray is not None:
        return engine_options | {"threads": 1}  # each actor holds one CPU of its node
    if run.workers and run.workers > 1:
        cores = len(os.sched_getaffinity(0))
        return engine_options | {"threads": max(1, cores // run.workers)}
    return engine_options


def _execute(
    corpus: JsonlCorpus | FolderCorpus,
    folder: Path,
    outputs: list[str],
    make_task: Callable[[], Task],
    run: RunOptions,
    label: str,
    env: Environment,
) -> None:
    """Resume from the output files, run the pending units, append their lines, report."""
    console = env.stderr
    stores = {name: Store(folder / f"{name}.jsonl") for name in outputs}
    if any(run.input.resolve() == store.path.resolve() for store in stores.values()):
        raise UsageError(f"{run.input} is also an output file of this run; choose another -o")
    stats = RunStats(
        run.mode, {name: OutputCounts(store.path.name) for name, store in stores.items()}
    )
    hashes = resume.scan(corpus)
    stats.total = len(hashes)
    for name, store in stores.items():
        skipped = stats.outputs[name].skipped = resume.resume(
            store, hashes, run.retry_failed, console
        )
        if skipped:
            env.detail(f"{store.path}: {words.count(skipped, 'document')} already done, skipped")
    pending = resume.pending(hashes, stores.values())
    with appending(stores.values()):
        if pending:
            task = make_task()
            units = plan.units(
                corpus.documents(), {n: s.done for n, s in stores.items()}, max_documents=run.batch
            )
            units, run = _fitted_workers(units, run, env)
            stats.mode = run.mode
            started = time.perf_counter()
            try:
                with (
                    Progress(console, pending, label) as progress,
                    closing(_runner(task, units, run, progress)) as outcomes,
                ):
                    record(outcomes, stores, stats, progress, started)
            except KeyboardInterrupt:
                env.note(
                    f"interrupted; the documents done are kept in {folder}: "
                    "run the same command again to resume"
                )
                raise
    for store in stores.values():
        store.put_in_order(hashes)
    final_table(console, stats)
    if stats.failed:
        raise ToolkitError(
            f"failed: {failed_lines(stats, folder)} (their lines hold the error); fix the input, "
            "then rerun with --retry-failed"
        )


def _fitted_workers(
    units: Iterator[plan.Unit], run: RunOptions, env: Environment
) -> tuple[Iterator[plan.Unit], RunOptions]:
    """--workers capped to the units of work and to the cores here: a process more than either
    would only load its engines and wait. Units are read ahead (as many as processes asked for,
    which the pool would take at once anyway) to count the first."""
    if run.ray is not None or not run.workers or run.workers <= 1:
        return units, run
    cores = len(os.sched_getaffinity(0))
    ahead = list(itertools.islice(units, min(run.workers, cores)))
    workers = max(1, len(ahead))
    if workers < run.workers:
        limit = (
            f"the units of work ({len(ahead)})" if len(ahead) < cores else f"the cores ({cores})"
        )
        env.detail(
            f"--workers {run.workers}: {replace(run, workers=workers).mode}, as many as {limit}"
        )
    return itertools.chain(ahead, units), replace(run, workers=workers)


def _runner(
    task: Task, units: Iterator[plan.Unit], run: RunOptions, progress: Progress
) -> Generator[Outcome, None, None]:
    """The runner of the run's units; the bar hears of each unit's share done as it goes
    (on Ray, of each unit once its lines are back)."""
    partly = progress.partly if progress.shows else None
    if run.ray is not None:
        from toolkit.corpus.ray_runner import on_ray

        return on_ray(task, units, run.ray, run.workers)
    if run.workers and run.workers > 1:
        return in_processes(task, units, run.workers, partly)
    return in_process(task, units, partly)


def _summary_target(to: str | None) -> str | None:
    """The one language summaries.jsonl holds translations in."""
    if not to:
        return None
    targets = languages.parse_list(to, "target language")
    if len(targets) > 1:
        raise UsageError(
            f"corpus summarize translates into one language, not {len(targets)}; "
            "run it once per --to, each with its own -o"
        )
    return targets[0]

"""`toolkit models`: list, show available, install and remove Argos Translate packages."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.engines.argos import packages
from toolkit.environment import Environment
from toolkit.errors import UsageError
from toolkit.output import terminal as output
from toolkit.output.models import (
    INDEX_FORMATS,
    INSTALLED_FORMATS,
    IndexPackages,
    InstalledPackages,
)
from toolkit.text import languages

if TYPE_CHECKING:
    from toolkit.output.stderr import Stderr

_PAIR = re.compile(r"^([A-Za-z]{2,3})-([A-Za-z]{2,3})$")


def list_installed(format: str, env: Environment) -> None:
    render = INSTALLED_FORMATS.renderer(format)
    packages.clean_stale_staging()
    found = packages.scan()
    rows = [
        {
            "pair": p.pair,
            "version": p.metadata.version,
            "size": p.size(),
            "path": str(p.path),
            "target_prefix": p.metadata.target_prefix,
        }
        for p, _ in found
        if p is not None
    ]
    broken = [problem for _, problem in found if problem]
    render(InstalledPackages(str(packages.install_dir()), rows, broken), env)


def list_available(format: str, env: Environment) -> None:
    render = INDEX_FORMATS.renderer(format)
    packages.clean_stale_staging()
    from toolkit.engines.argos import index as package_index

    index = package_index.fetch()
    if index.cached:
        env.stderr.print(
            f"[yellow]the index could not be reached ({index.problem}); "
            f"showing the copy saved in {package_index.local_index()}[/]",
            highlight=False,
        )
    installed = {p.pair: p.metadata.version for p in packages.installed()}
    rows = [
        {
            "pair": e.pair,
            "version": e.version,
            "from": languages.name(e.source),
            "to": languages.name(e.target),
            "installed": installed.get(e.pair),
        }
        for e in sorted(index.packages, key=lambda e: e.pair)
    ]
    render(IndexPackages(package_index.index_url(), rows), env)


def install(arguments: list[str], env: Environment) -> None:
    """Install each argument: a .argosmodel file, a folder of them, or a pair from the index."""
    packages.clean_stale_staging()
    console = env.stderr
    for argument in arguments:
        path = Path(argument)
        pair = _PAIR.match(argument)
        if pair and not path.exists():
            source, target = (languages.parse(code) for code in pair.groups())
            _install_from_index(source, target, env)
            continue
        for archive in packages.archives(path):
            with env.transfer_progress(f"installing {output.shown(archive.name)}") as progress:
                result = packages.install_archive(archive, progress)
            _report(console, result)


def _install_from_index(source: str, target: str, env: Environment) -> None:
    from toolkit.engines.argos import index as package_index

    entry = package_index.find(package_index.fetch(), source, target)
    folder = packages.install_dir().parent
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".toolkit-download-", dir=folder) as work:
        with env.transfer_progress(f"downloading {entry.pair} {entry.version}") as progress:
            archive = package_index.download(entry, Path(work), progress)
        with env.transfer_progress(f"installing {entry.pair}") as progress:
            result = packages.install_archive(archive, progress)
    _report(env.stderr, result)


def remove(arguments: list[str], env: Environment) -> None:
    packages.clean_stale_staging()
    console = env.stderr
    for argument in arguments:
        pair = _PAIR.match(argument)
        if not pair:
            raise UsageError(f"{argument!r} is not a pair; write it as FROM-TO, such as fr-en")
        source, target = (languages.parse(code) for code in pair.groups())
        for path in packages.remove(source, target):
            console.print(output.shown(f"removed {source}-{target} ({path})"), highlight=False)


def _report(console: Stderr, result: packages.Install) -> None:
    package = result.package
    message = f"installed {package.pair} {package.metadata.version} in {package.path}"
    message += "".join(f"; replaced {p.name}" for p in result.replaced)
    console.print(output.shown(message), highlight=False)

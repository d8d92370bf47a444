"""What every route shares: the settings, the glossary, the catalogue of routes, the pool of
workers with their engines, the per-client limiter and the folder of translated files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from toolkit.errors import InputRefused, ToolkitError, UsageError
from toolkit.glossary.model import Glossary
from toolkit.serve.catalogue import Catalogue
from toolkit.serve.errors import ApiError
from toolkit.serve.limits import RequestLimiter
from toolkit.serve.service import Workbench
from toolkit.serve.settings import ServeSettings
from toolkit.serve.workers import QueueFull, WorkerPool
from toolkit.text import languages

T = TypeVar("T")
WARM_TEXT = "Bonjour."  # translated into each warmed target: the route's programs started


class Server:
    def __init__(self, settings: ServeSettings, glossary: Glossary, found: Catalogue) -> None:
        self.warm = targets_to_warm(settings, found)
        self.settings, self.glossary, self.catalogue = settings, glossary, found
        self.limiter = RequestLimiter(settings.req_limit)
        self.pool: WorkerPool[Workbench] = WorkerPool(
            settings.workers, settings.queue, self._workbench, Workbench.close
        )
        self.files: Path | None = None  # translated files, for /download_file

    def _workbench(self) -> Workbench:
        bench = Workbench(self.glossary, self.settings.engine)
        for target in self.warm:  # each route's programs started now, not on a request
            bench.translate(WARM_TEXT, self.settings.source, target)
        return bench

    async def run(self, work: Callable[[Workbench], T]) -> T:
        """`work` on a worker, answering for a full queue (503), time running out (503) and
        the engine's errors (400 for the request's, 500 for the server's)."""
        timeout = self.settings.timeout
        try:
            return await self.pool.run(work, timeout)
        except QueueFull:
            raise ApiError(
                503,
                "Too many requests waiting: the server is busy, retry later",
                {"Retry-After": str(max(1, round(timeout / 10)))},
            ) from None
        except TimeoutError:
            # 503, not 500: nothing is wrong with the request or the server, which was too
            # busy or the text too long for the time given; the same request may pass later.
            raise ApiError(
                503,
                f"Translation did not finish within {timeout:g} s",
                {"Retry-After": str(max(1, round(timeout)))},
            ) from None
        except (UsageError, InputRefused) as error:
            raise ApiError(400, str(error)) from None
        except ToolkitError as error:
            raise ApiError(500, f"Cannot translate text: {error}") from None


def targets_to_warm(settings: ServeSettings, found: Catalogue) -> tuple[str, ...]:
    """The targets of settings.warm that the catalogue offers from the source; one it does not
    offer is a UsageError when --warm named it, and left out when it came by default."""
    offered = found.targets.get(settings.source, [])
    if settings.warm_by_default:
        return tuple(target for target in settings.warm if target in offered)
    for target in settings.warm:
        if target not in offered:
            raise UsageError(
                f"--warm: {languages.name(target)} ({target}) is not a target from "
                f"{settings.source} here; the targets are {', '.join(offered) or 'none'}"
            )
    return settings.warm

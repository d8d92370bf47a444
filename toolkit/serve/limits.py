"""Per-client request limits (429) and API keys (403), as LibreTranslate applies them."""

from __future__ import annotations

import time
from collections import deque

from toolkit.serve.errors import ApiError

WINDOW = 60.0  # seconds: the limit is per minute


class RequestLimiter:
    """At most `per_minute` requests per client over any sliding minute (0 or less: no limit)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._seen: dict[str, deque[float]] = {}

    def check(self, client: str, now: float | None = None) -> None:
        if self.per_minute <= 0:
            return
        now = time.monotonic() if now is None else now
        times = self._seen.setdefault(client, deque())
        while times and now - times[0] >= WINDOW:
            times.popleft()
        if len(times) >= self.per_minute:
            retry = max(1, int(WINDOW - (now - times[0])) + 1)
            raise ApiError(
                429, f"Slowdown: {self.per_minute} per 1 minute", {"Retry-After": str(retry)}
            )
        times.append(now)
        if len(self._seen) > 10_000:  # forget clients that have been quiet for a minute
            for key in [k for k, v in self._seen.items() if not v or now - v[-1] >= WINDOW]:
                del self._seen[key]


def check_key(keys: frozenset[str] | None, given: object) -> None:
    """A wrong key is refused with 403, as LibreTranslate does; a missing one, where keys are
    required, with LibreTranslate's 400."""
    if keys is None:
        return
    if given is None or given == "":
        raise ApiError(400, "Please contact the server operator to get an API key")
    if not isinstance(given, str) or given not in keys:
        raise ApiError(403, "Invalid API key")

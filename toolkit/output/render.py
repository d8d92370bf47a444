"""Where the renderers lived before output/ had a module per result type. Kept only for the
modules that still import these from here: toolkit/corpus/summarizing.py and translating.py."""

from __future__ import annotations

from toolkit.output.summaries import summary_data
from toolkit.output.translations import route_data

__all__ = ["route_data", "summary_data"]

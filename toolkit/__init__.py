"""toolkit: offline translation and extractive summaries of press releases."""

__version__ = "0.1.0"

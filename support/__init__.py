"""Helpers that tests and benchmarks share: building real Argos packages offline."""

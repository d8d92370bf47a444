#!/usr/bin/env bash
# Sets up the machine with the test dependencies (and Ray, for corpus mode), checks style and types,
# then runs the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev cluster
.venv/bin/ruff check toolkit tests benchmarks support
.venv/bin/ruff format --check toolkit tests benchmarks support
.venv/bin/mypy
# One worker per core; a test file stays on one worker (its module fixtures, a local Ray).
.venv/bin/python -m pytest -q -n auto --dist loadfile "$@"

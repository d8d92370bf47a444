#!/usr/bin/env bash
# Sets up the machine with the test dependencies (and Ray, for corpus mode), checks style and types,
# then runs the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev cluster
.venv/bin/ruff check toolkit tests benchmarks support
.venv/bin/ruff format --check toolkit tests benchmarks support
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"

#!/usr/bin/env bash
# Sets up the machine with the test dependencies, checks style, then runs the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev
.venv/bin/ruff check toolkit tests benchmarks
.venv/bin/ruff format --check toolkit tests benchmarks
.venv/bin/python -m pytest -q "$@"

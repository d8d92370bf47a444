#!/usr/bin/env bash
# Sets up the machine, then translates the example release into Spanish, Catalan and English and
# summarises it. Translations are written to out/ and shown; the summary is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
release=examples/release-fr.txt
mkdir -p out
.venv/bin/toolkit translate "$release" --from fr --to es,ca,en -o out
for language in es ca en; do
  echo
  echo "== $language: out/release-fr.$language.txt =="
  cat "out/release-fr.$language.txt"
done
echo
echo "== summary (3 sentences) =="
.venv/bin/toolkit summarize "$release" -n 3

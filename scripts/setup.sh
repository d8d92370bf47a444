#!/usr/bin/env bash
# Installs what toolkit needs on a Debian machine: Apertium and its language pairs, then .venv/.
# Idempotent: a second run installs nothing new. Extra pip extras may be given: scripts/setup.sh dev
# It says in a few lines what it installs; apt-get's and pip's own output goes to build/setup.log,
# whose last lines are shown when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  apertium
  apertium-fr-es apertium-fra-cat apertium-eo-fr apertium-oci-fra apertium-fra-frp
  apertium-eng-cat apertium-eng-spa apertium-eo-en
  apertium-es-pt apertium-es-gl apertium-spa-ita
  apertium-spa-cat apertium-cat-ita apertium-por-cat apertium-oc-ca apertium-oc-es
)
# With the test tools (the dev extra): Chromium and its driver, for the desk page in a real
# browser (tests/test_serve_page.py); the Debian Reference, the same book in five languages, for
# the quality benchmarks (benchmarks/translation_quality.py).
if [[ " $* " == *" dev "* ]]; then
  APT_PACKAGES+=(
    chromium chromium-driver
    debian-reference-en debian-reference-es debian-reference-fr debian-reference-it debian-reference-pt
  )
fi

log=build/setup.log
mkdir -p "$(dirname "$log")"
: >"$log"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# quietly STEP COMMAND...: runs COMMAND with its output in the log; on failure, says which STEP
# failed, shows the log's last 20 lines and stops with COMMAND's exit status.
quietly() {
  local step=$1 status=0
  shift
  printf '$ %s\n' "$*" >>"$log"
  "$@" >>"$log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    {
      echo "Failed: $step (exit status $status)"
      echo "Last 20 lines of $log:"
      tail -n 20 "$log" | sed 's/^/  /'
    } >&2
    exit "$status"
  fi
}

comma_list() {
  local IFS=,
  echo "$*" | sed 's/,/, /g'
}

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: $(comma_list "${missing[@]}") (log: $log)" >&2
  quietly "apt-get update" as_root apt-get update -qq
  quietly "apt-get install" as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "Debian packages: all ${#APT_PACKAGES[@]} already installed" >&2
fi

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "toolkit needs Python 3.11 or newer" >&2; exit 1; }
extras=$(IFS=,; echo "$*")
if [ -x .venv/bin/python ]; then
  action="Installing toolkit into .venv/"
else
  action="Creating .venv/ and installing toolkit"
fi
echo "$action${extras:+ with extras $extras} (log: $log)" >&2
[ -x .venv/bin/python ] || quietly "python3 -m venv .venv" python3 -m venv .venv
quietly "pip install --upgrade pip" .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
quietly "pip install -e ." .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras:+[$extras]}"
echo "Done: .venv/bin/toolkit" >&2

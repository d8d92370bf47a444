#!/usr/bin/env bash
# Installs what toolkit needs on a Debian machine: Apertium and its language pairs, then .venv/.
# Idempotent: a second run installs nothing new. Extra pip extras may be given: scripts/setup.sh dev
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  apertium
  apertium-fr-es apertium-fra-cat apertium-eo-fr apertium-oci-fra apertium-fra-frp
  apertium-eng-cat apertium-eng-spa apertium-eo-en
  apertium-es-pt apertium-es-gl apertium-spa-ita
  apertium-spa-cat apertium-cat-ita apertium-por-cat apertium-oc-ca apertium-oc-es
)
# With the test tools (the dev extra): real words and text in many languages, for
# tests/test_stemmers.py.
if [[ " $* " == *" dev "* ]]; then
  APT_PACKAGES+=(
    wamerican wdanish wdutch wfrench witalian wngerman wnorwegian wportuguese wspanish wswedish
    manpages-fi manpages-hu manpages-ro manpages-ru
    debian-reference-en debian-reference-es debian-reference-fr debian-reference-it debian-reference-pt
  )
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "toolkit needs Python 3.11 or newer" >&2; exit 1; }
[ -x .venv/bin/python ] || python3 -m venv .venv
extras=$(IFS=,; echo "$*")
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras:+[$extras]}" >&2

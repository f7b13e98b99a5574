#!/usr/bin/env bash
# Creates .venv beside the checkout (if missing) and installs the console into it
# (again only when pyproject.toml changed: scripts/install-console.sh).
# Sourced by launch.sh and test.sh so both set up the same way. EXTRAS selects
# optional dependency groups, e.g. EXTRAS=test. As root on Debian/Ubuntu it also
# installs the system libraries and fonts listed in scripts/system-packages.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-$ROOT/.venv}"

missing_system_packages() {
  command -v dpkg-query >/dev/null || return 0
  local wanted installed
  wanted="$(grep -v '^#' "$ROOT/scripts/system-packages.txt" | grep . | sort -u)"
  # shellcheck disable=SC2086
  installed="$(dpkg-query -W -f='${Package} ${Status}\n' $wanted 2>/dev/null \
    | awk '/ install ok installed$/ {print $1}' | sort -u)"
  comm -23 <(echo "$wanted") <(echo "$installed")
}

missing="$(missing_system_packages | tr '\n' ' ')"
if [ -n "${missing// /}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "note: for the window and Chinese fonts, install: sudo apt-get install $missing" >&2
  fi
fi

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "error: Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1))" >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  if ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
    # Debian splits venv support out of the interpreter package.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
    else
      echo "error: Python's venv module is missing; run: sudo apt-get install python3-venv" >&2
      exit 1
    fi
  fi
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
fi
source "$ROOT/scripts/install-console.sh"
install_console "$ROOT" "$VENV" "${EXTRAS:-}"

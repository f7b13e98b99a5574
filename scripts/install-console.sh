#!/usr/bin/env bash
# Sourced by setup-env.sh: installs the console (editable) into the venv only when
# something that matters changed. An editable install picks up code changes by itself;
# only pyproject.toml (dependencies, entry points), the checkout's place or new extras
# need pip again. The stamp in the venv records what was installed:
#   line 1: a checksum of pyproject.toml and the checkout's path; then one group per line
#   (base, test, build …).

# The checksum that decides whether the installed console is still current.
console_install_signature() {  # ROOT
  { cat "$1/pyproject.toml"; echo "root=$1"; } | cksum | cut -d' ' -f1
}

# True when the venv already holds the console from this pyproject.toml with every group.
console_installed() {  # ROOT VENV EXTRAS
  local stamp="$2/.live-console-installed" group
  [ -x "$2/bin/console" ] && [ -f "$stamp" ] || return 1
  [ "$(head -n 1 "$stamp")" = "$(console_install_signature "$1")" ] || return 1
  for group in base ${3//,/ }; do
    tail -n +2 "$stamp" | grep -qx "$group" || return 1
  done
}

# pip install -e ROOT[EXTRAS] unless console_installed; quiet unless it fails (setuptools'
# banners are not news on every start).
install_console() {  # ROOT VENV EXTRAS
  local root="$1" venv="$2" extras="$3" stamp="$2/.live-console-installed" spec="$1" log
  console_installed "$root" "$venv" "$extras" && return 0
  [ -n "$extras" ] && spec="$root[$extras]"
  echo "installing the console into $venv (first start, or pyproject.toml changed) …" >&2
  log="$(mktemp)"
  if ! "$venv/bin/python" -m pip install --quiet -e "$spec" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "error: installing the console failed (pip's messages above)" >&2
    return 1
  fi
  rm -f "$log"
  {
    console_install_signature "$root"
    # Groups already installed from the same pyproject.toml stay installed.
    if [ -f "$stamp" ] && [ "$(head -n 1 "$stamp")" = "$(console_install_signature "$root")" ]; then
      tail -n +2 "$stamp"
    fi
    printf '%s\n' base ${extras//,/ }
  } | awk 'NR == 1 || !seen[$0]++' >"$stamp.new"
  mv "$stamp.new" "$stamp"
}

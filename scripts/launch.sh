#!/usr/bin/env bash
# One command from a fresh checkout to the console on the bundled sample show.
#   bash scripts/launch.sh            # the 35-minute sample: a rehearsal at 5x, autopilot,
#                                     # simulated room, in the data folder's demo/ subfolder
#   bash scripts/launch.sh FILE ...   # any `console run` arguments
# The first start installs (a minute or so); later starts skip pip unless pyproject.toml
# changed (scripts/install-console.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup-env.sh"
if [ "$#" -eq 0 ]; then
  # No FILE: `console run` rehearses the sample in its own demo folder, so --new (which
  # closes only unfinished rehearsals) starts each demo afresh and never touches a real show.
  set -- --speed 5 --autopilot --new --simulate
fi
if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] \
   && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "no display here: running the show headless, printing its timeline" >&2
  exec "$VENV/bin/console" run --headless "$@"
fi
exec "$VENV/bin/console" run "$@"

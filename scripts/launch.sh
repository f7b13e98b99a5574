#!/usr/bin/env bash
# One command from a fresh checkout to the console on the bundled sample show.
#   bash scripts/launch.sh            # the 35-minute sample: rehearsal, autopilot, simulated room, 5x
#   bash scripts/launch.sh FILE ...   # any `console run` arguments
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup-env.sh"
if [ "$#" -eq 0 ]; then
  set -- "$ROOT/resources/shows/standard-35min.toml" --rehearsal --speed 5 --autopilot --new \
    --simulate
fi
if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] \
   && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "no display here: running the show headless, printing its timeline" >&2
  exec "$VENV/bin/console" run --headless "$@"
fi
exec "$VENV/bin/console" run "$@"

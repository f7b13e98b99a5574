#!/usr/bin/env bash
# One command from a fresh checkout to a running console on the bundled sample show.
#   bash scripts/launch.sh            # 35-minute sample, rehearsal at 10x
#   bash scripts/launch.sh FILE ...   # any `console run` arguments
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup-env.sh"
if [ "$#" -eq 0 ]; then
  set -- "$ROOT/resources/shows/standard-35min.toml" --rehearsal --speed 10 --until-end
fi
# Until the console window lands, the show runs headless and prints its timeline.
exec "$VENV/bin/console" run --headless "$@"

#!/usr/bin/env bash
# One command from a fresh checkout to the whole test suite (pytest arguments pass through).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXTRAS=test source "$ROOT/scripts/setup-env.sh"
cd "$ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
"$VENV/bin/lint-imports"
# The mistakes a reviewer should never have to spot (rules: pyproject.toml, [tool.ruff]).
"$VENV/bin/ruff" check --quiet console tests scripts
# Types on console/ (settings: pyproject.toml, [tool.mypy]): a wrong call found before a show.
"$VENV/bin/mypy"
exec "$VENV/bin/python" -m pytest "$@"

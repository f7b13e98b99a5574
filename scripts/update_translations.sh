#!/usr/bin/env bash
# Refreshes the translation source from the code and compiles it:
#   1. lupdate collects every tr()/translate() string into resources/i18n/console_zh_CN.ts
#      (existing translations are kept; new strings arrive marked unfinished);
#   2. translate the unfinished entries (Qt Linguist: .venv/bin/pyside6-linguist, or any editor);
#   3. run this again: lrelease compiles the .qm the console loads.
# tests/test_translations.py fails while any string is untranslated or the .qm is stale.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${VENV:-$ROOT/.venv}/bin"
cd "$ROOT"
TS=resources/i18n/console_zh_CN.ts
# Every module: the widgets' tr() and the domain layers' translate() (console/text.py).
mapfile -t SOURCES < <(find console -name '*.py' | LC_ALL=C sort)
"$BIN/pyside6-lupdate" "${SOURCES[@]}" -ts "$TS" -no-obsolete -locations none -source-language en -target-language zh_CN
"$BIN/pyside6-lrelease" "$TS" -qm resources/i18n/console_zh_CN.qm

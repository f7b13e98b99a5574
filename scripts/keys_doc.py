"""Writes docs/keys.md from the key map (console/ui/keymap.py) and its Chinese translation.

    .venv/bin/python scripts/keys_doc.py

tests/test_keys_doc.py fails when the page and the code disagree: run this after
changing a binding (and scripts/update_translations.sh first, for the Chinese).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from console.ui.keymap import BINDINGS  # noqa: E402

HEAD = '# Keys (快捷键)\n\nNo action on air needs the mouse. Press `?` in the console for this table.\n\nPlain keys — letters, `Space`, arrows, `+` `-` `=` — never fire while the keyboard is in a\ntext field (the note box, the crisis search, the figures box) or in the prompt bar, so typing\ncannot advance the show. The header says which it is: "⌨ keys drive the show" or\n"⌨ TYPING — show keys paused". Keys with `Ctrl`, `Alt` or `Shift+F…` and the F-keys work\neverywhere, also while the presenter window has focus and while the prompt bar is open.\n\n**Nothing irreversible happens on one key.** Going live, ending the show, restarting a\nsegment and closing the console while live open the prompt bar with the question; only the\nsame key pressed again within 5 seconds, or `1` then `Enter`, confirms. `Enter` with nothing\nchosen, `Esc`, or waiting cancels. `Space` never confirms anything. Skipping a lottery needs\na reason chosen with `1`–`5` (and/or typed) and `Enter`; postponing offers `1`, `2`, `5` and\n`0` (= 10) minutes; jumping takes a segment\'s number or part of its name (type-ahead).\n\n**Esc does one thing per press:** it closes the prompt bar, or the key map, or leaves the text\nfield; only when none of these is open does it clear the host\'s screen (crisis script first,\nthen the note, then the lottery banner). After a note is sent (`Ctrl+Enter`) or a crisis\nscript is pushed (`Enter`), the keys belong to the show again.\n\n'
TAIL = '\n\nThe table is `console/ui/keymap.py`; each widget registers its own handlers through the\naction registry (`console/ui/actions.py`), which also makes the menus and this overlay.\n`tests/test_keys_doc.py` fails if this page and the code disagree, and\n`tests/test_on_air_safety.py` drives the sequences above with real key presses.\n'


def chinese() -> dict[str, str]:
    ts = ET.parse(ROOT / "resources" / "i18n" / "console_zh_CN.ts").getroot()
    return {m.find("source").text: m.find("translation").text
            for context in ts.iter("context") if context.find("name").text == "Keys"
            for m in context.iter("message")}


def row(binding, zh: dict[str, str]) -> str:
    keys = binding.keys
    shown = f"`{keys[0]}` … `{keys[-1]}`" if len(keys) > 3 else " ".join(f"`{k}`" for k in keys)
    works = "anywhere" if binding.anywhere else "not while typing"
    return f"| {shown} | {binding.label} | {zh.get(binding.label) or binding.label} | {works} |"


def main() -> int:
    zh = chinese()
    table = "\n".join(row(b, zh) for b in BINDINGS)
    (ROOT / "docs" / "keys.md").write_text(HEAD + "| key | action | 操作 | works |\n|---|---|---|---|\n"
                                           + table + TAIL, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

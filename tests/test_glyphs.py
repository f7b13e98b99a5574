"""Every symbol the console shows is drawn by a font it installs (no tofu boxes)."""

import re
import subprocess
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAMILIES = ("Noto Sans CJK SC", "DejaVu Sans")     # scripts/system-packages.txt


def symbols() -> dict[str, str]:
    """Symbols (not letters, digits or CJK text) in the UI code and its translation."""
    found = {}
    files = [*sorted((ROOT / "console" / "ui").glob("*.py")),
             ROOT / "console" / "presenter.py",
             ROOT / "resources" / "i18n" / "console_zh_CN.ts"]
    for path in files:
        for char in set(path.read_text("utf-8")):
            if ord(char) < 0x2000 or unicodedata.category(char)[0] in "LNZ":
                continue
            if re.match(r"[\u3000-\u303f\uff00-\uffef]", char):     # CJK punctuation, full width
                continue
            found.setdefault(char, path.name)
    return found


def covering_families(char: str) -> str:
    # fontconfig's own answer (Qt's checks fall back to other fonts and say yes to all).
    result = subprocess.run(["fc-list", f":charset={ord(char):x}", "family"],
                            capture_output=True, text=True, check=True)
    return result.stdout


def test_every_symbol_has_a_glyph_in_an_installed_font():
    missing = {f"{char} U+{ord(char):04X} ({where})" for char, where in symbols().items()
               if not any(family in covering_families(char) for family in FAMILIES)}
    assert missing == set()


def test_the_check_finds_a_symbol_no_font_has():
    assert not any(family in covering_families("\u23f8") for family in FAMILIES)   # ⏸

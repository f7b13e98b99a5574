"""A font that can show Chinese on every platform the studios use.

The first installed family from the fallback chain wins. On a machine with no
CJK font the UI would show boxes (tofu), so that is logged and said on screen.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

# Windows, macOS, then the Linux packages (fonts-noto-cjk, fonts-wqy-microhei).
CJK_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB",
                "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei")


def cjk_family() -> str | None:
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    for family in sorted(installed):
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family):
            return family
    return None


def apply_fonts(app: QApplication) -> str | None:
    """Set the application font; returns the family, or None when Chinese cannot render."""
    family = cjk_family()
    if family is None:
        log.warning("no Chinese font found; install one (Linux: apt-get install fonts-noto-cjk)")
        return None
    font = QFont(family)
    font.setPointSizeF(max(app.font().pointSizeF(), 10.5))
    app.setFont(font)
    return family

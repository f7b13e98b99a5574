"""The running QApplication, typed as one."""

from __future__ import annotations

import sys
from typing import cast

from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    """The running QApplication, made when there is none yet (a message box before any window)."""
    app = QApplication.instance()
    if app is None:
        return QApplication(sys.argv[:1])
    # The stub says QCoreApplication; in a widget program the instance is a QApplication.
    return cast(QApplication, app)

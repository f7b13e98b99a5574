"""Where the program keeps its data, decided in one place.

Order: an explicit --data-dir, then $LIVE_CONSOLE_DATA_DIR, then the
platform's per-user data folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "LiveConsole"
DATA_DIR_ENV = "LIVE_CONSOLE_DATA_DIR"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV]).expanduser()
    return _platform_data_dir() / APP_DIR_NAME


def _platform_data_dir() -> Path:
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    if sys.platform == "darwin":
        return home / "Library" / "Application Support"
    return Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")

"""Where the program keeps its data, decided in one place.

Order: an explicit --data-dir, then $LIVE_CONSOLE_DATA_DIR, then the
platform's per-user data folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from console.errors import KnownError
from console.text import translate

APP_DIR_NAME = "LiveConsole"
DATA_DIR_ENV = "LIVE_CONSOLE_DATA_DIR"
DEMO_DIR_NAME = "demo"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV]).expanduser()
    return _platform_data_dir() / APP_DIR_NAME


def demo_dir(folder: Path) -> Path:
    """Where the bundled sample runs (`console run` without a file): a folder of its own,
    so a demo never resumes, closes or mixes with the sessions of a real show."""
    return folder / DEMO_DIR_NAME


def ensure_data_dir(folder: Path) -> Path:
    """Create the data folder, or say plainly why it cannot be used."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror
        raise KnownError(lambda: translate(
            "Errors", "cannot use the data folder {folder}: {reason}; pass --data-dir with a "
            "writable folder (or set ${variable})").format(
                folder=folder, reason=reason, variable=DATA_DIR_ENV)) from exc
    return folder


def _platform_data_dir() -> Path:
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    if sys.platform == "darwin":
        return home / "Library" / "Application Support"
    return Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")

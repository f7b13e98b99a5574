"""Settings stored through QSettings in an INI file in the data folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_FILENAME = "settings.ini"


class QSettingsBackend:
    def __init__(self, folder: Path) -> None:
        self.qsettings = QSettings(str(folder / SETTINGS_FILENAME), QSettings.Format.IniFormat)

    def value(self, key: str) -> Any:
        value = self.qsettings.value(key)
        return bytes(value.data()) if isinstance(value, QByteArray) else value

    def set_value(self, key: str, value: Any) -> None:
        self.qsettings.setValue(key, QByteArray(value) if isinstance(value, bytes) else value)

    def sync(self) -> None:
        self.qsettings.sync()

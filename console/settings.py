"""Every user setting, declared once with its type and default.

The storage is pluggable: the window uses an INI file in the data folder
through QSettings; tests and headless runs use a plain dict. Nothing else
reads a setting by string key.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any, Protocol

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    doc: str


LANGUAGE = Setting("ui/language", str, "system", "system, zh_CN or en")
PRESENTER_SCREEN = Setting("presenter/screen", int, -1,
                           "screen number for the presenter view; -1 = the last screen")
PRESENTER_FULLSCREEN = Setting("presenter/fullscreen", bool, False, "presenter view full screen")
PRESENTER_MIRROR = Setting("presenter/mirror", bool, False, "mirror for a teleprompter glass")
AUDIO = Setting("audio/enabled", bool, True, "play the lottery chime")
CRISIS_FAVOURITES = Setting("crisis/favourites", list, [],
                            "crisis script ids on F1–F12, in order")
WINDOW_GEOMETRY = Setting("window/geometry", bytes, b"", "operator window geometry")
WINDOW_STATE = Setting("window/state", bytes, b"", "operator window docks and toolbars")
PRESENTER_PLACES = Setting("presenter/places", str, "{}",
                           "presenter window geometry per screen layout (JSON)")
NOTE_SECONDS = Setting("notes/seconds", int, 60,
                       "a note leaves the host's screen after this many seconds (0: only "
                       "when the segment changes, which always clears it)")
EDITOR_RECENT = Setting("editor/recent", list, [], "show files opened in the script editor, "
                        "the latest first (at most 8)")

class Backend(Protocol):
    def value(self, key: str) -> Any: ...
    def set_value(self, key: str, value: Any) -> None: ...


class MemoryBackend:
    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def value(self, key: str) -> Any:
        return self.values.get(key)

    def set_value(self, key: str, value: Any) -> None:
        self.values[key] = value


class Settings:
    def __init__(self, backend: Backend | None = None) -> None:
        self.backend = backend or MemoryBackend()

    def get(self, setting: Setting) -> Any:
        raw = self.backend.value(setting.key)
        if raw is None:
            return setting.default
        try:
            return _coerce(raw, setting.type)
        except (TypeError, ValueError):
            log.warning("setting %s has an unusable value %r; using %r",
                        setting.key, raw, setting.default)
            return setting.default

    def set(self, setting: Setting, value: Any) -> None:
        self.backend.set_value(setting.key, _coerce(value, setting.type))


def _coerce(value: Any, kind: type) -> Any:
    # INI files give back strings ("true", "3") and lose one-element lists.
    if kind is bool:
        if isinstance(value, str):
            if value.lower() in ("true", "1", "yes"):
                return True
            if value.lower() in ("false", "0", "no"):
                return False
            raise ValueError(value)
        return bool(value)
    if kind is list:
        if isinstance(value, str):
            return [value] if value else []
        return list(value)
    if kind is bytes:
        return bytes(value)
    return kind(value)

"""The lottery chime: QtMultimedia where the platform has it, silence otherwise.

Linux studio-less machines (CI, a VM) often have no sound server; there the
console stays visual-only and says so once in the log instead of crashing or
spamming warnings.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QUrl

from console.engine.events import EventKind
from console.resources import resource_path

log = logging.getLogger(__name__)

AUDIO_ENV = "LIVE_CONSOLE_AUDIO"       # "off" forces visual-only cues


def sound_server_present() -> bool:
    if os.environ.get(AUDIO_ENV, "").lower() == "off":
        return False
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("PULSE_SERVER"):
        return True
    runtime = Path(os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}")
    return (runtime / "pulse" / "native").exists() or (runtime / "pipewire-0").exists()


_warned = False


def _warn_once(message: str, *args) -> None:
    """Say it once per run: a console opened twice in tests must not repeat itself."""
    global _warned
    if not _warned:
        _warned = True
        log.warning(message, *args)


class LotteryChime(QObject):
    def __init__(self, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effect = None
        if not enabled:
            return
        if not sound_server_present():
            _warn_once("no sound output found; lottery cues will be visual only")
            return
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as exc:
            _warn_once("audio unavailable (%s); lottery cues will be visual only", exc)
            return
        if QMediaDevices.defaultAudioOutput().isNull():
            _warn_once("no audio output device; lottery cues will be visual only")
            return
        self._effect = QSoundEffect(self)
        self._effect.setSource(QUrl.fromLocalFile(str(resource_path("sounds", "lottery.wav"))))
        self._effect.setVolume(0.9)

    @property
    def available(self) -> bool:
        return self._effect is not None

    def follow(self, controller) -> None:
        """Chime when a lottery cue falls due."""
        controller.event_logged.connect(
            lambda event: self.play() if event.kind is EventKind.LOTTERY_DUE else None)

    def play(self) -> None:
        if self._effect is not None:
            self._effect.play()

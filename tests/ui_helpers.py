"""Building a real console (windows and all) on a fake clock, for pytest-qt tests."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QApplication

from console.clock import FakeClock
from console.script import LoadedShow
from console.session import open_session
from console.settings import Settings
from console.storage.database import open_database
from console.ui.app import Console, build_console
from console.ui.fonts import apply_fonts
from console.ui.theme import apply_theme


@dataclasses.dataclass
class Harness:
    console: Console
    clock: FakeClock
    settings: Settings

    @property
    def operator(self):
        return self.console.operator

    @property
    def controller(self):
        return self.console.controller

    @property
    def runner(self):
        return self.console.controller.runner

    def tick(self, ms: int = 0) -> None:
        """Let time pass and run one tick of the show timer, as the event loop would."""
        self.clock.advance(ms)
        self.controller.tick()

    def start(self) -> None:
        """Go live the way the assistant does: S, then S again."""
        self.operator.perform("start")
        self.operator.perform("start")

    def events(self, kind) -> list:
        return [e for e in self.controller.session.log.events() if e.kind is kind]


def make_harness(qtbot, folder, loaded: LoadedShow, settings: Settings | None = None,
                 autopilot: bool = False, background: bool = False) -> Harness:
    """`background`: events written on the writer thread, as `console run` does."""
    clock = FakeClock()
    db = open_database(folder / "sessions.db")
    session = open_session(db, loaded, clock, background=background)
    settings = settings or Settings()
    # The studio's theme and Chinese font, as prepare_application sets them: sizes and
    # what fits are measured with the real metrics, not Qt's defaults.
    # Only once: setting them again re-polishes every widget alive, seconds per test.
    app = QApplication.instance()
    if not app.property("studio-look"):
        apply_theme(app)
        apply_fonts(app)
        app.setProperty("studio-look", True)
    console = build_console(session, folder, settings, autopilot=autopilot)
    console.operator.resize(1500, 940)            # a studio monitor, not the offscreen 800×600
    qtbot.addWidget(console.operator)
    qtbot.addWidget(console.presenter)
    console.presenter.show()
    console.operator.show()
    console.operator.activateWindow()
    qtbot.waitActive(console.operator)
    return Harness(console, clock, settings)


def close(harness: Harness) -> None:
    harness.controller.stop_ticking()
    harness.console.presenter.view.stop()
    harness.operator._close_confirmed = True
    harness.operator.close()
    harness.controller.session.close()

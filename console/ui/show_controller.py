"""The bridge between the show engine and the widgets.

One named timer polls the engine (lottery warnings and due cues) and tells the
views to repaint; engine events arrive as a Qt signal. Operator intent comes in
through `act()`, so a refused action becomes a status message, never a crash.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from console.crisis import CrisisLibrary, CrisisScript
from console.engine.autopilot import Autopilot
from console.engine.events import Event
from console.engine.runner import ActionRefused, ShowState
from console.presenter import PresenterBoard, Takeover
from console.session import Session

if TYPE_CHECKING:
    from console.kpi.setup import KpiStack

log = logging.getLogger(__name__)

TICK_MS = 100     # ten readings a second: a countdown never shows a stale second for long


class ShowController(QObject):
    ticked = Signal()
    event_logged = Signal(object)          # Event
    presenter_changed = Signal()
    refused = Signal(str)
    storage_failed = Signal(str)
    finished = Signal()

    def __init__(self, session: Session, library: CrisisLibrary, autopilot: bool = False,
                 end_with_script: bool = False, kpi: "KpiStack | None" = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kpi = kpi
        self.runner = session.runner
        self.library = library
        self.board = PresenterBoard(self.runner)
        self.autopilot = Autopilot(self.runner, end_with_script) if autopilot else None
        self.runner.subscribe(self._on_engine_event)
        session.log.on_failure = lambda exc: self.storage_failed.emit(str(exc))
        self._timer = QTimer(self)
        self._timer.setObjectName("show-tick")
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)

    # -- lifecycle -------------------------------------------------------------
    def start_ticking(self) -> None:
        if self.session.resumption is not None:
            if self.autopilot is not None:
                self.autopilot.run_until()
            self.session.finish_resume()
            self.session.resumption = None
        self._timer.start()

    def stop_ticking(self) -> None:
        self._timer.stop()

    @property
    def ticking(self) -> bool:
        return self._timer.isActive()

    def tick(self) -> None:
        """One beat of the show timer: autopilot steps, lottery states, repaint."""
        try:
            if self.autopilot is not None:
                self.autopilot.run_until()
            self.runner.poll()
        except ActionRefused as exc:            # the operator got there first
            log.info("autopilot step refused: %s", exc)
        if self.kpi is not None:
            self.kpi.feed.poll()
        self.ticked.emit()

    def _on_engine_event(self, event: Event) -> None:
        self.event_logged.emit(event)
        if self.runner.state is ShowState.FINISHED:
            self.stop_ticking()
            self.finished.emit()

    # -- operator intent ---------------------------------------------------------
    def act(self, action: str, *args) -> bool:
        """Run a runner action by name; a refusal is reported, not raised."""
        try:
            getattr(self.runner, action)(*args)
        except ActionRefused as exc:
            self.refused.emit(str(exc))
            return False
        self.presenter_changed.emit()
        self.ticked.emit()
        return True

    def send_message(self, text: str) -> None:
        self.board.send_message(text)
        self.presenter_changed.emit()

    def push_crisis(self, script: CrisisScript) -> None:
        self.board.push_crisis(script)
        self.presenter_changed.emit()

    def resolve_crisis(self, script: CrisisScript) -> None:
        self.board.resolve_crisis(script)
        self.presenter_changed.emit()

    def clear_takeover(self) -> Takeover:
        cleared = self.board.clear_top()
        self.presenter_changed.emit()
        return cleared

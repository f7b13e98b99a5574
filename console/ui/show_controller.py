"""The bridge between the show engine and the widgets.

One named timer polls the engine (lottery warnings and due cues) and the KPI
feed; operator intent comes in as typed values (`console.engine.intents`)
through `do()`, so a refused action becomes a message, never a crash.

Views subscribe to two signals: `ticked` (the clock moved: repaint countdowns)
and `changed` (what the show or the host's screen holds changed: re-read it).
One key press emits `changed` once, so each view refreshes once per press.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from console.background import thread_failures
from console.crisis import CrisisLibrary, CrisisScript
from console.engine.autopilot import Autopilot
from console.engine.events import Event
from console.engine.intents import Intent, ToggleHold, perform
from console.engine.runner import ActionRefused, ShowState
from console.presenter import PresenterBoard, Takeover
from console.session import Session

if TYPE_CHECKING:
    from console.kpi.setup import KpiStack

log = logging.getLogger(__name__)

TICK_MS = 100     # ten readings a second: a countdown never shows a stale second for long


class ShowController(QObject):
    ticked = Signal()
    changed = Signal()
    event_logged = Signal(object)          # Event, as the engine logged it
    acted = Signal(object, object)         # Intent, Event: what the operator just did
    board_acted = Signal(str, str)         # sent/pushed/resolved/cleared, and what
    refused = Signal(str)
    storage_failed = Signal(str)
    # A background part's state for the header: key, message ("" when it is well again).
    problem = Signal(str, str)
    finished = Signal()

    def __init__(self, session: Session, library: CrisisLibrary, autopilot: bool = False,
                 end_with_script: bool = False, kpi: KpiStack | None = None,
                 note_seconds: int = 0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kpi = kpi
        self.runner = session.runner
        self.library = library
        self.board = PresenterBoard(self.runner, note_seconds=note_seconds)
        # Kept for the window's notice: the session forgets it once the resume is logged.
        self.resumption = session.resumption
        self.autopilot = Autopilot(self.runner, end_with_script) if autopilot else None
        self.runner.subscribe(self._on_engine_event)
        session.log.on_failure = lambda exc: self.storage_failed.emit(str(exc))
        self._problems: dict[str, str] = {}
        self.must_fix: list[str] = []      # the script's must-fix wording, asked at go-live
        self._logged_since_tick = False
        self._board_top = self.board.top()
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
        self._logged_since_tick = False
        try:
            if self.autopilot is not None:
                self.autopilot.run_until()
            self.runner.poll()
        except ActionRefused as exc:            # the operator got there first
            log.info("autopilot step refused: %s", exc)
        if self.kpi is not None and self.runner.state is not ShowState.READY:
            self.kpi.feed.poll()
        self.check_background()
        top = self.board.top()                  # a note may have expired
        if self._logged_since_tick or top is not self._board_top:
            self._board_top = top
            self.changed.emit()
        else:
            self.ticked.emit()

    def check_background(self) -> None:
        """Hear how the writer threads are doing and say any change (`problem`)."""
        self.session.log.poll()
        unreadable = [f"{f.path.name}: {f.failure}" for f in self.kpi.feed.followers
                      if f.failure] if self.kpi else []
        now = {"follow": "; ".join(unreadable),
               "samples": (self.kpi.writer.problem or "") if self.kpi and self.kpi.writer else "",
               "clash": str(self.session.log.clashes) if self.session.log.clashes else ""}
        failures = thread_failures()
        if failures:
            now["thread"] = failures[-1]
        else:
            now["thread"] = self._problems.get("thread", "")
        for key, message in now.items():
            if self._problems.get(key, "") != message:
                self._problems[key] = message
                self.problem.emit(key, message)

    def _on_engine_event(self, event: Event) -> None:
        self._logged_since_tick = True
        self.event_logged.emit(event)
        if self.runner.state is ShowState.FINISHED:
            self.stop_ticking()
            self.finished.emit()

    def _changed(self) -> None:
        self._board_top = self.board.top()
        self.changed.emit()

    # -- operator intent ---------------------------------------------------------
    def do(self, intent: Intent) -> Event | None:
        """Carry out an intent; a refusal is reported (`refused`), not raised."""
        try:
            event = perform(self.runner, intent)
        except ActionRefused as exc:
            self.refused.emit(str(exc))
            return None
        if self.runner.state in (ShowState.LIVE, ShowState.HOLD) and not self.ticking:
            self._timer.start()                 # going live starts the beat
        self.acted.emit(intent, event)
        self._changed()
        return event

    def send_message(self, text: str) -> None:
        if not text.strip():
            return
        self.board.send_message(text)
        self.board_acted.emit("sent", text.strip())
        self._changed()

    def push_crisis(self, script: CrisisScript, hold: bool = False) -> None:
        """Put a crisis script on the host's screen; with `hold`, freeze the segment timer
        in the same moment (the host stops selling to deal with it)."""
        self.board.push_crisis(script)
        self.board_acted.emit("pushed", script.title)
        if hold and self.runner.state is ShowState.LIVE:
            self.do(ToggleHold())
            return
        self._changed()

    def resolve_crisis(self, script: CrisisScript) -> None:
        self.board.resolve_crisis(script)
        self.board_acted.emit("resolved", script.title)
        self._changed()

    def clear_takeover(self) -> Takeover:
        cleared = self.board.clear_top()
        if cleared is not Takeover.NONE:
            self.board_acted.emit("cleared", cleared.value)
        self._changed()
        return cleared

"""Every action says what it did, for a moment, where the assistant looks.

The header's second row shows "+15 s", "Undone: back to …", "Lottery #2
fired"; a change to the host's time ("+15 秒", restart, undo) also flashes on
the presenter view, so the host knows why the countdown jumped. A refused
action says why, in the same place.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from console.engine.events import Event
from console.engine.intents import (EndShow, Extend, FireLottery, Intent, Jump, Next,
                                    PostponeLottery, Previous, RestartSegment, SkipLottery,
                                    StartShow, ToggleHold, UndoAdvance)
from console.engine.runner import ShowState
from console.ui.header_bar import HeaderBar
from console.ui.presenter_view import PresenterView
from console.ui.show_controller import ShowController


class Feedback(QObject):
    def __init__(self, controller: ShowController, header: HeaderBar,
                 presenter: PresenterView) -> None:
        super().__init__(header)
        self.controller = controller
        self.runner = controller.runner
        self.header = header
        self.presenter = presenter
        self._storage_failing = False
        controller.acted.connect(self._on_acted)
        controller.board_acted.connect(self._on_board)
        controller.refused.connect(
            lambda why: header.show_feedback(self.tr("Not done: %1").replace("%1", why), True))
        controller.storage_failed.connect(self._on_storage_failed)
        controller.problem.connect(self._on_problem)
        controller.ticked.connect(self._check_storage)

    # -- saving --------------------------------------------------------------------------
    def _on_storage_failed(self, message: str) -> None:
        self._storage_failing = True
        self.header.set_problem("storage", self.tr("NOT SAVED: %1").replace("%1", message))

    def _on_problem(self, key: str, message: str) -> None:
        texts = {"follow": self.tr("Followed file cannot be read: %1"),
                 "samples": self.tr("KPI figures NOT SAVED: %1"),
                 "clash": self.tr("Another program wrote into this session: %1 event(s) "
                                  "stored under new numbers"),
                 "thread": self.tr("Internal error in a background task (logged in "
                                   "console.log): %1")}
        self.header.set_problem(key, texts[key].replace("%1", message) if message else "")

    def _check_storage(self) -> None:
        if self._storage_failing and not self.controller.session.log.backlog:
            self._storage_failing = False
            self.header.set_problem("storage", "")
            self.header.show_feedback(self.tr("✓ Saved again: every event is on disk."))

    # -- the host's screen ---------------------------------------------------------------
    def _on_board(self, what: str, detail: str) -> None:
        texts = {"sent": self.tr("✓ Note on the host's screen: %1"),
                 "pushed": self.tr("✓ Crisis script on the host's screen: %1"),
                 "resolved": self.tr("✓ Crisis marked resolved: %1")}
        if what == "cleared":
            names = {"crisis": self.tr("crisis script"), "message": self.tr("note"),
                     "lottery": self.tr("lottery cue")}
            text = self.tr("✓ Cleared from the host's screen: %1").replace("%1", names[detail])
        else:
            text = texts[what].replace("%1", detail)
        self.header.show_feedback(text)

    def _segment(self, event: Event) -> str:
        index = event.details.get("index")
        if index is None:
            return ""
        return f"{index + 1}. {self.runner.show.segments[index].title}"

    def _on_acted(self, intent: Intent, event: Event) -> None:
        text, host = self.describe(intent, event), ""
        match intent:
            case Extend(seconds):
                host = self.tr("%1 s").replace("%1", f"{seconds:+d}")
            case RestartSegment():
                host = self.tr("↺ again")
            case UndoAdvance():
                host = self.tr("↶ back")
        self.header.show_feedback(text)
        if host:
            self.presenter.show_feedback(host)

    def describe(self, intent: Intent, event: Event) -> str:
        cue = event.details.get("cue")
        match intent:
            case StartShow():
                return self.tr("✓ Started: %1").replace("%1", self.runner.show.title)
            case Next() | Jump():
                return self.tr("✓ Now: %1").replace("%1", self._segment(event))
            case Previous():
                return self.tr("✓ Back to: %1").replace("%1", self._segment(event))
            case RestartSegment():
                return self.tr("✓ Restarted: %1").replace("%1", self._segment(event))
            case UndoAdvance():
                return self.tr("✓ Undone — back to: %1").replace("%1", self._segment(event))
            case Extend(seconds):
                return self.tr("✓ This segment %1 s").replace("%1", f"{seconds:+d}")
            case ToggleHold():
                return (self.tr("‖ Timer held — H resumes") if self.runner.state is ShowState.HOLD
                        else self.tr("▶ Timer running again"))
            case EndShow():
                return self.tr("✓ The show has ended")
            case FireLottery():
                return self.tr("✓ Lottery #%1 fired").replace("%1", str(cue))
            case PostponeLottery(minutes):
                return self.tr("✓ Lottery #%1 postponed by %2 min").replace("%1", str(cue)) \
                    .replace("%2", str(minutes))
            case SkipLottery(reason):
                return self.tr("✓ Lottery #%1 skipped: %2").replace("%1", str(cue)) \
                    .replace("%2", reason)

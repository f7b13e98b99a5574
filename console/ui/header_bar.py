"""The strip at the top of the operator window that never moves.

Row 1: LIVE/REHEARSAL badge, Show / Row / pace / projected end / next lottery,
the alert lamp. Row 2 is where the assistant looks for everything else: whether
the keys belong to the show or to a text field, what the last action did
("+15 s", "undone"), and every must-see problem (NOT SAVED, no Chinese font,
team scripts not loaded). Both rows have a fixed height, and the lamp a fixed
slot, so nothing jumps when an alert or a message appears.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console.engine.rundown import ClockReading, read_clock
from console.engine.runner import ShowState
from console.engine.segment_timer import Phase
from console.presenter import starts_in_ms
from console.timefmt import clock_text, countdown_text
from console.ui import theme
from console.ui.elided_label import ElidedLabel
from console.ui.i18n import alert_title
from console.ui.readout import Readout
from console.ui.style import restyle

FEEDBACK_MS = 3_000
WALL_CLOCK_COLOUR = theme.ACCENT  # clock times in blue, show times in white: never mixed up
PROBLEM_STYLE = "color: #000000; background: #ff8a65; font-weight: bold; padding: 2px 8px;"


class HeaderBar(QWidget):
    def __init__(self, rehearsal: bool, speed: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.badge = QLabel()
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        colours = theme.REHEARSAL_BADGE if rehearsal else theme.LIVE_BADGE
        self.badge.setStyleSheet(f"background: {colours[0]}; color: {colours[1]}; "
                                 "font-size: 18px; font-weight: bold; padding: 4px 8px;")
        self.badge.setText(self.tr("REHEARSAL ×%1").replace("%1", f"{speed:g}") if rehearsal
                           else self.tr("● LIVE"))
        self.show_clock = Readout(self.tr("Show time"), 18)
        self.row = Readout(self.tr("This segment"), 18)
        self.over_under = Readout(self.tr("Show pace"), 18)
        self.end = Readout(self.tr("Ends at (clock)"), 18)
        self.lottery = Readout(self.tr("Next lottery"), 18)
        # Fixed slot: a team's long alert title is cut short (in full on hover and in the
        # alert list) rather than widening the header and squeezing the docks.
        self.lamp = ElidedLabel(self.tr("● No alerts"), minimum_px=140)
        self.lamp.setFixedHeight(34)
        self.lamp.setStyleSheet(f"color: {theme.TEXT_DIM}; font-size: 15px; padding: 0 8px;")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.badge)
        for readout in (self.show_clock, self.row, self.over_under, self.end, self.lottery):
            top.addWidget(readout)
        top.addWidget(self.lamp, 1)

        self.keys_state = ElidedLabel("", minimum_px=150)
        self.feedback = ElidedLabel("", minimum_px=120)
        self.feedback.setStyleSheet(f"color: {theme.PRICE}; font-weight: bold;")
        self.problems = ElidedLabel("", minimum_px=160)
        self._problems: dict[str, str] = {}
        status = QHBoxLayout()
        status.setContentsMargins(0, 0, 0, 0)
        status.addWidget(self.keys_state)
        status.addWidget(self.feedback, 1)
        status.addWidget(self.problems, 2)
        self.problems.hide()
        status_row = QWidget()
        status_row.setLayout(status)
        status_row.setFixedHeight(28)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(status_row)
        self._feedback_timer = QTimer(self)
        self._feedback_timer.setObjectName("header-feedback")
        self._feedback_timer.setSingleShot(True)
        self._feedback_timer.timeout.connect(lambda: self.feedback.setText(""))
        self.set_typing(False)

    def follow(self, controller) -> None:
        runner = controller.runner

        def reading() -> None:
            self.update_reading(read_clock(runner), starts_in_ms(runner))

        controller.ticked.connect(reading)
        controller.changed.connect(reading)
        reading()

    def follow_alerts(self, feed) -> None:
        """The lamp shows the worst alert active now, whenever one is raised or cleared."""
        def on_alert(_alert) -> None:
            worst = feed.alerts.worst()
            self.set_alert(worst.rule.colour if worst else None,
                           alert_title(worst.rule) if worst else "")

        feed.alert_listeners.append(on_alert)

    # -- row 2: keys, feedback, problems -----------------------------------------------------
    def set_typing(self, typing: bool, prompt: bool = False) -> None:
        """Whether a plain key (Space, L, …) acts on the show right now."""
        if not shiboken6.isValid(self.keys_state):
            # The window is being torn down: deleting the widget that had the focus moves
            # the focus, and the registry (not yet deleted) reports it to a header whose
            # labels are already gone.
            return
        if prompt:
            text, style = self.tr("? QUESTION OPEN — show keys paused (Esc closes)"), \
                f"color: #000000; background: {theme.ACCENT}; font-weight: bold; padding: 2px 8px;"
        elif typing:
            text, style = self.tr("⌨ TYPING — show keys paused (Esc leaves the field)"), \
                f"color: #000000; background: {theme.PRICE}; font-weight: bold; padding: 2px 8px;"
        else:
            text, style = self.tr("⌨ keys drive the show"), f"color: {theme.TEXT_DIM}; padding: 2px 8px;"
        self.keys_state.setText(text)
        restyle(self.keys_state, style)

    def show_feedback(self, text: str, warning: bool = False) -> None:
        """Say for a moment what the last action did (or why it was not done)."""
        self.feedback.setText(text)
        colour = "#ff8a65" if warning else theme.PRICE
        restyle(self.feedback, f"color: {colour}; font-weight: bold; font-size: 16px;")
        self._feedback_timer.start(FEEDBACK_MS)

    def stop(self) -> None:
        """The window is closing: the feedback clears no more."""
        self._feedback_timer.stop()

    def set_problem(self, key: str, text: str) -> None:
        """A must-see state (NOT SAVED…) until cleared with an empty text."""
        if text:
            self._problems[key] = text
        else:
            self._problems.pop(key, None)
        joined = "  ·  ".join(self._problems.values())
        self.problems.setText(joined)
        restyle(self.problems, PROBLEM_STYLE if joined else "")
        # Hidden when there is none, so the last action's feedback gets the row's width.
        self.problems.setVisible(bool(joined))

    # -- row 1 --------------------------------------------------------------------------------
    def set_alert(self, colour: str | None, title: str = "") -> None:
        """The alert lamp: the worst active alert in its colour and words, or all clear."""
        if colour is None:
            self.lamp.setText(self.tr("● No alerts"))
            restyle(self.lamp, f"color: {theme.TEXT_DIM}; font-size: 15px; padding: 0 8px;")
            return
        names = {"red": self.tr("RED"), "orange": self.tr("ORANGE"), "yellow": self.tr("YELLOW"),
                 "blue": self.tr("BLUE")}
        background = theme.ALERT_COLOURS[colour]
        text = "#000000" if colour in ("orange", "yellow") else "#ffffff"
        self.lamp.setText(f"● {names[colour]}  {title}")
        restyle(self.lamp, f"background: {background}; color: {text}; font-size: 15px; "
                           "font-weight: bold; padding: 0 8px;")

    def update_reading(self, reading: ClockReading, starts_in_ms: int | None = None) -> None:
        self.show_clock.show_value(clock_text(reading.show_ms))
        if reading.state is ShowState.READY:
            self.row.show_value(self.tr("starts in %1").replace("%1", clock_text(starts_in_ms))
                                if starts_in_ms is not None and starts_in_ms > 0
                                else self.tr("not started"))
        elif reading.remaining_ms is None or reading.phase is None:     # None together
            self.row.show_value(self.tr("ended"))
        elif reading.state is ShowState.HOLD:
            self.row.show_value(f"‖ {countdown_text(reading.remaining_ms)}", f"color: {theme.HOLD[0]};")
        else:
            background, _ = theme.PHASE_COLOURS[reading.phase]
            # Symbol and colour here; the card and the presenter view spell the phase out.
            self.row.show_value(f"{theme.PHASE_SYMBOLS[reading.phase]} "
                                f"{countdown_text(reading.remaining_ms)}",
                                f"color: {background};")
        self.over_under.show_value(*self._pace(reading.over_under_ms))
        if reading.projected_end_utc is not None:
            self.end.show_value(reading.projected_end_utc.astimezone().strftime("%H:%M"),
                                f"color: {WALL_CLOCK_COLOUR};")
        else:
            self.end.show_value("–")
        if reading.next_lottery is None or reading.next_lottery_in_ms is None:   # None together
            self.lottery.show_value("–")
        elif reading.next_lottery_in_ms <= 0:
            self.lottery.show_value(self.tr("#%1 DUE").replace("%1", str(reading.next_lottery.number)),
                                    f"color: {theme.LOTTERY[0]};")
        else:
            self.lottery.show_value(f"#{reading.next_lottery.number}  "
                                    f"{countdown_text(reading.next_lottery_in_ms)}")

    def _pace(self, behind_ms: int) -> tuple[str, str]:
        """Slow / fast / on time by whole seconds (never "-0:00")."""
        if abs(behind_ms) < 1000:
            return self.tr("on time"), ""
        amount = clock_text(abs(behind_ms))               # whole seconds, cut toward zero
        if behind_ms > 0:
            return (self.tr("slow %1").replace("%1", amount),
                    f"color: {theme.PHASE_COLOURS[Phase.OVERTIME][0]};")
        return self.tr("fast %1").replace("%1", amount), f"color: {theme.ACCENT};"


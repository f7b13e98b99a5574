"""The strip at the top of the operator window that never moves: Row / Show / End."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from console.engine.rundown import ClockReading
from console.engine.runner import ShowState
from console.engine.segment_timer import Phase
from console.timeline import clock_text, countdown_text
from console.ui import theme
from console.ui.elided_label import ElidedLabel
from console.ui.readout import Readout
from console.ui.style import restyle


class HeaderBar(QWidget):
    def __init__(self, rehearsal: bool, speed: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.badge = QLabel()
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setMinimumWidth(110)
        colours = theme.REHEARSAL_BADGE if rehearsal else theme.LIVE_BADGE
        self.badge.setStyleSheet(f"background: {colours[0]}; color: {colours[1]}; "
                                 "font-size: 20px; font-weight: bold; padding: 6px 10px;")
        self.badge.setText(self.tr("REHEARSAL ×%1").replace("%1", f"{speed:g}") if rehearsal
                           else self.tr("● LIVE"))
        self.show_clock = Readout(self.tr("Show"), 22)
        self.row = Readout(self.tr("Row (this segment)"), 22)
        self.over_under = Readout(self.tr("Over / under"), 22)
        self.end = Readout(self.tr("Projected end"), 22)
        self.lottery = Readout(self.tr("Next lottery"), 22)
        # A team's long alert title is cut short (in full on hover, in the status bar and
        # the alert list) rather than widening the header and squeezing the docks.
        self.lamp = ElidedLabel(self.tr("● No alerts"), minimum_px=380)
        self.lamp.setStyleSheet(f"color: {theme.TEXT_DIM}; font-size: 16px; padding: 0 10px;")
        layout.addWidget(self.badge)
        for readout in (self.show_clock, self.row, self.over_under, self.end, self.lottery):
            layout.addWidget(readout)
        layout.addStretch(1)
        layout.addWidget(self.lamp)

    def set_alert(self, colour: str | None, title: str = "") -> None:
        """The alert lamp: the worst active alert in its colour and words, or all clear."""
        if colour is None:
            self.lamp.setText(self.tr("● No alerts"))
            restyle(self.lamp, f"color: {theme.TEXT_DIM}; font-size: 16px; padding: 0 10px;")
            return
        names = {"red": self.tr("RED"), "orange": self.tr("ORANGE"), "yellow": self.tr("YELLOW"),
                 "blue": self.tr("BLUE")}
        background = theme.ALERT_COLOURS[colour]
        text = "#000000" if colour in ("orange", "yellow") else "#ffffff"
        self.lamp.setText(f"● {names[colour]}  {title}")
        restyle(self.lamp, f"background: {background}; color: {text}; font-size: 16px; "
                                "font-weight: bold; padding: 4px 10px;")

    def update_reading(self, reading: ClockReading) -> None:
        self.show_clock.show_value(clock_text(reading.show_ms))
        if reading.state is ShowState.READY:
            self.row.show_value(self.tr("not started"))
        elif reading.remaining_ms is None:
            self.row.show_value(self.tr("ended"))
        else:
            background, _ = theme.PHASE_COLOURS[reading.phase]
            # Symbol and colour here; the card and the presenter view spell the phase out.
            self.row.show_value(f"{theme.PHASE_SYMBOLS[reading.phase]} "
                                f"{countdown_text(reading.remaining_ms)}",
                                f"color: {background};")
        behind = reading.over_under_ms
        colour = theme.PHASE_COLOURS[Phase.OVERTIME][0] if behind > 0 else theme.TEXT
        self.over_under.show_value(
            (self.tr("%1 behind") if behind > 0 else self.tr("%1 ahead") if behind < 0
             else self.tr("on plan")).replace("%1", clock_text(abs(behind))),
            f"color: {colour};")
        if reading.projected_end_utc is not None:
            self.end.show_value(reading.projected_end_utc.astimezone().strftime("%H:%M:%S"))
        else:
            self.end.show_value(clock_text(reading.projected_end_show_ms))
        if reading.next_lottery is None:
            self.lottery.show_value("–")
        elif reading.next_lottery_in_ms <= 0:
            self.lottery.show_value(self.tr("#%1 DUE").replace("%1", str(reading.next_lottery.number)),
                                    f"color: {theme.LOTTERY[0]};")
        else:
            self.lottery.show_value(f"#{reading.next_lottery.number}  "
                                    f"{countdown_text(reading.next_lottery_in_ms)}")

"""The lottery cue on the operator side: a warning a minute ahead, then a pending cue
that waits for L (fired), P (postpone) or K (skip with a reason)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from console.engine.lottery import CueState
from console.engine.runner import ShowRunner
from console.timeline import countdown_text
from console.ui import theme
from console.ui.style import restyle


class LotteryBanner(QLabel):
    def __init__(self, runner: ShowRunner, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.state: CueState | None = None
        self.hide()

    def refresh(self, flash_on: bool) -> None:
        cue = self.runner.next_lottery()
        if self.runner.current is None or cue is None:     # not on air, or every cue closed
            self.state = None
            self.hide()
            return
        now = self.runner.now_ms()
        background, text = theme.LOTTERY
        if cue.state is CueState.DUE:
            self.state = cue.state
            wait = self.tr(" — after this SKU") if cue.waits_for(self.runner.current_index) else ""
            self.setText(self.tr("★ LOTTERY #%1 DUE%2   ·   L fired   P postpone   K skip")
                         .replace("%1", str(cue.number)).replace("%2", wait))
            colours = (background, text) if flash_on else (text, background)
            restyle(self, f"background: {colours[0]}; color: {colours[1]}; font-size: 24px; "
                               f"font-weight: bold; padding: 10px; border: 3px solid {background};")
            self.show()
        elif cue.state is CueState.WARNING:
            self.state = cue.state
            self.setText(self.tr("★ Lottery #%1 in %2 — get the prizes ready")
                         .replace("%1", str(cue.number))
                         .replace("%2", countdown_text(cue.due_ms - now)))
            restyle(self, f"color: {background}; font-size: 20px; font-weight: bold; "
                               f"padding: 6px; border: 2px solid {background};")
            self.show()
        else:
            self.state = None
            self.hide()

"""The lottery cue on the operator side: a warning a minute ahead, then a pending cue
that waits for L (fired), P (postpone) or K (skip with a reason).

It keeps its slot (a fixed height, a dim line when nothing is near) so the
window does not jump when a cue appears."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from console.engine.lottery import CueState
from console.engine.runner import ShowRunner
from console.timefmt import countdown_text
from console.ui import theme
from console.ui.style import restyle


HEIGHT = 40


class LotteryBanner(QLabel):
    def __init__(self, runner: ShowRunner, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedHeight(HEIGHT)
        # Never wider than the window gives it: the text is short enough at 1366 px.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.state: CueState | None = None
        self._idle("")

    def follow(self, controller, flashed) -> None:
        """Repaint on every tick and change, and blink in step with the host's screen."""
        self._flash_on = True

        def flash(on: bool) -> None:
            self._flash_on = on
            self.refresh(on)

        controller.ticked.connect(lambda: self.refresh(self._flash_on))
        controller.changed.connect(lambda: self.refresh(self._flash_on))
        flashed.connect(flash)

    def _idle(self, text: str) -> None:
        self.state = None
        self.setText(text)
        restyle(self, f"color: {theme.TEXT_DIM}; font-size: 15px; padding: 4px; "
                      f"border: 1px solid {theme.PANEL_RAISED};")

    def refresh(self, flash_on: bool) -> None:
        if self.runner.current is None:
            self._idle("")
            return
        cue = self.runner.next_lottery()
        if cue is None:                       # every cue of the show is closed
            self._idle("")
            return
        now = self.runner.now_ms()
        background, text = theme.LOTTERY
        waits_for = self.runner.lottery_segment_for(cue) \
            if cue.state in (CueState.DUE, CueState.WARNING) else None
        if waits_for is not None:
            # The script's own lottery segment is coming: no "lottery now" in the middle
            # of another segment; the segment fires the cue when it starts.
            self.state = cue.state
            title = self.runner.show.segments[waits_for].title
            self.setText(self.tr("★ Lottery #%1 → the script's “%2” (segment %3)")
                         .replace("%1", str(cue.number))
                         .replace("%2", title).replace("%3", str(waits_for + 1)))
            restyle(self, f"color: {background}; font-size: 17px; font-weight: bold; "
                          f"padding: 2px; border: 2px solid {background};")
        elif cue.state is CueState.DUE:
            self.state = cue.state
            wait = self.tr(" — after this SKU") if cue.waits_for(self.runner.current_index) else ""
            self.setText(self.tr("★ LOTTERY #%1 DUE%2   ·   L fired   P postpone   K skip")
                         .replace("%1", str(cue.number)).replace("%2", wait))
            colours = (background, text) if flash_on else (text, background)
            restyle(self, f"background: {colours[0]}; color: {colours[1]}; font-size: 20px; "
                          f"font-weight: bold; padding: 2px; border: 3px solid {background};")
        elif cue.state is CueState.WARNING:
            self.state = cue.state
            self.setText(self.tr("★ Lottery #%1 in %2 — get the prizes ready")
                         .replace("%1", str(cue.number))
                         .replace("%2", countdown_text(cue.due_ms - now)))
            restyle(self, f"color: {background}; font-size: 18px; font-weight: bold; "
                          f"padding: 2px; border: 2px solid {background};")
        else:
            self._idle(self.tr("Lottery #%1 in %2").replace("%1", str(cue.number))
                       .replace("%2", countdown_text(cue.due_ms - now)))

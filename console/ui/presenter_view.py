"""The host's screen: readable from three metres, never touched on air.

Painted by hand so that every text is as large as its box allows and the whole
picture can be mirrored for a teleprompter glass. What to show comes from
`console.presenter.presenter_state`; this module only paints it.

The picture, top to bottom: what is on (left-aligned), the countdown, the phase
(or "on hold"), the product's points or a takeover (note, lottery), the price
strip — link number, live price, list price — which no takeover ever covers,
and what comes next. A crisis script takes the middle but leaves a countdown of
at least 12 % of the height and the price strip.
"""

from __future__ import annotations

import dataclasses
import functools

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from console.engine.segment_timer import Phase
from console.phrases import wrap
from console.presenter import PresenterState, Takeover, presenter_state
from console.timefmt import clock_text, countdown_text
from console.ui import theme
from console.ui.labels import kind_name, phase_name

FLASH_MS = 500
FEEDBACK_MS = 2_500
_CENTRE = Qt.AlignmentFlag.AlignCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@functools.lru_cache(maxsize=1024)
def fitted_lines(text: str, width: int, height: int, family: str, max_px: int,
                 bold: bool) -> tuple[int, tuple[str, ...]]:
    """The largest pixel size (≤ max_px) at which `text`, broken at its phrases
    (console.phrases), fits the box; and the lines at that size. Cached: the same
    texts are painted again and again."""
    font = QFont(family)
    font.setBold(bold)
    low, high = 8, max(8, max_px)
    best: tuple[str, ...] = (text,)
    while low < high:
        middle = (low + high + 1) // 2
        font.setPixelSize(middle)
        metrics = QFontMetricsF(font)
        lines = wrap(text, width, metrics.horizontalAdvance)
        fits = len(lines) * metrics.lineSpacing() <= height and \
            all(metrics.horizontalAdvance(line) <= width for line in lines)
        if fits:
            low, best = middle, tuple(lines)
        else:
            high = middle - 1
    if low == 8:
        font.setPixelSize(8)
        best = tuple(wrap(text, width, QFontMetricsF(font).horizontalAdvance))
    return low, best


def crisis_clock_rect(w: float, h: float) -> QRectF:
    """Where the countdown goes under a crisis script: big enough to read across the
    room (its digits at least 12 % of the screen's height), top right."""
    return QRectF(0.62 * w, 0.105 * h, 0.36 * w, 0.24 * h)


class PresenterView(QWidget):
    flashed = Signal(bool)      # the blink phase, so the operator's banner blinks in step
    repainted = Signal()        # the picture changed (the operator's miniature follows)

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.mirror = False
        self.flash_on = True
        self.feedback = ""
        self._painted: tuple | None = None
        self.setObjectName("presenter-view")
        self.setMinimumSize(640, 360)
        self._flash = QTimer(self)
        self._flash.setObjectName("presenter-flash")
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._toggle_flash)
        self._flash.start()
        self._feedback_timer = QTimer(self)
        self._feedback_timer.setObjectName("presenter-feedback")
        self._feedback_timer.setSingleShot(True)
        self._feedback_timer.timeout.connect(lambda: self.show_feedback(""))
        controller.ticked.connect(self.refresh)
        controller.changed.connect(self.refresh)

    def state(self) -> PresenterState:
        return presenter_state(self.controller.runner, self.controller.board)

    def _toggle_flash(self) -> None:
        self.flash_on = not self.flash_on
        self.flashed.emit(self.flash_on)
        if self.state().takeover is Takeover.LOTTERY:
            self._repaint()                            # only the lottery takeover blinks

    def show_feedback(self, text: str) -> None:
        """A change to the host's time ("+15 秒") shown for a moment beside the countdown."""
        self.feedback = text
        if text:
            self._feedback_timer.start(FEEDBACK_MS)
        self._repaint()

    def refresh(self) -> None:
        """Repaint only when what the host sees changes (about once a second), not per tick."""
        state = self.state()
        shown = lambda ms: None if ms is None else countdown_text(ms)      # noqa: E731
        signature = (dataclasses.replace(state, remaining_ms=None, lottery_in_ms=None,
                                         starts_in_ms=None),
                     shown(state.remaining_ms), shown(state.lottery_in_ms),
                     shown(state.starts_in_ms), self.mirror)
        if signature != self._painted:
            self._painted = signature
            self._repaint()

    def _repaint(self) -> None:
        self.update()
        self.repainted.emit()

    def stop(self) -> None:
        self._flash.stop()
        self._feedback_timer.stop()

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        state = self.state()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if self.mirror:
            painter.translate(self.width(), 0)
            painter.scale(-1, 1)
        w, h = float(self.width()), float(self.height())
        painter.fillRect(0, 0, int(w), int(h), QColor("#000000"))
        if not state.live:
            self._idle(painter, state, w, h)
            return
        if state.phase is Phase.OVERTIME and not state.held and state.takeover is not Takeover.CRISIS:
            # The whole clock area turns red: unmistakable at three metres, and steady,
            # so it never looks like the flashing lottery.
            painter.fillRect(QRectF(0, 0, w, 0.565 * h),
                             QColor(theme.PHASE_COLOURS[Phase.OVERTIME][0]))
        self._top_band(painter, state, w, h)
        has_strip = state.live_price is not None or state.link is not None
        content = QRectF(0, 0.57 * h, w, (0.235 if has_strip else 0.345) * h)
        if state.takeover is Takeover.CRISIS:
            self._crisis(painter, state, w, h)
        else:
            self._countdown(painter, state, w, h)
            if state.takeover is Takeover.MESSAGE:
                self._band(painter, state.message or "", theme.MESSAGE, content, w)
            elif state.takeover is Takeover.LOTTERY:
                self._lottery(painter, state, content, w)
            else:
                self._points(painter, state, content, w, h)
        if has_strip:
            self._price_strip(painter, state, w, h)
        if self.feedback:
            chip = QRectF(0.74 * w, 0.115 * h, 0.24 * w, 0.09 * h)
            painter.fillRect(chip, QColor(theme.PRICE))
            self._text(painter, self.feedback, chip.adjusted(4, 2, -4, -2), "#000000", 80)
        self._next(painter, state, w, h)

    def _text(self, painter: QPainter, text: str, rect: QRectF, colour: str, max_px: int,
              bold: bool = True, align=_CENTRE) -> None:
        if not text:
            return
        px, lines = fitted_lines(text, max(1, round(rect.width())), max(1, round(rect.height())),
                                 self.font().family(), max_px, bold)
        font = QFont(self.font())
        font.setBold(bold)
        font.setPixelSize(px)
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(rect, int(align), "\n".join(lines))

    def _idle(self, painter, state: PresenterState, w, h) -> None:
        if state.finished:
            self._text(painter, self.tr("Show ended — thank you, well done"),
                       QRectF(0.05 * w, 0.3 * h, 0.9 * w, 0.4 * h), theme.TEXT, 90)
            return
        self._text(painter, state.title, QRectF(0.05 * w, 0.15 * h, 0.9 * w, 0.3 * h), theme.TEXT, 90)
        if state.starts_in_ms is not None and state.starts_in_ms > 0:
            self._text(painter, self.tr("Going live in %1").replace("%1", clock_text(state.starts_in_ms)),
                       QRectF(0.05 * w, 0.5 * h, 0.9 * w, 0.3 * h), theme.ACCENT, 200)
        else:
            self._text(painter, self.tr("Waiting to go live"),
                       QRectF(0.05 * w, 0.55 * h, 0.9 * w, 0.2 * h), theme.TEXT_DIM, 90)

    def _top_band(self, painter, state: PresenterState, w, h) -> None:
        assert state.kind is not None                    # drawn only while live
        label = f"{kind_name(state.kind)} · {state.title}"
        colour = "#ffffff" if state.phase is Phase.OVERTIME else theme.TEXT_DIM
        self._text(painter, label, QRectF(0.02 * w, 0.01 * h, 0.66 * w, 0.09 * h),
                   colour, 48, bold=False, align=_LEFT)
        if state.lottery_number is not None and state.takeover is not Takeover.LOTTERY:
            chip = QRectF(0.70 * w, 0.015 * h, 0.28 * w, 0.08 * h)
            painter.fillRect(chip, QColor(theme.LOTTERY[0]))
            if state.lottery_segment_title:
                # The script's own lottery segment comes soon: carry on, no "lottery now".
                text = (self.tr("★ Lottery is the next segment") if state.lottery_segment_is_next
                        else self.tr("★ Lottery coming up in the script"))
            elif state.lottery_in_ms is not None and state.lottery_in_ms > 0:
                text = self.tr("★ Lottery in %1").replace("%1", countdown_text(state.lottery_in_ms))
            else:
                text = self.tr("★ Lottery due")
            self._text(painter, text, chip.adjusted(6, 2, -6, -2), theme.LOTTERY[1], 48)

    def _countdown(self, painter, state: PresenterState, w, h) -> None:
        assert state.phase is not None and state.remaining_ms is not None   # drawn while live
        overtime = state.phase is Phase.OVERTIME
        if state.held:
            colour = theme.HOLD[0]
        else:
            colour = "#ffffff" if overtime else theme.PHASE_COLOURS[state.phase][0]
        self._text(painter, countdown_text(state.remaining_ms),
                   QRectF(0.02 * w, 0.10 * h, 0.96 * w, 0.37 * h), colour, 900)
        word = f"{theme.PHASE_SYMBOLS[state.phase]} {phase_name(state.phase, self.controller.runner.show.defaults.warning_seconds)}"
        if state.held:
            word = self.tr("‖ ON HOLD")
        elif overtime:
            word = self.tr("✖ TIME IS UP — wrap this up")
        self._text(painter, word, QRectF(0.05 * w, 0.47 * h, 0.9 * w, 0.09 * h), colour, 90)

    def _points(self, painter, state: PresenterState, area: QRectF, w, h) -> None:
        top = area.top()
        if state.sku_name:
            self._text(painter, state.sku_name, QRectF(0.03 * w, top, 0.94 * w, 0.07 * h),
                       theme.TEXT, 64, align=_LEFT)
            top += 0.07 * h
        if state.points:
            text = "\n".join(f"{n}. {p}" for n, p in enumerate(state.points, start=1))
            self._text(painter, text, QRectF(0.03 * w, top, 0.94 * w, area.bottom() - top),
                       theme.TEXT, 64, bold=False, align=_LEFT)

    def _price_strip(self, painter, state: PresenterState, w, h) -> None:
        """Link number, live price, list price: what the host must never say wrong."""
        top, height = 0.81 * h, 0.10 * h
        painter.fillRect(QRectF(0, top, w, height), QColor(theme.PANEL))
        if state.link is not None:
            chip = QRectF(0.01 * w, top + 0.008 * h, 0.20 * w, height - 0.016 * h)
            painter.fillRect(chip, QColor(theme.ACCENT))
            self._text(painter, self.tr("Link %1").replace("%1", str(state.link)),
                       chip.adjusted(4, 2, -4, -2), "#000000", 90)
        self._text(painter, state.sku_name, QRectF(0.22 * w, top, 0.38 * w, height),
                   theme.TEXT, 48, bold=False, align=_LEFT)
        if state.live_price is not None:
            self._text(painter, f"¥{state.live_price:g}", QRectF(0.60 * w, top, 0.22 * w, height),
                       theme.PRICE, 120)
        if state.list_price is not None:
            rect = QRectF(0.82 * w, top, 0.17 * w, height)
            self._text(painter, self.tr("list ¥%1").replace("%1", f"{state.list_price:g}"),
                       rect, theme.TEXT_DIM, 60, bold=False)

    def _band(self, painter, text: str, colours, area: QRectF, w) -> None:
        painter.fillRect(area, QColor(colours[0]))
        self._text(painter, text, area.adjusted(0.03 * w, 4, -0.03 * w, -4), colours[1], 150)

    def _lottery(self, painter, state: PresenterState, area: QRectF, w) -> None:
        # Inverted on every flash so it can never be mistaken for overtime's steady red.
        background, text = theme.LOTTERY if self.flash_on else theme.LOTTERY[::-1]
        painter.fillRect(area, QColor(background))
        title = self.tr("★ LOTTERY NOW ★")
        if state.after_sku:
            title = self.tr("★ LOTTERY — after this SKU ★")
        self._text(painter, title, area.adjusted(0.03 * w, 4, -0.03 * w, -4), text, 170)

    def _crisis(self, painter, state: PresenterState, w, h) -> None:
        script = state.crisis
        assert script is not None and state.phase is not None and state.remaining_ms is not None
        painter.fillRect(QRectF(0, 0.10 * h, w, 0.70 * h), QColor(theme.CRISIS[0]))
        clock = crisis_clock_rect(w, h)
        if state.held:
            colour = theme.HOLD[0]
        elif state.phase is Phase.OVERTIME:
            colour = theme.PHASE_COLOURS[Phase.OVERTIME][0]
            painter.fillRect(clock, QColor("#ffffff"))
        else:
            colour = theme.PHASE_COLOURS[state.phase][0]
        prefix = "‖ " if state.held else ""
        self._text(painter, prefix + countdown_text(state.remaining_ms), clock, colour, 400)
        self._text(painter, f"⚠ {script.title}", QRectF(0.03 * w, 0.11 * h, 0.57 * w, 0.14 * h),
                   "#ffd0b0", 80, align=_LEFT)
        lines = "\n".join(script.host_lines)
        self._text(painter, lines, QRectF(0.03 * w, 0.36 * h, 0.94 * w, 0.43 * h),
                   theme.CRISIS[1], 90, bold=False, align=_LEFT)

    def _next(self, painter, state: PresenterState, w, h) -> None:
        if state.next_title:
            kind = f"[{kind_name(state.next_kind)}] " if state.next_kind is not None else ""
            self._text(painter, self.tr("Next: %1").replace("%1", kind + state.next_title),
                       QRectF(0.02 * w, 0.92 * h, 0.96 * w, 0.075 * h), theme.TEXT_DIM, 48,
                       bold=False, align=_LEFT)

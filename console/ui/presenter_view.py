"""The host's screen: readable from three metres, never touched on air.

Painted by hand so that every text is as large as its box allows and the whole
picture can be mirrored for a teleprompter glass. What to show comes from
`console.presenter.presenter_state`; this module only paints it.
"""

from __future__ import annotations

import dataclasses
import functools

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QPainter
from PySide6.QtWidgets import QVBoxLayout, QWidget

from console.engine.segment_timer import Phase
from console.presenter import PresenterState, Takeover, presenter_state
from console.timeline import countdown_text
from console.ui import theme
from console.ui.labels import kind_name, phase_name

FLASH_MS = 500
_FLAGS = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap


def fitted_font(text: str, rect: QRectF, base: QFont, max_px: int, bold: bool = True) -> QFont:
    """The largest font (up to `max_px`) in which `text` fits `rect`, wrapping words."""
    font = QFont(base)
    font.setBold(bold)
    font.setPixelSize(_fitted_px(text, round(rect.width()), round(rect.height()),
                                 base.family(), max_px, bold))
    return font


@functools.lru_cache(maxsize=512)
def _fitted_px(text: str, width: int, height: int, family: str, max_px: int, bold: bool) -> int:
    # The same texts are painted ten times a second; measure each size once.
    font = QFont(family)
    font.setBold(bold)
    rect = QRectF(0, 0, width, height)
    low, high = 8, max(8, max_px)
    while low < high:
        middle = (low + high + 1) // 2
        font.setPixelSize(middle)
        bounds = QFontMetricsF(font).boundingRect(rect, int(_FLAGS), text)
        if bounds.width() <= width and bounds.height() <= height:
            low = middle
        else:
            high = middle - 1
    return low


class PresenterView(QWidget):
    flashed = Signal(bool)      # the blink phase, so the operator's banner blinks in step

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.mirror = False
        self.flash_on = True
        self._painted = None
        self.setObjectName("presenter-view")
        self.setMinimumSize(640, 360)
        self._flash = QTimer(self)
        self._flash.setObjectName("presenter-flash")
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._toggle_flash)
        self._flash.start()

    def state(self) -> PresenterState:
        return presenter_state(self.controller.runner, self.controller.board)

    def _toggle_flash(self) -> None:
        self.flash_on = not self.flash_on
        self.flashed.emit(self.flash_on)
        if self.state().takeover is Takeover.LOTTERY:
            self.update()                              # only the lottery takeover blinks

    def refresh(self) -> None:
        """Repaint only when what the host sees changes (about once a second), not per tick."""
        state = self.state()
        shown = lambda ms: None if ms is None else countdown_text(ms)      # noqa: E731
        signature = (dataclasses.replace(state, remaining_ms=None, lottery_in_ms=None),
                     shown(state.remaining_ms), shown(state.lottery_in_ms), self.mirror)
        if signature != self._painted:
            self._painted = signature
            self.update()

    def stop(self) -> None:
        self._flash.stop()

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
        if state.phase is Phase.OVERTIME and state.takeover is not Takeover.CRISIS:
            # The whole clock area turns red: unmistakable at three metres, and steady,
            # so it never looks like the flashing lottery.
            painter.fillRect(QRectF(0, 0, w, 0.60 * h), QColor(theme.PHASE_COLOURS[Phase.OVERTIME][0]))
        if not state.live:
            self._text(painter, state.title if not state.finished else self.tr("Thank you — show ended"),
                       QRectF(0.05 * w, 0.3 * h, 0.9 * w, 0.4 * h), theme.TEXT, 90)
            return
        self._top_band(painter, state, w, h)
        if state.takeover is Takeover.CRISIS:
            self._crisis(painter, state, w, h)
        else:
            self._countdown(painter, state, w, h)
            self._product(painter, state, w, h)
            if state.takeover is Takeover.MESSAGE:
                self._band(painter, state.message, theme.MESSAGE, w, h)
            elif state.takeover is Takeover.LOTTERY:
                self._lottery(painter, state, w, h)
        self._next(painter, state, w, h)

    def _text(self, painter: QPainter, text: str, rect: QRectF, colour: str, max_px: int,
              bold: bool = True) -> None:
        if not text:
            return
        painter.setFont(fitted_font(text, rect, self.font(), max_px, bold))
        painter.setPen(QColor(colour))
        painter.drawText(rect, int(_FLAGS), text)

    def _top_band(self, painter, state: PresenterState, w, h) -> None:
        label = f"{kind_name(state.kind)} · {state.title}"
        colour = "#ffffff" if state.phase is Phase.OVERTIME else theme.TEXT_DIM
        self._text(painter, label, QRectF(0.02 * w, 0.01 * h, 0.66 * w, 0.10 * h),
                   colour, 48, bold=False)
        if state.lottery_number is not None and state.takeover is not Takeover.LOTTERY:
            chip = QRectF(0.70 * w, 0.015 * h, 0.28 * w, 0.09 * h)
            painter.fillRect(chip, QColor(theme.LOTTERY[0]))
            text = (self.tr("★ Lottery in %1").replace("%1", countdown_text(state.lottery_in_ms))
                    if state.lottery_in_ms > 0 else self.tr("★ Lottery due"))
            self._text(painter, text, chip.adjusted(6, 2, -6, -2), theme.LOTTERY[1], 48)

    def _countdown(self, painter, state: PresenterState, w, h) -> None:
        overtime = state.phase is Phase.OVERTIME
        colour = "#ffffff" if overtime else theme.PHASE_COLOURS[state.phase][0]
        self._text(painter, countdown_text(state.remaining_ms),
                   QRectF(0.02 * w, 0.10 * h, 0.96 * w, 0.40 * h), colour, 900)
        word = f"{theme.PHASE_SYMBOLS[state.phase]} {phase_name(state.phase)}"
        if overtime:
            word = self.tr("✖ TIME IS UP — wrap this up")
        self._text(painter, word, QRectF(0.05 * w, 0.50 * h, 0.9 * w, 0.095 * h),
                   "#ffffff" if overtime else colour, 90)

    def _product(self, painter, state: PresenterState, w, h) -> None:
        top = 0.61 * h
        if state.sku_name:
            self._text(painter, state.sku_name, QRectF(0.02 * w, top, 0.96 * w, 0.09 * h),
                       theme.TEXT, 70)
            top += 0.09 * h
        if state.live_price is not None:
            price = f"¥{state.live_price:g}"
            self._text(painter, price, QRectF(0.02 * w, top, 0.30 * w, 0.20 * h), theme.PRICE, 160)
            points_rect = QRectF(0.34 * w, top, 0.64 * w, 0.20 * h)
        else:
            points_rect = QRectF(0.02 * w, top, 0.96 * w, 0.29 * h - (top - 0.61 * h))
        if state.points:
            text = "\n".join(f"{n}. {p}" for n, p in enumerate(state.points, start=1))
            self._text(painter, text, points_rect, theme.TEXT, 64, bold=False)

    def _band(self, painter, text: str, colours, w, h) -> None:
        band = QRectF(0, 0.60 * h, w, 0.31 * h)
        painter.fillRect(band, QColor(colours[0]))
        self._text(painter, text, band.adjusted(0.03 * w, 0.01 * h, -0.03 * w, -0.01 * h),
                   colours[1], 150)

    def _lottery(self, painter, state: PresenterState, w, h) -> None:
        # Inverted on every flash so it can never be mistaken for overtime's steady red.
        background, text = theme.LOTTERY if self.flash_on else theme.LOTTERY[::-1]
        band = QRectF(0, 0.60 * h, w, 0.31 * h)
        painter.fillRect(band, QColor(background))
        painter.setPen(QColor(theme.LOTTERY[0]))
        title = self.tr("★ LOTTERY NOW ★")
        if state.after_sku:
            title = self.tr("★ LOTTERY — after this SKU ★")
        self._text(painter, title, band.adjusted(0.03 * w, 0.01 * h, -0.03 * w, -0.01 * h),
                   text, 170)

    def _crisis(self, painter, state: PresenterState, w, h) -> None:
        script = state.crisis
        area = QRectF(0, 0.11 * h, w, 0.80 * h)
        painter.fillRect(area, QColor(theme.CRISIS[0]))
        small = QRectF(0.72 * w, 0.12 * h, 0.26 * w, 0.10 * h)
        colour = theme.PHASE_COLOURS[state.phase][0] if state.phase is not Phase.OVERTIME else "#ffffff"
        self._text(painter, countdown_text(state.remaining_ms), small, colour, 90)
        self._text(painter, f"⚠ {script.title}", QRectF(0.03 * w, 0.12 * h, 0.66 * w, 0.10 * h),
                   "#ffd0b0", 80)
        lines = "\n".join(script.host_lines)
        self._text(painter, lines, QRectF(0.03 * w, 0.24 * h, 0.94 * w, 0.66 * h),
                   theme.CRISIS[1], 90, bold=False)

    def _next(self, painter, state: PresenterState, w, h) -> None:
        if state.next_title:
            self._text(painter, self.tr("Next: %1").replace("%1", state.next_title),
                       QRectF(0.02 * w, 0.92 * h, 0.96 * w, 0.075 * h), theme.TEXT_DIM, 48,
                       bold=False)


class PresenterWindow(QWidget):
    """The separate top-level window holding the view, placed on a chosen screen."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenter-window")
        self.setWindowTitle(self.tr("Presenter view — Live Console"))
        self.view = PresenterView(controller, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.resize(1280, 720)

    def set_mirror(self, mirror: bool) -> None:
        self.view.mirror = mirror
        self.view.update()

    def place(self, screen_number: int, fullscreen: bool) -> None:
        screens = QGuiApplication.screens()
        screen = screens[screen_number] if 0 <= screen_number < len(screens) else screens[-1]
        self.setScreen(screen)
        self.move(screen.availableGeometry().topLeft())
        if fullscreen:
            self.showFullScreen()
        else:
            self.showNormal()

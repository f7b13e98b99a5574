"""The current segment for the assistant: countdown, product, what the host sees,
and everyone's lines.

Sized for a 1366×768 studio PC: the top row (countdown, title and product, a
live miniature of the host's screen) has a fixed height; the role blocks below
wrap their text and scroll when a script says more than fits, so nothing is
ever cut off.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea,
                               QSizePolicy, QVBoxLayout, QWidget)

from console.engine.runner import ShowRunner, ShowState
from console.engine.segment_timer import Phase
from console.timefmt import countdown_text
from console.ui import theme
from console.ui.elided_label import ElidedLabel
from console.ui.style import dim_label, restyle
from console.ui.labels import kind_name, phase_name


def _bullets(lines) -> str:
    return "\n".join(f"• {line}" for line in lines) if lines else "–"


class _Lines(QFrame):
    """A titled block of lines for one role (host / assistant / floor control)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(f"QFrame {{ background: {theme.PANEL}; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        heading = dim_label(title)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setStyleSheet("font-size: 16px;")
        self.body.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        layout.addWidget(heading)
        layout.addWidget(self.body, 1)

    def set_lines(self, lines) -> None:
        self.body.setText(_bullets(lines))


class SegmentCard(QWidget):
    def __init__(self, runner: ShowRunner, miniature: QWidget | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.countdown = QLabel("–")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setFixedHeight(90)
        self.countdown.setMinimumWidth(200)
        self.phase = QLabel()
        self.phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase.setFixedHeight(32)
        # One line each, cut with "…" (in full on hover): the product line below wraps, and
        # all three fit the card's fixed top row.
        self.title = ElidedLabel("", minimum_px=120)
        self.title.setStyleSheet("font-size: 20px; font-weight: bold;")
        # What the assistant must say right, beside the clock: link, live price, list price.
        self.price = QLabel()
        self.price.setWordWrap(True)
        self.price.setTextFormat(Qt.TextFormat.RichText)
        self.price.setStyleSheet("font-size: 18px;")
        # The product's name and stock (or what to press before go-live), full width above
        # the role blocks, where it can wrap and scroll.
        self.product = QLabel()
        self.product.setWordWrap(True)
        self.product.setStyleSheet("font-size: 16px;")
        self.next_up = ElidedLabel("", minimum_px=120)
        self.next_up.setObjectName("dim")
        self.next_up.setStyleSheet("font-size: 15px;")
        for label in (self.title, self.price, self.next_up):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.selling = _Lines(self.tr("Selling points"))
        self.host = _Lines(self.tr("Host (主播)"))
        self.assistant = _Lines(self.tr("Assistant (助理)"))
        self.floor = _Lines(self.tr("Floor control (场控)"))
        self.faq = _Lines(self.tr("FAQ (Ctrl+1… pushes the answer)"))
        self.cues = _Lines(self.tr("Cues and notes"))

        top = QHBoxLayout()
        clock = QVBoxLayout()
        clock.setSpacing(2)
        clock.addWidget(self.countdown)
        clock.addWidget(self.phase)
        top.addLayout(clock, 2)
        info = QVBoxLayout()
        info.setSpacing(2)
        info.addWidget(self.title)
        info.addWidget(self.price)
        info.addStretch(1)
        info.addWidget(self.next_up)
        top.addLayout(info, 3)
        if miniature is not None:
            top.addWidget(miniature)
        top_row = QWidget()
        top_row.setLayout(top)
        top_row.setFixedHeight(134)
        blocks = QWidget()
        grid = QGridLayout(blocks)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.product, 0, 0, 1, 3)
        for position, block in enumerate((self.selling, self.host, self.assistant, self.floor,
                                          self.faq, self.cues)):
            grid.addWidget(block, 1 + position // 3, position % 3)
        # Long scripts scroll here instead of being cut off or stretching the window.
        self.lines = QScrollArea()
        self.lines.setObjectName("segment-lines")
        self.lines.setWidgetResizable(True)
        self.lines.setFrameShape(QFrame.Shape.NoFrame)
        self.lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.setWidget(blocks)
        self.lines.setMinimumHeight(64)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top_row)
        layout.addWidget(self.lines, 1)
        self.refresh_segment()

    def follow(self, controller) -> None:
        controller.ticked.connect(self.refresh_clock)
        controller.changed.connect(self.refresh)

    def refresh(self) -> None:
        self.refresh_segment()
        self.refresh_clock()

    def refresh_segment(self) -> None:
        """Texts that change only when the segment does."""
        show, run = self.runner.show, self.runner.current
        if run is None:
            self.title.setText(show.title)
            ready = (self.tr("Ready: press S, then S again, to start the rehearsal")
                     if self.runner.rehearsal else self.tr("Ready: press S, then S again, to go live"))
            self.product.setText(ready if not self.runner.runs
                                 else self.tr("The show has ended."))
            self.next_up.setText("")
            self.price.setText("")
            for block in (self.selling, self.host, self.assistant, self.floor, self.faq, self.cues):
                block.set_lines(())
            return
        segment = show.segments[run.index]
        self.title.setText(f"{run.index + 1}/{len(show.segments)}  [{kind_name(segment.kind)}]  "
                           f"{segment.title}")
        sku = show.sku(segment.sku_id)
        self.price.setText(self._price_text(sku) if sku else "")
        self.product.setText(self._product_text(sku) if sku else "")
        self.selling.set_lines(sku.selling_points if sku else ())
        self.faq.set_lines(tuple(f"Ctrl+{n}  {entry.question} — {entry.answer}"
                                 for n, entry in enumerate(sku.faq[:5], start=1)) if sku else ())
        self.host.set_lines(segment.host)
        self.assistant.set_lines(segment.assistant)
        self.floor.set_lines(segment.floor)
        self.cues.set_lines(segment.cues + ((segment.notes,) if segment.notes else ())
                            + ((sku.compliance,) if sku and sku.compliance else ()))
        if run.index + 1 < len(show.segments):
            following = show.segments[run.index + 1]
            self.next_up.setText(self.tr("Next: %1").replace(
                "%1", f"[{kind_name(following.kind)}] {following.title}"))
        else:
            self.next_up.setText(self.tr("Next: end of show"))

    def _price_text(self, sku) -> str:
        parts = []
        if sku.link is not None:
            link = self.tr("Link %1").replace("%1", str(sku.link))
            parts.append(f"<span style='background:{theme.ACCENT}; color:#000000'>&nbsp;"
                         f"{html.escape(link)}&nbsp;</span>")
        if sku.live_price is not None:
            price = self.tr("Live price ¥%1").replace("%1", f"{sku.live_price:g}")
            parts.append(f"<span style='color:{theme.PRICE}; font-weight:bold'>{price}</span>")
        if sku.list_price is not None:
            parts.append(self.tr("list ¥%1").replace("%1", f"{sku.list_price:g}"))
        return "  ".join(parts)

    def _product_text(self, sku) -> str:
        parts = [sku.name]
        if sku.stock is not None:
            parts.append(self.tr("Stock %1").replace("%1", str(sku.stock)))
        return "  ·  ".join(parts)

    def refresh_clock(self) -> None:
        """Texts that change every tick."""
        phase, remaining = self.runner.phase(), self.runner.remaining_ms()
        if phase is None or remaining is None:           # both None together: no segment
            self.countdown.setText("–")
            restyle(self.countdown, "font-size: 80px; font-weight: bold;")
            self.phase.setText("")
            restyle(self.phase, "")               # no coloured bar left over after the end
            return
        background, text = theme.PHASE_COLOURS[phase]
        if self.runner.state is ShowState.HOLD:
            # Held is news, not an alarm: neutral grey, said in words on both screens.
            background, text = theme.HOLD
        self.countdown.setText(countdown_text(remaining))
        inverted = phase is Phase.OVERTIME and self.runner.state is not ShowState.HOLD
        restyle(
            self.countdown,
            "font-size: 84px; font-weight: bold; border-radius: 8px; "
            + (f"background: {background}; color: {text};" if inverted else f"color: {background};"))
        label = f"{theme.PHASE_SYMBOLS[phase]} {phase_name(phase, self.runner.show.defaults.warning_seconds)}"
        if self.runner.state is ShowState.HOLD:
            label = self.tr("‖ ON HOLD")
        self.phase.setText(label)
        restyle(self.phase, f"font-size: 20px; font-weight: bold; background: {background}; "
                                 f"color: {text}; padding: 2px;")

"""A one-line label that gives up width instead of taking it: the text is cut short
with "…" to whatever the layout leaves, and shown in full on hover."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QStyleOption, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", minimum_px: int = 120, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._minimum_px = minimum_px
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text if self.elided() else "")

    def minimumSizeHint(self) -> QSize:
        return QSize(min(self._minimum_px, super().sizeHint().width()), super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """What fits in the label now."""
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def elided(self) -> bool:
        return self.shown_text() != self.text()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setToolTip(self.text() if self.elided() else "")

    def paintEvent(self, event) -> None:
        # The style sheet's background and padding, then the cut text in the content box.
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.shown_text())

"""The host's screen in small, in the operator window: exactly what the host sees now.

A scaled copy of the presenter view's own picture (not a second, smaller
layout), so it can never disagree with the host's screen — mirror, takeovers,
flashes and all. Redrawn only when that picture changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from console.ui.presenter_view import PresenterView


class PresenterMiniature(QWidget):
    def __init__(self, source: PresenterView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenter-miniature")
        self.source = source
        self.picture = QPixmap()
        source.repainted.connect(self.follow)
        self.follow()

    def follow(self) -> None:
        # grab() paints the view off screen too: the presenter window may be hidden.
        self.picture = self.source.grab().scaled(
            self.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.follow()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        x = (self.width() - self.picture.width()) // 2
        y = (self.height() - self.picture.height()) // 2
        painter.drawPixmap(x, y, self.picture)

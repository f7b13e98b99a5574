"""The key map over the operator window, opened with ? and closed with ? or Esc."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from console.ui import theme
from console.ui.keymap import BINDINGS


class HelpOverlay(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("help-overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#help-overlay { background: rgba(0, 0, 0, 225); }")
        title = QLabel(self.tr("Keys — no action on air needs the mouse"))
        title.setStyleSheet(f"font-size: 26px; font-weight: bold; color: {theme.ACCENT};")
        grid = QGridLayout()
        half = (len(BINDINGS) + 1) // 2
        for position, item in enumerate(BINDINGS):
            column = 0 if position < half else 2
            row = position % half
            keys = QLabel("  ".join(self._key_name(k) for k in item.keys[:4])
                          + (" …" if len(item.keys) > 4 else ""))
            keys.setStyleSheet(f"font-weight: bold; font-size: 17px; color: {theme.PRICE};")
            text = QLabel(item.text())
            text.setWordWrap(True)
            text.setStyleSheet("font-size: 17px;")
            grid.addWidget(keys, row, column)
            grid.addWidget(text, row, column + 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.hide()

    def _key_name(self, key: str) -> str:
        return {"Space": self.tr("Space"), "Right": "→", "Left": "←", "Esc": "Esc"}.get(key, key)

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            parent = self.parentWidget()
            assert parent is not None               # made with one
            self.setGeometry(parent.rect())
            self.raise_()
            self.show()

    def mousePressEvent(self, event) -> None:
        self.hide()

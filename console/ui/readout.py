"""A caption over a big value, optionally with a small line under it (the header's
Row / Show / End, the Data dock's figures)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.ui import theme
from console.ui.style import dim_label, restyle


class Readout(QWidget):
    def __init__(self, caption: str, size_px: int, with_change: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.size_px = size_px
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(0)
        self.caption = dim_label(caption)
        self.value = QLabel("–")
        self.value.setStyleSheet(f"font-size: {size_px}px; font-weight: bold;")
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        self.change = dim_label() if with_change else None
        if self.change is not None:
            self.change.setStyleSheet("font-size: 12px;")
        if self.change is not None:
            layout.addWidget(self.change)

    def show_value(self, text: str, style: str = "") -> None:
        self.value.setText(text)
        restyle(self.value, f"font-size: {self.size_px}px; font-weight: bold; {style}")

    def show_change(self, text: str, rising: bool | None) -> None:
        """A change under the value: green up, vermillion down, grey when unknown."""
        colour = theme.TEXT_DIM if rising is None else ("#009e73" if rising else "#d55e00")
        assert self.change is not None                   # a readout made with_change
        self.change.setText(text)
        restyle(self.change, f"color: {colour}; font-size: 12px;")

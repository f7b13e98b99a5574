"""Changing a widget's style sheet only when it really changes.

Setting a style sheet re-polishes the widget and lays it out again; done ten
times a second for unchanged text it costs the show's timer tens of ms.
"""

from PySide6.QtWidgets import QLabel, QWidget


def dim_label(text: str = "") -> QLabel:
    """A label in the dim secondary colour (theme.py's QLabel#dim)."""
    label = QLabel(text)
    label.setObjectName("dim")
    return label


def restyle(widget: QWidget, css: str) -> None:
    if widget.styleSheet() != css:
        widget.setStyleSheet(css)

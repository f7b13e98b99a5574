"""The dark studio theme: high contrast, colour-blind-safe phase colours.

Colours come from the Okabe–Ito palette so that normal / warning / overtime /
lottery stay distinguishable for colour-blind eyes; every state is also said
in words and with a symbol, never by colour alone.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from console.engine.segment_timer import Phase

BACKGROUND = "#0f1317"
PANEL = "#1a2027"
PANEL_RAISED = "#232b34"
TEXT = "#f2f2f2"
TEXT_DIM = "#a9b3bd"
ACCENT = "#56b4e9"          # sky blue
PRICE = "#f0e442"           # yellow: the number the host must read right

PHASE_COLOURS = {           # (background, text)
    Phase.NORMAL: ("#009e73", "#ffffff"),     # bluish green
    Phase.WARNING: ("#e69f00", "#000000"),    # orange
    Phase.OVERTIME: ("#d55e00", "#ffffff"),   # vermillion
}
# Symbols that the bundled fallback fonts (Noto CJK, DejaVu, Segoe UI Symbol) all carry.
PHASE_SYMBOLS = {Phase.NORMAL: "▶", Phase.WARNING: "⚠", Phase.OVERTIME: "✖"}

ALERT_COLOURS = {"red": "#d55e00", "orange": "#e69f00", "yellow": "#f0e442", "blue": "#0072b2"}
LOTTERY = ("#cc79a7", "#000000")    # reddish purple: never confused with overtime
MESSAGE = ("#f0e442", "#000000")
CRISIS = ("#5b1a00", "#ffffff")
HOLD = ("#bbbbbb", "#000000")       # neutral grey: a held timer is news, not an alarm
LIVE_BADGE = ("#c0392b", "#ffffff")
REHEARSAL_BADGE = ("#0072b2", "#ffffff")

STYLESHEET = f"""
QWidget {{ background: {BACKGROUND}; color: {TEXT}; font-size: 15px; }}
QDockWidget::title {{ background: {PANEL_RAISED}; padding: 4px 8px; font-weight: bold; }}
QTableView {{ background: {PANEL}; gridline-color: {PANEL_RAISED};
              selection-background-color: {PANEL_RAISED}; selection-color: {TEXT}; }}
QHeaderView::section {{ background: {PANEL_RAISED}; color: {TEXT_DIM}; border: 0; padding: 4px; }}
QLineEdit, QPlainTextEdit, QListWidget, QSpinBox, QComboBox {{
    background: {PANEL}; border: 1px solid {PANEL_RAISED}; padding: 4px; }}
QLineEdit:focus, QPlainTextEdit:focus, QListWidget:focus {{ border: 1px solid {ACCENT}; }}
QPushButton {{ background: {PANEL_RAISED}; border: 1px solid #3a4550; padding: 6px 10px; }}
QPushButton:hover {{ border-color: {ACCENT}; }}
QStatusBar {{ background: {PANEL_RAISED}; color: {TEXT_DIM}; }}
QMenuBar, QMenu {{ background: {PANEL_RAISED}; }}
QMenu::item:selected {{ background: {ACCENT}; color: #000; }}
QLabel#dim {{ color: {TEXT_DIM}; }}
"""


def apply_theme(app: QApplication) -> None:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, BACKGROUND), (QPalette.ColorRole.Base, PANEL),
                         (QPalette.ColorRole.Text, TEXT), (QPalette.ColorRole.WindowText, TEXT),
                         (QPalette.ColorRole.Button, PANEL_RAISED),
                         (QPalette.ColorRole.ButtonText, TEXT),
                         (QPalette.ColorRole.Highlight, ACCENT)):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)

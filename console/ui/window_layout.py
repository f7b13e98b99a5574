"""Where the operator window and its docks are: restored at start, saved at the end.

First run (nothing saved): the window takes the screen's free area up to a
studio monitor's size, and the docks get shares that leave the middle widest.
Afterwards whatever the team arranged comes back, dock for dock.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow

from console import settings as opts
from console.settings import Settings


class WindowLayout:
    def __init__(self, window: QMainWindow, settings: Settings, *, rundown: QDockWidget,
                 crisis: QDockWidget, notes: QDockWidget, data: QDockWidget) -> None:
        self.window, self.settings = window, settings
        self.rundown, self.crisis, self.notes, self.data = rundown, crisis, notes, data
        self.restored = False

    def restore(self) -> None:
        geometry = self.settings.get(opts.WINDOW_GEOMETRY)
        state = self.settings.get(opts.WINDOW_STATE)
        if geometry:
            self.window.restoreGeometry(geometry)
        else:
            area = QGuiApplication.primaryScreen().availableGeometry()
            self.window.resize(min(1500, area.width()), min(940, area.height() - 40))
        if state:
            self.window.restoreState(state)
        self.restored = bool(state)

    def first_shown(self) -> None:
        """Share out the docks on the first run (the window has its real size only now)."""
        if self.restored:
            return
        window = self.window
        width, height = window.width(), window.height()
        window.resizeDocks([self.rundown, self.crisis], [int(width * 0.24), int(width * 0.22)],
                           Qt.Orientation.Horizontal)
        window.resizeDocks([self.notes, self.data], [int(width * 0.26), int(width * 0.74)],
                           Qt.Orientation.Horizontal)
        window.resizeDocks([self.data], [int(height * 0.34)], Qt.Orientation.Vertical)

    def save(self) -> None:
        self.settings.set(opts.WINDOW_GEOMETRY, bytes(self.window.saveGeometry().data()))
        self.settings.set(opts.WINDOW_STATE, bytes(self.window.saveState().data()))

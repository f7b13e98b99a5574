"""The host's window: which screen it is on, full screen, mirror — and remembering it.

With a second screen the view goes there (the chosen one, else the last), full
screen if asked. With one screen it opens as a third of the screen in the
bottom-right corner, where the assistant can see it beside the operator window
instead of under it. Wherever the studio then moves it is remembered for that
screen layout (the set of connected screens), so the laptop alone and the
laptop with the studio monitor each get their own placement.
"""

from __future__ import annotations

import base64
import json

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget

from console import settings as opts
from console.settings import Settings
from console.ui.actions import ActionRegistry
from console.ui.presenter_view import PresenterView

SINGLE_SCREEN_FRACTION = 0.36


def screen_layout() -> str:
    """A name for the connected screens: '1920x1080+0+0|1280x720+1920+0'."""
    return "|".join(f"{g.width()}x{g.height()}+{g.x()}+{g.y()}"
                    for g in (s.geometry() for s in QGuiApplication.screens()))


class PresenterWindow(QWidget):
    """The separate top-level window holding the view."""

    def __init__(self, controller, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.settings = settings
        self.setObjectName("presenter-window")
        self.setWindowTitle(self.tr("Presenter view — Live Console"))
        self.view = PresenterView(controller, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.resize(1280, 720)
        self.set_mirror(settings.get(opts.PRESENTER_MIRROR))

    # -- actions -----------------------------------------------------------------------
    def register_actions(self, registry: ActionRegistry) -> None:
        registry.register("presenter", self.toggle)
        registry.register("presenter_fullscreen", self.toggle_fullscreen)
        registry.register("mirror", self.toggle_mirror)

    def add_screen_menu(self, menu: QMenu) -> QMenu:
        screens = menu.addMenu(self.tr("Presenter view on screen"))
        screens.aboutToShow.connect(lambda: self._list_screens(screens))
        return screens

    def _list_screens(self, menu: QMenu) -> None:
        """One entry per connected monitor, so the host's screen can be picked on the spot."""
        menu.clear()
        chosen = self.settings.get(opts.PRESENTER_SCREEN)
        for number, screen in enumerate(QGuiApplication.screens()):
            geometry = screen.geometry()
            entry = QAction(f"{number + 1}: {screen.name()} ({geometry.width()}×{geometry.height()})",
                            menu, checkable=True, checked=number == chosen)
            entry.triggered.connect(lambda _=False, n=number: self.put_on(n))
            menu.addAction(entry)

    def toggle(self) -> None:
        if self.isVisible():
            self.remember()
            self.hide()
        else:
            self.place()

    def toggle_fullscreen(self) -> None:
        fullscreen = not self.settings.get(opts.PRESENTER_FULLSCREEN)
        self.settings.set(opts.PRESENTER_FULLSCREEN, fullscreen)
        self.put_on(self.settings.get(opts.PRESENTER_SCREEN))

    def toggle_mirror(self) -> None:
        mirror = not self.settings.get(opts.PRESENTER_MIRROR)
        self.settings.set(opts.PRESENTER_MIRROR, mirror)
        self.set_mirror(mirror)

    def set_mirror(self, mirror: bool) -> None:
        self.view.mirror = mirror
        self.view.update()

    # -- placement ---------------------------------------------------------------------
    def place(self) -> None:
        """Show the window where it was last time on this screen layout, else by the rules."""
        saved = self._places().get(screen_layout())
        if saved and self.restoreGeometry(base64.b64decode(saved)):
            self.showNormal()
            if self.settings.get(opts.PRESENTER_FULLSCREEN) and len(QGuiApplication.screens()) > 1:
                self.showFullScreen()
            return
        self.put_on(self.settings.get(opts.PRESENTER_SCREEN))

    def put_on(self, screen_number: int) -> None:
        screens = QGuiApplication.screens()
        self.settings.set(opts.PRESENTER_SCREEN, screen_number)
        if len(screens) == 1:
            self._corner_of(screens[0])
            return
        screen = screens[screen_number] if 0 <= screen_number < len(screens) else screens[-1]
        self.setScreen(screen)
        self.move(screen.availableGeometry().topLeft())
        if self.settings.get(opts.PRESENTER_FULLSCREEN):
            self.showFullScreen()
        else:
            self.showNormal()

    def _corner_of(self, screen) -> None:
        """One screen: a third of it in the bottom-right corner, seen beside the operator."""
        area = screen.availableGeometry()
        smallest = self.minimumSizeHint()         # the view never paints below 640×360
        width = min(area.width(), max(smallest.width(), round(area.width() * SINGLE_SCREEN_FRACTION)))
        height = min(area.height(), max(smallest.height(), round(width * 9 / 16)))
        self.showNormal()
        self.setGeometry(QRect(area.right() - width, area.bottom() - height, width, height))

    def remember(self) -> None:
        """Keep this placement for the current screen layout."""
        if not self.isVisible():
            return
        places = self._places()
        places[screen_layout()] = base64.b64encode(bytes(self.saveGeometry().data())).decode()
        self.settings.set(opts.PRESENTER_PLACES, json.dumps(places))

    def _places(self) -> dict[str, str]:
        try:
            places = json.loads(self.settings.get(opts.PRESENTER_PLACES))
        except ValueError:
            return {}
        return places if isinstance(places, dict) else {}

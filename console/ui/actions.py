"""One action registry: the key map (keymap.py) bound to handlers.

Each widget registers the handlers of the actions it owns; the registry makes
the application-wide shortcuts, the menu entries and the help overlay's table
from the same bindings, so a key, its menu item and its documentation can
never disagree. Plain keys (letters, Space, arrows) are paused while a text
field or the prompt bar has the focus; `typing_changed` tells the header.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QMenu,
                               QPlainTextEdit, QTextEdit, QWidget)

from console.ui.keymap import BINDINGS, Binding, binding
from console.ui.qapp import application

TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox)


def typing() -> bool:
    """True while the keyboard belongs to a text field rather than to the show."""
    return isinstance(QApplication.focusWidget(), TEXT_INPUTS)


class ActionRegistry(QObject):
    typing_changed = Signal(bool)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.handlers: dict[str, Callable[..., object]] = {}
        self._typing = False
        # Who hears a plain key that is paused because the keyboard is in a text field
        # (the prompt bar: S while "go live?" is open is its second press).
        self.paused_key: Callable[[str], None] = lambda name: None
        application().focusChanged.connect(self._on_focus_changed)

    # -- registering -------------------------------------------------------------------
    def register(self, name: str, handler: Callable[..., object]) -> None:
        """Bind the handler to every key of the action `name` (numbered actions get
        the key's 1-based number: F6 → 6)."""
        item = binding(name)
        if name in self.handlers:
            raise ValueError(f"action {name} registered twice")
        self.handlers[name] = handler
        for number, key in enumerate(item.keys, start=1):
            call = (lambda n=number: handler(n)) if item.numbered else handler
            shortcut = QShortcut(QKeySequence(key), self.window)
            # Application-wide: the keys keep working while the presenter window has focus.
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.setAutoRepeat(False)         # a held key is one press, never ten
            shortcut.activated.connect(lambda i=item, c=call: self._from_key(i, c))

    def unbound(self) -> list[str]:
        """Actions of the key map nobody registered (a test keeps this empty)."""
        return [b.action for b in BINDINGS if b.action not in self.handlers]

    # -- firing ------------------------------------------------------------------------
    def _from_key(self, item: Binding, call: Callable[[], object]) -> None:
        if not item.anywhere and typing():
            self.paused_key(item.action)
            return
        call()

    def perform(self, name: str, *args) -> None:
        """Run an action as its key would, whoever has the focus (menus and tests)."""
        self.handlers[name](*args)

    # -- menus -------------------------------------------------------------------------
    def add_to_menu(self, menu: QMenu, *names: str) -> None:
        for name in names:
            item = binding(name)
            entry = QAction(f"{item.text()}\t{item.keys[0]}", menu)
            entry.triggered.connect(lambda _=False, n=name: self.perform(
                n, *((1,) if binding(n).numbered else ())))
            menu.addAction(entry)

    # -- focus -------------------------------------------------------------------------
    def _on_focus_changed(self, old, new) -> None:
        now = isinstance(new, TEXT_INPUTS)
        if now != self._typing:
            self._typing = now
            self.typing_changed.emit(now)

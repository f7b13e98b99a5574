"""The editor's keys. While the keyboard is in the editor window, the console's
application-wide show keys (Space, Ctrl+Z, F1–F12, Esc …) are held back: editing must
never advance, undo or push anything on the live show. The editor's own keys run its
actions; the pending edit of the focused field is written to the draft first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from console.ui.keymap import BINDINGS


def sequence_text(event) -> str:
    return QKeySequence(event.keyCombination()).toString(
        QKeySequence.SequenceFormat.PortableText)


SHOW_KEYS = {QKeySequence(k).toString(QKeySequence.SequenceFormat.PortableText)
             for b in BINDINGS for k in b.keys}


class EditorKeys(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, Callable[[], object]] = {}
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def bind(self, keys: tuple[str, ...], action: Callable[[], object]) -> None:
        for key in keys:
            self.actions[QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)] = action

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        key = sequence_text(event)
        if kind == QEvent.Type.ShortcutOverride:
            if key in self.actions or key in SHOW_KEYS:
                event.accept()           # a key press for the editor, not a show shortcut
            return False
        action = self.actions.get(key)
        if action is None:
            return False
        self.commit_focus()
        action()
        return True

    def commit_focus(self) -> None:
        """Leaving a field writes it: the line edits and cell editors commit on focus-out."""
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not self.window:
            return
        view = focus.parentWidget()
        while view is not None and not isinstance(view, QAbstractItemView):
            view = view.parentWidget()
        focus.clearFocus()
        (view or focus).setFocus()

"""Short messages from the assistant to the host's screen, typed or one-key presets."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


class NoteBox(QWidget):
    send_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presets = (self.tr("Wrap up"), self.tr("Read the comments"),
                        self.tr("Say the cart link number"))
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("note-editor")
        self.editor.setPlaceholderText(self.tr("Message to the host, e.g. “价格说错了，是 99” — "
                                               "Ctrl+Enter sends"))
        self.editor.setMaximumHeight(70)
        self.editor.setStyleSheet("font-size: 18px;")
        send = QPushButton(self.tr("Send to host (Ctrl+Enter)"))
        send.clicked.connect(self.send_typed)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.editor)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.send_typed)
        row = QHBoxLayout()
        row.addWidget(self.editor, 1)
        row.addWidget(send)
        presets = QHBoxLayout()
        presets.addWidget(QLabel(self.tr("Presets:"), objectName="dim"))
        self.preset_buttons = []
        for number, text in enumerate(self.presets, start=1):
            button = QPushButton(f"Alt+{number}  {text}")
            button.clicked.connect(lambda _=False, t=text: self.send_requested.emit(t))
            presets.addWidget(button)
            self.preset_buttons.append(button)
        presets.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(presets)

    def send_typed(self) -> None:
        text = self.editor.toPlainText().strip()
        if text:
            self.send_requested.emit(text)
            self.editor.clear()

    def send_preset(self, number: int) -> None:
        self.send_requested.emit(self.presets[number - 1])

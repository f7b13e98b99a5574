"""Short messages from the assistant to the host's screen: typed, one-key presets,
and the current product's FAQ answers.

Compact on purpose (a two-line editor, not a page): it shares the bottom of the
window with the Data dock. Under the editor it says what is on the host's screen
now and lists the last few notes, so the assistant sees what the host reads.
After a note is sent the keys go back to the show.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from console.presenter import PresenterBoard
from console.timefmt import clock_text
from console.ui.actions import ActionRegistry
from console.ui.elided_label import ElidedLabel
from console.ui.style import dim_label


class NoteBox(QWidget):
    def __init__(self, board: PresenterBoard, send: Callable[[str], None],
                 focus_show: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board = board
        self.runner = board.runner
        self.send = send
        self.focus_show = focus_show
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("note-editor")
        self.editor.setPlaceholderText(self.tr("Message to the host, e.g. “价格说错了，是 99” — "
                                               "Ctrl+Enter sends"))
        self.editor.setFixedHeight(58)
        self.editor.setStyleSheet("font-size: 17px;")
        send_button = QPushButton(self.tr("Send\n(Ctrl+Enter)"))
        send_button.clicked.connect(self.send_typed)
        row = QHBoxLayout()
        row.addWidget(self.editor, 1)
        row.addWidget(send_button)
        # The presets are keys (Alt+1…3), listed rather than buttons: three buttons side by
        # side made the dock wider than a 1366 px screen leaves it.
        self.preset_keys = dim_label()
        self.preset_keys.setWordWrap(True)
        self.on_screen = ElidedLabel("", minimum_px=160)
        self.history = dim_label()
        self.history.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.preset_keys)
        layout.addWidget(self.on_screen)
        layout.addWidget(self.history)
        layout.addStretch(1)
        self._shown: tuple | None = None
        self.refresh()

    def presets(self) -> tuple[str, ...]:
        sku = self._sku()
        link = self.tr("Say the cart link number: %1").replace("%1", str(sku.link)) \
            if sku is not None and sku.link is not None else self.tr("Say the cart link number")
        return (self.tr("Wrap up"), self.tr("Read the comments"), link)

    def register_actions(self, registry: ActionRegistry) -> None:
        registry.register("note", self.editor.setFocus)
        registry.register("send_note", self.send_typed)
        for number in (1, 2, 3):
            registry.register(f"preset{number}", lambda n=number: self.send_preset(n))
        registry.register("faq", self.send_faq)

    # -- sending ------------------------------------------------------------------------
    def send_typed(self) -> None:
        text = self.editor.toPlainText().strip()
        if text:
            self.send(text)
            self.editor.clear()
        self.focus_show()                 # the keys belong to the show again

    def send_preset(self, number: int) -> None:
        self.send(self.presets()[number - 1])

    def send_faq(self, number: int) -> bool:
        """The answer to the current product's question `number`, word for word."""
        sku = self._sku()
        if sku is None or not 1 <= number <= len(sku.faq):
            return False
        entry = sku.faq[number - 1]
        self.send(f"{entry.question} {entry.answer}")
        return True

    def _sku(self):
        run = self.runner.current
        if run is None:
            return None
        return self.runner.show.sku(self.runner.show.segments[run.index].sku_id)

    def follow(self, controller) -> None:
        controller.changed.connect(self.refresh)
        controller.ticked.connect(self.refresh)       # a note expires between two events

    # -- what the host sees ----------------------------------------------------------------
    def refresh(self) -> None:
        """Called every tick (a note expires between events): relabel only on a change."""
        note = self.board.current_note()
        shown = (self.runner.current_index, note, tuple(self.board.sent))
        if shown == self._shown:
            return
        self._shown = shown
        self.preset_keys.setText("   ".join(f"Alt+{number} {text}"
                                            for number, text in enumerate(self.presets(), start=1)))
        self.on_screen.setText(self.tr("On the host's screen now: %1").replace("%1", note.text)
                               if note else self.tr("No note on the host's screen."))
        self.history.setText("\n".join(f"{clock_text(n.sent_ms)}  {n.text}"
                                       for n in reversed(self.board.sent[-3:])))

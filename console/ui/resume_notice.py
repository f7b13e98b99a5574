"""After a crash: "resumed session #N, 2:14 of downtime counted" — without stopping the show.

The console picks an unfinished session up by itself (the broadcast went on while
it was down). This notice says so in the window, where the assistant looks, and
offers the one alternative: close that session as abandoned and start a new one
(Ctrl+Shift+N, confirmed like every irreversible action). It takes no focus and
no keys, sits over the bottom of the segment like the prompt bar, and goes away
by itself after a minute or with its button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from console.session import Resumption
from console.timefmt import clock_text
from console.ui import theme
from console.ui.actions import ActionRegistry
from console.ui.prompt_bar import PromptBar

SHOWN_MS = 60_000


class ResumeNotice(QFrame):
    def __init__(self, parent: QWidget, resumption: Resumption | None) -> None:
        super().__init__(parent)
        self.setObjectName("resume-notice")
        self.resumption = resumption
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(f"#resume-notice {{ background: {theme.PANEL_RAISED}; "
                           f"border: 2px solid {theme.ACCENT}; }} QLabel {{ font-size: 16px; "
                           "background: transparent; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        close = QPushButton(self.tr("OK"))
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(close)
        self._timer = QTimer(self)
        self._timer.setObjectName("resume-notice")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()
        parent.installEventFilter(self)          # keep its place when the window resizes
        if resumption is not None:
            self.text.setText(self.describe(resumption))
            self._place()
            self.show()
            self._timer.start(SHOWN_MS)

    def describe(self, r: Resumption) -> str:
        what = self.tr("Resumed show #%1 《%2》") if r.live else self.tr("Resumed rehearsal #%1 《%2》")
        if r.downtime_counted:
            how = self.tr("the %1 the console was down is counted; the show goes on at %2.")
        else:
            how = self.tr("the downtime is not counted, as chosen; the show goes on at %2, where "
                          "its log stopped.")
        return (what.replace("%1", str(r.session_id)).replace("%2", r.title) + " — "
                + how.replace("%1", clock_text(r.gap_ms)).replace("%2", clock_text(r.resumed_show_ms))
                + "  " + self.tr("Ctrl+Shift+N: start a new session instead."))

    def register_actions(self, registry: ActionRegistry, prompts: PromptBar,
                         start_new: Callable[[], None], refuse: Callable[[str], None]) -> None:
        def ask() -> None:
            r = self.resumption
            if r is None:
                refuse(self.tr("this session was not resumed"))
                return
            what = self.tr("live show") if r.live else self.tr("rehearsal")
            prompts.confirm("new_session", self.tr(
                "Close %1 #%2 as abandoned and start a new session? Its log stays in the "
                "database.").replace("%1", what).replace("%2", str(r.session_id)),
                start_new, self.tr("Start a new session"))

        registry.register("new_session", ask)

    def _place(self) -> None:
        parent = self.parentWidget()
        assert parent is not None                   # made with one
        self.setFixedWidth(max(200, parent.width() - 16))
        self.adjustSize()
        self.move(8, parent.height() - self.height() - 8)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)

    def stop(self) -> None:
        self._timer.stop()

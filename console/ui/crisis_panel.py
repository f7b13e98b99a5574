"""Crisis scripts at the assistant's fingertips: search, F-key favourites, push to host.

Keyboard flow on air: Ctrl+F, type a word (卡顿, 库存, troll), ↑/↓, Enter pushes
the host's lines to the presenter view (Shift+Enter also holds the segment
timer) and gives the keys back to the show; Esc clears them; Ctrl+D marks
resolved. F1–F12 push the favourites from anywhere, Shift+F1–F12 push and hold.
"""

from __future__ import annotations

import html

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QGridLayout, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QTextBrowser, QVBoxLayout, QWidget)

from console.crisis import CrisisLibrary, CrisisScript
from console.engine.segment_timer import Phase
from console.ui import theme
from console.ui.actions import ActionRegistry
from console.ui.style import dim_label

FAVOURITE_KEYS = 12


class CrisisPanel(QWidget):
    push_requested = Signal(object, bool)  # CrisisScript, hold the timer too
    resolve_requested = Signal(object)
    edit_requested = Signal(object)        # CrisisScript or None for a new one

    def __init__(self, library: CrisisLibrary, favourites: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        # The saved F-keys that still name a script; else the library's first twelve.
        saved = [i for i in favourites if library.get(i)]
        self.favourites = (saved or [s.id for s in library.scripts])[:FAVOURITE_KEYS]
        self.focus_show: Callable[[], None] = lambda: None
        self.search = QLineEdit()
        self.search.setObjectName("crisis-search")
        self.search.setPlaceholderText(self.tr("Search title, tag, text (Ctrl+F) — Enter pushes"))
        self.search.textChanged.connect(self.refresh_results)
        self.search.returnPressed.connect(self.push_selected)
        self.search.installEventFilter(self)
        self.results = QListWidget()
        self.results.setObjectName("crisis-results")
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setStyleSheet("font-size: 16px;")
        self.results.currentItemChanged.connect(self._show_selected)
        self.results.itemActivated.connect(lambda item: self.push_selected())
        self.details = QTextBrowser()
        self.details.setObjectName("crisis-details")
        self.pushed_label = dim_label()
        # Both scroll: small minimums so the dock fits a 1366×768 screen beside the segment.
        self.results.setMinimumHeight(60)
        self.details.setMinimumHeight(60)
        # Short labels in a grid: the dock must fit beside the segment on a 1366 px screen.
        # New, import and export live in the Crisis menu; here only what is used on air.
        buttons = QGridLayout()
        for position, (text, slot) in enumerate((
                (self.tr("Push ⏎"), self.push_selected),
                (self.tr("Push + hold ⇧⏎"), lambda: self.push_selected(hold=True)),
                (self.tr("Resolved Ctrl+D"), self.resolve_selected),
                (self.tr("★ Favourite"), self.toggle_favourite),
                (self.tr("Edit"), self.edit_selected))):
            buttons.addWidget(self._button(text, slot), position // 3, position % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 2)
        layout.addWidget(self.details, 3)
        layout.addWidget(self.pushed_label)
        layout.addLayout(buttons)
        self.refresh_results()

    @staticmethod
    def _button(text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        return button

    # -- reading ------------------------------------------------------------------------
    def favourite_key(self, script_id: str) -> int | None:
        return self.favourites.index(script_id) + 1 if script_id in self.favourites else None

    def favourite(self, number: int) -> CrisisScript | None:
        if 1 <= number <= len(self.favourites):
            return self.library.get(self.favourites[number - 1])
        return None

    def selected(self) -> CrisisScript | None:
        item = self.results.currentItem()
        return None if item is None else self.library.get(item.data(Qt.ItemDataRole.UserRole))

    # -- actions -------------------------------------------------------------------------
    def refresh_results(self) -> None:
        current = self.selected()
        self.results.clear()
        for script in self.library.search(self.search.text()):
            key = self.favourite_key(script.id)
            prefix = f"F{key} ★ " if key else ""
            team = self.tr(" (team)") if script.source == "team" else ""
            item = QListWidgetItem(f"{prefix}{script.title} · {script.title_en}  "
                                   f"[L{script.level}]{team}")
            item.setData(Qt.ItemDataRole.UserRole, script.id)
            self.results.addItem(item)
            if current is not None and script.id == current.id:
                self.results.setCurrentItem(item)
        if self.results.currentItem() is None and self.results.count():
            self.results.setCurrentRow(0)

    def follow(self, controller) -> None:
        """Push and resolve through the controller; say what the host's screen holds."""
        self.push_requested.connect(controller.push_crisis)
        self.resolve_requested.connect(controller.resolve_crisis)
        controller.changed.connect(lambda: self.show_pushed(controller.board.crisis))

    def register_actions(self, registry: ActionRegistry, focus_show: Callable[[], None],
                         raise_dock: Callable[[], None]) -> None:
        self.focus_show = focus_show

        def search() -> None:
            raise_dock()
            self.search.setFocus()
            self.search.selectAll()

        registry.register("crisis_search", search)
        registry.register("crisis_favourites", self.push_favourite)
        registry.register("crisis_hold", lambda n: self.push_favourite(n, hold=True))
        registry.register("crisis_resolved", self.resolve_selected)

    def push_selected(self, hold: bool = False) -> None:
        script = self.selected()
        if script is not None:
            self.push_requested.emit(script, hold)
            self.focus_show()               # pushed: the keys belong to the show again

    def push_favourite(self, number: int, hold: bool = False) -> bool:
        script = self.favourite(number)
        if script is None:
            return False
        self.select(script.id)
        self.push_requested.emit(script, hold)
        return True

    def resolve_selected(self) -> None:
        script = self.selected()
        if script is not None:
            self.resolve_requested.emit(script)

    def toggle_favourite(self) -> None:
        script = self.selected()
        if script is None:
            return
        if script.id in self.favourites:
            self.favourites.remove(script.id)
        elif len(self.favourites) < FAVOURITE_KEYS:
            self.favourites.append(script.id)
        self.refresh_results()

    def select(self, script_id: str) -> None:
        if not self._select_row(script_id):
            self.search.clear()        # filtered out by the search: show everything
            self._select_row(script_id)

    def _select_row(self, script_id: str) -> bool:
        for row in range(self.results.count()):
            if self.results.item(row).data(Qt.ItemDataRole.UserRole) == script_id:
                self.results.setCurrentRow(row)
                return True
        return False

    def show_pushed(self, script: CrisisScript | None) -> None:
        self.pushed_label.setText("" if script is None else
                                  self.tr("On the host's screen: %1").replace("%1", script.title))

    def new_script(self) -> None:
        self.edit_requested.emit(None)

    def edit_selected(self) -> None:
        script = self.selected()
        if script is not None:
            self.edit_requested.emit(script)

    def eventFilter(self, watched, event) -> bool:
        # ↑/↓ in the search field move through the results without leaving the field.
        if watched is self.search and event.type() == event.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.push_selected(hold=True)
            return True
        if watched is self.search and event.type() == event.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)

    def _show_selected(self) -> None:
        script = self.selected()
        self.details.setHtml("" if script is None else self._script_html(script))

    def _script_html(self, s: CrisisScript) -> str:
        def items(lines, style=""):
            return "".join(f"<li style='{style}'>{html.escape(line)}</li>" for line in lines)
        signs, says = self.tr("Signs"), self.tr("Host says (first minute)")
        checklist, never, escalate = (self.tr("Assistant checklist"), self.tr("Never say"),
                                      self.tr("Escalate"))
        warning = theme.PHASE_COLOURS[Phase.OVERTIME][0]
        return (
            f"<h2>{html.escape(s.title)} <small>{html.escape(s.title_en)} · L{s.level}</small></h2>"
            f"<p><b>{signs}</b></p><ul>{items(s.triggers)}</ul>"
            f"<p><b>{says}</b></p><ol>{items(s.host_lines, 'font-size:18px;')}</ol>"
            f"<p><b>{checklist}</b></p><ol>{items(s.checklist)}</ol>"
            f"<p><b style='color:{warning}'>{never}</b></p><ul>{items(s.never_say)}</ul>"
            f"<p><b>{escalate}</b> {html.escape(s.escalate)}</p>")

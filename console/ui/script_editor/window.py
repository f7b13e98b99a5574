"""The script editor's window: an ordinary top-level window of its own (never modal over
the console), laying out the form, the tables, the lines and the side panel. Everything
it shows is redrawn from the `Draft` after each edit (`changed`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QMainWindow, QMenu, QMessageBox,
                               QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from console.compliance import Matcher, load_rules
from console.script.draft import Area, Draft
from console.script.model import SegmentKind, Sku
from console.settings import Settings
from console.ui.script_editor import rehearse
from console.ui.script_editor.checks import Key, Marks, marks
from console.ui.script_editor.faq_panel import FaqPanel
from console.ui.script_editor.files import OPENABLE, EditorFiles
from console.ui.script_editor.header_form import HeaderForm
from console.ui.script_editor.keys import EditorKeys
from console.ui.script_editor.lines_panel import LinesPanel
from console.ui.script_editor.side_panel import SidePanel
from console.ui.script_editor.tables import DraftTable, KindDelegate, SegmentTable, SkuTable, kind_label


def load_matcher(folder: Path | None) -> Matcher | None:
    for where in (folder, None):
        try:
            return Matcher(load_rules(where))
        except Exception:  # noqa: BLE001 — a broken team word list: the bundled one, else none
            continue
    return None


class ScriptEditor(QMainWindow):
    def __init__(self, draft: Draft, settings: Settings, data_folder: Path | None = None,
                 live_hash: str | None = None) -> None:
        super().__init__()
        self.setObjectName("script-editor")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setAcceptDrops(True)
        self.draft, self.settings = draft, settings
        self.data_folder, self.live_hash = data_folder, live_hash
        self.suggested: Path | None = None
        self.marks = Marks()
        self.launcher: rehearse.Launcher = rehearse.start_detached
        self._close_ok = False
        self.sku_question: QMessageBox | None = None
        matcher = load_matcher(data_folder)
        self.files = EditorFiles(self)
        self.header = HeaderForm(lambda: self.draft, lambda: self.changed(None))
        self.segments = SegmentTable(lambda: self.draft, self.changed)
        self.skus = SkuTable(lambda: self.draft, lambda row: self.changed(None, sku_row=row))
        self.segment_view = self._view(self.segments)
        self.segment_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.segment_view.setDragEnabled(True)
        self.segment_view.setDropIndicatorShown(True)
        self.sku_view = self._view(self.skus)
        self.lines = LinesPanel(lambda: self.draft, self.changed, matcher)
        self.faq = FaqPanel(lambda: self.draft, lambda row: self.changed(None, sku_row=row),
                            matcher)
        self.side = SidePanel(self.go_to)
        self.matcher = matcher
        self.tabs = QTabWidget()
        self.tabs.addTab(self._segments_page(), self.tr("Segments"))
        self.tabs.addTab(self._skus_page(), self.tr("SKU catalogue"))
        self.tabs.addTab(self.header, self.tr("Show"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tabs)
        split.addWidget(self.side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([800, 560])
        self.setCentralWidget(split)
        self.keys = EditorKeys(self)
        self._build_menus()
        self.segment_view.selectionModel().currentRowChanged.connect(
            lambda now, _old: self.lines.show_row(now.row() if now.isValid() else None,
                                                  self.marks))
        self.sku_view.selectionModel().currentRowChanged.connect(
            lambda now, _old: self.faq.show_row(now.row() if now.isValid() else None,
                                                self.marks))
        self.resize(1366, 700)
        self.changed(0 if draft.show.segments else None)

    # ── layout ──
    def _view(self, model: DraftTable) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setItemDelegate(KindDelegate(lambda: [s.id for s in self.draft.show.skus], view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        view.setWordWrap(False)
        view.verticalHeader().setDefaultSectionSize(30)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setDefaultSectionSize(120)
        view.horizontalHeader().setMinimumSectionSize(60)
        return view

    def _buttons(self, *items: tuple[str, object]) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in items:
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if isinstance(slot, QMenu):
                button.setMenu(slot)
            else:
                button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _segments_page(self) -> QWidget:
        add = QMenu(self)
        for kind in SegmentKind:
            entry = add.addAction(kind_label(kind))
            entry.triggered.connect(lambda _=False, k=kind: self.add_segment(k))
        return self._table_page(self._buttons(
            (self.tr("Add segment ▾"), add), (self.tr("Duplicate"), self.duplicate),
            (self.tr("Remove"), self.remove), (self.tr("Move up"), lambda: self.move_segment(-1)),
            (self.tr("Move down"), lambda: self.move_segment(1)),
            (self.tr("Rehearse…"), self.rehearse)), self.segment_view, self.lines)

    def _skus_page(self) -> QWidget:
        return self._table_page(self._buttons(
            (self.tr("Add SKU"), self.add_sku), (self.tr("Duplicate"), self.duplicate_sku),
            (self.tr("Remove"), self.remove_sku)), self.sku_view, self.faq)

    def _table_page(self, buttons: QHBoxLayout, table: QWidget, detail: QWidget) -> QWidget:
        """A tab: its buttons, the table, and under it the selected row's details."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(table)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 220])
        layout.addWidget(split, 1)
        return page

    def _build_menus(self) -> None:
        file = self.menuBar().addMenu(self.tr("&File"))
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.recent_menu = QMenu(self.tr("Open recent"), self)
        entries: tuple[tuple[QMenu, str, tuple[str, ...], Callable[[], object]], ...] = (
            (file, self.tr("New show"), ("Ctrl+N",), lambda: self.files.guarded(
                lambda: self.set_draft(Draft.new()))),
            (file, self.tr("Open…"), ("Ctrl+O",), self.files.open_dialog),
            (file, self.tr("Save"), ("Ctrl+S",), self.files.save),
            (file, self.tr("Save as…"), ("Ctrl+Shift+S",), self.files.save_as),
            (file, self.tr("Rehearse…"), ("F5",), self.rehearse),
            (file, self.tr("Close"), ("Ctrl+W",), self.close),
            (edit, self.tr("Undo"), ("Ctrl+Z",), self.undo),
            (edit, self.tr("Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), self.redo),
            (edit, self.tr("Duplicate segment"), ("Ctrl+D",), self.duplicate),
            (edit, self.tr("Remove segment"), ("Ctrl+Delete",), self.remove),
            (edit, self.tr("Move segment up"), ("Ctrl+Up",), lambda: self.move_segment(-1)),
            (edit, self.tr("Move segment down"), ("Ctrl+Down",), lambda: self.move_segment(1)),
        )
        self.menu_actions: dict[str, QAction] = {}
        for menu, text, keys, slot in entries:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys[0]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)   # keys: EditorKeys
            action.triggered.connect(slot)
            menu.addAction(action)
            self.keys.bind(keys, slot)
            self.menu_actions[keys[0]] = action
            if keys[0] == "Ctrl+O":
                menu.addMenu(self.recent_menu)
        self.recent_changed()

    def recent_changed(self) -> None:
        self.recent_menu.clear()
        for name in self.files.recent():
            entry = self.recent_menu.addAction(name)
            entry.triggered.connect(lambda _=False, n=name: self.files.open_path(Path(n)))
        self.recent_menu.setEnabled(bool(self.files.recent()))

    # ── the draft ──
    def set_draft(self, draft: Draft, suggested: Path | None = None) -> None:
        self.draft, self.suggested = draft, suggested
        self.changed(0 if draft.show.segments else None)

    def current_row(self) -> int | None:
        index = self.segment_view.currentIndex()
        return index.row() if index.isValid() else None

    def changed(self, row: int | None = None, sku_row: int | None = None) -> None:
        """Redraw everything from the draft; select segment `row` (None: keep)."""
        keep = self.current_row() if row is None else row
        column = max(0, self.segment_view.currentIndex().column())
        self.marks = marks(self.draft, self.matcher)
        self.segments.refresh(self.marks)
        self.skus.refresh(self.marks)
        self.header.refresh(self.marks)
        self.side.refresh(self.draft, self.marks)
        count = len(self.draft.show.segments)
        if keep is not None and count:
            self.segment_view.setCurrentIndex(self.segments.index(min(keep, count - 1), column))
        if sku_row is not None and self.draft.show.skus:
            self.sku_view.setCurrentIndex(self.skus.index(
                min(sku_row, len(self.draft.show.skus) - 1), 0))
        self.lines.show_row(self.current_row(), self.marks)
        sku_index = self.sku_view.currentIndex()
        self.faq.show_row(sku_index.row() if sku_index.isValid() else None, self.marks)
        name = self.draft.path.name if self.draft.path else (
            self.suggested.name if self.suggested else self.tr("New show"))
        self.setWindowTitle(self.tr("Script editor — %1%2").replace("%1", name).replace(
            "%2", " *" if self.draft.needs_saving else ""))
        self.menu_actions["Ctrl+Z"].setEnabled(self.draft.can_undo)
        self.menu_actions["Ctrl+Shift+Z"].setEnabled(self.draft.can_redo)

    def say(self, text: str) -> None:
        self.statusBar().showMessage(text)

    # ── edits ──
    def undo(self) -> None:
        if self.draft.undo():
            self.changed(None)

    def redo(self) -> None:
        if self.draft.redo():
            self.changed(None)

    def add_segment(self, kind: SegmentKind) -> None:
        row = self.current_row()
        self.changed(self.draft.add_segment(kind, None if row is None else row + 1))

    def duplicate(self) -> None:
        row = self.current_row()
        if row is not None:
            self.changed(self.draft.duplicate_segment(row))

    def remove(self) -> None:
        row = self.current_row()
        if row is not None and self.draft.remove_segment(row):
            self.changed(row)

    def move_segment(self, step: int) -> None:
        row = self.current_row()
        if row is None:
            return
        moved = self.draft.move_segment_up(row) if step < 0 else self.draft.move_segment_down(row)
        if moved:
            self.changed(row + step)

    def add_sku(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.changed(None, sku_row=self.draft.add_sku())

    def duplicate_sku(self) -> None:
        index = self.sku_view.currentIndex()
        if index.isValid():
            self.changed(None, sku_row=self.draft.duplicate_sku(index.row()))

    def remove_sku(self) -> None:
        """Removes the selected SKU; when segments pitch it, only after asking (a box modal
        to this window only; Keep is the default and Esc)."""
        index = self.sku_view.currentIndex()
        if not index.isValid():
            return
        row = index.row()
        sku = self.draft.show.skus[row]
        using = sum(s.sku_id == sku.id for s in self.draft.show.segments)
        if not using:
            self._remove_sku(row, sku)
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove SKU"),
                          self.tr("%1 segment(s) pitch %2. Remove it anyway? The segments keep "
                                  "the reference and are listed as problems until changed.")
                          .replace("%1", str(using)).replace("%2", sku.id),
                          QMessageBox.StandardButton.NoButton, self)
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered(_result: int) -> None:
            self.sku_question = None
            if box.clickedButton() is remove:
                self._remove_sku(row, sku)
        box.finished.connect(answered)
        self.sku_question = box
        box.open()

    def _remove_sku(self, row: int, sku: Sku) -> None:
        skus = self.draft.show.skus
        if row >= len(skus) or skus[row] != sku:        # edited meanwhile: find it again
            if sku not in skus:
                return
            row = skus.index(sku)
        if self.draft.remove_sku(row):
            self.changed(None, sku_row=row)

    def go_to(self, key: Key) -> None:
        """Select the cell (or field) a problem or hit is about."""
        area, index, field = key
        if area is Area.SEGMENT and index is not None:
            self.tabs.setCurrentIndex(0)
            self.segment_view.setCurrentIndex(self.segments.index(index, self.segments.column_of(field)))
            if field in self.lines.editors:
                self.lines.editors[field].setFocus()
            else:
                self.segment_view.setFocus()
        elif area is Area.SKU and index is not None:
            self.tabs.setCurrentIndex(1)
            self.sku_view.setCurrentIndex(self.skus.index(index, self.skus.column_of(field)))
            if field == "faq":
                self.faq.editor.setFocus()
            else:
                self.sku_view.setFocus()
        elif area is Area.HEADER:
            self.tabs.setCurrentIndex(2)
            widget = self.header.fields.get(field) or self.header.fields.get(f"targets.{field}")
            if widget is not None:
                widget.setFocus()

    # ── rehearsal ──
    def rehearse(self) -> None:
        if self.data_folder is None or not self.draft.show.segments:
            return
        dialog = rehearse.RehearseDialog(self.draft, self.current_row() or 0, self)
        self.rehearse_dialog = dialog

        def done(result: int) -> None:
            if result == rehearse.RehearseDialog.DialogCode.Accepted:
                assert self.data_folder is not None
                rehearse.launch(self.draft, self.data_folder, dialog.speed.currentData(),
                                dialog.first.currentData(), self.launcher)
                self.say(self.tr("Rehearsal started in its own window (sessions in %1)")
                         .replace("%1", str(self.data_folder / rehearse.REHEARSALS)))
        dialog.finished.connect(done)
        dialog.open()

    # ── drag and drop, closing ──
    def _dropped(self, event) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        return next((p for p in paths if p.suffix.lower() in OPENABLE), None)

    def dragEnterEvent(self, event) -> None:
        if self._dropped(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        path = self._dropped(event)
        if path is not None:
            event.acceptProposedAction()
            self.files.open_path(path)

    def closeEvent(self, event) -> None:
        if self.draft.needs_saving and not self._close_ok:
            event.ignore()
            self.files.guarded(self._close_anyway)
            return
        super().closeEvent(event)

    def _close_anyway(self) -> None:
        self._close_ok = True
        self.close()
        self._close_ok = False

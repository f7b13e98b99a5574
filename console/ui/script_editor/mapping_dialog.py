"""The column-mapping step of a spreadsheet import: each column's field (auto-mapped by
its header's synonyms, or remembered), a preview of the first rows with each cell's
problems, then confirm. Window-modal to the editor only, never to the console."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from console.script.importers import FIELDS, MappingMemory, RundownImport
from console.script.importers.reader import RawBook
from console.text import QT_TRANSLATE_NOOP
from console.ui.script_editor import marks_style

FIELD_LABELS = {
    "id": QT_TRANSLATE_NOOP("ImportFields", "segment id"),
    "kind": QT_TRANSLATE_NOOP("ImportFields", "segment kind"),
    "segment": QT_TRANSLATE_NOOP("ImportFields", "segment (环节): title and kind"),
    "time": QT_TRANSLATE_NOOP("ImportFields", "time or time span"),
    "start": QT_TRANSLATE_NOOP("ImportFields", "start time"),
    "end": QT_TRANSLATE_NOOP("ImportFields", "end time"),
    "duration": QT_TRANSLATE_NOOP("ImportFields", "duration"),
    "product": QT_TRANSLATE_NOOP("ImportFields", "product (SKU name)"),
    "sku_id": QT_TRANSLATE_NOOP("ImportFields", "SKU id"),
    "link": QT_TRANSLATE_NOOP("ImportFields", "link number (链接号)"),
    "list_price": QT_TRANSLATE_NOOP("ImportFields", "list price"),
    "live_price": QT_TRANSLATE_NOOP("ImportFields", "live price (到手价)"),
    "stock": QT_TRANSLATE_NOOP("ImportFields", "stock"),
    "selling_points": QT_TRANSLATE_NOOP("ImportFields", "selling points"),
    "scenes": QT_TRANSLATE_NOOP("ImportFields", "usage scenes"),
    "faq": QT_TRANSLATE_NOOP("ImportFields", "questions and answers"),
    "compliance": QT_TRANSLATE_NOOP("ImportFields", "compliance notes"),
    "host": QT_TRANSLATE_NOOP("ImportFields", "host lines (主播/话术)"),
    "assistant": QT_TRANSLATE_NOOP("ImportFields", "assistant lines (助播)"),
    "floor": QT_TRANSLATE_NOOP("ImportFields", "floor control (场控)"),
    "cues": QT_TRANSLATE_NOOP("ImportFields", "cues, offers (福利/互动)"),
    "owner": QT_TRANSLATE_NOOP("ImportFields", "person responsible"),
    "notes": QT_TRANSLATE_NOOP("ImportFields", "notes (备注/画面)"),
}
PREVIEW_ROWS = 5


class MappingDialog(QDialog):
    def __init__(self, book: RawBook, memory: MappingMemory, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a rundown: check the columns"))
        self.book, self.memory = book, memory
        self.model = RundownImport(book, None, memory)
        self.sheet = QComboBox()
        self.sheet.addItems(self.model.sheet_names)
        if self.model.sheet is not None:
            self.sheet.setCurrentText(self.model.sheet.name)
        self.sheet.currentTextChanged.connect(self._choose_sheet)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setWordWrap(False)
        self.row_problems = QLabel()
        self.row_problems.setWordWrap(True)
        self.row_problems.setObjectName("dim")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Sheet")))
        top.addWidget(self.sheet, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.row_problems)
        layout.addWidget(self.buttons)
        self.resize(1100, 560)
        self._fill()

    def _choose_sheet(self, name: str) -> None:
        self.model = RundownImport(self.book, name, self.memory)
        self._fill()

    def set_field(self, column: int, field: str | None) -> None:
        self.model.set_field(column, field)
        self._preview()

    def _fill(self) -> None:
        mapping = self.model.mapping
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(mapping is not None)
        self.table.clear()
        if mapping is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.note.setText("\n".join(p.message for p in self.model.problems)
                              or self.tr("No header row found on this sheet."))
            return
        self.note.setText(self.tr("Header on row %1. Each column feeds the field chosen above "
                                  "it; columns with no field are not read. %2").replace(
            "%1", str(self.model.header_row)).replace(
            "%2", self.tr("(The mapping remembered for these headers is used.)")
            if self.model.remembered else ""))
        self.table.setColumnCount(len(mapping.headers))
        self.table.setHorizontalHeaderLabels(
            [f"{chr(65 + i) if i < 26 else i + 1}: {h}" for i, h in enumerate(mapping.headers)])
        self.table.setRowCount(1 + PREVIEW_ROWS)
        self.table.setVerticalHeaderItem(0, QTableWidgetItem(self.tr("Field")))
        self.combos: list[QComboBox] = []
        for column in range(len(mapping.headers)):
            combo = QComboBox()
            combo.addItem(self.tr("— not read —"), None)
            for field in FIELDS:
                combo.addItem(self._label(field), field)
            chosen = mapping.fields[column] if column < len(mapping.fields) else None
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.currentIndexChanged.connect(
                lambda _=0, c=column, box=combo: self.set_field(c, box.currentData()))
            self.combos.append(combo)
            self.table.setCellWidget(0, column, combo)
        self._preview()

    def _label(self, field: str) -> str:
        from PySide6.QtCore import QCoreApplication
        return QCoreApplication.translate("ImportFields", FIELD_LABELS.get(field, field))

    def _preview(self) -> None:
        rows = self.model.preview(PREVIEW_ROWS)
        notes = []
        for r in range(PREVIEW_ROWS):
            row = rows[r] if r < len(rows) else None
            self.table.setVerticalHeaderItem(r + 1, QTableWidgetItem(
                str(row.row) if row else ""))
            for c in range(self.table.columnCount()):
                cell = row.cells[c] if row and c < len(row.cells) else None
                item = QTableWidgetItem(cell.text if cell else "")
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if cell and cell.problems:
                    item.setBackground(QBrush(QColor(marks_style.ERROR)))
                    item.setToolTip("\n".join(cell.problems))
                elif cell and cell.field is None:
                    item.setForeground(QBrush(QColor("#777")))
                self.table.setItem(r + 1, c, item)
            if row and row.problems:
                notes.append(self.tr("Row %1: %2").replace("%1", str(row.row))
                             .replace("%2", "; ".join(row.problems)))
        self.row_problems.setText("\n".join(notes))
        self.table.resizeColumnsToContents()
        for c in range(self.table.columnCount()):
            self.table.setColumnWidth(c, min(max(self.table.columnWidth(c), 150), 260))

"""The segments and SKU tables: Qt models over the `Draft`. Every edit goes through the
draft (so undo/redo covers it); each cell shows the problems and hits of its field."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from console.script.draft import Area, Draft
from console.script.model import SegmentKind
from console.text import QT_TRANSLATE_NOOP
from console.timefmt import clock_text
from console.ui.script_editor import marks_style
from console.ui.script_editor.checks import Marks

_ROOT = QModelIndex()
SEGMENT_MIME = "application/x-live-console-segment-row"
LIST_SPLIT = re.compile(r"\s*[；;]\s*|\n")

KIND_LABELS = {
    SegmentKind.OPENING: QT_TRANSLATE_NOOP("ScriptEditor", "Opening"),
    SegmentKind.SKU: QT_TRANSLATE_NOOP("ScriptEditor", "SKU pitch"),
    SegmentKind.LOTTERY: QT_TRANSLATE_NOOP("ScriptEditor", "Lottery"),
    SegmentKind.INTERACTION: QT_TRANSLATE_NOOP("ScriptEditor", "Interaction"),
    SegmentKind.FLASH_SALE: QT_TRANSLATE_NOOP("ScriptEditor", "Flash sale"),
    SegmentKind.COUPON: QT_TRANSLATE_NOOP("ScriptEditor", "Coupon"),
    SegmentKind.CLOSING: QT_TRANSLATE_NOOP("ScriptEditor", "Closing"),
    SegmentKind.CUSTOM: QT_TRANSLATE_NOOP("ScriptEditor", "Custom"),
}


def kind_label(kind: SegmentKind) -> str:
    return QCoreApplication.translate("ScriptEditor", KIND_LABELS[kind])


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScriptEditor", text)


def split_list(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in LIST_SPLIT.split(text) if part.strip())


def join_list(items: tuple[str, ...]) -> str:
    return "；".join(items)


class DraftTable(QAbstractTableModel):
    """Columns: (field, header text, editable); rows: the draft's segments or SKUs."""

    AREA: Area
    COLUMNS: tuple[tuple[str, str, bool], ...] = ()

    def __init__(self, draft: Callable[[], Draft], edited: Callable[[int], None]) -> None:
        super().__init__()
        self._draft = draft
        self._edited = edited          # told the row of every edit the draft took
        self.marks = Marks()
        self._rows = 0

    @property
    def draft(self) -> Draft:
        return self._draft()

    def field(self, column: int) -> str:
        return self.COLUMNS[column][0]

    def column_of(self, field: str) -> int:
        return next((i for i, c in enumerate(self.COLUMNS) if c[0] == field), 0)

    def refresh(self, marks: Marks) -> None:
        """Redrawn in place when the row count stays (an edit may be committing from an
        open cell editor: a reset would pull it away); reset otherwise."""
        self.marks = marks
        if self.rowCount() == self._rows:
            if self._rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(self._rows - 1, len(self.COLUMNS) - 1))
            return
        self.beginResetModel()
        self._rows = self.rowCount()
        self.endResetModel()

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _tr(self.COLUMNS[section][1])
        return str(section + 1)

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and self.COLUMNS[index.column()][2]:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        field = self.field(index.column())
        key = (self.AREA, index.row(), field)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(index.row(), field)
        if role == Qt.ItemDataRole.EditRole:
            return self.edit_value(index.row(), field)
        if role == Qt.ItemDataRole.BackgroundRole:
            return marks_style.background(self.marks.issues_at(key), self.marks.hits_at(key))
        if role == Qt.ItemDataRole.ToolTipRole:
            return marks_style.tooltip(self.marks.issues_at(key), self.marks.hits_at(key)) or None
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        try:
            changes = self.changes(self.field(index.column()), value)
        except ValueError:
            return False
        if self.apply(index.row(), changes):
            self._edited(index.row())
        return True

    # per table
    def display(self, row: int, field: str) -> str:
        raise NotImplementedError

    def edit_value(self, row: int, field: str) -> Any:
        return self.display(row, field)

    def changes(self, field: str, value: Any) -> dict[str, Any]:
        raise NotImplementedError

    def apply(self, row: int, changes: dict[str, Any]) -> bool:
        raise NotImplementedError


class SegmentTable(DraftTable):
    AREA = Area.SEGMENT
    COLUMNS = (
        ("kind", QT_TRANSLATE_NOOP("ScriptEditor", "Kind"), True),
        ("title", QT_TRANSLATE_NOOP("ScriptEditor", "Title"), True),
        ("duration", QT_TRANSLATE_NOOP("ScriptEditor", "Length (s)"), True),
        ("sku", QT_TRANSLATE_NOOP("ScriptEditor", "SKU"), True),
        ("host", QT_TRANSLATE_NOOP("ScriptEditor", "Host"), True),
        ("assistant", QT_TRANSLATE_NOOP("ScriptEditor", "Assistant"), True),
        ("floor", QT_TRANSLATE_NOOP("ScriptEditor", "Floor"), True),
        ("cues", QT_TRANSLATE_NOOP("ScriptEditor", "Cues"), True),
        ("notes", QT_TRANSLATE_NOOP("ScriptEditor", "Notes"), True),
    )

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.draft.show.segments)

    def display(self, row: int, field: str) -> str:
        segment = self.draft.show.segments[row]
        if field == "kind":
            return kind_label(segment.kind)
        if field == "duration":
            return clock_text(segment.duration_ms)
        if field == "sku":
            return segment.sku_id or ""
        if field in ("host", "assistant", "floor", "cues"):
            return join_list(getattr(segment, field))
        return str(getattr(segment, field))

    def edit_value(self, row: int, field: str) -> Any:
        segment = self.draft.show.segments[row]
        if field == "kind":
            return segment.kind.value
        if field == "duration":
            return segment.duration_s
        return self.display(row, field)

    def changes(self, field: str, value: Any) -> dict[str, Any]:
        if field == "duration":
            return {"duration_s": max(1, int(value))}
        if field == "sku":
            return {"sku_id": str(value).strip() or None}
        if field in ("host", "assistant", "floor", "cues"):
            return {field: split_list(str(value))}
        return {field: value}

    def apply(self, row: int, changes: dict[str, Any]) -> bool:
        return self.draft.set_segment(row, **changes)

    # drag and drop: rows move within the table, through the draft
    def flags(self, index):
        flags = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [SEGMENT_MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes})
        data.setData(SEGMENT_MIME, str(rows[0] if rows else -1).encode())
        return data

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not data.hasFormat(SEGMENT_MIME):
            return False
        source = int(bytes(data.data(SEGMENT_MIME).data()).decode() or -1)
        if source < 0:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        to = target - 1 if target > source else target
        if self.draft.move_segment(source, to):
            self._edited(max(0, min(to, self.rowCount() - 1)))
        return False        # the draft moved it; the view must not remove the source row


class SkuTable(DraftTable):
    AREA = Area.SKU
    COLUMNS = (
        ("id", QT_TRANSLATE_NOOP("ScriptEditor", "SKU id"), True),
        ("name", QT_TRANSLATE_NOOP("ScriptEditor", "Name"), True),
        ("list_price", QT_TRANSLATE_NOOP("ScriptEditor", "List price"), True),
        ("live_price", QT_TRANSLATE_NOOP("ScriptEditor", "Live price"), True),
        ("stock", QT_TRANSLATE_NOOP("ScriptEditor", "Stock"), True),
        ("link", QT_TRANSLATE_NOOP("ScriptEditor", "Link no."), True),
        ("selling_points", QT_TRANSLATE_NOOP("ScriptEditor", "Selling points (；between)"), True),
        ("scenes", QT_TRANSLATE_NOOP("ScriptEditor", "Scenes"), True),
        ("compliance", QT_TRANSLATE_NOOP("ScriptEditor", "Compliance note"), True),
    )
    NUMBERS: ClassVar[dict[str, type]] = {"list_price": float, "live_price": float, "stock": int, "link": int}

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.draft.show.skus)

    def display(self, row: int, field: str) -> str:
        value = getattr(self.draft.show.skus[row], field)
        if isinstance(value, tuple):
            return join_list(value)
        if value is None:
            return ""
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)

    def changes(self, field: str, value: Any) -> dict[str, Any]:
        text = str(value).strip()
        if field in self.NUMBERS:
            return {field: None if not text else self.NUMBERS[field](text)}
        if field in ("selling_points", "scenes"):
            return {field: split_list(text)}
        return {field: text}

    def apply(self, row: int, changes: dict[str, Any]) -> bool:
        return self.draft.set_sku(row, **changes)


class KindDelegate(QStyledItemDelegate):
    """The kind and SKU columns are chosen from a list, not typed."""

    def __init__(self, skus: Callable[[], list[str]], parent=None) -> None:
        super().__init__(parent)
        self._skus = skus

    def createEditor(self, parent: QWidget, option, index):
        model = index.model()
        field = model.field(index.column()) if isinstance(model, DraftTable) else ""
        if field not in ("kind", "sku"):
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        if field == "kind":
            for kind in SegmentKind:
                combo.addItem(kind_label(kind), kind.value)
        else:
            combo.addItem(QCoreApplication.translate("ScriptEditor", "(none)"), "")
            for sku_id in self._skus():
                combo.addItem(sku_id, sku_id)
        return combo

    def setEditorData(self, editor, index) -> None:
        if isinstance(editor, QComboBox):
            at = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(0, at))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            super().setModelData(editor, model, index)

"""The rundown: every segment with plan, actuals and status; the current row stays in view."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView

from console.engine.rundown import RowStatus, RundownRow, current_row, rundown_rows
from console.engine.runner import ShowRunner
from console.engine.segment_timer import Phase
from console.kpi.attribution import SegmentSales, sales_by_segment
from console.kpi.model import KpiModel
from console.timefmt import clock_text
from console.ui import theme
from console.ui.labels import kind_name, status_name

_ROOT = QModelIndex()
_STATUS_COLOURS = {RowStatus.CURRENT: theme.PANEL_RAISED, RowStatus.NEXT: theme.PANEL}
_STATUS_SYMBOLS = {RowStatus.DONE: "✓", RowStatus.CURRENT: "▶", RowStatus.NEXT: "→",
                   RowStatus.SKIPPED: "»", RowStatus.PENDING: ""}


class RundownModel(QAbstractTableModel):
    COLUMNS = ("#", "kind", "title", "sku", "planned_start", "planned", "actual_start",
               "actual", "over_under", "status", "gmv", "orders", "peak_online")

    def __init__(self, runner: ShowRunner, kpi: KpiModel | None = None, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.kpi = kpi
        self.sales: dict[int, SegmentSales] = {}
        self._headers = (self.tr("#"), self.tr("Kind"), self.tr("Title"), self.tr("SKU"),
                         self.tr("Plan start"), self.tr("Plan"), self.tr("Started"),
                         self.tr("Took"), self.tr("+/−"), self.tr("Status"), self.tr("GMV ¥"),
                         self.tr("Orders"), self.tr("Peak online"))
        self.rows: list[RundownRow] = rundown_rows(runner)
        self._seq = runner.last_seq                 # the show's event the rows reflect

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("title", "sku"):
            sku = self.runner.show.sku(self.runner.show.segments[row.index].sku_id)
            return sku.name if sku else None
        if role == Qt.ItemDataRole.BackgroundRole and row.status in _STATUS_COLOURS:
            return QBrush(QColor(_STATUS_COLOURS[row.status]))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "over_under" and (row.over_under_ms or 0) > 0:
                return QBrush(QColor(theme.PHASE_COLOURS[Phase.OVERTIME][0]))
            if row.status in (RowStatus.DONE, RowStatus.SKIPPED):
                return QBrush(QColor(theme.TEXT_DIM))
        if role == Qt.ItemDataRole.FontRole and row.status is RowStatus.CURRENT:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: RundownRow, column: str) -> str:
        segment = self.runner.show.segments[row.index]
        if column == "#":
            return str(row.index + 1)
        if column == "kind":
            return kind_name(segment.kind)
        if column == "title":
            return segment.title
        if column == "sku":
            return segment.sku_id or ""          # short; the title and tooltip name the product
        if column == "planned_start":
            return clock_text(row.planned_start_ms)
        if column == "planned":
            return clock_text(row.planned_ms)
        if column == "actual_start":
            return "" if row.actual_start_ms is None else clock_text(row.actual_start_ms)
        if column == "actual":
            return "" if row.actual_ms is None else clock_text(row.actual_ms)
        if column == "over_under":
            return "" if row.over_under_ms is None else clock_text(row.over_under_ms, signed=True)
        if column == "status":
            return f"{_STATUS_SYMBOLS[row.status]} {status_name(row.status)}".strip()
        sale = self.sales.get(row.index)           # what the pitch sold, once it ran
        value = None if sale is None else getattr(sale, column)
        return "" if value is None else f"{value:,.0f}"

    def refresh(self, with_sales: bool = True) -> None:
        """Bring the rows up to date; tell the view only about rows whose text changed.
        Between two of the show's events only the current row moves, so a tick costs the
        same for a six-hour rundown as for a short one. What each segment sold is
        recomputed only when asked (once a second)."""
        old = self.rows
        if self.runner.last_seq != self._seq:
            self._seq = self.runner.last_seq
            self.rows = rundown_rows(self.runner)
            changed = {i for i, row in enumerate(self.rows) if i >= len(old) or row != old[i]}
        else:
            row = current_row(self.runner)
            changed = set()
            if row is not None and row != old[row.index]:
                self.rows[row.index] = row
                changed.add(row.index)
        if with_sales and self.kpi is not None and self.kpi.count:
            old_sales = self.sales
            self.sales = sales_by_segment(self.kpi, self.runner.runs, self.runner.now_ms())
            changed.update(i for i in self.sales.keys() | old_sales.keys()
                           if self.sales.get(i) != old_sales.get(i))
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0),
                                  self.index(max(changed), len(self.COLUMNS) - 1))

    def current_row(self) -> int | None:
        return self.runner.current_index


def follow(model: RundownModel, view: RundownView, controller) -> None:
    """Rows on every change; the current row each tick; sales once a second."""
    last_second = [-1]

    def tick() -> None:
        second = model.runner.now_ms() // 1000
        model.refresh(with_sales=second != last_second[0])
        last_second[0] = second

    def change() -> None:
        model.refresh()
        view.follow_current()

    controller.ticked.connect(tick)
    controller.changed.connect(change)


# What matters on air, in this order; the rest (kind, SKU, starts, sales) one
# right-click on the header away.
ON_AIR_COLUMNS = ("status", "title", "planned", "actual", "over_under")


class RundownView(QTableView):
    def __init__(self, model: RundownModel, parent=None) -> None:
        super().__init__(parent)
        self._rundown = model             # model(), typed as what it is
        self.setModel(model)
        self.setObjectName("rundown")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)     # keys belong to the show, not the table
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        # Sized once, not to contents on every change: measuring every cell of a long
        # rundown ten times a second would stall the show's timer.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.resizeColumnsToContents()
        title = RundownModel.COLUMNS.index("title")
        # The title takes what is left and is cut with "…": never a horizontal scrollbar
        # hiding the actuals.
        header.setSectionResizeMode(title, QHeaderView.ResizeMode.Stretch)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for visual, name in enumerate(ON_AIR_COLUMNS):
            header.moveSection(header.visualIndex(RundownModel.COLUMNS.index(name)), visual)
        for column, name in enumerate(RundownModel.COLUMNS):
            self.setColumnHidden(column, name not in ON_AIR_COLUMNS)
        # "▶ 当前" / "✓ done" in full, whatever the rows said when the widths were measured.
        status = RundownModel.COLUMNS.index("status")
        self.setColumnWidth(status, max(self.columnWidth(status),
                                        self.fontMetrics().horizontalAdvance("▶ current") + 16))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self._last_current: int | None = None

    def _column_menu(self, position) -> None:
        """Right-click on the header: show or hide any column."""
        menu = QMenu(self)
        model = self.model()
        for column in range(model.columnCount()):
            entry = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
            entry.setCheckable(True)
            entry.setChecked(not self.isColumnHidden(column))
            entry.toggled.connect(lambda on, c=column: self.setColumnHidden(c, not on))
        menu.popup(self.horizontalHeader().mapToGlobal(position))

    def follow_current(self) -> None:
        current = self._rundown.current_row()
        if current is not None and current != self._last_current:
            self.scrollTo(self._rundown.index(current, 0),
                          QAbstractItemView.ScrollHint.PositionAtCenter)
        self._last_current = current

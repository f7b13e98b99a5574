"""Beside the tables: the planned timeline (total, lottery cues, segments over the
seeds' limits), the validator's problems and the compliance hits. Activating a row
selects the field it is about."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QLabel, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from console.compliance import category_name
from console.script.draft import Area, Draft
from console.script.model import SegmentKind
from console.timefmt import clock_text
from console.ui.script_editor import marks_style
from console.ui.script_editor.checks import Key, Marks, issue_key
from console.ui.script_editor.tables import kind_label
from console.ui.theme import LOTTERY

KEY_ROLE = Qt.ItemDataRole.UserRole


def _tree(headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setWordWrap(False)
    return tree


class SidePanel(QWidget):
    def __init__(self, go_to: Callable[[Key], None]) -> None:
        super().__init__()
        self._go_to = go_to
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.timeline = _tree([self.tr("Start"), self.tr("Segment"), self.tr("Length")])
        self.problems = _tree([self.tr("Problem"), self.tr("Where")])
        self.hits = _tree([self.tr("Words"), self.tr("Severity"), self.tr("Say instead"),
                           self.tr("Category"), self.tr("Where")])
        self.problems_title, self.hits_title = QLabel(), QLabel()
        splitter = QSplitter(Qt.Orientation.Vertical)
        for title, tree in ((self.total, self.timeline), (self.problems_title, self.problems),
                            (self.hits_title, self.hits)):
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(title)
            layout.addWidget(tree)
            splitter.addWidget(box)
            tree.itemActivated.connect(self._activated)
            tree.itemClicked.connect(self._activated)
        splitter.setSizes([320, 160, 160])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        key = item.data(0, KEY_ROLE)
        if key:
            self._go_to(key)

    def refresh(self, draft: Draft, marks: Marks) -> None:
        self._timeline(draft)
        self._problems(draft, marks)
        self._hits(draft, marks)

    def _where(self, draft: Draft, key: Key) -> str:
        area, index, field = key
        if area is Area.SEGMENT and index is not None and index < len(draft.show.segments):
            return self.tr("#%1 %2: %3").replace("%1", str(index + 1)).replace(
                "%2", draft.show.segments[index].title).replace("%3", field)
        if area is Area.SKU and index is not None and index < len(draft.show.skus):
            return self.tr("SKU %1: %2").replace("%1", draft.show.skus[index].id).replace(
                "%2", field)
        return self.tr("Show: %1").replace("%1", field) if field else self.tr("File")

    def _timeline(self, draft: Draft) -> None:
        plan = draft.timeline()
        show = draft.show
        over = set(plan.over_standard)
        self.total.setText(self.tr("Planned %1 · %2 segments · %3 lottery cues (every %4 min)")
                           .replace("%1", clock_text(plan.total_ms))
                           .replace("%2", str(len(show.segments)))
                           .replace("%3", str(len(plan.cues)))
                           .replace("%4", str(show.defaults.lottery_interval_minutes)))
        self.timeline.clear()
        cues = list(plan.cues)
        for planned in plan.segments:
            segment = show.segments[planned.index]
            while cues and cues[0].at_ms < planned.start_ms:
                self._cue(cues.pop(0), show)
            name = f"{planned.index + 1}. {kind_label(segment.kind)} · {segment.title}"
            item = QTreeWidgetItem([clock_text(planned.start_ms), name,
                                    clock_text(segment.duration_ms)])
            item.setData(0, KEY_ROLE, (Area.SEGMENT, planned.index, "duration"))
            if planned.index in over:
                limit = clock_text((planned.standard_s or 0) * 1000)
                text = (self.tr("Over the %1 limit for an opening") if segment.kind
                        is SegmentKind.OPENING else self.tr("Over the %1 limit for a SKU pitch"))
                for column in range(3):
                    item.setBackground(column, QBrush(QColor(marks_style.OVER)))
                    item.setToolTip(column, text.replace("%1", limit))
                item.setText(2, "⚠ " + item.text(2))
            self.timeline.addTopLevelItem(item)
        for cue in cues:
            self._cue(cue, show)
        self.timeline.addTopLevelItem(QTreeWidgetItem([clock_text(plan.total_ms), self.tr("End")]))
        for column in range(3):
            self.timeline.resizeColumnToContents(column)

    def _cue(self, cue, show) -> None:
        item = QTreeWidgetItem([clock_text(cue.at_ms), self.tr("◆ Lottery cue #%1 (during %2)")
                                .replace("%1", str(cue.number))
                                .replace("%2", show.segments[cue.segment_index].title), ""])
        for column in range(3):
            item.setBackground(column, QBrush(QColor(LOTTERY[0])))
            item.setForeground(column, QBrush(QColor(LOTTERY[1])))
        item.setData(0, KEY_ROLE, (Area.SEGMENT, cue.segment_index, "title"))
        self.timeline.addTopLevelItem(item)

    def _problems(self, draft: Draft, marks: Marks) -> None:
        self.problems.clear()
        errors = sum(i.is_error for i in marks.issues)
        self.problems_title.setText(self.tr("Problems: %1 error(s), %2 warning(s)")
                                    .replace("%1", str(errors))
                                    .replace("%2", str(len(marks.issues) - errors)))
        for issue in marks.issues:
            key = issue_key(issue)
            where = self._where(draft, key)
            item = QTreeWidgetItem([marks_style.issue_text(issue), where])
            for column in range(2):
                item.setToolTip(column, f"{where}\n{issue.issue.message}")
            item.setData(0, KEY_ROLE, key)
            item.setBackground(0, QBrush(QColor(marks_style.ERROR if issue.is_error
                                                else marks_style.WARNING)))
            self.problems.addTopLevelItem(item)
        self.problems.setColumnWidth(0, 330)

    def _hits(self, draft: Draft, marks: Marks) -> None:
        self.hits.clear()
        blocking = sum(h.blocking for h in marks.hits)
        self.hits_title.setText(self.tr("Wording (广告法): %1 hit(s), %2 must fix")
                                .replace("%1", str(len(marks.hits))).replace("%2", str(blocking)))
        for found in marks.hits:
            entry = found.hit.entry
            item = QTreeWidgetItem([
                found.hit.text,
                marks_style.level_name(entry.severity) if found.hit.exemption is None
                else self.tr("exempt"),
                " / ".join(entry.suggest), category_name(entry.category),
                self._where(draft, found.key)])
            for column in range(5):
                item.setToolTip(column, marks_style.hit_text(found))
            if found.blocking:
                item.setBackground(1, QBrush(QColor(marks_style.ERROR)))
            item.setData(0, KEY_ROLE, found.key)
            self.hits.addTopLevelItem(item)
        for column in range(2):
            self.hits.resizeColumnToContents(column)
        self.hits.setColumnWidth(2, 220)

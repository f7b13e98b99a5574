"""The show's header: title, platform, people, planned start, targets and defaults.
A field is written to the draft when it is left (or Enter); a value that cannot be read
stays in the field, marked, and is not taken."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLineEdit, QSpinBox, QWidget

from console.script.draft import Area, Draft
from console.ui.script_editor import marks_style
from console.ui.script_editor.checks import Marks

_PEOPLE = re.compile(r"\s*[,，、;；/]\s*")
TIME_FORMAT = "%Y-%m-%d %H:%M"


def _people(text: str) -> tuple[str, ...]:
    return tuple(p for p in _PEOPLE.split(text.strip()) if p)


def _optional(kind: type, scale: float = 1.0) -> Callable[[str], Any]:
    def read(text: str) -> Any:
        text = text.strip().rstrip("%％")
        return None if not text else kind(float(text) / scale) if kind is float else kind(text)
    return read


class HeaderForm(QWidget):
    def __init__(self, draft: Callable[[], Draft], edited: Callable[[], None]) -> None:
        super().__init__()
        self._draft, self._edited = draft, edited
        self.fields: dict[str, QLineEdit | QSpinBox] = {}
        show = QGroupBox(self.tr("Show"))
        form = QFormLayout(show)
        for name, label in (("title", self.tr("Title")), ("platform", self.tr("Platform")),
                            ("hosts", self.tr("Hosts (、between)")),
                            ("assistants", self.tr("Assistants")),
                            ("planned_start", self.tr("Planned start")),
                            ("notes", self.tr("Notes"))):
            form.addRow(label, self._line(name))
        targets = QGroupBox(self.tr("Targets (empty: none)"))
        target_form = QFormLayout(targets)
        for name, label in (("targets.gmv", self.tr("GMV (¥)")), ("targets.orders", self.tr("Orders")),
                            ("targets.peak_online", self.tr("Peak online")),
                            ("targets.conversion", self.tr("Conversion (%)"))):
            target_form.addRow(label, self._line(name))
        defaults = QGroupBox(self.tr("Defaults"))
        default_form = QFormLayout(defaults)
        for name, label, low, high in (
                ("defaults.sku_seconds", self.tr("SKU pitch (s)"), 10, 3600),
                ("defaults.lottery_interval_minutes", self.tr("Lottery every (min)"), 1, 240),
                ("defaults.warning_seconds", self.tr("Warning before the end (s)"), 0, 600),
                ("defaults.lottery_warning_seconds", self.tr("Lottery warning (s)"), 0, 1800)):
            spin = QSpinBox()
            spin.setRange(low, high)
            spin.setKeyboardTracking(False)
            spin.editingFinished.connect(lambda n=name: self.commit(n))
            self.fields[name] = spin
            default_form.addRow(label, spin)
        grid = QGridLayout(self)
        grid.addWidget(show, 0, 0, 2, 1)
        grid.addWidget(targets, 0, 1)
        grid.addWidget(defaults, 1, 1)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        start = self.fields["planned_start"]
        if isinstance(start, QLineEdit):
            start.setPlaceholderText("2025-06-18 20:00")

    def _line(self, name: str) -> QLineEdit:
        line = QLineEdit()
        line.editingFinished.connect(lambda n=name: self.commit(n))
        self.fields[name] = line
        return line

    # ── draft → form ──
    def values(self) -> dict[str, str | int]:
        show = self._draft().show
        t, d = show.targets, show.defaults
        conversion = "" if t.conversion is None else f"{t.conversion * 100:g}"
        return {
            "title": show.title, "platform": show.platform, "hosts": "、".join(show.hosts),
            "assistants": "、".join(show.assistants), "notes": show.notes,
            "planned_start": "" if show.planned_start is None
            else show.planned_start.strftime(TIME_FORMAT),
            "targets.gmv": "" if t.gmv is None else f"{t.gmv:g}",
            "targets.orders": "" if t.orders is None else str(t.orders),
            "targets.peak_online": "" if t.peak_online is None else str(t.peak_online),
            "targets.conversion": conversion,
            "defaults.sku_seconds": d.sku_seconds,
            "defaults.lottery_interval_minutes": d.lottery_interval_minutes,
            "defaults.warning_seconds": d.warning_seconds,
            "defaults.lottery_warning_seconds": d.lottery_warning_seconds,
        }

    def refresh(self, marks: Marks) -> None:
        for name, value in self.values().items():
            widget = self.fields[name]
            if isinstance(widget, QSpinBox):
                if widget.value() != value:
                    widget.setValue(int(value))
            elif widget.text() != value:
                widget.setText(str(value))
            key = (Area.HEADER, None, name.split(".")[0] if name.startswith("targets")
                   else name)
            issues = marks.issues_at((Area.HEADER, None, name)) or (
                marks.issues_at(key) if name.startswith("targets") else [])
            hits = marks.hits_at((Area.HEADER, None, name))
            widget.setStyleSheet(marks_style.css(issues, hits))
            widget.setToolTip(marks_style.tooltip(issues, hits))

    # ── form → draft ──
    def commit(self, name: str) -> None:
        widget = self.fields[name]
        draft = self._draft()
        try:
            if isinstance(widget, QSpinBox):
                changed = draft.set_defaults(**{name.split(".")[1]: widget.value()})
            elif name.startswith("targets."):
                field = name.split(".")[1]
                read = {"gmv": _optional(float), "orders": _optional(int),
                        "peak_online": _optional(int),
                        "conversion": _optional(float, 100.0)}[field]
                changed = draft.set_targets(**{field: read(widget.text())})
            elif name == "planned_start":
                text = widget.text().strip()
                value = dt.datetime.strptime(text, TIME_FORMAT) if text else None
                changed = draft.set_header(planned_start=value)
            elif name in ("hosts", "assistants"):
                changed = draft.set_header(**{name: _people(widget.text())})
            else:
                changed = draft.set_header(**{name: widget.text()})
        except ValueError:
            widget.setStyleSheet(f"background: {marks_style.ERROR};")
            widget.setToolTip(self.tr("This value cannot be read; it is not taken."))
            return
        if changed:
            self._edited()

"""Adding or editing one of the team's own crisis scripts (one line per item)."""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QSpinBox)

from console.crisis import CATEGORIES, CrisisScript
from console.ui.style import dim_label

_LIST_FIELDS = ("triggers", "host_lines", "checklist", "never_say")


class CrisisEditor(QDialog):
    def __init__(self, script: CrisisScript | None, taken_ids: set[str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Crisis script") if script is None
                            else self.tr("Edit crisis script: %1").replace("%1", script.title))
        self.original = script
        self.taken_ids = taken_ids
        self.title = QLineEdit(script.title if script else "")
        self.title_en = QLineEdit(script.title_en if script else "")
        self.category = QComboBox()
        self.category.addItems(CATEGORIES)
        self.category.setCurrentText(script.category if script else "chat")
        self.level = QSpinBox()
        self.level.setRange(1, 3)
        self.level.setValue(script.level if script else 1)
        self.tags = QLineEdit(", ".join(script.tags) if script else "")
        self.lists = {}
        for name in _LIST_FIELDS:
            editor = QPlainTextEdit("\n".join(getattr(script, name)) if script else "")
            editor.setMaximumHeight(90)
            self.lists[name] = editor
        self.escalate = QLineEdit(script.escalate if script else "")
        self.problem = dim_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("English title"), self.title_en)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Level (1–3)"), self.level)
        form.addRow(self.tr("Tags (comma-separated)"), self.tags)
        form.addRow(self.tr("Signs (one per line)"), self.lists["triggers"])
        form.addRow(self.tr("Host lines (one per line)"), self.lists["host_lines"])
        form.addRow(self.tr("Checklist (one per line)"), self.lists["checklist"])
        form.addRow(self.tr("Never say (one per line)"), self.lists["never_say"])
        form.addRow(self.tr("Escalate to"), self.escalate)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.result_script: CrisisScript | None = None

    def script(self) -> CrisisScript | None:
        """The edited script, or None with the reason shown in the dialog."""
        title = self.title.text().strip()
        lines = {name: tuple(line.strip() for line in editor.toPlainText().splitlines()
                             if line.strip()) for name, editor in self.lists.items()}
        if not title:
            self.problem.setText(self.tr("A title is needed."))
            return None
        if not lines["host_lines"]:
            self.problem.setText(self.tr("The host's lines are needed: they are what gets pushed."))
            return None
        script_id = self.original.id if self.original else self._new_id(title)
        return CrisisScript(
            id=script_id, title=title, title_en=self.title_en.text().strip(),
            category=self.category.currentText(), level=self.level.value(),
            tags=tuple(t.strip() for t in re.split(r"[,，]", self.tags.text()) if t.strip()),
            escalate=self.escalate.text().strip(), source="team", **lines)

    def _new_id(self, title: str) -> str:
        base = re.sub(r"[^a-z0-9]+", "-", self.title_en.text().lower()).strip("-") or "team"
        candidate, number = base, 2
        while candidate in self.taken_ids:
            candidate, number = f"{base}-{number}", number + 1
        return candidate

    def accept(self) -> None:
        script = self.script()
        if script is not None:
            self.result_script = dataclasses.replace(script)
            super().accept()

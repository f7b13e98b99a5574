"""Opening, saving, recent files and the unsaved-changes guard of the script editor.
Questions are asked with window-modal boxes on the editor (`open()`, never `exec()`):
the console's window and its show keep running while one is up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from console import settings as opts
from console.errors import KnownError
from console.script.draft import Draft
from console.script.importers import MAPPINGS_FILENAME, MappingMemory, read_book
from console.script.issues import ShowFileError
from console.ui.script_editor.mapping_dialog import MappingDialog

if TYPE_CHECKING:
    from console.ui.script_editor.window import ScriptEditor

OPENABLE = (".toml", ".xlsx", ".csv")
MAX_RECENT = 8


class EditorFiles:
    def __init__(self, editor: ScriptEditor) -> None:
        self.editor = editor
        self.question: QMessageBox | None = None
        self.mapping: MappingDialog | None = None
        self.import_report: list[str] = []

    # ── recent files ──
    def recent(self) -> list[str]:
        return [p for p in self.editor.settings.get(opts.EDITOR_RECENT) if p]

    def remember(self, path: Path) -> None:
        name = str(path.resolve())
        items = [name] + [p for p in self.recent() if p != name]
        self.editor.settings.set(opts.EDITOR_RECENT, items[:MAX_RECENT])
        self.editor.recent_changed()

    # ── the guard ──
    def guarded(self, then: Callable[[], None]) -> None:
        """`then()` now when nothing would be lost; else after Save or Discard (not Cancel)."""
        if not self.editor.draft.needs_saving:
            then()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.editor.tr("Unsaved changes"),
                          self.editor.tr("The show has changes that are not saved. Save them?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.editor)
        box.setDefaultButton(QMessageBox.StandardButton.Save)

        def answered(button: int) -> None:
            self.question = None
            if button == QMessageBox.StandardButton.Save:
                if self.save():
                    then()
            elif button == QMessageBox.StandardButton.Discard:
                then()
        box.finished.connect(answered)
        self.question = box
        box.open()

    # ── saving ──
    def save(self) -> bool:
        if self.editor.draft.path is None:
            return self.save_as()
        return self.save_to(self.editor.draft.path)

    def save_as(self) -> bool:
        draft = self.editor.draft
        start = str(draft.path) if draft.path else str(Path.home() / "show.toml")
        name, _ = QFileDialog.getSaveFileName(self.editor, self.editor.tr("Save the show as"),
                                              start, self.editor.tr("Show files (*.toml)"))
        return bool(name) and self.save_to(Path(name))

    def save_to(self, path: Path) -> bool:
        try:
            self.editor.draft.save(path, live_hash=self.editor.live_hash)
        except KnownError as exc:
            self.tell(self.editor.tr("Not saved"), str(exc))
            return False
        self.remember(path)
        self.editor.changed(None)
        self.editor.say(self.editor.tr("Saved %1").replace("%1", str(path)))
        return True

    # ── opening ──
    def open_dialog(self) -> None:
        def ask() -> None:
            name, _ = QFileDialog.getOpenFileName(
                self.editor, self.editor.tr("Open a show or a rundown"), "",
                self.editor.tr("Shows and rundowns (*.toml *.xlsx *.csv)"))
            if name:
                self.open_path(Path(name), guard=False)
        self.guarded(ask)

    def open_path(self, path: Path, guard: bool = True) -> None:
        if guard:
            self.guarded(lambda: self.open_path(path, guard=False))
            return
        if path.suffix.lower() in (".xlsx", ".csv"):
            self.import_spreadsheet(path)
            return
        try:
            draft = Draft.open(path)
        except ShowFileError as exc:
            self.tell(self.editor.tr("Cannot open %1").replace("%1", str(path)),
                      "\n".join(i.format(str(path)) for i in exc.issues[:20]))
            return
        self.import_report = []
        self.editor.set_draft(draft)
        self.remember(path)

    def import_spreadsheet(self, path: Path) -> None:
        memory = MappingMemory(self.editor.data_folder / MAPPINGS_FILENAME
                               if self.editor.data_folder else None)
        dialog = MappingDialog(read_book(path), memory, self.editor)
        self.mapping = dialog

        def done(result: int) -> None:
            self.mapping = None
            if result != MappingDialog.DialogCode.Accepted:
                return
            built = dialog.model.build()
            if built.show is None:
                self.tell(self.editor.tr("Nothing usable in %1").replace("%1", str(path)),
                          "\n".join(built.report_lines()[:20]))
                return
            if built.mapping is not None:
                try:
                    memory.remember(built.mapping)
                except OSError:
                    pass
            self.import_report = built.report_lines()
            draft = Draft(built.show)
            draft.path = None
            self.editor.set_draft(draft, suggested=path.with_suffix(".toml"))
        dialog.finished.connect(done)
        dialog.open()

    def tell(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self.editor)
        self.question = box
        box.finished.connect(lambda _=0: setattr(self, "question", None))
        box.open()

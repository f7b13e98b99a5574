"""The team's own crisis scripts: write, import and export them from the console.

Saved in the data folder (TeamStore); the bundled library is never written.
A broken import file is refused with its line and field, and nothing changes.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from console.crisis import CrisisLibrary, CrisisScript, TeamStore, write_scripts
from console.errors import KnownError
from console.script.issues import ShowFileError
from console.ui.crisis_editor import CrisisEditor
from console.ui.crisis_panel import CrisisPanel


class TeamScripts(QObject):
    def __init__(self, window: QMainWindow, library: CrisisLibrary, store: TeamStore,
                 panel: CrisisPanel) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self.store = store
        self.panel = panel

    def edit(self, script: CrisisScript | None) -> None:
        editor = CrisisEditor(script, {s.id for s in self.library.scripts}, self.window)
        if editor.exec() and editor.result_script is not None:
            self._save(lambda: self.store.upsert(editor.result_script))

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import crisis scripts"), "",
                                              self.tr("Crisis scripts (*.toml)"))
        if path:
            self._save(lambda: self.store.import_file(path)[0])

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export the team's crisis scripts"),
                                              "crisis-scripts.toml",
                                              self.tr("Crisis scripts (*.toml)"))
        if path:
            try:
                write_scripts(path, self.library.team)
            except KnownError as exc:
                QMessageBox.warning(self.window, self.tr("Export failed"), str(exc))

    def _save(self, change: Callable[[], list[CrisisScript]]) -> None:
        try:
            team = change()
        except (KnownError, ShowFileError) as exc:
            QMessageBox.warning(self.window, self.tr("Crisis scripts"), str(exc))
            return
        self.library.replace_team(team)
        self.panel.refresh_results()
        self.window.statusBar().showMessage(self.tr("Team crisis scripts saved."), 4000)

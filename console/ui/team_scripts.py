"""The team's own crisis scripts: write, import and export them from the console.

Saved in the data folder (TeamStore); the bundled library is never written.
A broken import file is refused with its line and field, and nothing changes.

Nothing here is modal while a show runs: the editor is an ordinary window (the
F-keys and every show key keep working beside it), problems are said in the
header, and import/export — which need the system's file dialog, a modal one —
wait until the show is over.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow

from console.crisis import CrisisLibrary, CrisisScript, TeamStore, write_scripts
from console.errors import KnownError
from console.script.issues import ShowFileError
from console.ui.crisis_editor import CrisisEditor
from console.ui.crisis_panel import CrisisPanel


class TeamScripts(QObject):
    def __init__(self, window: QMainWindow, library: CrisisLibrary, store: TeamStore,
                 panel: CrisisPanel, on_air: Callable[[], bool],
                 say: Callable[[str, bool], None]) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self.store = store
        self.panel = panel
        self.on_air = on_air          # True while the show is live or on hold
        self.say = say                # (text, is_a_problem) into the header
        self.editors: list[CrisisEditor] = []

    def edit(self, script: CrisisScript | None) -> None:
        editor = CrisisEditor(script, {s.id for s in self.library.scripts}, self.window)
        editor.setModal(False)
        editor.accepted.connect(lambda: self._save(lambda: self._upsert(editor)))
        editor.finished.connect(lambda _: self.editors.remove(editor))
        self.editors.append(editor)
        editor.show()

    def _refuse_on_air(self) -> bool:
        if self.on_air():
            self.say(self.tr("Import and export after the show: a file dialog would take the "
                             "keys away from the show."), True)
            return True
        return False

    def import_file(self) -> None:
        if self._refuse_on_air():
            return
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import crisis scripts"), "",
                                              self.tr("Crisis scripts (*.toml)"))
        if path:
            self._save(lambda: self.store.import_file(path)[0])

    def export_file(self) -> None:
        if self._refuse_on_air():
            return
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export the team's crisis scripts"),
                                              "crisis-scripts.toml",
                                              self.tr("Crisis scripts (*.toml)"))
        if path:
            try:
                write_scripts(path, self.library.team)
            except KnownError as exc:
                self.say(self.tr("Export failed: %1").replace("%1", str(exc)), True)

    def _upsert(self, editor: CrisisEditor) -> list[CrisisScript]:
        script = editor.result_script
        assert script is not None                    # set before the editor accepts
        return self.store.upsert(script)

    def _save(self, change: Callable[[], list[CrisisScript]]) -> None:
        try:
            team = change()
        except (KnownError, ShowFileError) as exc:
            self.say(self.tr("Crisis scripts not saved: %1").replace("%1", str(exc)), True)
            return
        self.library.replace_team(team)
        self.panel.refresh_results()
        self.say(self.tr("✓ Team crisis scripts saved."), False)

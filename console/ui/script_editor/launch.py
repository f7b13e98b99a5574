"""`console edit FILE`: the script editor on its own, without a show running."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from console.script.draft import Draft
from console.settings import Settings
from console.ui.qsettings_backend import QSettingsBackend
from console.ui.script_editor.window import ScriptEditor


def build_editor(file: str | None, folder: Path, settings: Settings) -> ScriptEditor:
    """The window with `file` opened (a spreadsheet: its mapping step open), or a new show."""
    editor = ScriptEditor(Draft.new(), settings, folder)
    if file is not None:
        editor.files.open_path(Path(file), guard=False)
    return editor


def run_editor(file: str | None, folder: Path, language: str | None) -> int:
    from console.ui.app import prepare_application
    backend = QSettingsBackend(folder)
    settings = Settings(backend)
    app: QApplication
    app, _ = prepare_application(settings, language)
    editor = build_editor(file, folder, settings)
    editor.show()
    status = app.exec()
    backend.sync()
    return status

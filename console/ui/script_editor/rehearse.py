"""Rehearsing the show being edited: a separate `console run --rehearsal` process in the
data folder's rehearsals/ subfolder, so a rehearsal never touches the live sessions."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout

from console.script.draft import Draft

SPEEDS = (1, 2, 5, 10)
REHEARSALS = "rehearsals"

Launcher = Callable[[str, list[str]], object]


def rehearsal_command(script: Path, speed: int, first: int, data_folder: Path) -> list[str]:
    """`console run` arguments: `first` is the 0-based segment to start at."""
    return ["-m", "console", "run", str(script), "--rehearsal", "--speed", str(speed),
            "--from", str(first + 1), "--simulate", "--new",
            "--data-dir", str(data_folder / REHEARSALS)]


def script_for_rehearsal(draft: Draft, data_folder: Path) -> Path:
    """The saved file when it is up to date; else a copy of the draft in rehearsals/."""
    if draft.path is not None and not draft.dirty:
        return draft.path
    folder = data_folder / REHEARSALS / "scripts"
    folder.mkdir(parents=True, exist_ok=True)
    name = (draft.path.stem if draft.path else "draft") + "-rehearsal.toml"
    target = folder / name
    target.write_text(draft.rendered(), encoding="utf-8")
    return target


def start_detached(program: str, arguments: list[str]) -> object:
    return QProcess.startDetached(program, arguments)


class RehearseDialog(QDialog):
    def __init__(self, draft: Draft, selected: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rehearse this show"))
        self.speed = QComboBox()
        for speed in SPEEDS:
            self.speed.addItem(f"{speed}×", speed)
        self.first = QComboBox()
        for index, segment in enumerate(draft.show.segments):
            self.first.addItem(f"{index + 1}. {segment.title}", index)
        self.first.setCurrentIndex(max(0, min(selected, self.first.count() - 1)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start rehearsal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Speed"), self.speed)
        form.addRow(self.tr("Start at"), self.first)
        form.addRow(buttons)


def launch(draft: Draft, data_folder: Path, speed: int, first: int,
           launcher: Launcher = start_detached) -> list[str]:
    script = script_for_rehearsal(draft, data_folder)
    arguments = rehearsal_command(script, speed, first, data_folder)
    launcher(sys.executable, arguments)
    return arguments

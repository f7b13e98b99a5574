"""Problems that stop the console from starting, told in a window.

Someone who starts the console from a shortcut or the installed app has no
terminal to read: a broken show file, a second console on the same data
folder, or an unfinished session in the way is also shown in a message box, in
the UI's language (the command line has already printed it in the terminal's).
The show has not started yet, so a modal box blocks nothing.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from console import settings as opts
from console.errors import InstanceLocked, KnownError
from console.script import ShowFileError, load_show
from console.session import (DOWNTIME_COUNT, DOWNTIME_NONE, SessionConflict,
                             UncertainDowntime)
from console.settings import Settings
from console.ui.fonts import apply_fonts
from console.ui.i18n import install_translator, resolve_language, uninstall_translators
from console.ui.qapp import application
from console.ui.qsettings_backend import QSettingsBackend

log = logging.getLogger(__name__)

MAX_ISSUES_SHOWN = 8          # the rest go under "Show Details…"

Problem = KnownError | ShowFileError


# Qt platforms that need no display server.
_NO_DISPLAY_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def can_show_windows() -> bool:
    """False on a Linux box without a display, where creating the application would abort."""
    if sys.platform in ("win32", "darwin"):
        return True
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(_NO_DISPLAY_PLATFORMS):
        return True
    if platform.startswith("wayland"):
        return bool(os.environ.get("WAYLAND_DISPLAY"))
    if platform.startswith("xcb"):
        return bool(os.environ.get("DISPLAY"))
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def tell_startup_problem(problem: Problem, folder: Path | None, language: str | None,
                         present: Callable[[QMessageBox], object] | None = None) -> None:
    """Show `problem` in a message box in the UI's language (`language`, else the choice
    saved in `folder`, else the system's). `present` shows the box; by default modally."""
    with _ui_language(folder, language):
        box = startup_problem_box(problem)
        (present or show_modal)(box)


@contextlib.contextmanager
def _ui_language(folder: Path | None, language: str | None) -> Iterator[None]:
    """The UI's language and fonts while a start-up box is up (`language`, else the choice
    saved in `folder`, else the system's); the application is left as found after."""
    app = application()
    saved = Settings(QSettingsBackend(folder)).get(opts.LANGUAGE) if folder else "system"
    font = app.font()
    install_translator(app, resolve_language(language or saved))
    apply_fonts(app)
    try:
        yield
    finally:
        uninstall_translators(app)
        app.setFont(font)


def show_modal(box: QMessageBox) -> None:
    box.exec()


def ask_downtime(problem: UncertainDowntime, folder: Path | None, language: str | None,
                 present: Callable[[QMessageBox], object] | None = None) -> str | None:
    """Ask how to resume a session whose downtime the wall clock alone reports: where its
    log stopped, or counting that downtime as show time. None: neither (quit). The show
    is not on screen yet; Enter and Esc both choose to quit, which changes nothing."""
    with _ui_language(folder, language):
        box, choices = downtime_box(problem)
        (present or show_modal)(box)
        return choices.get(box.clickedButton())


def downtime_box(problem: UncertainDowntime) -> tuple[QMessageBox, dict]:
    title = QCoreApplication.translate("StartupDialogs", "Live Console — resume the show?")
    heading = QCoreApplication.translate(
        "StartupDialogs", "How long was the console down? The PC's clock cannot be trusted "
        "for this.")
    box = QMessageBox(QMessageBox.Icon.Question, title, heading)
    box.setInformativeText(problem.question())
    box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 34em; }")
    resume = box.addButton(QCoreApplication.translate(
        "StartupDialogs", "Resume where the log stopped"), QMessageBox.ButtonRole.AcceptRole)
    count = box.addButton(QCoreApplication.translate(
        "StartupDialogs", "Count the downtime as show time"), QMessageBox.ButtonRole.AcceptRole)
    quit_ = box.addButton(QCoreApplication.translate("StartupDialogs", "Quit"),
                          QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(quit_)
    box.setEscapeButton(quit_)
    return box, {resume: DOWNTIME_NONE, count: DOWNTIME_COUNT}


def startup_problem_box(problem: Problem) -> QMessageBox:
    """The message box for `problem`, worded in the language installed now."""
    heading, message, details = describe(problem)
    title = QCoreApplication.translate("StartupDialogs", "Live Console — cannot start")
    box = QMessageBox(QMessageBox.Icon.Critical, title, heading, QMessageBox.StandardButton.Ok)
    box.setInformativeText(message)
    # Wide enough that FILE:LINE: field: problem lines wrap rarely (Qt's own label name).
    box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 34em; }")
    if details:
        box.setDetailedText(details)
    return box


def describe(problem: Problem) -> tuple[str, str, str]:
    """(heading, message, details) in the language installed now."""
    if isinstance(problem, ShowFileError):
        return _describe_show_file(problem)
    if isinstance(problem, InstanceLocked):
        heading = QCoreApplication.translate(
            "StartupDialogs", "Another console is already running on this data folder.")
    elif isinstance(problem, SessionConflict):
        heading = QCoreApplication.translate(
            "StartupDialogs", "An unfinished session is in the way.")
    else:
        heading = QCoreApplication.translate("StartupDialogs", "The console cannot start.")
    message = problem.translated()       # worded to follow "error: " on a terminal
    return heading, message[:1].upper() + message[1:], ""


def _describe_show_file(problem: ShowFileError) -> tuple[str, str, str]:
    # The issues were worded in the terminal's language; checking the file again here
    # words them in the window's (it is quick, and changes nothing).
    try:
        load_show(Path(problem.path))
        issues = problem.issues              # mended in the meantime: tell what was found
    except ShowFileError as again:
        issues = again.issues
    lines = [issue.format(problem.path) for issue in issues if issue.is_error]
    shown = lines[:MAX_ISSUES_SHOWN]
    if len(lines) > len(shown):
        shown.append(QCoreApplication.translate(
            "StartupDialogs", "… and {count} more (Show Details…)").format(
                count=len(lines) - len(shown)))
    heading = QCoreApplication.translate(
        "StartupDialogs", "The show file {name} cannot be used.").format(
            name=Path(problem.path).name)
    advice = QCoreApplication.translate(
        "StartupDialogs", "Correct these lines in the file, then start again:")
    details = "\n".join(lines) if len(lines) > MAX_ISSUES_SHOWN else ""
    return heading, advice + "\n\n" + "\n".join(shown), details

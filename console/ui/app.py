"""Starting the windowed console: one QApplication, fonts, theme, language, windows."""

from __future__ import annotations

import dataclasses
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from console import settings as opts
from console.background import install_thread_excepthook
from console.compliance.lint import must_fix_before_going_live
from console.crisis import CrisisLibrary, TeamStore, read_scripts
from console.engine.intents import StartShow
from console.engine.runner import ShowState
from console.errors import KnownError
from console.kpi.setup import KpiOptions, KpiStack, build_kpi, memory_kpi
from console.resources import resource_path
from console.script.issues import ShowFileError
from console.session import Session, abandon_and_start_new
from console.settings import Settings
from console.ui.fonts import apply_fonts
from console.ui.i18n import install_translator, resolve_language
from console.ui.lottery_chime import LotteryChime
from console.ui.operator_window import OperatorWindow
from console.ui.presenter_window import PresenterWindow
from console.ui.qapp import application
from console.ui.qsettings_backend import QSettingsBackend
from console.ui.show_controller import ShowController
from console.ui.theme import apply_theme

log = logging.getLogger(__name__)

APP_NAME = "Live Console"


@dataclasses.dataclass
class Console:
    controller: ShowController
    operator: OperatorWindow
    presenter: PresenterWindow
    chime: LotteryChime


def load_library(team_store: TeamStore) -> tuple[CrisisLibrary, str]:
    """The bundled library plus the team's file; a broken team file never stops the show."""
    bundled = read_scripts(resource_path("crisis", "library.toml"), "bundled")
    try:
        return CrisisLibrary(bundled, team_store.load()), ""
    except (ShowFileError, KnownError) as exc:
        log.error("team crisis scripts not loaded: %s", exc)
        return CrisisLibrary(bundled), str(exc)


def prepare_application(settings: Settings, language: str | None = None) -> tuple[QApplication, bool]:
    """The QApplication with theme, CJK font and translation; True when a CJK font was found."""
    app = application()
    app.setApplicationName(APP_NAME)
    apply_theme(app)
    font_found = apply_fonts(app) is not None
    install_translator(app, resolve_language(language or settings.get(opts.LANGUAGE)))
    return app, font_found


def build_console(session: Session, folder: Path, settings: Settings, *, autopilot: bool = False,
                  end_with_script: bool = False, font_found: bool = True,
                  kpi: KpiStack | None = None) -> Console:
    team_store = TeamStore(folder)
    library, library_problem = load_library(team_store)
    kpi = kpi or memory_kpi(session)
    controller = ShowController(session, library, autopilot=autopilot,
                                end_with_script=end_with_script, kpi=kpi,
                                note_seconds=settings.get(opts.NOTE_SECONDS))
    # Must-fix wording (advertising law) is asked about once more at go-live, and logged.
    controller.must_fix, words_problem = must_fix_before_going_live(
        session.loaded.text, session.loaded.path, folder)
    presenter = PresenterWindow(controller, settings)
    chime = LotteryChime(settings.get(opts.AUDIO), controller)
    operator = OperatorWindow(controller, settings, presenter, chime, team_store)
    operator.data_folder = folder
    # Must-see problems go where the assistant looks: the header, until fixed.
    if not font_found:
        operator.header.set_problem("font", QCoreApplication.translate(
            "OperatorWindow", "No Chinese font installed: text may show as boxes"))
    if library_problem:
        operator.header.set_problem("library", library_problem)
    if words_problem:
        operator.header.set_problem("words", words_problem)
    return Console(controller, operator, presenter, chime)


def install_crash_handler(console: Console) -> None:
    """A bug in a slot is logged with its traceback and said on screen; the show keeps running."""
    def handle(kind, value, traceback) -> None:
        log.critical("internal error", exc_info=(kind, value, traceback))
        console.operator.header.set_problem("internal", QCoreApplication.translate(
            "OperatorWindow", "Internal error (logged in console.log); the show goes on."))
    sys.excepthook = handle
    install_thread_excepthook()        # a thread's error reaches the header on the next tick


def run_gui(session: Session, folder: Path, *, language: str | None, autopilot: bool,
            quit_at_end: bool, kpi_options: KpiOptions, db) -> int:
    backend = QSettingsBackend(folder)
    settings = Settings(backend)
    app, font_found = prepare_application(settings, language)
    try:
        while True:
            status, start_new = _run_console(app, session, folder, settings, font_found,
                                             autopilot=autopilot, quit_at_end=quit_at_end,
                                             kpi_options=kpi_options, db=db)
            if not start_new:
                break
            # The assistant chose "start a new session instead" of the resumed one.
            session = abandon_and_start_new(session)
    finally:
        unsaved = session.close()          # the window is gone: waiting on the disk is fine now
    backend.sync()
    if unsaved:
        print(QCoreApplication.translate(
            "OperatorWindow", "error: {count} event(s) of session #{id} could not be saved to "
            "the database (see console.log)").format(count=unsaved, id=session.id),
            file=sys.stderr)
        return status or 1
    return status


def _run_console(app: QApplication, session: Session, folder: Path, settings: Settings,
                 font_found: bool, *, autopilot: bool, quit_at_end: bool,
                 kpi_options: KpiOptions, db) -> tuple[int, bool]:
    kpi = build_kpi(session, db, folder, kpi_options)
    console = build_console(session, folder, settings, autopilot=autopilot,
                            end_with_script=quit_at_end, font_found=font_found, kpi=kpi)
    install_crash_handler(console)
    console.operator.show()
    console.presenter.place()
    console.operator.activateWindow()
    console.controller.start_ticking()              # the clock before go-live, or a resumed show
    if session.runner.state is ShowState.READY and autopilot:
        console.controller.do(StartShow())          # a rehearsal that drives itself
    if quit_at_end:
        console.controller.finished.connect(lambda: QTimer.singleShot(500, app.quit))
    try:
        status = app.exec()
    finally:
        kpi.close()
    console.operator.save_layout()
    return status, console.operator.new_session_requested

"""The assistant's window: a thin shell that lays out the views and registers actions.

Header, lottery slot and the current segment in the middle; rundown, crisis
scripts, the note box and the Data dock around it; the prompt bar over the
bottom of the segment when a question is open. Each view subscribes to the
controller itself and each widget registers its own actions (actions.py);
what is left here is layout, Esc, and closing safely.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QVBoxLayout, QWidget

from console import settings as opts
from console.crisis import TeamStore
from console.engine.runner import ShowState
from console.script.draft import Draft
from console.script.issues import ShowFileError
from console.settings import Settings
from console.ui import rundown_view
from console.ui.actions import ActionRegistry, typing
from console.ui.crisis_panel import CrisisPanel
from console.ui.feedback import Feedback
from console.ui.header_bar import HeaderBar
from console.ui.help_overlay import HelpOverlay
from console.ui.kpi_panel import KpiPanel
from console.ui.lottery_banner import LotteryBanner
from console.ui.lottery_chime import LotteryChime
from console.ui.menus import build_menus
from console.ui.note_box import NoteBox
from console.ui.presenter_miniature import PresenterMiniature
from console.ui.presenter_window import PresenterWindow
from console.ui.prompt_bar import PromptBar
from console.ui.resume_notice import ResumeNotice
from console.ui.rundown_view import RundownModel, RundownView
from console.ui.script_editor import ScriptEditor
from console.ui.segment_card import SegmentCard
from console.ui.show_actions import ShowActions
from console.ui.show_controller import ShowController
from console.ui.team_scripts import TeamScripts
from console.ui.window_layout import WindowLayout

MINIATURE = (224, 126)          # the host's screen in small, 16:9


class OperatorWindow(QMainWindow):
    screen_menu: QMenu          # View > the presenter's screen (set by menus.build_menus)

    def __init__(self, controller: ShowController, settings: Settings,
                 presenter: PresenterWindow, chime: LotteryChime, team_store: TeamStore) -> None:
        super().__init__()
        self.setObjectName("operator-window")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.controller, self.runner = controller, controller.runner
        self.settings, self.presenter = settings, presenter
        self.setWindowTitle(self.tr("Live Console — %1").replace("%1", self.runner.show.title))
        self._close_confirmed = False

        self.header = HeaderBar(self.runner.rehearsal, controller.session.speed)
        self.banner = LotteryBanner(self.runner)
        self.miniature = PresenterMiniature(presenter.view)
        self.miniature.setFixedSize(*MINIATURE)
        self.miniature.setToolTip(self.tr("What the host sees now"))
        self.card = SegmentCard(self.runner, self.miniature)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        for widget, stretch in ((self.header, 0), (self.banner, 0), (self.card, 1)):
            layout.addWidget(widget, stretch)
        self.setCentralWidget(central)
        self.prompts = PromptBar(central, self.focus_show)
        self.resume_notice = ResumeNotice(central, controller.resumption)
        self.new_session_requested = False

        kpi = controller.kpi
        assert kpi is not None                       # build_console always gives it one
        self.rundown_model = RundownModel(self.runner, kpi.model, self)
        self.rundown = RundownView(self.rundown_model)
        self.notes = NoteBox(controller.board, controller.send_message, self.focus_show)
        self.crisis = CrisisPanel(controller.library, settings.get(opts.CRISIS_FAVOURITES))
        self.kpi = KpiPanel(kpi.feed)
        area = Qt.DockWidgetArea
        self.rundown_dock = self._dock("rundown", self.tr("Rundown"), self.rundown, area.LeftDockWidgetArea)
        self.crisis_dock = self._dock("crisis", self.tr("Crisis scripts"), self.crisis,
                                      area.RightDockWidgetArea)
        self.notes_dock = self._dock("notes", self.tr("Note to host"), self.notes, area.BottomDockWidgetArea)
        self.kpi_dock = self._dock("data", self.tr("Data"), self.kpi, area.BottomDockWidgetArea)
        self.splitDockWidget(self.notes_dock, self.kpi_dock, Qt.Orientation.Horizontal)
        self.help = HelpOverlay(self)
        self.team_scripts = TeamScripts(
            self, controller.library, team_store, self.crisis,
            on_air=lambda: self.runner.state in (ShowState.LIVE, ShowState.HOLD),
            say=lambda text, problem: self.header.show_feedback(text, problem))

        self.registry = ActionRegistry(self)
        self.registry.paused_key = self.prompts.second_press
        ShowActions(controller, self.prompts, self.registry)
        self.notes.register_actions(self.registry)
        self.crisis.register_actions(self.registry, self.focus_show, self.crisis_dock.raise_)
        self.kpi.register_actions(self.registry, self.kpi_dock.raise_)
        presenter.register_actions(self.registry)
        self.registry.register("help", self.help.toggle)
        self.registry.register("clear", self.escape)
        self.registry.register("quit", self.close)
        self.registry.register("edit_show", self.edit_show)
        self.data_folder: Path | None = None      # set by build_console
        self.editor: ScriptEditor | None = None
        self.resume_notice.register_actions(self.registry, self.prompts, self._start_new_session,
                                            controller.refused.emit)
        build_menus(self)
        self._subscribe(chime)
        self._first_show = True
        self.layout_store = WindowLayout(self, settings, rundown=self.rundown_dock,
                                         crisis=self.crisis_dock, notes=self.notes_dock,
                                         data=self.kpi_dock)
        self.layout_store.restore()

    def _dock(self, name: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _suggest(self, script_id: str) -> None:
        """An alert's suggestion selects its script; the assistant pushes it, not the console."""
        self.crisis_dock.raise_()
        self.crisis.select(script_id)

    def _subscribe(self, chime: LotteryChime) -> None:
        c = self.controller
        self.header.follow(c)
        self.banner.follow(c, self.presenter.view.flashed)
        self.card.follow(c)
        rundown_view.follow(self.rundown_model, self.rundown, c)
        self.kpi.follow(c)
        self.feedback = Feedback(c, self.header, self.presenter.view)
        self.notes.follow(c)
        self.crisis.follow(c)
        chime.follow(c)
        self.crisis.edit_requested.connect(self.team_scripts.edit)
        self.kpi.suggestion_requested.connect(self._suggest)
        self.header.follow_alerts(self.kpi.feed)
        self.registry.typing_changed.connect(
            lambda on: self.header.set_typing(on, prompt=self.prompts.is_open))

    # -- the keyboard belongs to the show -------------------------------------------------
    def focus_show(self) -> None:
        self.activateWindow()
        self.setFocus()

    def escape(self) -> None:
        """One Esc does one thing: close the question, the key map or the text field —
        and only when none is open, take the top thing off the host's screen."""
        if self.prompts.is_open:
            self.prompts.cancel()
        elif self.help.isVisible():
            self.help.hide()
        elif typing():
            self.focus_show()
        else:
            self.controller.clear_takeover()

    def perform(self, action: str, *args) -> None:
        """Run a key-map action by name, as its key would (menus, tests, scripts)."""
        self.registry.perform(action, *args)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            self.layout_store.first_shown()
            self.setFocus()

    def edit_show(self) -> None:
        """The running show's file in the script editor: its own window, never modal over
        this one; it never saves over the script this session runs (its content hash)."""
        if self.editor is None:
            loaded = self.controller.session.loaded
            try:
                draft = Draft.open(loaded.path)
            except ShowFileError:                  # changed on disk since: what runs
                draft = Draft.from_text(loaded.text, loaded.path)
            self.editor = ScriptEditor(draft, self.settings, self.data_folder,
                                       live_hash=loaded.content_hash)
        self.editor.show()
        self.editor.raise_()
        self.editor.activateWindow()

    def save_layout(self) -> None:
        self.layout_store.save()
        self.settings.set(opts.CRISIS_FAVOURITES, self.crisis.favourites)
        self.presenter.remember()

    def closeEvent(self, event) -> None:
        live = self.runner.state in (ShowState.LIVE, ShowState.HOLD)
        if live and not self._close_confirmed and self.prompts.is_confirming("quit"):
            self.prompts.cancel()                 # the second Ctrl+Q / ✕: that is the answer
            self._close_confirmed = True
        if live and not self._close_confirmed:
            event.ignore()
            self.prompts.confirm("quit", self.tr(
                "The show is still running. Close the console? The session stays open and "
                "resumes when you start the console again."), self._confirm_close,
                self.tr("Close the console"))
            return
        self.save_layout()
        # Every timer stops with the window: a closed window is hidden, not gone, and a
        # timer left running would go on acting on it.
        self.prompts.cancel()                     # a question left open would expire later
        self.header.stop()
        self.controller.stop_ticking()
        self.presenter.view.stop()
        self.resume_notice.stop()
        self.kpi.stop()
        self.presenter.close()
        super().closeEvent(event)

    def _start_new_session(self) -> None:
        """Close this window; run_gui abandons the resumed session and opens a new one."""
        self.new_session_requested = True
        self._confirm_close()

    def _confirm_close(self) -> None:
        self._close_confirmed = True
        self.close()

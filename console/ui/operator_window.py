"""The assistant's window: header, lottery banner, current segment, rundown, notes, crisis.

Keyboard first: every action on air has a key (see keymap.py). Widgets render
the controller's state and forward intent to it; nothing here decides the show.
"""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QComboBox, QDockWidget,
                               QInputDialog, QLabel, QLineEdit, QMainWindow, QMessageBox,
                               QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget)

from console import settings as opts
from console.crisis import TeamStore
from console.engine.events import Event, EventKind
from console.engine.rundown import read_clock
from console.engine.runner import ShowState
from console.presenter import Takeover
from console.settings import Settings
from console.ui.crisis_panel import CrisisPanel
from console.ui.header_bar import HeaderBar
from console.ui.help_overlay import HelpOverlay
from console.ui.i18n import alert_title, localized
from console.ui.kpi_panel import KpiPanel
from console.ui.keymap import BINDINGS, Binding
from console.ui.lottery_banner import LotteryBanner
from console.ui.lottery_chime import LotteryChime
from console.ui.note_box import NoteBox
from console.ui.presenter_view import PresenterWindow
from console.ui.rundown_view import RundownModel, RundownView
from console.ui.segment_card import SegmentCard
from console.ui.show_controller import ShowController
from console.ui.team_scripts import TeamScripts

log = logging.getLogger(__name__)

_TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox)
SKIP_REASONS_HINT = ("平台限流", "主播在换装", "奖品未到位")


class OperatorWindow(QMainWindow):
    def __init__(self, controller: ShowController, settings: Settings,
                 presenter: PresenterWindow, chime: LotteryChime, team_store: TeamStore,
                 font_missing: bool = False) -> None:
        super().__init__()
        self.setObjectName("operator-window")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.controller = controller
        self.runner = controller.runner
        self.settings = settings
        self.presenter = presenter
        self.chime = chime
        self.team_store = team_store
        self.setWindowTitle(self.tr("Live Console — %1").replace("%1", self.runner.show.title))
        self.resize(1500, 940)
        # Replaced in tests; in the studio a dialog whose default button is Enter.
        self.confirm: Callable[[str], bool] = self._confirm_dialog
        self.ask_int: Callable[[str, int, int, int], int | None] = self._ask_int_dialog
        self.ask_text: Callable[[str], str | None] = self._ask_text_dialog

        self.header = HeaderBar(self.runner.rehearsal, controller.session.speed)
        self.banner = LotteryBanner(self.runner)
        self.card = SegmentCard(self.runner)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.card, 1)
        self.setCentralWidget(central)

        self.rundown_model = RundownModel(self.runner, controller.kpi.model, self)
        self.rundown = RundownView(self.rundown_model)
        self.notes = NoteBox()
        self.crisis = CrisisPanel(controller.library, self._favourites())
        self._dock("rundown", self.tr("Rundown"), self.rundown, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.crisis_dock = self._dock("crisis", self.tr("Crisis scripts"), self.crisis,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.kpi = KpiPanel(controller.kpi.feed)
        self.notes_dock = self._dock("notes", self.tr("Note to host"), self.notes,
                                     Qt.DockWidgetArea.BottomDockWidgetArea)
        self.kpi_dock = self._dock("data", self.tr("Data"), self.kpi,
                                   Qt.DockWidgetArea.BottomDockWidgetArea)
        self.splitDockWidget(self.notes_dock, self.kpi_dock, Qt.Orientation.Horizontal)
        self._first_show = True
        self.help = HelpOverlay(self)
        self.storage_label = QLabel()
        self.storage_label.setStyleSheet("color: #ff8a65; font-weight: bold;")
        self.statusBar().addPermanentWidget(self.storage_label)
        self.statusBar().addPermanentWidget(QLabel(self.tr("? keys")))
        if font_missing:
            self.storage_label.setText(self.tr("No Chinese font installed: text may show as boxes"))

        self.team_scripts = TeamScripts(self, controller.library, team_store, self.crisis)
        self._actions: dict[str, Callable[[], None]] = self._action_table()
        self._install_keys()
        self._build_menus()
        self._connect()
        self._flash_on = True
        self._last_second = -1
        self._storage_failing = False
        self.restore_layout()
        self.refresh_all()

    # -- layout ---------------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def restore_layout(self) -> None:
        geometry = self.settings.get(opts.WINDOW_GEOMETRY)
        state = self.settings.get(opts.WINDOW_STATE)
        if geometry:
            self.restoreGeometry(geometry)
        if state:
            self.restoreState(state)
        self._layout_restored = bool(state)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            if not self._layout_restored:
                # First run: wide enough to read the rundown and the crisis list.
                width, height = self.width(), self.height()
                self.resizeDocks([self.findChild(QDockWidget, "dock-rundown"), self.crisis_dock],
                                 [int(width * 0.30), int(width * 0.25)], Qt.Orientation.Horizontal)
                self.resizeDocks([self.notes_dock, self.kpi_dock],
                                 [int(width * 0.25), int(width * 0.75)], Qt.Orientation.Horizontal)
                self.resizeDocks([self.kpi_dock], [int(height * 0.42)], Qt.Orientation.Vertical)
            # Keys belong to the show until someone clicks into a text field (or N, Ctrl+F).
            self.setFocus()

    def save_layout(self) -> None:
        self.settings.set(opts.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.settings.set(opts.WINDOW_STATE, bytes(self.saveState().data()))
        self.settings.set(opts.CRISIS_FAVOURITES, self.crisis.favourites)

    def _favourites(self) -> list[str]:
        saved = [i for i in self.settings.get(opts.CRISIS_FAVOURITES)
                 if self.controller.library.get(i)]
        return saved or [s.id for s in self.controller.library.scripts[:12]]

    # -- keys -----------------------------------------------------------------------------
    def _action_table(self) -> dict[str, Callable[[], None]]:
        c = self.controller
        table = {
            "next": lambda: c.act("next"),
            "previous": lambda: c.act("previous"),
            "undo": lambda: c.act("undo_advance"),
            "extend15": lambda: c.act("extend", 15),
            "trim15": lambda: c.act("extend", -15),
            "extend30": lambda: c.act("extend", 30),
            "restart": self.restart_segment,
            "jump": self.jump,
            "hold": self.toggle_hold,
            "start": self.start_show,
            "end": self.end_show,
            "lottery_fired": lambda: c.act("fire_lottery"),
            "lottery_postpone": self.postpone_lottery,
            "lottery_skip": self.skip_lottery,
            "clear": self.clear_or_leave_field,
            "note": lambda: self.notes.editor.setFocus(),
            "preset1": lambda: self.notes.send_preset(1),
            "preset2": lambda: self.notes.send_preset(2),
            "preset3": lambda: self.notes.send_preset(3),
            "crisis_search": self.focus_crisis_search,
            "kpi_entry": self.focus_kpi_entry,
            "crisis_resolved": self.crisis.resolve_selected,
            "presenter": self.toggle_presenter,
            "presenter_fullscreen": self.toggle_presenter_fullscreen,
            "mirror": self.toggle_mirror,
            "help": self.help.toggle,
        }
        return table

    def _install_keys(self) -> None:
        self.shortcuts: list[QShortcut] = []
        for item in BINDINGS:
            if item.action == "crisis_favourites":
                for number, key in enumerate(item.keys, start=1):
                    self._shortcut(key, item, lambda n=number: self.crisis.push_favourite(n))
            elif item.action in self._actions:
                for key in item.keys:
                    self._shortcut(key, item, self._actions[item.action])

    def _shortcut(self, key: str, item: Binding, handler: Callable[[], None]) -> None:
        shortcut = QShortcut(QKeySequence(key), self)
        # Application-wide: keys keep working when the presenter window has focus.
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.setAutoRepeat(False)
        shortcut.activated.connect(lambda: self.trigger(item, handler))
        self.shortcuts.append(shortcut)

    def trigger(self, item: Binding, handler: Callable[[], None]) -> None:
        if not item.anywhere and self.typing():
            return
        handler()

    def typing(self) -> bool:
        return isinstance(QApplication.focusWidget(), _TEXT_INPUTS)

    def perform(self, action: str) -> None:
        """Run a key-map action by name, as its key would (menus and tests use this)."""
        self._actions[action]()

    # -- actions that ask first ------------------------------------------------------------
    def start_show(self) -> None:
        if self.runner.state is not ShowState.READY:
            self.statusBar().showMessage(self.tr("The show is already running."), 4000)
        elif self.confirm(self.tr("Go live with “%1” now?").replace("%1", self.runner.show.title)):
            self.controller.act("start_show")
            self.controller.start_ticking()

    def end_show(self) -> None:
        if self.runner.state in (ShowState.LIVE, ShowState.HOLD) and \
                self.confirm(self.tr("End the show now? This closes the session.")):
            self.controller.act("end_show", "operator")

    def restart_segment(self) -> None:
        if self.runner.current is not None and \
                self.confirm(self.tr("Restart this segment from its full time?")):
            self.controller.act("restart_segment")

    def jump(self) -> None:
        if self.runner.current is None:
            return
        count = len(self.runner.show.segments)
        number = self.ask_int(self.tr("Jump to segment number (1–%1):").replace("%1", str(count)),
                              self.runner.current_index + 1, 1, count)
        if number is not None:
            self.controller.act("jump", number - 1)

    def toggle_hold(self) -> None:
        self.controller.act("resume_from_hold" if self.runner.state is ShowState.HOLD else "hold")

    def postpone_lottery(self) -> None:
        minutes = self.ask_int(self.tr("Postpone the lottery by how many minutes?"), 2, 1, 60)
        if minutes is not None:
            self.controller.act("postpone_lottery", minutes)

    def skip_lottery(self) -> None:
        reason = self.ask_text(self.tr("Why is the lottery skipped? (e.g. %1)")
                               .replace("%1", " / ".join(SKIP_REASONS_HINT)))
        if reason is not None:
            self.controller.act("skip_lottery", reason)

    def clear_or_leave_field(self) -> None:
        if self.help.isVisible():
            self.help.hide()
        elif self.typing():
            QApplication.focusWidget().clearFocus()
            self.setFocus()
        else:
            cleared = self.controller.clear_takeover()
            if cleared is not Takeover.NONE:
                self.statusBar().showMessage(self.tr("Cleared from the host's screen."), 3000)

    def focus_crisis_search(self) -> None:
        self.crisis_dock.raise_()
        self.crisis.search.setFocus()
        self.crisis.search.selectAll()

    def focus_kpi_entry(self) -> None:
        self.kpi_dock.raise_()
        self.kpi.entry.setFocus()

    def show_crisis_script(self, script_id: str) -> None:
        """An alert's suggestion: select the script (the assistant pushes it, not the console)."""
        self.crisis_dock.raise_()
        self.crisis.select(script_id)

    def toggle_presenter(self) -> None:
        if self.presenter.isVisible():
            self.presenter.hide()
        else:
            self.presenter.place(self.settings.get(opts.PRESENTER_SCREEN),
                                 self.settings.get(opts.PRESENTER_FULLSCREEN))

    def toggle_presenter_fullscreen(self) -> None:
        fullscreen = not self.settings.get(opts.PRESENTER_FULLSCREEN)
        self.settings.set(opts.PRESENTER_FULLSCREEN, fullscreen)
        self.presenter.place(self.settings.get(opts.PRESENTER_SCREEN), fullscreen)

    def toggle_mirror(self) -> None:
        mirror = not self.settings.get(opts.PRESENTER_MIRROR)
        self.settings.set(opts.PRESENTER_MIRROR, mirror)
        self.presenter.set_mirror(mirror)

    # -- menus -------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        show_menu = self.menuBar().addMenu(self.tr("&Show"))
        for action in ("start", "next", "previous", "undo", "hold", "restart", "jump", "end"):
            self._menu_item(show_menu, action)
        lottery_menu = self.menuBar().addMenu(self.tr("&Lottery"))
        for action in ("lottery_fired", "lottery_postpone", "lottery_skip"):
            self._menu_item(lottery_menu, action)
        crisis_menu = self.menuBar().addMenu(self.tr("&Crisis scripts"))
        for text, slot in ((self.tr("New team script…"), self.crisis.new_script),
                           (self.tr("Edit the selected script…"), self.crisis.edit_selected),
                           (self.tr("Import from a file…"), self.team_scripts.import_file),
                           (self.tr("Export the team's scripts…"), self.team_scripts.export_file)):
            entry = QAction(text, self)
            entry.triggered.connect(slot)
            crisis_menu.addAction(entry)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for action in ("presenter", "presenter_fullscreen", "mirror", "help"):
            self._menu_item(view_menu, action)
        self.screen_menu = view_menu.addMenu(self.tr("Presenter view on screen"))
        self.screen_menu.aboutToShow.connect(self._list_screens)
        if self.controller.kpi.simulator is not None:
            cliff = QAction(self.tr("Simulate a traffic cliff (rehearsal)"), self)
            cliff.triggered.connect(self.controller.kpi.simulator.trigger_cliff)
            view_menu.addAction(cliff)
        language = view_menu.addMenu(self.tr("Language (after restart)"))
        for code, name in (("zh_CN", "简体中文"), ("en", "English"), ("system", self.tr("System"))):
            item = QAction(name, self)
            item.triggered.connect(lambda _=False, c=code: self._set_language(c))
            language.addAction(item)

    def _menu_item(self, menu, action: str) -> None:
        item = next(b for b in BINDINGS if b.action == action)
        entry = QAction(f"{item.text()}\t{item.keys[0]}", self)
        entry.triggered.connect(self._actions[action])
        menu.addAction(entry)

    def _list_screens(self) -> None:
        """One entry per connected monitor, so the host's screen can be picked on the spot."""
        self.screen_menu.clear()
        chosen = self.settings.get(opts.PRESENTER_SCREEN)
        for number, screen in enumerate(QGuiApplication.screens()):
            geometry = screen.geometry()
            entry = QAction(f"{number + 1}: {screen.name()} ({geometry.width()}×{geometry.height()})",
                            self, checkable=True, checked=number == chosen)
            entry.triggered.connect(lambda _=False, n=number: self.put_presenter_on(n))
            self.screen_menu.addAction(entry)

    def put_presenter_on(self, screen_number: int) -> None:
        self.settings.set(opts.PRESENTER_SCREEN, screen_number)
        self.presenter.place(screen_number, self.settings.get(opts.PRESENTER_FULLSCREEN))

    def _set_language(self, code: str) -> None:
        self.settings.set(opts.LANGUAGE, code)
        self.statusBar().showMessage(self.tr("Language saved; it applies when the console "
                                             "starts again."), 6000)

    # -- reacting to the show --------------------------------------------------------------------
    def _connect(self) -> None:
        c = self.controller
        c.ticked.connect(self.refresh_clock)
        c.event_logged.connect(self._on_event)
        c.presenter_changed.connect(self._on_presenter_changed)
        c.refused.connect(lambda why: self.statusBar().showMessage(
            self.tr("Not done: %1").replace("%1", why), 5000))
        c.storage_failed.connect(self._on_storage_failed)
        self.notes.send_requested.connect(c.send_message)
        self.crisis.push_requested.connect(c.push_crisis)
        self.crisis.resolve_requested.connect(c.resolve_crisis)
        self.crisis.edit_requested.connect(self.team_scripts.edit)
        self.presenter.view.flashed.connect(self._on_flash)
        c.event_logged.connect(self.kpi.graphs.on_event)
        self.kpi.suggestion_requested.connect(self.show_crisis_script)
        c.kpi.feed.alert_listeners.append(self._on_alert)

    def _on_event(self, event: Event) -> None:
        if event.kind is EventKind.LOTTERY_DUE:
            self.chime.play()
        if event.kind in (EventKind.SEGMENT_STARTED, EventKind.ADVANCE_UNDONE,
                          EventKind.SHOW_ENDED, EventKind.HOLD_STARTED, EventKind.HOLD_ENDED):
            self.card.refresh_segment()
            self.rundown_model.refresh()
            self.rundown.follow_current()
        self.refresh_clock()

    def _on_alert(self, alert) -> None:
        worst = self.controller.kpi.feed.alerts.worst()
        self.header.set_alert(worst.rule.colour if worst else None,
                              alert_title(worst.rule) if worst else "")
        if alert.raised:
            self.statusBar().showMessage(f"{alert_title(alert.rule)} — "
                                         f"{localized(alert.message, alert.message_en)}", 8000)

    def _on_presenter_changed(self) -> None:
        self.crisis.show_pushed(self.controller.board.crisis)
        self.presenter.view.refresh()

    def _on_storage_failed(self, message: str) -> None:
        self._storage_failing = True
        self.storage_label.setText(self.tr("NOT SAVED: %1").replace("%1", message))

    def _on_flash(self, flash_on: bool) -> None:
        self._flash_on = flash_on
        self.banner.refresh(flash_on)

    def refresh_clock(self) -> None:
        self.header.update_reading(read_clock(self.runner))
        self.card.refresh_clock()
        self.banner.refresh(self._flash_on)
        second = self.runner.now_ms() // 1000
        slow = second != self._last_second          # figures and sales: once a second is plenty
        self._last_second = second
        self.rundown_model.refresh(with_sales=slow)
        if slow:
            self.kpi.refresh()
        self.presenter.view.refresh()
        if self._storage_failing and not self.controller.session.log.backlog:
            self._storage_failing = False
            self.storage_label.setText(self.tr("Saved again: every event is on disk."))

    def refresh_all(self) -> None:
        self.card.refresh_segment()
        self.rundown_model.refresh()
        self.rundown.follow_current()
        self.refresh_clock()

    # -- dialogs (replaced in tests) ----------------------------------------------------------------
    def _confirm_dialog(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Please confirm"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_int_dialog(self, question: str, value: int, low: int, high: int) -> int | None:
        number, ok = QInputDialog.getInt(self, self.tr("Live Console"), question, value, low, high)
        return number if ok else None

    def _ask_text_dialog(self, question: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Live Console"), question)
        return text if ok and text.strip() else None

    def closeEvent(self, event) -> None:
        live = self.runner.state in (ShowState.LIVE, ShowState.HOLD)
        if live and not self.confirm(self.tr("The show is still running. Close the console? "
                                             "The session stays open and resumes when you "
                                             "start the console again.")):
            event.ignore()
            return
        self.save_layout()
        self.controller.stop_ticking()
        self.presenter.view.stop()
        self.kpi.stop()
        self.presenter.close()
        super().closeEvent(event)

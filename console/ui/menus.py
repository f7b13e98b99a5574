"""The operator window's menus, made from the action registry (keys shown beside them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from console import settings as opts

if TYPE_CHECKING:
    from console.ui.operator_window import OperatorWindow


def build_menus(window: OperatorWindow) -> None:
    registry, bar = window.registry, window.menuBar()
    show = bar.addMenu(QCoreApplication.translate("OperatorWindow", "&Show"))
    registry.add_to_menu(show, "start", "next", "previous", "undo", "hold", "extend15", "trim15",
                         "restart", "jump", "end")
    show.addSeparator()
    registry.add_to_menu(show, "edit_show")      # no File menu: the show's own menu
    show.addSeparator()
    registry.add_to_menu(show, "quit")
    registry.add_to_menu(bar.addMenu(QCoreApplication.translate("OperatorWindow", "&Lottery")), "lottery_fired", "lottery_postpone",
                         "lottery_skip")
    crisis = bar.addMenu(QCoreApplication.translate("OperatorWindow", "&Crisis scripts"))
    registry.add_to_menu(crisis, "crisis_search", "crisis_resolved")
    crisis.addSeparator()
    team = window.team_scripts
    for text, slot in ((QCoreApplication.translate("OperatorWindow", "New team script…"), window.crisis.new_script),
                       (QCoreApplication.translate("OperatorWindow", "Edit the selected script…"), window.crisis.edit_selected),
                       (QCoreApplication.translate("OperatorWindow", "Import from a file…"), team.import_file),
                       (QCoreApplication.translate("OperatorWindow", "Export the team's scripts…"), team.export_file)):
        entry = QAction(text, window)
        entry.triggered.connect(slot)
        crisis.addAction(entry)
    view = bar.addMenu(QCoreApplication.translate("OperatorWindow", "&View"))
    registry.add_to_menu(view, "presenter", "presenter_fullscreen", "mirror", "help")
    window.screen_menu = window.presenter.add_screen_menu(view)
    kpi = window.controller.kpi
    simulator = kpi.simulator if kpi is not None else None
    if simulator is not None:
        cliff = QAction(QCoreApplication.translate("OperatorWindow", "Simulate a traffic cliff (rehearsal)"), window)
        cliff.triggered.connect(simulator.trigger_cliff)
        view.addAction(cliff)
    language = view.addMenu(QCoreApplication.translate("OperatorWindow", "Language (after restart)"))
    for code, name in (("zh_CN", "简体中文"), ("en", "English"), ("system", QCoreApplication.translate("OperatorWindow", "System"))):
        item = QAction(name, window)
        item.triggered.connect(lambda _=False, c=code: _set_language(window, c))
        language.addAction(item)


def _set_language(window: OperatorWindow, code: str) -> None:
    window.settings.set(opts.LANGUAGE, code)
    window.header.show_feedback(QCoreApplication.translate("OperatorWindow", "Language saved; it applies when the console starts again."))

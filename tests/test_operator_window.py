"""The operator window and the presenter view, driven through the engine and the keys."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from console import settings as opts
from console.engine import CueState, EventKind, ShowState
from console.engine.rundown import RowStatus
from console.presenter import Takeover
from console.settings import Settings
from console.ui import theme
from tests.ui_helpers import close, make_harness

MIN = 60_000


@pytest.fixture
def ui(qtbot, tmp_path, standard):
    harness = make_harness(qtbot, tmp_path, standard)
    yield harness
    close(harness)


def press(qtbot, ui, key, modifier=Qt.KeyboardModifier.NoModifier):
    target = QApplication.focusWidget() or ui.operator
    qtbot.keyClick(target, key, modifier)


def live(ui, qtbot):
    ui.operator.activateWindow()
    ui.operator.setFocus()
    press(qtbot, ui, Qt.Key.Key_S)
    press(qtbot, ui, Qt.Key.Key_S)
    assert ui.runner.state is ShowState.LIVE


def test_s_asks_before_going_live_and_the_badge_says_live(ui, qtbot):
    assert ui.operator.card.product.text() == "Ready: press S, then S again, to go live"
    press(qtbot, ui, Qt.Key.Key_S)
    assert ui.operator.prompts.current.question == "Go live with “溪木护肤 · 周五晚间专场” now?"
    assert ui.runner.state is ShowState.READY
    press(qtbot, ui, Qt.Key.Key_S)
    assert ui.runner.state is ShowState.LIVE and not ui.operator.prompts.is_open
    assert ui.operator.header.badge.text() == "● LIVE"
    assert ui.controller.ticking


def test_phase_is_shown_by_colour_and_by_words(ui, qtbot):
    live(ui, qtbot)
    ui.runner.jump(2)                                  # a 90 s pitch
    ui.tick(80_000)
    card = ui.operator.card
    assert card.countdown.text() == "0:10"
    assert card.phase.text() == "⚠ Last 15 s"
    assert theme.PHASE_COLOURS[theme.Phase.WARNING][0] in card.countdown.styleSheet()
    ui.tick(23_000)
    assert card.countdown.text() == "+0:13"
    assert card.phase.text() == "✖ OVERTIME"
    assert f"background: {theme.PHASE_COLOURS[theme.Phase.OVERTIME][0]}" in card.countdown.styleSheet()
    assert ui.console.presenter.view.state().phase is theme.Phase.OVERTIME


def test_rundown_shows_done_current_next_and_skipped(ui, qtbot):
    live(ui, qtbot)
    ui.tick(3 * MIN)
    press(qtbot, ui, Qt.Key.Key_Space)
    press(qtbot, ui, Qt.Key.Key_J)
    qtbot.keyClicks(ui.operator.prompts.field, "6")
    press(qtbot, ui, Qt.Key.Key_Return)
    statuses = [row.status for row in ui.operator.rundown_model.rows[:8]]
    assert statuses == [RowStatus.DONE, RowStatus.DONE, RowStatus.SKIPPED, RowStatus.SKIPPED,
                        RowStatus.SKIPPED, RowStatus.CURRENT, RowStatus.NEXT, RowStatus.PENDING]
    model = ui.operator.rundown_model
    status_column = model.COLUMNS.index("status")
    assert model.data(model.index(5, status_column)) == "▶ current"
    assert model.data(model.index(2, status_column)) == "» skipped"


def test_lottery_due_mid_pitch_takes_over_and_l_acknowledges(ui, qtbot):
    live(ui, qtbot)
    ui.tick(9 * MIN)
    assert ui.operator.banner.isVisible() and "Lottery #1 in 1:00" in ui.operator.banner.text()
    ui.runner.jump(6)                                  # a pitch runs across 10:00
    ui.tick(MIN + 5_000)
    banner = ui.operator.banner
    assert banner.state is CueState.DUE
    assert "LOTTERY #1 DUE — after this SKU" in banner.text()
    state = ui.console.presenter.view.state()
    assert state.takeover is Takeover.LOTTERY and state.after_sku
    press(qtbot, ui, Qt.Key.Key_L)
    assert ui.runner.lottery.cue(1).state is CueState.FIRED
    assert banner.state is None and "Lottery #2 in" in banner.text()    # its slot stays
    fired = ui.events(EventKind.LOTTERY_FIRED)[-1]
    assert fired.details["by"] == "operator" and fired.details["delay_ms"] == 5_000


def test_p_postpones_and_k_skips_with_a_reason(ui, qtbot):
    live(ui, qtbot)
    ui.runner.jump(12)                                 # a flash sale runs long: no lottery of
                                                       # the script stands for cue 1
    ui.tick(10 * MIN)
    press(qtbot, ui, Qt.Key.Key_P)
    press(qtbot, ui, Qt.Key.Key_5)
    press(qtbot, ui, Qt.Key.Key_Return)
    assert ui.runner.lottery.cue(1).due_ms == 15 * MIN
    ui.tick(5 * MIN)
    press(qtbot, ui, Qt.Key.Key_K)
    ui.operator.prompts.field.setText("主播在换装")       # Chinese arrives through the IME
    press(qtbot, ui, Qt.Key.Key_Return)
    assert ui.runner.lottery.cue(1).skip_reason == "主播在换装"
    assert [e.kind for e in ui.controller.session.log.events()][-1] is EventKind.LOTTERY_SKIPPED


def test_f_key_pushes_a_crisis_script_and_esc_clears_it(ui, qtbot):
    live(ui, qtbot)
    ui.runner.jump(3)
    press(qtbot, ui, Qt.Key.Key_F6)
    state = ui.console.presenter.view.state()
    assert state.takeover is Takeover.CRISIS and state.crisis.id == "stream-freeze"
    pushed = ui.events(EventKind.CRISIS_PUSHED)[0]
    assert pushed.details == {"script": "stream-freeze", "title": "断流卡顿", "segment_index": 3}
    assert ui.operator.crisis.pushed_label.text() == "On the host's screen: 断流卡顿"
    press(qtbot, ui, Qt.Key.Key_Escape)
    assert ui.console.presenter.view.state().takeover is Takeover.NONE
    assert ui.events(EventKind.PRESENTER_CLEARED)[0].details["takeover"] == "crisis"


def test_crisis_search_finds_by_word_and_enter_pushes(ui, qtbot):
    live(ui, qtbot)
    press(qtbot, ui, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is ui.operator.crisis.search
    ui.operator.crisis.search.setText("库存")          # Chinese arrives through the IME, not keys
    assert ui.operator.crisis.selected().id == "out-of-stock"
    press(qtbot, ui, Qt.Key.Key_Return)
    assert ui.controller.board.crisis.id == "out-of-stock"
    press(qtbot, ui, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert ui.controller.board.crisis is None
    assert ui.events(EventKind.CRISIS_RESOLVED)[0].details["script"] == "out-of-stock"


def test_a_note_reaches_the_presenter_view(ui, qtbot):
    live(ui, qtbot)
    press(qtbot, ui, Qt.Key.Key_N)
    assert QApplication.focusWidget() is ui.operator.notes.editor
    ui.operator.notes.editor.insertPlainText("价格说错了，是 99")
    press(qtbot, ui, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    state = ui.console.presenter.view.state()
    assert state.takeover is Takeover.MESSAGE and state.message == "价格说错了，是 99"
    assert ui.operator.notes.editor.toPlainText() == ""
    assert ui.events(EventKind.NOTE_SENT)[0].details["text"] == "价格说错了，是 99"
    press(qtbot, ui, Qt.Key.Key_Escape)               # leaves the note field
    press(qtbot, ui, Qt.Key.Key_Escape)               # clears the message
    assert ui.controller.board.message is None


def test_preset_notes_go_with_one_key(ui, qtbot):
    live(ui, qtbot)
    press(qtbot, ui, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert ui.controller.board.message == "Read the comments"


def test_the_key_map_drives_the_show(ui, qtbot):
    live(ui, qtbot)
    press(qtbot, ui, Qt.Key.Key_Space)
    press(qtbot, ui, Qt.Key.Key_Right)
    assert ui.runner.current_index == 2
    press(qtbot, ui, Qt.Key.Key_Left)
    assert ui.runner.current_index == 1
    press(qtbot, ui, Qt.Key.Key_Plus)
    assert ui.runner.remaining_ms() == 105_000
    press(qtbot, ui, Qt.Key.Key_Minus)
    press(qtbot, ui, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert ui.runner.remaining_ms() == 120_000
    press(qtbot, ui, Qt.Key.Key_H)
    assert ui.runner.state is ShowState.HOLD and "ON HOLD" in ui.operator.card.phase.text()
    press(qtbot, ui, Qt.Key.Key_H)
    press(qtbot, ui, Qt.Key.Key_Space)
    press(qtbot, ui, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ui.runner.current_index == 1
    press(qtbot, ui, Qt.Key.Key_R)
    assert ui.operator.prompts.current.question == "Restart “引流款:氨基酸洁面乳” from its full time?"
    press(qtbot, ui, Qt.Key.Key_R)
    assert ui.events(EventKind.SEGMENT_STARTED)[-1].details["reason"] == "restart"
    press(qtbot, ui, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, ui, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert ui.runner.state is ShowState.FINISHED


def test_no_plain_key_fires_while_typing(ui, qtbot):
    live(ui, qtbot)
    editor = ui.operator.notes.editor
    editor.setFocus()
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_L, Qt.Key.Key_H, Qt.Key.Key_Plus,
                Qt.Key.Key_J, Qt.Key.Key_Question):
        qtbot.keyClick(editor, key)
    assert ui.runner.current_index == 0 and ui.runner.state is ShowState.LIVE
    assert ui.runner.remaining_ms() == 180_000
    assert not ui.operator.help.isVisible()
    search = ui.operator.crisis.search
    search.setFocus()
    qtbot.keyClicks(search, "S L")
    assert search.text() == "S L" and ui.runner.current_index == 0


def test_refused_actions_say_why_in_the_header(ui, qtbot):
    live(ui, qtbot)
    press(qtbot, ui, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ui.operator.header.feedback.text() == "Not done: nothing to undo"


def test_question_mark_shows_the_key_map(ui, qtbot):
    press(qtbot, ui, Qt.Key.Key_Question)
    assert ui.operator.help.isVisible()
    press(qtbot, ui, Qt.Key.Key_Escape)
    assert not ui.operator.help.isVisible()


def test_presenter_view_mirrors_and_remembers(ui, qtbot):
    press(qtbot, ui, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert ui.console.presenter.view.mirror
    assert ui.settings.get(opts.PRESENTER_MIRROR) is True


def test_docks_moved_by_the_user_come_back_where_they_were(qtbot, tmp_path, standard):
    settings = Settings()
    first = make_harness(qtbot, tmp_path / "a", standard, settings)
    crisis_dock = first.operator.findChild(QDockWidget, "dock-crisis")
    first.operator.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, crisis_dock)
    first.operator.save_layout()
    close(first)
    assert settings.get(opts.WINDOW_GEOMETRY)
    second = make_harness(qtbot, tmp_path / "b", standard, settings)
    moved = second.operator.findChild(QDockWidget, "dock-crisis")
    assert second.operator.dockWidgetArea(moved) is Qt.DockWidgetArea.LeftDockWidgetArea
    close(second)


def test_closing_during_a_live_show_asks_and_keeps_the_session_open(ui, qtbot):
    live(ui, qtbot)
    ui.operator.close()                               # the window's ✕ or Alt+F4
    assert ui.operator.isVisible() and ui.operator.prompts.current.action == "quit"
    press(qtbot, ui, Qt.Key.Key_Space)                # a stray key answers nothing
    press(qtbot, ui, Qt.Key.Key_Escape)
    assert ui.operator.isVisible() and not ui.operator.prompts.is_open
    press(qtbot, ui, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert ui.operator.isVisible()
    press(qtbot, ui, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not ui.operator.isVisible() and ui.runner.state is ShowState.LIVE


def test_a_team_script_written_in_the_editor_is_saved_and_found(ui, qtbot, monkeypatch, tmp_path):
    from console.ui.crisis_editor import CrisisEditor

    def fill_and_accept(editor):
        editor.title.setText("主播咳嗽")
        editor.title_en.setText("Host coughing")
        editor.tags.setText("咳嗽，嗓子")
        editor.lists["host_lines"].setPlainText("稍等，喝口水\n马上回来")
        editor.accept()
        return True

    monkeypatch.setattr(CrisisEditor, "show", fill_and_accept)
    ui.operator.team_scripts.edit(None)
    script = ui.controller.library.get("host-coughing")
    assert script.source == "team" and script.tags == ("咳嗽", "嗓子")
    assert script.host_lines == ("稍等，喝口水", "马上回来")
    assert (tmp_path / "crisis-scripts.toml").exists()
    ui.operator.crisis.search.setText("嗓子")
    assert ui.operator.crisis.selected().id == "host-coughing"
    assert ui.operator.header.feedback.text() == "✓ Team crisis scripts saved."


def test_the_crisis_editor_is_not_modal_and_the_f_keys_work_beside_it(ui, qtbot):
    live(ui, qtbot)
    ui.operator.team_scripts.edit(None)
    editor = ui.operator.team_scripts.editors[0]
    assert editor.isVisible() and not editor.isModal()
    assert QApplication.activeModalWidget() is None
    ui.operator.perform("crisis_favourites", 6)
    assert ui.controller.board.crisis.id == "stream-freeze"
    editor.reject()
    assert ui.operator.team_scripts.editors == []


def test_import_and_export_wait_until_the_show_is_over(ui, qtbot):
    live(ui, qtbot)
    ui.operator.team_scripts.import_file()
    assert "after the show" in ui.operator.header.feedback.text()


def test_the_editor_refuses_a_script_without_host_lines(ui, qtbot):
    from console.ui.crisis_editor import CrisisEditor
    editor = CrisisEditor(None, set(), ui.operator)
    editor.title.setText("空")
    assert editor.script() is None
    assert editor.problem.text() == "The host's lines are needed: they are what gets pushed."


def test_the_presenter_screen_can_be_chosen_and_is_remembered(ui, qtbot):
    ui.operator.screen_menu.aboutToShow.emit()
    assert len(ui.operator.screen_menu.actions()) >= 1
    ui.console.presenter.put_on(0)
    assert ui.settings.get(opts.PRESENTER_SCREEN) == 0
    assert ui.console.presenter.isVisible()


def test_the_rundown_names_each_row_s_sku(ui, qtbot):
    model = ui.operator.rundown_model
    sku_column = model.COLUMNS.index("sku")
    assert model.data(model.index(2, sku_column)) == "A02"
    assert model.data(model.index(2, sku_column), Qt.ItemDataRole.ToolTipRole) == "溪木玻尿酸补水精华 30ml"


def test_the_presenter_placement_is_remembered_for_this_screen_layout(ui, qtbot):
    from console.ui.presenter_window import screen_layout
    presenter = ui.console.presenter
    presenter.showNormal()
    presenter.setGeometry(40, 60, 700, 400)
    qtbot.waitUntil(lambda: presenter.geometry().topLeft().x() == 40)
    presenter.remember()
    places = json.loads(ui.settings.get(opts.PRESENTER_PLACES))
    assert list(places) == [screen_layout()]
    presenter.setGeometry(300, 300, 640, 360)
    presenter.hide()
    presenter.place()
    assert presenter.isVisible() and presenter.geometry().width() == 700

"""After a crash the window says what it resumed, and offers a new session instead."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.clock import FakeClock
from console.engine import ShowState
from console.session import abandon_and_start_new, open_session
from console.storage.database import open_database
from tests.ui_helpers import close, make_harness

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def crashed_show(folder, standard):
    """A live show that logged some events and then lost its console."""
    db = open_database(folder / "sessions.db")
    # Five minutes before the harness's clock: the console comes back 100 s after the
    # last event (a wall clock going backwards would need the operator's word).
    clock = FakeClock(utc=FakeClock().utc_now() - dt.timedelta(seconds=300))
    session = open_session(db, standard, clock)
    session.runner.start_show()
    clock.advance(200_000)
    session.runner.next()
    db.close()
    return session.id


def keys_to_the_show(ui, qtbot):
    ui.operator.focus_show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ui.operator)


def press(qtbot, key, modifier):
    qtbot.keyClick(QApplication.focusWidget() or QApplication.activeWindow(), key, modifier)


def test_a_resumed_show_says_so_without_taking_the_keys(qtbot, tmp_path, standard):
    number = crashed_show(tmp_path, standard)
    ui = make_harness(qtbot, tmp_path, standard)
    notice = ui.operator.resume_notice
    assert notice.isVisible()
    assert notice.text.text().startswith(f"Resumed show #{number} 《溪木护肤 · 周五晚间专场》")
    assert "Ctrl+Shift+N" in notice.text.text()
    ui.controller.start_ticking()                     # the resume is logged…
    assert ui.operator.resume_notice.resumption is not None     # …and the notice still knows
    keys_to_the_show(ui, qtbot)
    qtbot.keyClick(ui.operator, Qt.Key.Key_Space)     # the show's keys work as ever
    assert ui.runner.current_index == 2
    close(ui)


def test_ctrl_shift_n_twice_asks_for_a_new_session(qtbot, tmp_path, standard):
    crashed_show(tmp_path, standard)
    ui = make_harness(qtbot, tmp_path, standard)
    keys_to_the_show(ui, qtbot)
    press(qtbot, Qt.Key.Key_N, CTRL_SHIFT)
    assert ui.operator.prompts.is_confirming("new_session")
    assert ui.operator.isVisible()
    press(qtbot, Qt.Key.Key_N, CTRL_SHIFT)
    assert ui.operator.new_session_requested and not ui.operator.isVisible()
    fresh = abandon_and_start_new(ui.controller.session)       # what run_gui does next
    assert fresh.id != ui.controller.session.id and fresh.runner.state is ShowState.READY
    close(ui)


def test_a_fresh_session_has_no_notice_and_refuses_a_new_session(qtbot, tmp_path, standard):
    ui = make_harness(qtbot, tmp_path, standard)
    assert not ui.operator.resume_notice.isVisible()
    ui.operator.perform("new_session")
    assert not ui.operator.prompts.is_open
    assert ui.operator.header.feedback.text() == "Not done: this session was not resumed"
    close(ui)


def test_the_notice_sits_inside_the_window_at_the_bottom_of_the_segment(qtbot, tmp_path, standard):
    crashed_show(tmp_path, standard)
    ui = make_harness(qtbot, tmp_path, standard)
    ui.operator.resize(1366, 700)
    central = ui.operator.centralWidget()
    qtbot.waitUntil(lambda: central.rect().contains(ui.operator.resume_notice.geometry()))
    notice = ui.operator.resume_notice.geometry()
    assert notice.bottom() >= central.height() - 20 and notice.width() >= central.width() - 20
    close(ui)


def test_a_resume_without_the_downtime_says_so(qtbot, tmp_path, standard):
    from console.session import DOWNTIME_NONE
    crashed_show(tmp_path, standard)
    session = open_session(open_database(tmp_path / "sessions.db"), standard, FakeClock(),
                           downtime=DOWNTIME_NONE)
    assert session.resumption.gap_ms == 0 and not session.resumption.downtime_counted
    session.close()
    ui = make_harness(qtbot, tmp_path, standard)
    notice = ui.operator.resume_notice
    assert "is counted" in notice.text.text()        # the harness's own resume counts it
    said = notice.describe(session.resumption)
    assert "not counted, as chosen" in said and "3:20, where its log stopped" in said
    close(ui)

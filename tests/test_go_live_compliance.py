"""Going live with must-fix advertising-law wording needs 1 then Enter, and is logged."""

import signal
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.background import wait_until
from console.engine import EventKind, ShowState
from console.script import load_show_text
from tests.conftest import STANDARD
from tests.ui_helpers import close, make_harness

WORDING = STANDARD.read_text("utf-8").replace(
    'title = "溪木护肤 · 周五晚间专场"', 'title = "溪木护肤 · 全网最低价专场"', 1)


def press(qtbot, key):
    qtbot.keyClick(QApplication.focusWidget() or QApplication.activeWindow(), key)


@pytest.fixture
def ui(qtbot, tmp_path):
    loaded = load_show_text(WORDING, str(tmp_path / "show.toml"))
    harness = make_harness(qtbot, tmp_path, loaded)
    yield harness
    close(harness)


def test_s_twice_does_not_go_live_over_must_fix_wording_and_one_enter_does_with_a_log(ui, qtbot):
    assert ui.controller.must_fix and "全网最低" in ui.controller.must_fix[0]
    ui.operator.focus_show()
    for key in (Qt.Key.Key_S, Qt.Key.Key_S, Qt.Key.Key_Space):
        press(qtbot, key)
    assert ui.runner.state is ShowState.READY
    assert "must-fix wording" in ui.operator.prompts.question.text()
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Return)
    assert ui.runner.state is ShowState.LIVE
    logged = ui.events(EventKind.COMPLIANCE_ACKNOWLEDGED)
    assert len(logged) == 1 and logged[0].details["must_fix"] == len(ui.controller.must_fix)
    assert "全网最低" in logged[0].details["hits"][0]


def test_esc_leaves_the_show_ready(ui, qtbot):
    ui.operator.focus_show()
    press(qtbot, Qt.Key.Key_S)
    press(qtbot, Qt.Key.Key_Escape)
    assert ui.runner.state is ShowState.READY and not ui.operator.prompts.is_open


def test_clean_wording_goes_live_as_before(qtbot, tmp_path, standard):
    ui = make_harness(qtbot, tmp_path, standard)
    try:
        assert ui.controller.must_fix == []
        ui.start()
        assert ui.runner.state is ShowState.LIVE
        assert ui.events(EventKind.COMPLIANCE_ACKNOWLEDGED) == []
    finally:
        close(ui)


def test_a_headless_live_show_with_must_fix_wording_needs_accept_wording(tmp_path, capsys):
    from console.cli import main
    from console.storage.database import open_database
    from console.storage.session_log import SessionLog
    show = tmp_path / "show.toml"
    show.write_text(WORDING, encoding="utf-8")
    data = tmp_path / "data"
    assert main(["run", str(show), "--headless", "--until-end", "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert "must-fix wording" in err and "--accept-wording" in err and "console lint" in err
    db = open_database(data / "sessions.db")
    assert db.execute("SELECT end_reason FROM sessions").fetchall() == [("never started",)]
    # Accepted: it goes live and the acknowledgement is logged (a rehearsal never asks).
    assert main(["run", str(show), "--headless", "--rehearsal", "--speed", "1000", "--until-end",
                 "--data-dir", str(tmp_path / "rehearsal")]) == 0
    child = subprocess.Popen([sys.executable, "-m", "console", "run", str(show), "--headless",
                              "--accept-wording", "--data-dir", str(data)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_until(lambda: (data / "sessions.db").exists() and open_database(
            data / "sessions.db").execute("SELECT COUNT(*) FROM events WHERE session_id = 2 "
                                          "AND kind = 'compliance_acknowledged'").fetchone()[0],
                          timeout=30)
    finally:
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    events = SessionLog(open_database(data / "sessions.db"), 2).events()
    acknowledged = [e for e in events if e.kind is EventKind.COMPLIANCE_ACKNOWLEDGED]
    assert len(acknowledged) == 1 and "全网最低" in acknowledged[0].details["hits"][0]

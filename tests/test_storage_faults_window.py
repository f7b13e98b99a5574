"""In the window: a database another program holds locked freezes nothing — the keys and
the countdown go on, the header says NOT SAVED, and says when every event is on disk again."""

import sqlite3
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.engine import ShowState
from tests.ui_helpers import close, make_harness


@pytest.fixture
def ui(qtbot, tmp_path, standard):
    harness = make_harness(qtbot, tmp_path, standard, background=True)
    yield harness
    close(harness)


def test_a_locked_database_shows_in_the_header_while_the_show_goes_on(ui, qtbot, tmp_path):
    header = ui.operator.header
    other = sqlite3.connect(str(tmp_path / "sessions.db"))
    other.execute("BEGIN EXCLUSIVE")                 # a database viewer holding it
    try:
        started = time.monotonic()
        ui.operator.focus_show()
        for key in (Qt.Key.Key_S, Qt.Key.Key_S, Qt.Key.Key_Space):   # go live, next segment
            qtbot.keyClick(QApplication.focusWidget() or QApplication.activeWindow(), key)
        remaining = ui.runner.remaining_ms()
        ui.tick(1000)
        assert time.monotonic() - started < 1.0      # three events, no wait on the lock
        assert ui.runner.state is ShowState.LIVE and ui.runner.current_index == 1
        assert ui.runner.remaining_ms() == remaining - 1000
        qtbot.waitUntil(lambda: (ui.tick(100), header.problems.isVisible())[1], timeout=10_000)
        assert "NOT SAVED" in header.problems.text() and "locked" in header.problems.text()
    finally:
        other.rollback()
        other.close()
    qtbot.waitUntil(lambda: (ui.tick(100), not header.problems.isVisible())[1], timeout=10_000)
    assert "Saved again" in header.feedback.text()
    assert [e.seq for e in ui.controller.session.log.events()] == [1, 2, 3]


def test_a_background_thread_that_dies_is_said_in_the_header(ui, qtbot):
    """A thread may not die silently: threading.excepthook reaches the header on the tick."""
    import threading

    from console.background import install_thread_excepthook
    previous = threading.excepthook
    install_thread_excepthook()
    try:
        def doomed():
            raise RuntimeError("the bridge went away")
        thread = threading.Thread(target=doomed, name="platform-bridge")
        thread.start()
        thread.join()
        ui.tick(100)
    finally:
        threading.excepthook = previous
    text = ui.operator.header.problems.text()
    assert "Internal error in a background task" in text
    assert "platform-bridge: RuntimeError: the bridge went away" in text


def test_a_sample_writer_that_cannot_save_is_said_in_the_header(ui, qtbot, tmp_path):
    from console.kpi.setup import KpiOptions, build_kpi
    kpi = build_kpi(ui.controller.session, ui.controller.session.log.db, tmp_path, KpiOptions())
    ui.controller.kpi = kpi
    header = ui.operator.header
    other = sqlite3.connect(str(tmp_path / "sessions.db"))
    try:
        other.execute("BEGIN EXCLUSIVE")
        ui.start()
        kpi.feed.add({"online": 1200}, "test")
        qtbot.waitUntil(lambda: (ui.tick(100), "KPI figures NOT SAVED" in header.problems.text())[1],
                        timeout=10_000)
        other.rollback()
        qtbot.waitUntil(lambda: (ui.tick(100), "KPI figures" not in header.problems.text())[1],
                        timeout=10_000)
        assert kpi.writer.written == 1
    finally:
        other.close()
        ui.controller.kpi = None
        kpi.close()


def test_a_followed_file_that_cannot_be_read_is_said_in_the_header(ui, qtbot, tmp_path):
    from console.kpi.follow import BackgroundFollower, FileFollower
    from console.kpi.setup import KpiOptions, build_kpi
    kpi = build_kpi(ui.controller.session, ui.controller.session.log.db, tmp_path, KpiOptions())
    follower = FileFollower(tmp_path / "screen.csv")

    def refused():
        raise PermissionError(13, "Permission denied", str(tmp_path / "screen.csv"))
    follower.poll = refused
    kpi.feed.followers = [BackgroundFollower(follower)]
    ui.controller.kpi = kpi
    header = ui.operator.header
    try:
        ui.start()
        qtbot.waitUntil(lambda: (ui.tick(100), "cannot be read" in header.problems.text())[1],
                        timeout=5000)
        assert "screen.csv: [Errno 13] Permission denied" in header.problems.text()
    finally:
        ui.controller.kpi = None
        kpi.close()

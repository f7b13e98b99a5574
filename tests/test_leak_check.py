"""The suite's leak check (tests/conftest.py) fails a test that leaves a thread or a Qt
timer running, and lets through one marked as a known leak."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

INNER = '''
import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

KEPT = []      # windows that outlive their test, as a console's do (a fixture holds them)


def test_leaves_a_thread():
    threading.Thread(target=time.sleep, args=(30,), name="sleeper", daemon=True).start()


def test_a_thread_that_is_finishing_is_given_time():
    threading.Thread(target=time.sleep, args=(0.3,), name="brief").start()


@pytest.mark.leaves_thread("known, fixed after the merge")
def test_a_known_thread_leak_is_allowed():
    threading.Thread(target=time.sleep, args=(30,), name="allowed", daemon=True).start()


def test_leaves_a_timer_in_a_closed_window(qtbot):
    window = QWidget(objectName="window")
    KEPT.append(window)
    qtbot.addWidget(window)
    timer = QTimer(window, objectName="ticker")
    timer.start(1000)


class Tidy(QWidget):
    def __init__(self):
        super().__init__()
        self.timer = QTimer(self)
        self.timer.start(1000)

    def closeEvent(self, event):
        self.timer.stop()
        super().closeEvent(event)


def test_a_window_that_stops_its_timer_on_close_passes(qtbot):
    KEPT.append(Tidy())
    qtbot.addWidget(KEPT[-1])


@pytest.mark.leaves_timer("known, fixed after the merge")
def test_a_known_timer_leak_is_allowed(qtbot):
    window = QWidget()
    KEPT.append(window)
    qtbot.addWidget(window)
    QTimer(window).start(1000)
'''


def test_the_leak_check_fails_leaks_and_allows_known_ones(tmp_path):
    (tmp_path / "conftest.py").write_text(
        "from tests.conftest import no_leaked_threads_or_timers  # noqa: F401\n")
    (tmp_path / "test_inner.py").write_text(textwrap.dedent(INNER))
    (tmp_path / "pytest.ini").write_text(
        "[pytest]\nqt_api = pyside6\nmarkers =\n    leaves_thread(reason): x\n"
        "    leaves_timer(reason): x\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rE", "-p", "no:cacheprovider",
                             "--strict-markers", str(tmp_path)],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    out = result.stdout
    assert "6 passed, 2 errors" in out, out + result.stderr
    assert "ERROR at teardown of test_leaves_a_thread " in out
    assert "leak: threads still running after the test: sleeper (daemon)" in out
    assert "ERROR at teardown of test_leaves_a_timer_in_a_closed_window " in out
    assert ("leak: Qt timers still running after the test's windows closed: "
            "QTimer('ticker') < QWidget('window') every 1000 ms") in out

"""Whole shows through the windowed console: no Qt warning, a clean exit."""

import os
import subprocess
import sys

import pytest

from console.clock import SystemClock
from console.engine import ShowState
from console.engine.intents import StartShow
from console.session import open_session
from console.settings import Settings
from console.storage.database import open_database
from console.ui.app import build_console
from console.ui.fonts import cjk_family
from console.ui.lottery_chime import LotteryChime
from tests.conftest import STANDARD


def test_a_full_sample_rehearsal_runs_at_high_speed_without_a_qt_warning(qtbot, tmp_path, standard):
    db = open_database(tmp_path / "sessions.db")
    session = open_session(db, standard, SystemClock(), rehearsal=True, speed=700)
    console = build_console(session, tmp_path, Settings(), autopilot=True, end_with_script=True)
    qtbot.addWidget(console.operator)
    qtbot.addWidget(console.presenter)
    console.operator.show()
    console.presenter.show()
    with qtbot.waitSignal(console.controller.finished, timeout=30_000):
        console.controller.do(StartShow())
        console.controller.start_ticking()
    runner = session.runner
    assert runner.state is ShowState.FINISHED and runner.end_reason == "script finished"
    assert console.presenter.view.state().finished
    assert not console.controller.ticking
    lotteries = db.execute("SELECT outcome FROM lottery_cues").fetchall()
    assert lotteries == [("fired",)] * 3
    console.presenter.view.stop()
    console.operator.close()


@pytest.mark.slow
def test_the_windowed_app_runs_a_rehearsal_and_exits_0(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIVE_CONSOLE_AUDIO": "off"}
    result = subprocess.run(
        [sys.executable, "-m", "console", "run", str(STANDARD), "--rehearsal", "--speed", "700",
         "--autopilot", "--until-end", "--data-dir", str(tmp_path), "--lang", "zh_CN"],
        capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    noise = [line for line in result.stderr.splitlines()
             if line and "propagateSizeHints" not in line and "lottery cues will be visual" not in line]
    assert noise == []
    db = open_database(tmp_path / "sessions.db")
    assert db.execute("SELECT end_reason FROM sessions").fetchone()[0] == "script finished"
    db.close()


def test_a_cjk_font_is_installed_so_chinese_never_shows_as_boxes(qapp):
    assert cjk_family() is not None, "install fonts-noto-cjk (see .ci/run)"


def test_without_audio_the_chime_is_silent_and_says_so_once(qapp, monkeypatch, caplog):
    import console.ui.lottery_chime as chime_module
    monkeypatch.setenv("LIVE_CONSOLE_AUDIO", "off")
    monkeypatch.setattr(chime_module, "_warned", False)
    chimes = [LotteryChime() for _ in range(3)]
    for chime in chimes:
        chime.play()
    assert not any(c.available for c in chimes)
    warnings = [r for r in caplog.records if "visual only" in r.getMessage()]
    assert len(warnings) == 1

"""After an unclean exit the session resumes at the right segment and time."""

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from console.clock import FakeClock
from console.engine import CueState, EventKind, ShowState
from console.session import (DOWNTIME_NONE, SessionConflict, UncertainDowntime,
                             abandon_and_start_new, open_session)
from console.script import load_show_text
from console.storage.database import open_database
from console.storage.session_log import SessionLog
from tests.conftest import STANDARD, show_text
from tests.test_session_log import SHOW

MIN = 60_000


def restart_later(clock: FakeClock, seconds: float) -> FakeClock:
    """A new process: a fresh monotonic origin, the wall clock `seconds` on."""
    return FakeClock(start_ms=42, utc=clock.utc_now() + dt.timedelta(seconds=seconds))


def test_resume_continues_the_segment_with_the_gap_counted_as_elapsed(tmp_path, clock):
    path = tmp_path / "sessions.db"
    runner = open_session(open_database(path), SHOW, clock).runner
    runner.start_show()
    clock.advance(65_000)
    runner.next()                          # p1 starts at 1:05, 90 s planned
    clock.advance(30_000)                  # ...the PC dies 30 s into the pitch
    later = restart_later(clock, 45)       # and is back 45 s later
    session = open_session(open_database(path), SHOW, later)
    assert session.resumption.gap_ms == 75_000
    runner = session.runner
    assert runner.state is ShowState.LIVE and runner.current_index == 1
    assert runner.remaining_ms() == 15_000
    assert runner.now_ms() == 140_000
    session.finish_resume()
    resumed = session.log.events()[-1]
    assert resumed.kind is EventKind.RESUMED and resumed.show_ms == 140_000
    assert resumed.details == {"since_last_event_ms": 75_000, "last_event_show_ms": 65_000,
                               "index": 1}
    later.advance(16_000)
    assert runner.remaining_ms() == -1_000


def test_resume_keeps_a_hold_and_pending_lottery(tmp_path, clock):
    path = tmp_path / "sessions.db"
    runner = open_session(open_database(path), SHOW, clock).runner
    runner.start_show()
    runner.jump(3)
    clock.advance(10 * MIN)
    runner.poll()
    clock.advance(20_000)
    runner.hold()
    session = open_session(open_database(path), SHOW, restart_later(clock, 300))
    runner = session.runner
    assert runner.state is ShowState.HOLD
    assert runner.remaining_ms() == 15 * MIN - (10 * MIN + 20_000)
    assert [c.number for c in runner.lottery.pending()] == [1]
    assert runner.lottery.cue(1).state is CueState.DUE


def test_a_clock_set_backwards_across_a_reboot_asks_and_none_resumes_where_the_log_stopped(
        tmp_path, clock):
    path = tmp_path / "sessions.db"
    runner = open_session(open_database(path), SHOW, clock).runner
    runner.start_show()
    clock.advance(10_000)
    runner.extend(15)
    with pytest.raises(UncertainDowntime, match="1:00:00 earlier"):
        open_session(open_database(path), SHOW, restart_later(clock, -3600))
    session = open_session(open_database(path), SHOW, restart_later(clock, -3600),
                           downtime=DOWNTIME_NONE)
    assert session.resumption.gap_ms == 0
    assert session.runner.remaining_ms() == 65_000


def test_a_session_dead_for_half_a_day_is_not_resumed(tmp_path, clock):
    path = tmp_path / "sessions.db"
    open_session(open_database(path), SHOW, clock, rehearsal=True).runner.start_show()
    with pytest.raises(SessionConflict, match=r"13 h ago.*--new"):
        open_session(open_database(path), SHOW, restart_later(clock, 13 * 3600))
    fresh = open_session(open_database(path), SHOW, restart_later(clock, 13 * 3600), new=True)
    assert fresh.resumption is None and fresh.id == 2


def test_a_live_show_dead_for_half_a_day_needs_abandon_live(tmp_path, clock):
    path = tmp_path / "sessions.db"
    open_session(open_database(path), SHOW, clock).runner.start_show()
    later = restart_later(clock, 13 * 3600)
    with pytest.raises(SessionConflict, match=r"13 h ago.*--abandon-live"):
        open_session(open_database(path), SHOW, later)
    with pytest.raises(SessionConflict, match=r"LIVE show.*--abandon-live"):
        open_session(open_database(path), SHOW, later, new=True)
    fresh = open_session(open_database(path), SHOW, later, abandon_live=True)
    assert fresh.resumption is None and fresh.id == 2


def test_new_never_closes_a_live_show(tmp_path, clock):
    path = tmp_path / "sessions.db"
    open_session(open_database(path), SHOW, clock).runner.start_show()
    clock.advance(30_000)
    with pytest.raises(SessionConflict) as refused:
        open_session(open_database(path), SHOW, restart_later(clock, 5), rehearsal=True, new=True)
    assert "#1" in str(refused.value) and "--abandon-live" in str(refused.value)
    assert SessionLog(open_database(path), 1).row().ended_utc is None      # untouched
    resumed = open_session(open_database(path), SHOW, restart_later(clock, 5))
    assert resumed.id == 1 and resumed.resumption.live


def test_new_closes_an_unfinished_rehearsal(tmp_path, clock):
    path = tmp_path / "sessions.db"
    open_session(open_database(path), SHOW, clock, rehearsal=True).runner.start_show()
    fresh = open_session(open_database(path), SHOW, restart_later(clock, 5), new=True)
    assert fresh.id == 2 and fresh.resumption is None
    assert SessionLog(fresh.log.db, 1).row().end_reason == "abandoned"


def test_a_resumption_says_which_session_and_how_long_it_was_down(tmp_path, clock):
    path = tmp_path / "sessions.db"
    runner = open_session(open_database(path), SHOW, clock).runner
    runner.start_show()
    clock.advance(20_000)
    runner.next()
    session = open_session(open_database(path), SHOW, restart_later(clock, 90))
    resumption = session.resumption
    assert (resumption.session_id, resumption.title, resumption.live) == (1, "测试", True)
    assert (resumption.gap_ms, resumption.last_show_ms, resumption.resumed_show_ms) == \
        (90_000, 20_000, 110_000)
    assert resumption.started_utc == SessionLog(session.log.db, 1).row().started_utc


def test_a_resumed_session_can_be_abandoned_for_a_new_one(tmp_path, clock):
    path = tmp_path / "sessions.db"
    open_session(open_database(path), SHOW, clock).runner.start_show()
    resumed = open_session(open_database(path), SHOW, restart_later(clock, 60))
    fresh = abandon_and_start_new(resumed)
    assert fresh.id == 2 and fresh.resumption is None
    assert fresh.runner.state is ShowState.READY and not fresh.runner.rehearsal
    assert SessionLog(fresh.log.db, 1).row().end_reason == "abandoned"
    fresh.runner.start_show()
    again = open_session(open_database(path), SHOW, restart_later(clock, 61))
    assert again.id == 2 and again.resumption      # the new one is what a restart finds


def read_events(db_path):
    conn = sqlite3.connect(str(db_path))
    try:
        return conn.execute("SELECT session_id, seq, kind, show_ms, details FROM events "
                            "ORDER BY session_id, seq").fetchall()
    finally:
        conn.close()


def wait_for_segments(db_path, count, timeout_s):
    """Events committed so far, once `count` segments have started (read from outside)."""
    deadline = time.monotonic() + timeout_s
    events = []
    while time.monotonic() < deadline:
        time.sleep(0.1)
        try:
            events = read_events(db_path)
        except sqlite3.OperationalError:      # the file exists but the schema is not there yet
            continue
        if sum(1 for e in events if e[2] == "segment_started") >= count:
            break
    return events


def console_run(data_dir, *extra):
    return [sys.executable, "-m", "console", "run", str(STANDARD), "--headless", "--rehearsal",
            "--speed", "120", "--data-dir", str(data_dir), *extra]


@pytest.mark.slow
def test_sigkill_of_a_real_run_loses_nothing_and_resumes_on_plan(tmp_path):
    db_path = tmp_path / "sessions.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    log = open(tmp_path / "first-run.err", "w")       # noqa: SIM115 - closed after the kill below
    first = subprocess.Popen(console_run(tmp_path), stdout=subprocess.DEVNULL, stderr=log, env=env)
    try:
        before = wait_for_segments(db_path, 6, timeout_s=60)
        assert first.poll() is None, (tmp_path / "first-run.err").read_text()
        assert sum(1 for e in before if e[2] == "segment_started") >= 6
    finally:
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        log.close()
    committed = read_events(db_path)
    assert committed[:len(before)] == before          # nothing committed was lost
    time.sleep(1.0)                                   # the console is down for a while

    second = subprocess.run(console_run(tmp_path, "--until-end"), capture_output=True,
                            text=True, env=env, timeout=120)
    assert second.returncode == 0, second.stderr
    assert "resuming #1" in second.stdout
    after = read_events(db_path)
    assert after[:len(committed)] == committed
    assert [seq for _, seq, *_ in after] == list(range(1, len(after) + 1))
    kinds = [kind for _, _, kind, *_ in after]
    assert kinds.count("resumed") == 1 and kinds[-1] == "show_ended"

    db = open_database(db_path)
    starts = [row[0] for row in db.execute(
        "SELECT actual_start_s FROM segment_timings WHERE session_id = 1 ORDER BY seq")]
    planned = [row[0] for row in db.execute(
        "SELECT planned_start_s FROM segment_timings WHERE session_id = 1 ORDER BY seq")]
    assert starts == planned and len(starts) == 16     # every segment on plan, across the crash
    cues = db.execute("SELECT cue, fired_by, delay_s FROM lottery_cues").fetchall()
    assert cues == [(1, "segment", 0.0), (2, "segment", 0.0), (3, "segment", 0.0)]


def test_a_session_that_never_went_live_is_closed_not_resumed(tmp_path, clock):
    path = tmp_path / "sessions.db"
    open_session(open_database(path), SHOW, clock)            # the window was closed at once
    other = load_show_text(show_text('kind = "closing"\nduration = 60'), "other.toml")
    session = open_session(open_database(path), other, clock)  # no conflict, no --new needed
    assert session.id == 2 and session.resumption is None
    assert SessionLog(session.log.db, 1).row().end_reason == "never started"

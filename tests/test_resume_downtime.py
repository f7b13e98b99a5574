"""Downtime after a crash is measured on the monotonic clock when the PC did not reboot, so a
wall clock changed meanwhile neither invents show time nor drops it; across a reboot the wall
clock is taken only up to a sane amount without asking (issue 10, finding 5)."""

import datetime as dt

import pytest

from console.clock import FakeClock
from console.engine import EventKind
from console.engine.autopilot import Autopilot
from console.session import (DOWNTIME_COUNT, DOWNTIME_NONE, MAX_UNCHECKED_DOWNTIME_MS,
                             UncertainDowntime, open_session)
from console.storage.database import open_database
from tests.conftest import STANDARD
from console.script import load_show

SHOW = load_show(STANDARD)
BOOT = "7f0e5a2c-boot-one"


def crash_after(path, clock, seconds):
    """A live show driven by the autopilot for `seconds`, then the process dies."""
    session = open_session(open_database(path), SHOW, clock)
    autopilot = Autopilot(session.runner, end_with_script=True)
    session.runner.start_show()
    for _ in range(seconds):
        clock.advance(1000)
        autopilot.run_until()
    return session


def restarted(clock, *, down_s, wall_shift_s=0, boot=BOOT):
    """The next process: the monotonic clock moved on by the downtime (same boot) or
    restarted near zero (another boot); the wall clock also shifted by `wall_shift_s`."""
    mono = clock.monotonic_ms() + down_s * 1000 if boot == BOOT else 5_000
    utc = clock.utc_now() + dt.timedelta(seconds=down_s + wall_shift_s)
    return FakeClock(start_ms=mono, utc=utc, boot=boot)


def catch_up(session):
    """What a headless run or the window's autopilot does first on a resume."""
    before = len(session.log.events())
    Autopilot(session.runner, end_with_script=True).run_until()
    session.finish_resume()
    return [e for e in session.log.events()[before:] if e.kind is not EventKind.RESUMED]


@pytest.mark.parametrize("wall_shift_s", [3600, -3600])
def test_a_wall_clock_change_between_crash_and_restart_changes_nothing(tmp_path, wall_shift_s):
    clock = FakeClock(boot=BOOT)
    path = tmp_path / "sessions.db"
    crash_after(path, clock, 100)                    # in the opening (3:00); last event at 0:00
    session = open_session(open_database(path), SHOW, restarted(clock, down_s=45,
                                                                  wall_shift_s=wall_shift_s))
    assert session.resumption.gap_ms == 145_000      # measured, not the wall's ±1 h
    assert session.runner.now_ms() == 145_000
    assert catch_up(session) == []                   # nothing was due by 2:25


def test_before_the_fix_a_wall_clock_hour_forward_invented_segments_and_lotteries(tmp_path):
    """The finding as reported: +1 h on the wall clock across the restart. The same boot
    means the monotonic clock measures 45 s, so no segment start or lottery is invented."""
    clock = FakeClock(boot=BOOT)
    path = tmp_path / "sessions.db"
    crash_after(path, clock, 170)                    # 10 s before the opening ends
    session = open_session(open_database(path), SHOW, restarted(clock, down_s=45,
                                                                  wall_shift_s=3600))
    invented = catch_up(session)
    assert session.runner.now_ms() == 215_000
    # The one segment start that really fell in the downtime (3:00), not 36 of them.
    assert [e.kind for e in invented] == [EventKind.SEGMENT_STARTED]
    assert sum(e.kind is EventKind.LOTTERY_FIRED for e in invented) == 0


def test_every_event_records_its_boot_and_monotonic_time(tmp_path):
    clock = FakeClock(boot=BOOT)
    path = tmp_path / "sessions.db"
    session = crash_after(path, clock, 3)
    rows = session.log.db.execute("SELECT boot_id, mono_ms FROM events ORDER BY seq").fetchall()
    assert rows and all(boot == BOOT and mono is not None for boot, mono in rows)
    assert rows[0][1] == 1_000_000                   # the go-live reading


def test_across_a_reboot_a_short_wall_clock_downtime_is_counted(tmp_path):
    clock = FakeClock(boot=BOOT)
    path = tmp_path / "sessions.db"
    crash_after(path, clock, 100)
    session = open_session(open_database(path), SHOW,
                           restarted(clock, down_s=240, boot="another-boot"))
    assert session.resumption.gap_ms == 340_000      # 100 s since the last event, then 240


@pytest.mark.parametrize("down_s, wall_shift_s", [(MAX_UNCHECKED_DOWNTIME_MS // 1000 - 40, 0),
                                                   (45, -3600)])
def test_across_a_reboot_a_long_or_backward_downtime_needs_the_operators_word(
        tmp_path, down_s, wall_shift_s):
    clock = FakeClock(boot=BOOT)
    path = tmp_path / "sessions.db"
    crash_after(path, clock, 100)
    later = restarted(clock, down_s=down_s, wall_shift_s=wall_shift_s, boot="another-boot")
    with pytest.raises(UncertainDowntime) as asked:
        open_session(open_database(path), SHOW, later)
    assert "--downtime" in str(asked.value)
    assert open_database(path).execute(
        "SELECT COUNT(*) FROM events WHERE kind = 'resumed'").fetchone()[0] == 0
    none = open_session(open_database(path), SHOW, later, downtime=DOWNTIME_NONE)
    assert none.resumption.gap_ms == 0
    assert none.runner.now_ms() == 0                 # where the log stopped: its last event


def test_the_operator_may_count_a_long_downtime_across_a_reboot(tmp_path):
    clock = FakeClock(boot=BOOT)
    path = tmp_path / "sessions.db"
    crash_after(path, clock, 100)
    later = restarted(clock, down_s=1800, boot="another-boot")
    session = open_session(open_database(path), SHOW, later, downtime=DOWNTIME_COUNT)
    assert session.resumption.gap_ms == 1_900_000


def test_a_machine_without_boot_identity_falls_back_to_the_wall_clock(tmp_path):
    clock = FakeClock(boot=None)
    path = tmp_path / "sessions.db"
    crash_after(path, clock, 100)
    later = FakeClock(start_ms=7, utc=clock.utc_now() + dt.timedelta(seconds=30), boot=None)
    assert open_session(open_database(path), SHOW, later).resumption.gap_ms == 130_000

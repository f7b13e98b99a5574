"""The session database: schema, committed events, review views, disk trouble."""

import sqlite3

import pytest
import sqlite_utils

from console.engine import EventKind
from console.errors import InstanceLocked, StorageError
from console.session import SessionConflict, open_session
from console.storage.database import MIGRATIONS, open_database, schema_version
from console.storage.instance_lock import InstanceLock
from console.storage.session_log import SessionLog, unfinished_sessions
from console.script import load_show_text
from tests.conftest import show_text

MIN = 60_000
SHOW = load_show_text(show_text(
    'id = "open"\nkind = "opening"\nduration = 60', 'id = "p1"\nkind = "sku"\nsku = "A"',
    'id = "p2"\nkind = "sku"\nsku = "B"', 'id = "talk"\nkind = "custom"\nduration = "15:00"'))


def rows(db, sql, *params):
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def test_new_database_has_schema_views_and_wal(db):
    assert schema_version(db) == len(MIGRATIONS)
    assert {"sessions", "events"} <= set(db.table_names())
    assert {"segment_timings", "lottery_cues", "alerts"} <= set(db.view_names())
    assert "samples" in db.table_names()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_keeps_data_and_does_not_migrate_again(tmp_path, clock):
    path = tmp_path / "sessions.db"
    session = open_session(open_database(path), SHOW, clock)
    session.runner.start_show()
    again = open_database(path)
    assert schema_version(again) == len(MIGRATIONS)
    assert again["events"].count == 2


def test_a_database_from_a_newer_console_is_refused_clearly(tmp_path):
    path = tmp_path / "sessions.db"
    open_database(path).execute("PRAGMA user_version = 99")
    with pytest.raises(StorageError, match="newer console"):
        open_database(path)


def test_a_damaged_database_file_gets_advice(tmp_path):
    path = tmp_path / "sessions.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="damaged; move it aside"):
        open_database(path)


def test_session_row_keeps_the_script_text_hash_and_mode(db, clock):
    session = open_session(db, SHOW, clock, rehearsal=True, speed=4)
    row = session.log.row()
    assert row.script_text == SHOW.text and row.script_hash == SHOW.content_hash
    assert row.mode == "rehearsal" and row.speed == 4 and row.ended_utc is None


def test_every_event_is_in_the_database_before_listeners_hear(db, clock):
    session = open_session(db, SHOW, clock)
    seen = []
    session.runner.subscribe(lambda e: seen.append(db["events"].count))
    session.runner.start_show()
    session.runner.next()
    assert seen == [1, 2, 3]
    stored = session.log.events()
    assert [e.kind for e in stored] == [EventKind.SHOW_STARTED, EventKind.SEGMENT_STARTED,
                                        EventKind.SEGMENT_STARTED]
    assert stored[2].details["id"] == "p1"


def test_ending_the_show_closes_the_session(db, clock):
    session = open_session(db, SHOW, clock)
    session.runner.start_show()
    session.runner.end_show("operator")
    row = session.log.row()
    assert row.ended_utc is not None and row.end_reason == "operator"
    assert unfinished_sessions(db) == []


def test_segment_timings_view_compares_plan_and_actual(db, clock):
    runner = open_session(db, SHOW, clock).runner
    runner.start_show()
    clock.advance(70_000)            # opening 10 s over
    runner.next()
    runner.extend(15)
    clock.advance(80_000)            # p1 10 s short
    runner.next()
    clock.advance(5_000)
    runner.undo_advance()            # oops, back to p1
    clock.advance(20_000)
    runner.next()
    clock.advance(MIN)
    runner.end_show()
    timings = rows(db, "SELECT segment_id, reason, planned_start_s, actual_start_s, planned_s, "
                       "actual_s, over_under_s, extended_s, undone, superseded "
                       "FROM segment_timings ORDER BY seq")
    assert timings == [
        dict(segment_id="open", reason="start", planned_start_s=0.0, actual_start_s=0.0,
             planned_s=60.0, actual_s=70.0, over_under_s=10.0, extended_s=0, undone=0, superseded=0),
        dict(segment_id="p1", reason="next", planned_start_s=60.0, actual_start_s=70.0,
             planned_s=90.0, actual_s=80.0, over_under_s=-10.0, extended_s=15, undone=0, superseded=1),
        dict(segment_id="p2", reason="next", planned_start_s=150.0, actual_start_s=150.0,
             planned_s=90.0, actual_s=5.0, over_under_s=-85.0, extended_s=0, undone=1, superseded=0),
        dict(segment_id="p1", reason="undo", planned_start_s=60.0, actual_start_s=70.0,
             planned_s=90.0, actual_s=105.0, over_under_s=15.0, extended_s=0, undone=0, superseded=0),
        dict(segment_id="p2", reason="next", planned_start_s=150.0, actual_start_s=175.0,
             planned_s=90.0, actual_s=60.0, over_under_s=-30.0, extended_s=0, undone=0, superseded=0),
    ]


# The same with a 45-minute talk: four cues on the grid before the planned end (49:00).
LONG = load_show_text(SHOW.text.replace('duration = "15:00"', 'duration = "45:00"'), "long.toml")


def test_lottery_cues_view_records_due_fired_delay_and_outcome(db, clock):
    runner = open_session(db, LONG, clock).runner
    runner.start_show()
    runner.jump(3)
    clock.advance(10 * MIN + 45_000)
    runner.poll()
    runner.fire_lottery()                       # #1, 45 s late
    clock.advance(10 * MIN)
    runner.poll()
    runner.postpone_lottery(3)                  # #2 at 23:45
    clock.advance(3 * MIN)
    runner.poll()
    runner.fire_lottery()
    clock.advance(7 * MIN)
    runner.poll()
    runner.skip_lottery("主播去换装")            # #3
    clock.advance(10 * MIN)
    runner.poll()                               # #4 due, nobody acted yet
    cues = rows(db, "SELECT cue, due_s, fired_s, delay_s, postponements, skip_reason, outcome "
                    "FROM lottery_cues")
    assert cues == [
        dict(cue=1, due_s=600.0, fired_s=645.0, delay_s=45.0, postponements=0, skip_reason=None,
             outcome="fired"),
        dict(cue=2, due_s=1200.0, fired_s=1425.0, delay_s=225.0, postponements=1,
             skip_reason=None, outcome="fired"),
        dict(cue=3, due_s=1800.0, fired_s=None, delay_s=None, postponements=0,
             skip_reason="主播去换装", outcome="skipped"),
        dict(cue=4, due_s=2400.0, fired_s=None, delay_s=None, postponements=0, skip_reason=None,
             outcome="pending"),
    ]
    clock.advance(MIN)
    runner.end_show()                           # #4 never happened: missed, with the reason
    assert rows(db, "SELECT cue, missed_s, missed_reason, outcome FROM lottery_cues "
                    "WHERE cue = 4") == [
        dict(cue=4, missed_s=2505.0, missed_reason="show ended", outcome="missed")]


def test_a_v3_database_gains_missed_cues_in_its_lottery_view(tmp_path, clock):
    path = tmp_path / "sessions.db"
    old = sqlite_utils.Database(path)
    for version, step in enumerate(MIGRATIONS[:3], start=1):   # as the previous console left it
        step(old)
        old.execute(f"PRAGMA user_version = {version}")
    old.close()
    db = open_database(path)
    assert schema_version(db) == len(MIGRATIONS)
    runner = open_session(db, LONG, clock).runner
    runner.start_show()
    clock.advance(10 * MIN)
    runner.poll()
    runner.end_show()
    assert rows(db, "SELECT cue, outcome, missed_reason FROM lottery_cues") == [
        dict(cue=n, outcome="missed", missed_reason="show ended") for n in (1, 2, 3, 4)]


def test_a_full_disk_keeps_events_in_memory_and_writes_them_when_space_returns(db, clock):
    session = open_session(db, SHOW, clock)
    failures = []
    session.log.on_failure = failures.append
    runner = session.runner
    runner.start_show()
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")      # the disk is now "full"
    for _ in range(500):
        runner.extend(1)
        if failures:
            break
    assert "disk holding the session database is full" in str(failures[0])
    assert session.log.backlog
    runner.next()                                       # the show goes on regardless
    assert runner.current_index == 1
    assert session.log.flush_pending() == len(session.log.backlog) > 0
    db.execute("PRAGMA max_page_count = 1073741823")
    runner.extend(30)
    assert session.log.flush_pending() == 0
    assert [e.seq for e in session.log.events()] == list(range(1, runner.last_seq + 1))


def test_a_locked_database_is_named_and_the_event_is_kept(tmp_path, clock):
    path = tmp_path / "sessions.db"
    db = open_database(path, busy_timeout_ms=50)
    session = open_session(db, SHOW, clock)
    failures = []
    session.log.on_failure = failures.append
    other = sqlite3.connect(str(path))
    other.execute("BEGIN EXCLUSIVE")
    session.runner.start_show()
    assert "locked by another program" in str(failures[0])
    assert len(session.log.backlog) == 2
    other.rollback()
    other.close()
    session.runner.next()
    assert [e.seq for e in session.log.events()] == [1, 2, 3]


def test_a_second_console_on_the_same_data_folder_is_refused(tmp_path):
    with InstanceLock(tmp_path), pytest.raises(InstanceLocked, match=str(tmp_path)):
        InstanceLock(tmp_path).acquire()
    InstanceLock(tmp_path).acquire().release()          # free again once released


def test_a_different_script_does_not_silently_resume(db, clock):
    open_session(db, SHOW, clock, rehearsal=True).runner.start_show()
    other = load_show_text(show_text('kind = "closing"\nduration = 60'), "other.toml")
    with pytest.raises(SessionConflict, match=r"different script than other.toml.*--new"):
        open_session(db, other, clock)
    fresh = open_session(db, other, clock, new=True)
    assert fresh.id == 2
    first = SessionLog(db, 1).row()
    assert first.end_reason == "abandoned"

"""A followed file against hostile lines, and a follow that resumes where it stopped
(issue 10, finding 2)."""

import datetime as dt
import logging
import os
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from console.clock import FakeClock
from console.kpi.follow import FileFollower
from console.kpi.model import SampleError
from console.kpi.setup import KpiOptions, build_kpi
from console.session import open_session
from console.storage.database import open_database
from console.storage.follow_positions import FollowPosition, FollowPositions

NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)

HOSTILE = [
    '{"online": 1, "at": "0001-01-01T00:00:00+14:00"}',
    '{"online": 1, "at": "9999-12-31T23:59:59-14:00"}',
    '{"online": 1, "at": "2026-11-25T12:00:00Z"}',
    '{"online": ' + "9" * 320 + "}",
    '{"online": ' + "9" * 4400 + "}",
    '{"online": ' + "[" * 2000 + "]" * 2000 + "}",
    "[" * 2000 + "]" * 2000,
    '{"online": NaN}',
    '{"online": 1e400}',
]


def test_hostile_lines_are_skipped_and_named_and_the_good_ones_around_them_kept(tmp_path):
    path = tmp_path / "bridge.jsonl"
    path.write_text('{"online": 10}\n' + "\n".join(HOSTILE) + '\n{"online": 11}\n', "utf-8")
    follower = FileFollower(path, now=lambda: NOW)
    assert [r.values for r in follower.poll()] == [{"online": 10}, {"online": 11}]
    assert [p.location for p in follower.problems] == [f"{path}:{n}" for n in range(2, 11)]
    reasons = [str(p.error) for p in follower.problems]
    assert "more than a day" in reasons[0] and "more than a day" in reasons[2]
    assert "320 digits" in reasons[3] and "4300 digits" in reasons[4]
    assert "nested" in reasons[5] and "nested" in reasons[6] and "not a number" in reasons[7]


def test_a_csv_time_far_from_the_show_is_skipped(tmp_path):
    path = tmp_path / "screen.csv"
    path.write_text("时间,在线人数\n0001-01-01 00:00:00,5\n2026-11-27 20:00:00+08:00,6\n", "utf-8")
    follower = FileFollower(path, now=lambda: NOW)
    assert [r.values for r in follower.poll()] == [{"online": 6}]
    assert "out of range" in str(follower.problems[0].error)          # year 1, local time


def test_a_line_longer_than_the_limit_is_skipped_without_holding_it_all(tmp_path):
    path = tmp_path / "bridge.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('{"online": 1}\n{"online": "' + "9" * (3 << 20))
    follower = FileFollower(path)
    rows = []
    for _ in range(5):
        rows += follower.poll()
    assert len(follower._pending) <= 1 << 20
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('"}\n{"online": 2}\n')
    for _ in range(5):
        rows += follower.poll()
    assert [r.values for r in rows] == [{"online": 1}, {"online": 2}]
    assert [p.location for p in follower.problems] == [f"{path}:2"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120) | st.sampled_from(HOSTILE)
       | st.builds(lambda k, v: f'{{"{k}": {v}}}',
                   st.sampled_from(["online", "at", "时间", "values", "gmv"]),
                   st.sampled_from(["1", "-1", "1e999", "NaN", '"3.5万"', '"0001-01-01"', "[]",
                                    '"9999-12-31T23:59:59-14:00"', "9" * 400, '{"online": 1}'])))
def test_a_followed_line_gives_a_row_or_a_sample_error_never_another_exception(text):
    for name in ("bridge.jsonl", "screen.csv"):
        follower = FileFollower(name, now=lambda: NOW)
        follower._columns, follower._time_column = ["online", None], 1     # past the header
        try:
            follower.parse_line(text)
        except SampleError as exc:
            assert str(exc)


def positions_of(tmp_path, standard):
    db = open_database(tmp_path / "sessions.db")
    session = open_session(db, standard, FakeClock())
    return db, session, FollowPositions(db, session.id)


def test_a_resumed_follow_starts_where_it_stopped(tmp_path, standard):
    db, session, positions = positions_of(tmp_path, standard)
    path = tmp_path / "bridge.jsonl"
    path.write_text('{"online": 1}\n{"online": 2}\n{"online": 3}\n{"online": 4', "utf-8")
    first = FileFollower(path, positions=positions)
    assert len(first.poll()) == 3
    first.close()                                       # saves the position
    stored = positions.load(str(path.resolve()))
    assert stored.offset == len('{"online": 1}\n{"online": 2}\n{"online": 3}\n')
    assert stored.line == 3
    again = FileFollower(path, positions=FollowPositions(db, session.id))
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('}\noops\n{"online": 5}\n')
    assert [r.values for r in again.poll()] == [{"online": 4}, {"online": 5}]
    assert [p.location for p in again.problems] == [f"{path}:5"]   # lines still counted right


def test_a_resumed_csv_follow_still_knows_its_columns(tmp_path, standard):
    _db, _session, positions = positions_of(tmp_path, standard)
    path = tmp_path / "screen.csv"
    path.write_text("在线人数,成交金额\n100,5\n", "utf-8")
    first = FileFollower(path, positions=positions)
    assert len(first.poll()) == 1
    first.close()
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("200,6\n")
    assert [r.values for r in FileFollower(path, positions=positions).poll()] == [
        {"online": 200, "gmv": 6}]


def test_a_replaced_or_shrunk_file_is_read_from_the_start(tmp_path, standard, caplog):
    _db, _session, positions = positions_of(tmp_path, standard)
    path = tmp_path / "bridge.jsonl"
    path.write_text('{"online": 1}\n{"online": 2}\n', "utf-8")
    first = FileFollower(path, positions=positions)
    first.poll()
    first.close()
    os.rename(path, tmp_path / "old.jsonl")
    path.write_text('{"online": 7}\n{"online": 8}\n{"online": 9}\n', "utf-8")
    with caplog.at_level(logging.INFO, logger="console.kpi.follow"):
        rows = FileFollower(path, positions=positions).poll()
    assert [r.values["online"] for r in rows] == [7, 8, 9]
    assert "from the start" in caplog.text
    stat = path.stat()
    positions.save(str(path.resolve()), FollowPosition(stat.st_dev, stat.st_ino, 10_000, 99))
    assert len(FileFollower(path, positions=positions).poll()) == 3       # shorter than stored


def test_positions_are_kept_per_session_and_path_and_survive_huge_inode_numbers(tmp_path, standard):
    db, session, positions = positions_of(tmp_path, standard)
    big = FollowPosition(2 ** 64 - 1, 2 ** 64 - 2, 123, 4)
    assert positions.save("/a", big)
    assert positions.save("/a", FollowPosition(1, 2, 456, 7))          # replaces
    assert positions.load("/a") == FollowPosition(1, 2, 456, 7)
    positions.save("/b", big)
    assert positions.load("/b") == big and positions.load("/c") is None
    assert FollowPositions(db, session.id + 1).load("/a") is None


def test_a_restarted_show_does_not_take_a_followed_files_rows_twice(tmp_path, standard):
    path = tmp_path / "bridge.jsonl"
    path.write_text('{"online": 1}\n{"online": 2}\n' + HOSTILE[0] + '\n{"online": 3}\n', "utf-8")
    db = open_database(tmp_path / "sessions.db")
    clock = FakeClock(utc=dt.datetime.now(dt.UTC))
    session = open_session(db, standard, clock)
    session.runner.start_show()
    for _ in range(2):                                  # the show, then the show resumed
        stack = build_kpi(session, db, tmp_path, KpiOptions(follow=(str(path),)))
        clock.advance(1000)
        for _ in range(25):                             # ticks: the file is read on its own
            stack.feed.poll()                           # thread, the tick takes the rows
            time.sleep(0.02)
        stack.close()
    assert db.execute("SELECT count(*) FROM samples").fetchone() == (3,)


def test_in_a_show_the_file_is_read_off_the_shows_thread(tmp_path):
    import threading

    from console.kpi.follow import BackgroundFollower
    path = tmp_path / "bridge.jsonl"
    path.write_text('{"online": 1}\n{"online": 2}\n', "utf-8")
    follower = FileFollower(path, now=lambda: NOW)
    readers = []
    real_poll = follower.poll
    follower.poll = lambda: (readers.append(threading.current_thread().name), real_poll())[1]
    background = BackgroundFollower(follower)
    rows = []
    deadline = time.monotonic() + 5
    while len(rows) < 2 and time.monotonic() < deadline:
        rows += background.poll()
        time.sleep(0.01)
    background.close()
    assert [r.values["online"] for r in rows] == [1, 2]
    assert readers and set(readers) == {"follow:bridge.jsonl"}
    assert threading.current_thread().name not in readers


def test_a_file_that_cannot_be_read_is_named_and_the_show_goes_on(tmp_path):
    from console.kpi.follow import BackgroundFollower
    follower = FileFollower(tmp_path / "bridge.jsonl", now=lambda: NOW)

    def broken():
        raise PermissionError(13, "Permission denied")
    follower.poll = broken
    background = BackgroundFollower(follower)
    deadline = time.monotonic() + 5
    while not background.problems and time.monotonic() < deadline:
        assert background.poll() == []
        time.sleep(0.01)
    background.close()
    assert "cannot be read" in str(background.problems[0])

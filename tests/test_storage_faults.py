"""Storage faults that used to lose events or freeze the show (issue 10, findings 3 and 8):
a database locked by another program, a second writer into the same session, a deleted
lock file, a read-only or impossible data folder, a damaged database."""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from console.background import wait_until
from console.clock import SystemClock
from console.engine.events import Event, EventKind
from console.errors import InstanceLocked, KnownError, StorageError
from console.session import open_session
from console.storage.database import open_database
from console.storage.instance_lock import LOCK_FILENAME, InstanceLock, is_held
from console.storage.session_log import SessionLog
from tests.conftest import STANDARD
from tests.test_session_log import SHOW

EVENTS = 5


def test_a_locked_database_never_blocks_the_shows_thread(tmp_path, clock):
    """Before: every event waited the 3 s busy timeout on the show's thread (the window's
    countdown froze). Now the writer thread waits; the show's thread only queues."""
    path = tmp_path / "sessions.db"
    session = open_session(open_database(path), SHOW, clock, background=True)
    failures = []
    session.log.on_failure = failures.append
    other = sqlite3.connect(str(path))
    other.execute("BEGIN EXCLUSIVE")                 # another program holds the database
    started = time.monotonic()
    session.runner.start_show()
    for _ in range(EVENTS):
        session.runner.extend(15)
    spent = time.monotonic() - started
    assert spent < 1.0, f"{EVENTS + 2} events took {spent:.1f} s on the show's thread"
    # The writer reports the lock (after its own busy timeout), through poll() on the tick.
    assert wait_until(lambda: (session.log.poll(), failures)[1], timeout=10)
    assert "locked by another program" in str(failures[0])
    assert len(session.log.backlog) == EVENTS + 2
    other.rollback()
    other.close()
    recovered = []
    session.log.on_recovered = lambda: recovered.append(True)
    time.sleep(1.1)                                  # the retry waits RETRY_AFTER_S
    assert wait_until(lambda: (session.log.poll(), recovered)[1], timeout=10)
    assert session.log.backlog == [] and session.log.problem is None
    assert [e.seq for e in session.log.events()] == list(range(1, EVENTS + 3))
    assert session.close() == 0


def test_the_writer_thread_stops_when_the_session_closes(tmp_path, clock):
    before = set(threading.enumerate())
    session = open_session(open_database(tmp_path / "s.db"), SHOW, clock, background=True)
    session.runner.start_show()
    assert [t.name for t in set(threading.enumerate()) - before] == ["session-log-1"]
    assert session.close() == 0
    assert set(threading.enumerate()) - before == set()


def test_a_sequence_clash_never_loses_an_event(tmp_path, clock):
    """Two writers into one session (the instance lock now prevents it): before, the second
    writer's events failed on the UNIQUE constraint and were lost."""
    path = tmp_path / "sessions.db"
    first = open_session(open_database(path), SHOW, clock)
    first.runner.start_show()
    second = SessionLog(open_database(path), first.id, clock=clock)
    for _ in range(EVENTS):
        first.runner.extend(15)                      # seq 3…7 (go-live logged 1 and 2)
    for seq in range(3, 3 + EVENTS):                 # the same numbers again, other content
        assert second.append(Event(EventKind.NOTE_SENT, 1000, clock.utc_now(),
                                   {"text": f"from the other console {seq}"}, seq))
    stored = first.log.events()
    assert len(stored) == 2 + 2 * EVENTS
    moved = [e for e in stored if "clashed_seq" in e.details]
    assert [e.details["clashed_seq"] for e in moved] == list(range(3, 3 + EVENTS))
    assert [e.details["text"] for e in moved] == [f"from the other console {n}"
                                                  for n in range(3, 3 + EVENTS)]
    assert second.clashes == EVENTS


def test_deleting_the_lock_file_does_not_let_a_second_console_in(tmp_path):
    with InstanceLock(tmp_path) as held:
        (tmp_path / LOCK_FILENAME).unlink()
        with pytest.raises(InstanceLocked):
            InstanceLock(tmp_path).acquire()
        held.verify()                                # still guarding: the folder is the same
        assert (tmp_path / LOCK_FILENAME).exists()   # and the note is written again
        assert is_held(tmp_path)
    assert not is_held(tmp_path)


def test_a_lock_on_a_folder_moved_away_refuses_to_write(tmp_path):
    folder = tmp_path / "data"
    with InstanceLock(folder) as held:
        folder.rename(tmp_path / "moved")
        folder.mkdir()
        with pytest.raises(StorageError, match="moved or replaced"):
            held.verify()


def test_an_impossible_data_folder_is_a_message_not_an_internal_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(KnownError, match="cannot use the data folder"):
        InstanceLock(blocker / "data").acquire()


def test_a_read_only_data_folder_is_a_message(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "access", lambda path, mode: False)     # root ignores chmod
    with pytest.raises(KnownError, match=r"cannot use the data folder .*writable"):
        InstanceLock(tmp_path / "data").acquire()


def run_console(*args, data, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "console", *args, "--data-dir", str(data)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


@pytest.mark.slow
def test_a_second_console_is_refused_after_the_lock_file_is_deleted(tmp_path):
    data = tmp_path / "data"
    first = run_console("run", str(STANDARD), "--headless", "--rehearsal", "--speed", "50",
                        data=data)
    try:
        assert wait_until(lambda: (data / LOCK_FILENAME).exists(), timeout=30)
        (data / LOCK_FILENAME).unlink()
        second = subprocess.run([sys.executable, "-m", "console", "run", str(STANDARD),
                                 "--headless", "--rehearsal", "--data-dir", str(data)],
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == InstanceLocked.exit_code, second.stderr
        assert "another console is already using the data folder" in second.stderr
        listing = subprocess.run([sys.executable, "-m", "console", "sessions", "--data-dir",
                                  str(data)], capture_output=True, text=True, timeout=60)
        assert "RUNNING now" in listing.stdout and "UNFINISHED" not in listing.stdout
    finally:
        first.send_signal(signal.SIGINT)
        _out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    db = open_database(data / "sessions.db")
    assert db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 1
    seqs = [r[0] for r in db.execute("SELECT seq FROM events ORDER BY seq").fetchall()]
    assert seqs == list(range(1, len(seqs) + 1))


def test_run_without_a_display_says_so_and_opens_no_session(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "console", "run", str(STANDARD),
                           "--data-dir", str(tmp_path / "data")],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 2, done.stderr
    assert "no display" in done.stderr and "--headless" in done.stderr
    assert "Fatal" not in done.stderr and "Aborted" not in done.stderr
    assert not (tmp_path / "data" / "sessions.db").exists() or open_database(
        tmp_path / "data" / "sessions.db").execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 0


def test_the_system_clock_names_this_boot():
    boot = SystemClock().boot_id()
    if sys.platform.startswith("linux"):
        assert boot and boot == SystemClock().boot_id()


def damaged_database(path, clock):
    """A recorded session with enough samples to fill many pages, then one page in the
    middle overwritten with garbage (a bad sector, a half-written copy)."""
    session = open_session(open_database(path), SHOW, clock)
    session.runner.start_show()
    db = session.log.db
    columns = "session_id, show_ms, utc, source, online"
    with db.conn:
        db.conn.executemany(f"INSERT INTO samples ({columns}) VALUES (?, ?, ?, ?, ?)",
                            [(1, n * 1000, None, "sim", n) for n in range(20_000)])
    db.conn.close()
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size // 2 // 4096 * 4096)
        handle.write(b"\xde\xad" * 2048)
    return size


def test_a_damaged_database_is_a_message_on_resume_and_no_new_session_is_written_into_it(
        tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    damaged_database(data / "sessions.db", SystemClock())
    show = tmp_path / "show.toml"
    show.write_text(SHOW.text, encoding="utf-8")
    resume = subprocess.run([sys.executable, "-m", "console", "run", str(show),
                             "--headless", "--simulate", "--until-end", "--data-dir", str(data)],
                            capture_output=True, text=True, timeout=60)
    assert resume.returncode not in (0, 70), resume.stderr
    assert "damaged" in resume.stderr and "internal error" not in resume.stderr
    new = subprocess.run([sys.executable, "-m", "console", "run", str(show),
                          "--headless", "--abandon-live", "--data-dir", str(data)],
                         capture_output=True, text=True, timeout=60)
    assert new.returncode not in (0, 70), new.stderr
    assert "damaged" in new.stderr and "internal error" not in new.stderr
    count = sqlite3.connect(data / "sessions.db").execute(
        "SELECT COUNT(*) FROM sessions").fetchone()[0]
    assert count == 1                                # no new session in the damaged file


def test_an_unwritable_shared_memory_file_is_refused_with_a_message(tmp_path, monkeypatch):
    path = tmp_path / "sessions.db"
    open_database(path).conn.close()
    (tmp_path / "sessions.db-shm").write_bytes(b"")
    real_open = os.open

    def refuse(file, flags, *args):
        if str(file).endswith("-shm") and flags & os.O_RDWR:
            raise PermissionError(1, "Operation not permitted", str(file))
        return real_open(file, flags, *args)
    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(StorageError, match=r"shared-memory file .*sessions.db-shm"):
        open_database(path)


def test_a_log_file_that_cannot_be_written_costs_one_line_not_a_traceback_per_line(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "console.log").symlink_to("/dev/full")          # opens, but every write fails
    done = subprocess.run([sys.executable, "-m", "console", "run", str(STANDARD), "--headless",
                           "--rehearsal", "--speed", "1000", "--until-end", "--data-dir",
                           str(data)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("cannot be written") == 1

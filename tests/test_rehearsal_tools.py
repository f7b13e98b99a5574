"""Rehearsing from any segment, and deleting rehearsals (never a live show)."""

import pytest

from console.cli import main
from console.clock import FakeClock
from console.engine import EventKind
from console.engine.runner import ShowRunner
from console.session import open_session
from console.storage.database import open_database
from console.storage.session_log import SessionLog, SessionNotDeleted, delete_rehearsal
from tests.conftest import STANDARD

FAST = ["--headless", "--rehearsal", "--speed", "1000", "--until-end"]


def test_a_rehearsal_can_start_at_any_segment_by_number_or_id(tmp_path, standard):
    assert main(["run", str(STANDARD), *FAST, "--from", "5", "--data-dir", str(tmp_path)]) == 0
    events = SessionLog(open_database(tmp_path / "sessions.db"), 1).events()
    assert events[0].kind is EventKind.SHOW_STARTED and events[0].details["first_index"] == 4
    assert events[1].kind is EventKind.SEGMENT_STARTED and events[1].details["index"] == 4
    assert events[1].show_ms == 0
    ident = standard.show.segments[7].id
    assert main(["run", str(STANDARD), *FAST, "--from", ident, "--new",
                 "--data-dir", str(tmp_path)]) == 0
    events = SessionLog(open_database(tmp_path / "sessions.db"), 2).events()
    assert events[1].details["index"] == 7


def test_from_is_for_rehearsals_and_names_a_real_segment(tmp_path, capsys):
    with pytest.raises(SystemExit) as live:
        main(["run", str(STANDARD), "--headless", "--from", "3", "--data-dir", str(tmp_path)])
    assert live.value.code == 2 and "--rehearsal" in capsys.readouterr().err
    with pytest.raises(SystemExit) as unknown:
        main(["run", str(STANDARD), *FAST, "--from", "99", "--data-dir", str(tmp_path)])
    assert unknown.value.code == 2 and "1 to 16" in capsys.readouterr().err
    assert not (tmp_path / "sessions.db").exists()


def test_the_engine_refuses_a_live_show_that_does_not_start_at_the_top(standard):
    with pytest.raises(ValueError):
        ShowRunner(standard.show, FakeClock(), first_segment=2)


def ended_rehearsal_and_live(tmp_path, standard):
    db = open_database(tmp_path / "sessions.db")
    clock = FakeClock()
    rehearsal = open_session(db, standard, clock, rehearsal=True)
    rehearsal.runner.start_show()
    clock.advance(5000)
    rehearsal.runner.end_show("operator")
    db.execute("INSERT INTO samples (session_id, show_ms, source, online) VALUES (1, 0, 's', 5)")
    live = open_session(db, standard, clock)
    live.runner.start_show()
    return db


def test_an_ended_rehearsal_is_deleted_with_everything_it_logged(tmp_path, standard, capsys):
    db = ended_rehearsal_and_live(tmp_path, standard)
    assert main(["sessions", "--delete", "1", "--data-dir", str(tmp_path)]) == 0
    assert "deleted rehearsal #1" in capsys.readouterr().out
    assert db.execute("SELECT id FROM sessions").fetchall() == [(2,)]
    for table in ("events", "samples"):
        assert db.execute(f"SELECT COUNT(*) FROM {table} WHERE session_id = 1").fetchone() == (0,)


def test_a_live_show_an_unfinished_rehearsal_or_a_missing_session_is_never_deleted(
        tmp_path, standard, capsys):
    db = ended_rehearsal_and_live(tmp_path, standard)
    with pytest.raises(SessionNotDeleted, match="LIVE show"):
        delete_rehearsal(db, 2)
    assert main(["sessions", "--delete", "2", "--data-dir", str(tmp_path)]) == 2
    assert "never deleted" in capsys.readouterr().err
    with pytest.raises(SessionNotDeleted, match="no session #9"):
        delete_rehearsal(db, 9)
    assert db.execute("SELECT COUNT(*) FROM sessions").fetchone() == (2,)
    other = open_database(tmp_path / "other" / "sessions.db")
    open_session(other, standard, FakeClock(), rehearsal=True).runner.start_show()
    with pytest.raises(SessionNotDeleted, match="has not ended"):
        delete_rehearsal(other, 1)

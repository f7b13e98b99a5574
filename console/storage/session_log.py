"""Writing one session to the database, one committed event at a time.

`append` commits before it returns: the engine calls it before it applies an
action, so whatever the operator saw happen is on disk. If the disk fails
mid-show the show must still go on: the event is kept in memory, the failure
is reported once, and the backlog is written, in order, as soon as a write
succeeds again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import sqlite3
from typing import Callable

import sqlite_utils

from console import __version__
from console.engine.events import Event, EventKind
from console.errors import StorageError
from console.script import LoadedShow

log = logging.getLogger(__name__)


def utc_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds")


def parse_utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


@dataclasses.dataclass(frozen=True)
class SessionRow:
    id: int
    title: str
    script_hash: str
    script_text: str
    script_path: str
    mode: str
    speed: float
    started_utc: str
    ended_utc: str | None
    end_reason: str | None

    @property
    def rehearsal(self) -> bool:
        return self.mode == "rehearsal"


class SessionLog:
    def __init__(self, db: sqlite_utils.Database, session_id: int) -> None:
        self.db = db
        self.session_id = session_id
        self.backlog: list[Event] = []
        self.on_failure: Callable[[StorageError], None] | None = None

    @classmethod
    def create(cls, db: sqlite_utils.Database, loaded: LoadedShow, mode: str, speed: float,
               started: dt.datetime) -> "SessionLog":
        show = loaded.show
        row = {"title": show.title, "script_path": loaded.path, "script_hash": loaded.content_hash,
               "script_text": loaded.text, "mode": mode, "speed": speed,
               "host": ", ".join(show.hosts), "platform": show.platform,
               "planned_ms": show.planned_ms, "started_utc": utc_text(started),
               "console_version": __version__}
        try:
            with db.conn:
                session_id = db["sessions"].insert(row).last_pk
        except sqlite3.Error as exc:
            raise StorageError.from_sqlite(exc) from exc
        return cls(db, session_id)

    def append(self, event: Event) -> bool:
        """Commit `event`; False if it could only be kept in memory for now."""
        self.backlog.append(event)
        try:
            self._flush()
        except StorageError as exc:
            log.error("event %s kept in memory (%s pending): %s", event.seq, len(self.backlog), exc)
            if self.on_failure is not None:
                self.on_failure(exc)
            return False
        return True

    def flush_pending(self) -> int:
        """Try once more to write events kept in memory; how many are still unsaved."""
        if self.backlog:
            try:
                self._flush()
            except StorageError as exc:
                log.error("%s event(s) still unsaved: %s", len(self.backlog), exc)
        return len(self.backlog)

    def _flush(self) -> None:
        try:
            with self.db.conn:
                for event in self.backlog:
                    self.db.execute(
                        "INSERT INTO events (session_id, seq, kind, utc, show_ms, details) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        [self.session_id, event.seq, event.kind.value, utc_text(event.utc),
                         event.show_ms, json.dumps(event.details, ensure_ascii=False)])
                    if event.kind is EventKind.SHOW_ENDED:
                        self._mark_ended(utc_text(event.utc), event.details.get("reason", ""))
        except sqlite3.Error as exc:
            raise StorageError.from_sqlite(exc) from exc
        self.backlog.clear()

    def _mark_ended(self, utc: str, reason: str) -> None:
        self.db.execute("UPDATE sessions SET ended_utc = ?, end_reason = ? WHERE id = ?",
                        [utc, reason, self.session_id])

    def abandon(self, when: dt.datetime, reason: str = "abandoned") -> None:
        """Close a session that will never be resumed (--new, or it never went live)."""
        try:
            with self.db.conn:
                self._mark_ended(utc_text(when), reason)
        except sqlite3.Error as exc:
            raise StorageError.from_sqlite(exc) from exc

    def events(self) -> list[Event]:
        rows = self.db.execute(
            "SELECT seq, kind, utc, show_ms, details FROM events WHERE session_id = ? "
            "ORDER BY seq", [self.session_id]).fetchall()
        return [Event(EventKind(kind), show_ms, parse_utc(utc), json.loads(details), seq)
                for seq, kind, utc, show_ms, details in rows]

    def row(self) -> SessionRow:
        return load_session_row(self.db, self.session_id)


_ROW_COLUMNS = ("id, title, script_hash, script_text, script_path, mode, speed, started_utc, "
                "ended_utc, end_reason")


def load_session_row(db: sqlite_utils.Database, session_id: int) -> SessionRow:
    row = db.execute(f"SELECT {_ROW_COLUMNS} FROM sessions WHERE id = ?", [session_id]).fetchone()
    return SessionRow(*row)


def unfinished_sessions(db: sqlite_utils.Database) -> list[SessionRow]:
    """Sessions that never logged an end: the console died while they ran."""
    rows = db.execute(f"SELECT {_ROW_COLUMNS} FROM sessions WHERE ended_utc IS NULL "
                      "ORDER BY id DESC").fetchall()
    return [SessionRow(*row) for row in rows]

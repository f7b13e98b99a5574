"""Writing one session to the database, one committed event at a time.

The engine hands every event to `append` before it applies it. In the console's
own runs the commit happens on a writer thread, at once (no batching), so the
show's thread never waits on the disk; a crash can lose only an event that was
still in flight, milliseconds old. If the disk fails mid-show the show must
still go on: the events are kept in memory, the failure is reported (the
header's storage state, the log), and the backlog is written, in order, as
soon as a write succeeds again. An event whose number is already taken (a
second writer) is stored under the next free number, never dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable

import sqlite_utils

from console import __version__
from console.background import Worker
from console.clock import Clock
from console.engine.events import Event, EventKind
from console.errors import StorageError
from console.script import LoadedShow
from console.storage.database import connect, database_path
from console.text import translate

log = logging.getLogger(__name__)


def utc_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")


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


@dataclasses.dataclass(frozen=True)
class Stamp:
    """When an event was logged, on both clocks: the wall clock for people, the boot and
    monotonic time for measuring downtime across a restart (console/session.py)."""
    utc: dt.datetime
    boot_id: str | None
    mono_ms: int | None


@dataclasses.dataclass(frozen=True)
class _Pending:
    event: Event
    boot_id: str | None
    mono_ms: int | None


RETRY_AFTER_S = 1.0          # a failed write is tried again on the tick after this long
WAIT_AT_CLOSE_S = 10.0


class SessionLog:
    """The session's events, committed in order.

    With `background=True` (the console's own runs) the commits happen on a writer
    thread with its own connection, so the show's thread never waits on the disk — not
    for the fsync, not for a database another program holds locked. `append` queues the
    event (stamped there and then) and returns; `poll()`, called on the show's tick,
    reports failures and recoveries and retries a failed write. Without it (tests, tools)
    `append` commits before it returns."""

    def __init__(self, db: sqlite_utils.Database, session_id: int, *, clock: Clock | None = None,
                 background: bool = False) -> None:
        self.db = db
        self.session_id = session_id
        self.clock = clock
        self.on_failure: Callable[[StorageError], None] | None = None
        self.on_recovered: Callable[[], None] | None = None
        # Called before each write; raises StorageError when writing would be wrong (the
        # data folder's lock no longer guards it). The events wait in memory meanwhile.
        self.guard: Callable[[], None] | None = None
        self.problem: StorageError | None = None     # the last failure, until a write succeeds
        self.clashes = 0                             # events stored under a new number
        self._backlog: list[_Pending] = []
        self._lock = threading.Lock()
        self._flush_queued = False
        self._failed_at: float | None = None
        self._worker: Worker | None = None
        path = database_path(db) if background else None
        if path is not None:
            self._path = path
            self._conn: sqlite3.Connection | None = None
            self._worker = Worker(f"session-log-{session_id}", self._write_job,
                                  on_stop=self._close_connection)

    @classmethod
    def create(cls, db: sqlite_utils.Database, loaded: LoadedShow, mode: str, speed: float,
               started: dt.datetime, *, clock: Clock | None = None,
               background: bool = False) -> SessionLog:
        show = loaded.show
        row = {"title": show.title, "script_path": loaded.path, "script_hash": loaded.content_hash,
               "script_text": loaded.text, "mode": mode, "speed": speed,
               "host": ", ".join(show.hosts), "platform": show.platform,
               "planned_ms": show.planned_ms, "started_utc": utc_text(started),
               "console_version": __version__}
        try:
            with db.conn:
                session_id = db.table("sessions").insert(row).last_pk
        except sqlite3.Error as exc:
            raise StorageError.from_sqlite(exc) from exc
        assert session_id is not None                # the rowid of the row just inserted
        return cls(db, session_id, clock=clock, background=background)

    # -- writing ------------------------------------------------------------------------------
    @property
    def backlog(self) -> list[Event]:
        """Events not yet on disk, oldest first."""
        with self._lock:
            return [item.event for item in self._backlog]

    @property
    def background(self) -> bool:
        return self._worker is not None

    def append(self, event: Event) -> bool:
        """Log `event`. In the background: queue it and return True at once. Otherwise commit
        it; False if it could only be kept in memory for now."""
        boot_id = self.clock.boot_id() if self.clock is not None else None
        mono_ms = self.clock.monotonic_ms() if self.clock is not None else None
        with self._lock:
            self._backlog.append(_Pending(event, boot_id, mono_ms))
        if self._worker is not None:
            self._queue_flush()
            return True
        try:
            self._flush(self.db.conn)
        except StorageError as exc:
            log.error("event %s kept in memory (%s pending): %s", event.seq,
                      len(self._backlog), exc)
            self._failed(exc)
            return False
        self._succeeded()
        return True

    def poll(self) -> None:
        """On the show's tick: hear how background writes went, retry a failed one."""
        if self._worker is None:
            return
        for done in self._worker.drain():
            if done.error is None:
                if not self.backlog:
                    self._succeeded()
            else:
                error = done.error if isinstance(done.error, StorageError) else \
                    StorageError(str(done.error))
                # Once per kind of failure in the log (the header shows it meanwhile);
                # the retries every second would otherwise fill the log.
                same = self.problem is not None and str(self.problem) == str(error)
                log.log(logging.DEBUG if same else logging.ERROR,
                        "%s event(s) kept in memory: %s", len(self.backlog), error)
                self._failed(error)
        if self._failed_at is not None and self.backlog and \
                time.monotonic() - self._failed_at >= RETRY_AFTER_S:
            self._failed_at = time.monotonic()
            self._queue_flush()

    def flush_pending(self, timeout: float = WAIT_AT_CLOSE_S) -> int:
        """Try once more to write events kept in memory, waiting up to `timeout` for a
        background write (at the end of a show, never on air); how many are still unsaved."""
        if self._worker is not None:
            self._queue_flush()
            self._worker.wait_idle(timeout)
            self.poll()
        elif self._backlog:
            try:
                self._flush(self.db.conn)
                self._succeeded()
            except StorageError as exc:
                log.error("%s event(s) still unsaved: %s", len(self._backlog), exc)
                self._failed(exc)
        return len(self.backlog)

    def close(self, timeout: float = WAIT_AT_CLOSE_S) -> int:
        """Write what is pending and stop the writer; how many events are still unsaved."""
        unsaved = self.flush_pending(timeout)
        if self._worker is not None:
            self._worker.close(timeout)
        if unsaved:
            log.error("session #%s: %s event(s) could not be saved", self.session_id, unsaved)
        return unsaved

    def _queue_flush(self) -> None:
        with self._lock:
            if self._flush_queued:
                return
            self._flush_queued = True
        assert self._worker is not None
        self._worker.submit("flush")

    def _failed(self, exc: StorageError) -> None:
        self._failed_at = time.monotonic()
        self.problem = exc
        if self.on_failure is not None:
            self.on_failure(exc)

    def _succeeded(self) -> None:
        self._failed_at = None
        if self.problem is not None:
            self.problem = None
            log.warning("session #%s: saving again, every event is on disk", self.session_id)
            if self.on_recovered is not None:
                self.on_recovered()

    # -- the writer thread (or the caller's, without a background) ----------------------------
    def _write_job(self, _job: object) -> None:
        with self._lock:
            self._flush_queued = False
        if self._conn is None:
            try:
                self._conn = connect(self._path)
            except sqlite3.Error as exc:
                raise StorageError.from_sqlite(exc, self._path) from exc
        self._flush(self._conn)

    def _close_connection(self) -> None:
        if self._worker is not None and self._conn is not None:
            self._conn.close()
            self._conn = None

    def _flush(self, conn: sqlite3.Connection) -> None:
        with self._lock:
            batch = list(self._backlog)
        if not batch:
            return
        if self.guard is not None:
            self.guard()
        try:
            with conn:
                for item in batch:
                    self._insert(conn, item)
        except sqlite3.Error as exc:
            raise StorageError.from_sqlite(exc) from exc
        with self._lock:
            del self._backlog[:len(batch)]

    def _insert(self, conn: sqlite3.Connection, item: _Pending) -> None:
        event = item.event
        details = event.details
        row = [self.session_id, event.seq, event.kind.value, utc_text(event.utc), event.show_ms,
               item.boot_id, item.mono_ms]
        inserted = conn.execute(_INSERT_EVENT, row + [json.dumps(details, ensure_ascii=False)])
        if inserted.rowcount == 0:
            # The number is taken: another process wrote into this session (the instance
            # lock should make that impossible). Never drop the event: store it under the
            # next free number, saying which number it had, and say so.
            seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE session_id = ?",
                               [self.session_id]).fetchone()[0]
            row[1] = seq
            details = {**details, "clashed_seq": event.seq}
            conn.execute(_INSERT_EVENT, row + [json.dumps(details, ensure_ascii=False)])
            self.clashes += 1
            log.error("session #%s: event number %s was already taken (another console writing "
                      "into this session?); stored as %s", self.session_id, event.seq, seq)
        if event.kind is EventKind.SHOW_ENDED:
            conn.execute("UPDATE sessions SET ended_utc = ?, end_reason = ? WHERE id = ?",
                         [utc_text(event.utc), event.details.get("reason", ""), self.session_id])

    # -- reading and closing ------------------------------------------------------------------
    def abandon(self, when: dt.datetime, reason: str = "abandoned") -> None:
        """Close a session that will never be resumed (--new, or it never went live)."""
        try:
            with self.db.conn:
                self.db.execute("UPDATE sessions SET ended_utc = ?, end_reason = ? WHERE id = ?",
                                [utc_text(when), reason, self.session_id])
        except sqlite3.Error as exc:
            raise StorageError.from_sqlite(exc) from exc

    def events(self) -> list[Event]:
        """The session's events as stored (after waiting for pending background writes)."""
        if self._worker is not None:
            self._worker.wait_idle(WAIT_AT_CLOSE_S)
        try:
            rows = self.db.execute(
                "SELECT seq, kind, utc, show_ms, details FROM events WHERE session_id = ? "
                "ORDER BY seq", [self.session_id]).fetchall()
            return [Event(EventKind(kind), show_ms, parse_utc(utc), json.loads(details), seq)
                    for seq, kind, utc, show_ms, details in rows]
        except sqlite3.Error as exc:
            raise StorageError.from_sqlite(exc, database_path(self.db)) from exc

    def last_stamp(self) -> Stamp | None:
        """When the last stored event was logged (for the downtime after a crash)."""
        try:
            row = self.db.execute("SELECT utc, boot_id, mono_ms FROM events WHERE session_id = ? "
                                  "ORDER BY seq DESC LIMIT 1", [self.session_id]).fetchone()
        except sqlite3.Error as exc:
            raise StorageError.from_sqlite(exc, database_path(self.db)) from exc
        return Stamp(parse_utc(row[0]), row[1], row[2]) if row else None

    def row(self) -> SessionRow:
        return load_session_row(self.db, self.session_id)


_INSERT_EVENT = ("INSERT INTO events (session_id, seq, kind, utc, show_ms, boot_id, mono_ms, "
                 "details) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, seq) DO NOTHING")


_ROW_COLUMNS = ("id, title, script_hash, script_text, script_path, mode, speed, started_utc, "
                "ended_utc, end_reason")


def load_session_row(db: sqlite_utils.Database, session_id: int) -> SessionRow:
    row = db.execute(f"SELECT {_ROW_COLUMNS} FROM sessions WHERE id = ?", [session_id]).fetchone()
    return SessionRow(*row)


def unfinished_sessions(db: sqlite_utils.Database) -> list[SessionRow]:
    """Sessions that never logged an end: the console died while they ran."""
    try:
        rows = db.execute(f"SELECT {_ROW_COLUMNS} FROM sessions WHERE ended_utc IS NULL "
                          "ORDER BY id DESC").fetchall()
    except sqlite3.Error as exc:
        raise StorageError.from_sqlite(exc, database_path(db)) from exc
    return [SessionRow(*row) for row in rows]


@dataclasses.dataclass(frozen=True)
class SessionSummary:
    id: int
    title: str
    mode: str
    started_utc: str
    ended_utc: str | None
    end_reason: str | None
    events: int


def session_summaries(db: sqlite_utils.Database) -> list[SessionSummary]:
    """Every session, oldest first, with its number of events (`console sessions`)."""
    try:
        rows = db.execute("SELECT id, title, mode, started_utc, ended_utc, end_reason, "
                          "(SELECT COUNT(*) FROM events e WHERE e.session_id = s.id) "
                          "FROM sessions s ORDER BY id").fetchall()
    except sqlite3.Error as exc:
        raise StorageError.from_sqlite(exc, database_path(db)) from exc
    return [SessionSummary(*row) for row in rows]


class SessionNotDeleted(StorageError):
    exit_code = 2


def delete_rehearsal(db: sqlite_utils.Database, session_id: int) -> int:
    """Delete an ended rehearsal with its events, samples and follow positions; how many
    rows went. A live show is never deleted (it is the studio's record), nor a session
    that has not ended (it may be running, or waiting to be resumed)."""
    row = db.execute("SELECT mode, ended_utc FROM sessions WHERE id = ?", [session_id]).fetchone()
    if row is None:
        raise SessionNotDeleted(lambda: translate(
            "Errors", "there is no session #{id}; list them with: console sessions").format(
                id=session_id))
    mode, ended = row
    if mode != "rehearsal":
        raise SessionNotDeleted(lambda: translate(
            "Errors", "session #{id} is a LIVE show: live shows are never deleted").format(
                id=session_id))
    if ended is None:
        raise SessionNotDeleted(lambda: translate(
            "Errors", "rehearsal #{id} has not ended (it may be running or waiting to be "
            "resumed); end it first").format(id=session_id))
    try:
        with db.conn:
            removed = 0
            for table in ("events", "samples", "follow_positions"):
                removed += db.conn.execute(f"DELETE FROM {table} WHERE session_id = ?",
                                           [session_id]).rowcount
            removed += db.conn.execute("DELETE FROM sessions WHERE id = ?", [session_id]).rowcount
    except sqlite3.Error as exc:
        raise StorageError.from_sqlite(exc, database_path(db)) from exc
    return removed

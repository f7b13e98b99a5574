"""The one place that opens the session database and owns its schema.

SQLite through sqlite-utils, WAL journal, `synchronous=FULL` so a committed
event survives a killed process and a power cut. The schema version lives in
`PRAGMA user_version`; each migration runs once, in order, in a transaction.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import sqlite_utils

from console.errors import StorageError
from console.text import translate

log = logging.getLogger(__name__)

DB_FILENAME = "sessions.db"

# The figure columns of `samples`, as schema v2 created them. The KPI side's field table
# (console/kpi/fields.py) must name the same keys (a test holds them together); storage
# keeps its own copy so that it knows nothing of KPIs and a renamed field cannot silently
# change what a migration creates.
SAMPLE_COLUMNS = ("online", "entries", "exits", "viewers", "views", "likes", "comments",
                  "shares", "interacting", "clickers", "orders", "buyers", "items", "gmv",
                  "refunds")
BUSY_TIMEOUT_MS = 3000


def connect(path: str | Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """A connection to the database at `path` with the settings every user of it shares:
    WAL, `synchronous=FULL`, foreign keys, the busy timeout. The main connection and each
    background writer's connection come from here (sqlite3.Error if it cannot be opened)."""
    conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000, check_same_thread=False)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def check_integrity(db: sqlite_utils.Database) -> None:
    """StorageError if the file is damaged. `PRAGMA quick_check` reads every page (about
    0.2 s for 40 MB, 1.9 s for 400 MB), so it runs before a new session is written into the
    file, never on the way to resuming a crashed show; there, each read that meets a
    damaged page raises StorageError instead."""
    try:
        result = db.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StorageError.from_sqlite(exc, database_path(db)) from exc
    if result != "ok":
        raise StorageError.from_sqlite(sqlite3.DatabaseError(f"malformed: {result}"),
                                       database_path(db))


def _check_shared_memory_file(path: Path) -> None:
    """SQLite maps `-shm` into memory; one it cannot write is refused here, with a message,
    rather than met mid-show as an I/O error or a bus error."""
    shm = path.with_name(path.name + "-shm")
    if not shm.exists():
        return
    try:
        os.close(os.open(shm, os.O_RDWR))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise StorageError(lambda: translate(
            "Errors", "the session database's shared-memory file {shm} cannot be written "
            "({reason}); with no console running, delete it or make it writable, then start "
            "again").format(shm=shm, reason=reason)) from exc


def database_path(db: sqlite_utils.Database) -> Path | None:
    """The file behind `db`; None for an in-memory database."""
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(file) if file else None
    return None


def open_database(path: str | Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite_utils.Database:
    """Open (creating or migrating) the database at `path`."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _check_shared_memory_file(path)
        db = sqlite_utils.Database(connect(path, busy_timeout_ms))
        migrate(db)
    except sqlite3.DatabaseError as exc:
        raise StorageError.from_sqlite(exc, path) from exc
    except OSError as exc:
        reason = exc.strerror
        raise StorageError(lambda: translate(
            "Errors", "cannot open the session database {path}: {reason}; check that the data "
            "folder exists and is writable").format(path=path, reason=reason)) from exc
    return db


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database) -> None:
    current = schema_version(db)
    if current > len(MIGRATIONS):
        raise StorageError(lambda: translate(
            "Errors", "the session database is from a newer console (schema {theirs}, this one "
            "knows {ours}); update the console").format(theirs=current, ours=len(MIGRATIONS)))
    for version, step in enumerate(MIGRATIONS[current:], start=current + 1):
        with db.conn:
            step(db)
            db.execute(f"PRAGMA user_version = {version}")
        log.info("session database migrated to schema %s", version)


def _v1_sessions_and_events(db: sqlite_utils.Database) -> None:
    db.table("sessions").create({
        "id": int, "title": str, "script_path": str, "script_hash": str, "script_text": str,
        "mode": str, "speed": float, "host": str, "platform": str, "planned_ms": int,
        "started_utc": str, "ended_utc": str, "end_reason": str, "console_version": str,
    }, pk="id", not_null={"title", "script_hash", "script_text", "mode", "started_utc"})
    db.table("events").create({
        "session_id": int, "seq": int, "kind": str, "utc": str, "show_ms": int, "details": str,
    }, pk=("session_id", "seq"), foreign_keys=[("session_id", "sessions", "id")],
        not_null={"kind", "utc", "show_ms"})
    db.table("events").create_index(["session_id", "kind"])
    db.table("sessions").create_index(["ended_utc"])
    db.create_view("segment_timings", SEGMENT_TIMINGS_SQL, replace=True)
    db.create_view("lottery_cues", LOTTERY_CUES_SQL, replace=True)


# One row per segment run. A run ends at the next boundary: another segment
# starting, an undo, or the end of the show. `undone` marks a run started by
# mistake and undone; `superseded` marks the first part of a run that an undo
# restored (its `advance_undone` row carries on with the same start).
SEGMENT_TIMINGS_SQL = """
WITH boundaries AS (
  SELECT session_id, seq, kind, show_ms, details,
         LEAD(show_ms) OVER w AS end_ms,
         LEAD(kind) OVER w AS ended_by,
         LEAD(seq) OVER w AS end_seq
  FROM events
  WHERE kind IN ('segment_started', 'advance_undone', 'show_ended')
  WINDOW w AS (PARTITION BY session_id ORDER BY seq)
),
runs AS (
  SELECT session_id, seq, kind, end_ms, ended_by, end_seq,
         json_extract(details, '$.index') AS idx,
         json_extract(details, '$.id') AS segment_id,
         json_extract(details, '$.kind') AS segment_kind,
         json_extract(details, '$.title') AS title,
         json_extract(details, '$.sku') AS sku,
         CASE kind WHEN 'advance_undone' THEN 'undo' ELSE json_extract(details, '$.reason') END AS reason,
         json_extract(details, '$.planned_ms') AS planned_ms,
         json_extract(details, '$.planned_start_ms') AS planned_start_ms,
         CASE kind WHEN 'advance_undone' THEN json_extract(details, '$.restored.started_ms')
                   ELSE show_ms END AS start_ms
  FROM boundaries WHERE kind != 'show_ended'
)
SELECT r.session_id, r.seq, r.idx + 1 AS position, r.segment_id, r.segment_kind, r.title,
       r.sku, r.reason,
       ROUND(r.planned_start_ms / 1000.0, 1) AS planned_start_s,
       ROUND(r.start_ms / 1000.0, 1) AS actual_start_s,
       ROUND((r.start_ms - r.planned_start_ms) / 1000.0, 1) AS start_delta_s,
       ROUND(r.planned_ms / 1000.0, 1) AS planned_s,
       ROUND((r.end_ms - r.start_ms) / 1000.0, 1) AS actual_s,
       ROUND((r.end_ms - r.start_ms - r.planned_ms) / 1000.0, 1) AS over_under_s,
       COALESCE((SELECT SUM(json_extract(e.details, '$.seconds')) FROM events e
                 WHERE e.session_id = r.session_id AND e.kind = 'segment_extended'
                   AND e.seq > r.seq AND (r.end_seq IS NULL OR e.seq < r.end_seq)), 0)
         AS extended_s,
       r.end_ms IS NULL AS running,
       COALESCE(r.ended_by = 'advance_undone', 0) AS undone,
       EXISTS (SELECT 1 FROM events u
               WHERE u.session_id = r.session_id AND u.kind = 'advance_undone'
                 AND u.seq > r.seq
                 AND json_extract(u.details, '$.restored.started_ms') = r.start_ms
                 AND json_extract(u.details, '$.index') = r.idx) AS superseded
FROM runs r
ORDER BY r.session_id, r.seq
"""

LOTTERY_CUES_SQL = """
SELECT session_id,
       json_extract(details, '$.cue') AS cue,
       ROUND(MIN(json_extract(details, '$.grid_ms')) / 1000.0, 1) AS due_s,
       ROUND(MIN(CASE WHEN kind = 'lottery_due' THEN show_ms END) / 1000.0, 1) AS became_due_s,
       MAX(CASE WHEN kind = 'lottery_due' THEN json_extract(details, '$.after_sku') END)
         AS after_sku,
       ROUND(MAX(CASE WHEN kind = 'lottery_fired' THEN show_ms END) / 1000.0, 1) AS fired_s,
       MAX(CASE WHEN kind = 'lottery_fired' THEN json_extract(details, '$.by') END) AS fired_by,
       ROUND((MAX(CASE WHEN kind = 'lottery_fired' THEN show_ms END)
              - MIN(json_extract(details, '$.grid_ms'))) / 1000.0, 1) AS delay_s,
       SUM(kind = 'lottery_postponed') AS postponements,
       MAX(CASE WHEN kind = 'lottery_skipped' THEN json_extract(details, '$.reason') END)
         AS skip_reason,
       CASE WHEN SUM(kind = 'lottery_fired') > 0 THEN 'fired'
            WHEN SUM(kind = 'lottery_skipped') > 0 THEN 'skipped'
            WHEN SUM(kind = 'lottery_postponed') > 0 THEN 'postponed'
            WHEN SUM(kind = 'lottery_due') > 0 THEN 'pending'
            ELSE 'warned' END AS outcome
FROM events
WHERE kind LIKE 'lottery_%'
GROUP BY session_id, json_extract(details, '$.cue')
ORDER BY session_id, cue
"""

def _v2_samples_and_alerts(db: sqlite_utils.Database) -> None:
    columns = {"id": int, "session_id": int, "show_ms": int, "utc": str, "source": str}
    columns.update({key: float for key in SAMPLE_COLUMNS})
    db.table("samples").create(columns, pk="id", foreign_keys=[("session_id", "sessions", "id")],
                         not_null={"session_id", "show_ms", "source"})
    db.table("samples").create_index(["session_id", "show_ms"])
    db.create_view("alerts", ALERTS_SQL, replace=True)


# Alerts are events (raised / cleared) so they sit in the session's order of things.
ALERTS_SQL = """
SELECT session_id, seq, kind = 'alert_raised' AS raised,
       ROUND(show_ms / 1000.0, 1) AS show_s, utc,
       json_extract(details, '$.colour') AS colour,
       json_extract(details, '$.rule') AS rule,
       json_extract(details, '$.title') AS title,
       json_extract(details, '$.message') AS message,
       json_extract(details, '$.title_en') AS title_en,
       json_extract(details, '$.message_en') AS message_en,
       json_extract(details, '$.value') AS value,
       json_extract(details, '$.suggest') AS suggest,
       json_extract(details, '$.segment_index') + 1 AS position
FROM events WHERE kind IN ('alert_raised', 'alert_cleared')
ORDER BY session_id, seq
"""

def _v3_alerts_in_english(db: sqlite_utils.Database) -> None:
    """The alerts view gains the English title and message (rules carry both)."""
    db.create_view("alerts", ALERTS_SQL, replace=True)


# v4: every cue ends with an outcome. The outcome is the cue's latest state, not the
# "worst" event it ever had: a postponed cue that came due again is pending, a cue
# missed when the closing started and reopened by going back is open again.
LOTTERY_CUES_V4_SQL = """
WITH cue_events AS (
  SELECT session_id, seq, kind, show_ms, details, json_extract(details, '$.cue') AS cue
  FROM events
  WHERE kind LIKE 'lottery_%'
),
latest AS (
  SELECT session_id, cue, kind, show_ms, details,
         ROW_NUMBER() OVER (PARTITION BY session_id, cue ORDER BY seq DESC) AS recency
  FROM cue_events
)
SELECT c.session_id, c.cue,
       ROUND(MIN(json_extract(c.details, '$.grid_ms')) / 1000.0, 1) AS due_s,
       ROUND(MIN(CASE WHEN c.kind = 'lottery_due' THEN c.show_ms END) / 1000.0, 1) AS became_due_s,
       MAX(CASE WHEN c.kind = 'lottery_due' THEN json_extract(c.details, '$.after_sku') END)
         AS after_sku,
       ROUND(MAX(CASE WHEN c.kind = 'lottery_fired' THEN c.show_ms END) / 1000.0, 1) AS fired_s,
       MAX(CASE WHEN c.kind = 'lottery_fired' THEN json_extract(c.details, '$.by') END)
         AS fired_by,
       ROUND((MAX(CASE WHEN c.kind = 'lottery_fired' THEN c.show_ms END)
              - MIN(json_extract(c.details, '$.grid_ms'))) / 1000.0, 1) AS delay_s,
       SUM(c.kind = 'lottery_postponed') AS postponements,
       MAX(CASE WHEN c.kind = 'lottery_skipped' THEN json_extract(c.details, '$.reason') END)
         AS skip_reason,
       CASE l.kind WHEN 'lottery_missed' THEN ROUND(l.show_ms / 1000.0, 1) END AS missed_s,
       CASE l.kind WHEN 'lottery_missed' THEN json_extract(l.details, '$.reason') END
         AS missed_reason,
       CASE l.kind WHEN 'lottery_fired' THEN 'fired'
                   WHEN 'lottery_skipped' THEN 'skipped'
                   WHEN 'lottery_missed' THEN 'missed'
                   WHEN 'lottery_postponed' THEN 'postponed'
                   WHEN 'lottery_due' THEN 'pending'
                   WHEN 'lottery_warning' THEN 'warned'
                   ELSE 'scheduled' END AS outcome
FROM cue_events c
JOIN latest l ON l.session_id = c.session_id AND l.cue = c.cue AND l.recency = 1
GROUP BY c.session_id, c.cue
ORDER BY c.session_id, c.cue
"""


def _v4_lottery_outcomes(db: sqlite_utils.Database) -> None:
    """lottery_cues reports missed cues (closing started, show ended) and each cue's
    latest state as its outcome."""
    db.create_view("lottery_cues", LOTTERY_CUES_V4_SQL, replace=True)


def _v5_event_boot_and_monotonic(db: sqlite_utils.Database) -> None:
    """Each event records the machine's boot and its monotonic time, so that downtime
    after a crash is measured on the monotonic clock when the machine did not reboot —
    a wall clock changed meanwhile can neither invent nor drop show time."""
    db.execute("ALTER TABLE events ADD COLUMN boot_id TEXT")
    db.execute("ALTER TABLE events ADD COLUMN mono_ms INTEGER")


def _v6_follow_positions(db: sqlite_utils.Database) -> None:
    """Where each `--follow` file was read up to, so a resumed session goes on from there
    instead of taking the file's rows twice (console/storage/follow_positions.py)."""
    db.execute("""
        CREATE TABLE follow_positions (
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            path TEXT NOT NULL,
            device TEXT NOT NULL,
            inode TEXT NOT NULL,
            byte_offset INTEGER NOT NULL,
            line_number INTEGER NOT NULL,
            PRIMARY KEY (session_id, path)
        )""")


MIGRATIONS = [_v1_sessions_and_events, _v2_samples_and_alerts, _v3_alerts_in_english,
              _v4_lottery_outcomes, _v5_event_boot_and_monotonic, _v6_follow_positions]

"""Reading stored KPI samples back: a resumed session's graphs, a replay, a review."""

from __future__ import annotations

import dataclasses
import sqlite3

import sqlite_utils

from console.errors import StorageError
from console.storage.database import SAMPLE_COLUMNS, database_path


@dataclasses.dataclass(frozen=True)
class StoredSample:
    show_ms: int
    source: str
    values: dict[str, float]       # only the figures the sample had


def stored_samples(db: sqlite_utils.Database, session_id: int) -> list[StoredSample]:
    """A session's samples in show-time order (StorageError if the database cannot be read)."""
    try:
        rows = db.execute(f"SELECT show_ms, source, {', '.join(SAMPLE_COLUMNS)} FROM samples "
                          "WHERE session_id = ? ORDER BY show_ms, id", [session_id]).fetchall()
    except sqlite3.Error as exc:
        raise StorageError.from_sqlite(exc, database_path(db)) from exc
    return [StoredSample(show_ms, source,
                         {k: v for k, v in zip(SAMPLE_COLUMNS, values) if v is not None})
            for show_ms, source, *values in rows]

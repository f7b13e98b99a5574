"""Where each followed file was read up to, per session, so a resumed show goes on from there.

One row per (session, path): the file's identity (device and inode, kept as text —
inode numbers may not fit SQLite's signed 64 bits), the byte offset just past the
last complete line taken, and that line's number.

In a show the position is not written from the show's thread: it is queued on the
sample writer (`enqueue`), behind the samples read from those lines, and written in
the same transaction as they are — so a crash can lose neither the rows (position
ahead of them) nor take them twice (position behind them). Without a writer (tests,
tools) `save` writes it at once; a failing disk is logged, never raised.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from collections.abc import Callable

import sqlite_utils

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class FollowPosition:
    device: int
    inode: int
    offset: int        # bytes up to the end of the last complete line taken
    line: int          # that line's number


_UPSERT = ("INSERT INTO follow_positions (session_id, path, device, inode, byte_offset, "
           "line_number) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, path) DO "
           "UPDATE SET device = excluded.device, inode = excluded.inode, "
           "byte_offset = excluded.byte_offset, line_number = excluded.line_number")


def write_position(conn: sqlite3.Connection, session_id: int, path: str,
                   position: FollowPosition) -> None:
    """The upsert, inside the caller's transaction (the sample writer's)."""
    conn.execute(_UPSERT, [session_id, path, str(position.device), str(position.inode),
                           position.offset, position.line])


class FollowPositions:
    def __init__(self, db: sqlite_utils.Database, session_id: int,
                 enqueue: Callable[[str, FollowPosition], None] | None = None) -> None:
        self.db = db
        self.session_id = session_id
        self.enqueue = enqueue

    def load(self, path: str) -> FollowPosition | None:
        try:
            row = self.db.execute(
                "SELECT device, inode, byte_offset, line_number FROM follow_positions "
                "WHERE session_id = ? AND path = ?", [self.session_id, path]).fetchone()
        except sqlite3.Error as exc:
            log.warning("where %s was read up to is unknown (%s); reading it from the start",
                        path, exc)
            return None
        if row is None:
            return None
        device, inode, offset, line = row
        return FollowPosition(int(device), int(inode), offset, line)

    def save(self, path: str, position: FollowPosition) -> bool:
        if self.enqueue is not None:
            self.enqueue(path, position)
            return True
        try:
            with self.db.conn:
                write_position(self.db.conn, self.session_id, path, position)
        except sqlite3.Error as exc:
            log.warning("could not note where %s was read up to: %s", path, exc)
            return False
        return True

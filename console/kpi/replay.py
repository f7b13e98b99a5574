"""Replaying a past session's samples against a new rehearsal, on show time."""

from __future__ import annotations

import sqlite_utils

from console.errors import KnownError
from console.kpi.fields import KEYS
from console.text import translate


class Replay:
    def __init__(self, db: sqlite_utils.Database, session_id: int) -> None:
        rows = db.execute(f"SELECT show_ms, {', '.join(KEYS)} FROM samples WHERE session_id = ? "
                          "ORDER BY show_ms, id", [session_id]).fetchall()
        if not rows:
            raise KnownError(lambda: translate(
                "Errors", "session #{id} has no KPI samples to replay; list sessions with: "
                "console sessions").format(id=session_id))
        self.source = f"replay:#{session_id}"
        self._rows = [(row[0], {k: v for k, v in zip(KEYS, row[1:]) if v is not None})
                      for row in rows]
        self._next = 0

    def poll(self, now_ms: int) -> list[tuple[int, dict[str, float]]]:
        out = []
        while self._next < len(self._rows) and self._rows[self._next][0] <= now_ms:
            out.append(self._rows[self._next])
            self._next += 1
        return out

    @property
    def finished(self) -> bool:
        return self._next >= len(self._rows)

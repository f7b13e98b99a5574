"""Replaying a past session's samples against a new rehearsal, on show time."""

from __future__ import annotations

import sqlite_utils

from console.errors import KnownError
from console.storage.samples import stored_samples
from console.text import translate


class Replay:
    def __init__(self, db: sqlite_utils.Database, session_id: int) -> None:
        rows = stored_samples(db, session_id)
        if not rows:
            raise KnownError(lambda: translate(
                "Errors", "session #{id} has no KPI samples to replay; list sessions with: "
                "console sessions").format(id=session_id))
        self.source = f"replay:#{session_id}"
        self._rows = [(row.show_ms, row.values) for row in rows]
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

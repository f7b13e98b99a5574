"""One run of one segment: when it started and when it is due to end.

Everything is in show-time milliseconds. Remaining time is always
deadline - now; holding moves the deadline by the time held.
"""

from __future__ import annotations

import dataclasses
import enum


class Phase(str, enum.Enum):
    NORMAL = "normal"
    WARNING = "warning"       # the last `warning_seconds` (15 s by default)
    OVERTIME = "overtime"     # the planned time is gone


@dataclasses.dataclass
class SegmentRun:
    index: int
    planned_ms: int
    started_ms: int
    extended_ms: int = 0
    held_ms: int = 0
    hold_from_ms: int | None = None
    ended_ms: int | None = None

    @property
    def allowed_ms(self) -> int:
        return self.planned_ms + self.extended_ms

    @property
    def deadline_ms(self) -> int:
        return self.started_ms + self.allowed_ms + self.held_ms

    def _frozen_now(self, now_ms: int) -> int:
        """While held (or after it ended) the segment's own clock stands still."""
        if self.ended_ms is not None:
            return self.ended_ms
        if self.hold_from_ms is not None:
            return self.hold_from_ms
        return now_ms

    def remaining_ms(self, now_ms: int) -> int:
        return self.deadline_ms - self._frozen_now(now_ms)

    def elapsed_ms(self, now_ms: int) -> int:
        return self._frozen_now(now_ms) - self.started_ms - self.held_ms

    def phase(self, now_ms: int, warning_ms: int) -> Phase:
        remaining = self.remaining_ms(now_ms)
        if remaining <= 0:
            return Phase.OVERTIME
        if remaining <= warning_ms:
            return Phase.WARNING
        return Phase.NORMAL

    def snapshot(self) -> dict:
        return {"index": self.index, "planned_ms": self.planned_ms,
                "started_ms": self.started_ms, "extended_ms": self.extended_ms,
                "held_ms": self.held_ms}

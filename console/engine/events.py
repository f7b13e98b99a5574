"""Everything that happens in a show is an `Event`.

The engine changes state only by applying events, and the same events are
written to the session log, so replaying a log rebuilds the engine exactly
(that is how a crashed session resumes).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from typing import Any


class EventKind(str, enum.Enum):
    SHOW_STARTED = "show_started"
    SEGMENT_STARTED = "segment_started"      # details.reason: next/previous/jump/restart/auto
    SEGMENT_EXTENDED = "segment_extended"
    ADVANCE_UNDONE = "advance_undone"
    HOLD_STARTED = "hold_started"
    HOLD_ENDED = "hold_ended"
    LOTTERY_WARNING = "lottery_warning"
    LOTTERY_DUE = "lottery_due"
    LOTTERY_FIRED = "lottery_fired"
    LOTTERY_POSTPONED = "lottery_postponed"
    LOTTERY_SKIPPED = "lottery_skipped"
    LOTTERY_MISSED = "lottery_missed"        # closed unfired: the closing started, the show ended
    LOTTERY_REOPENED = "lottery_reopened"    # the show went back out of the closing
    SHOW_ENDED = "show_ended"
    RESUMED = "resumed"                      # the console came back after an unclean exit
    # What the team did around the rundown; recorded for the review, no engine state.
    NOTE_SENT = "note_sent"                  # a message to the presenter view
    CRISIS_PUSHED = "crisis_pushed"          # a crisis script's host lines to the presenter view
    CRISIS_RESOLVED = "crisis_resolved"
    PRESENTER_CLEARED = "presenter_cleared"  # a takeover cleared from the presenter view
    ALERT_RAISED = "alert_raised"            # a four-colour KPI alert lit up
    ALERT_CLEARED = "alert_cleared"
    # Going live although the script's wording has must-fix advertising-law hits: the
    # operator's explicit choice, logged with the terms (console/compliance).
    COMPLIANCE_ACKNOWLEDGED = "compliance_acknowledged"


ANNOTATION_KINDS = frozenset({EventKind.NOTE_SENT, EventKind.CRISIS_PUSHED,
                              EventKind.CRISIS_RESOLVED, EventKind.PRESENTER_CLEARED,
                              EventKind.ALERT_RAISED, EventKind.ALERT_CLEARED,
                              EventKind.COMPLIANCE_ACKNOWLEDGED})


@dataclasses.dataclass(frozen=True)
class Event:
    kind: EventKind
    show_ms: int                 # show time: ms since go-live
    utc: dt.datetime             # wall clock, for people and for downtime after a crash
    details: dict[str, Any]
    seq: int = 0                 # 1, 2, 3 … within a session

"""A show being run: the engine wired to its session log, new or resumed.

On start the data folder is checked for a session that never logged its end
(the console crashed, the PC lost power). That session is resumed from its own
stored script text, with the downtime counted as elapsed show time: the
broadcast went on while the console was down.
"""

from __future__ import annotations

import dataclasses
import logging

import sqlite_utils

from console.clock import Clock, ScaledClock
from console.engine.runner import ShowRunner
from console.errors import KnownError
from console.script import LoadedShow, load_show_text
from console.storage.session_log import SessionLog, SessionRow, unfinished_sessions

log = logging.getLogger(__name__)


# Past this, a crashed session is history, not a show still on air.
STALE_AFTER_MS = 12 * 3_600_000


class SessionConflict(KnownError):
    exit_code = 3


@dataclasses.dataclass
class Resumption:
    gap_ms: int             # wall time since the last logged event
    last_show_ms: int


@dataclasses.dataclass
class Session:
    runner: ShowRunner
    log: SessionLog
    loaded: LoadedShow
    speed: float
    resumption: Resumption | None = None

    @property
    def id(self) -> int:
        return self.log.session_id

    def finish_resume(self) -> None:
        """Log the `resumed` event (after any catch-up the caller wanted first)."""
        if self.resumption is not None:
            self.runner.record_resume(self.resumption.gap_ms, self.resumption.last_show_ms)


def session_clock(base: Clock, rehearsal: bool, speed: float) -> Clock:
    return ScaledClock(base, speed) if rehearsal and speed != 1 else base


def open_session(db: sqlite_utils.Database, loaded: LoadedShow, base_clock: Clock,
                 rehearsal: bool = False, speed: float = 1.0, new: bool = False) -> Session:
    """Resume the unfinished session in `db`, or start a new one for `loaded`."""
    unfinished = []
    for row in unfinished_sessions(db):
        if SessionLog(db, row.id).events():
            unfinished.append(row)
        else:                      # opened but never went live: nothing to resume
            SessionLog(db, row.id).abandon(base_clock.utc_now(), "never started")
    if unfinished and not new:
        latest = unfinished[0]
        if latest.script_hash != loaded.content_hash:
            raise SessionConflict(
                f"the data folder holds an unfinished session #{latest.id} "
                f"《{latest.title}》 ({latest.mode}, started {latest.started_utc} UTC) that ran "
                f"a different script than {loaded.path}. Run that script to resume it, or add "
                "--new to close it as abandoned and start this one.")
        return resume_session(db, latest, base_clock)
    for row in unfinished:
        SessionLog(db, row.id).abandon(base_clock.utc_now())
        log.warning("session #%s closed as abandoned (--new)", row.id)
    clock = session_clock(base_clock, rehearsal, speed)
    session_log = SessionLog.create(db, loaded, "rehearsal" if rehearsal else "live", speed,
                                    base_clock.utc_now())
    runner = ShowRunner(loaded.show, clock, journal=session_log.append, rehearsal=rehearsal)
    return Session(runner, session_log, loaded, speed)


def resume_session(db: sqlite_utils.Database, row: SessionRow, base_clock: Clock) -> Session:
    loaded = load_show_text(row.script_text, row.script_path)
    session_log = SessionLog(db, row.id)
    speed = row.speed or 1.0
    clock = session_clock(base_clock, row.rehearsal, speed)
    runner = ShowRunner(loaded.show, clock, journal=session_log.append, rehearsal=row.rehearsal)
    events = session_log.events()
    if not events:
        return Session(runner, session_log, loaded, speed)   # died before go-live
    last = events[-1]
    # No monotonic clock survives a restart: the wall clock is the only measure of
    # the gap (a wall clock set backwards counts as no gap rather than negative).
    gap_ms = max(0, round((base_clock.utc_now() - last.utc).total_seconds() * 1000))
    if gap_ms > STALE_AFTER_MS:
        raise SessionConflict(
            f"the data folder holds unfinished session #{row.id} 《{row.title}》, last active "
            f"{gap_ms / 3_600_000:.0f} h ago — too long ago to be the same broadcast. Add --new "
            "to close it as abandoned and start afresh (its log stays in the database).")
    runner.replay(events, now_show_ms=last.show_ms + round(gap_ms * speed))
    log.warning("resuming session #%s, %.1f s after its last logged event", row.id, gap_ms / 1000)
    return Session(runner, session_log, loaded, speed, Resumption(gap_ms, last.show_ms))

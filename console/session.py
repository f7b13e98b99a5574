"""A show being run: the engine wired to its session log, new or resumed.

On start the data folder is checked for a session that never logged its end
(the console crashed, the PC lost power). That session is resumed from its own
stored script text, with the downtime counted as elapsed show time: the
broadcast went on while the console was down.

Starting anew instead closes the unfinished session as abandoned. A rehearsal
may be closed so by `new=True` (`--new`); a LIVE show only by an explicit
`abandon_live=True` (`--abandon-live`) or by the operator's choice in the window
(`abandon_and_start_new`): a demo or a habit must never end a real show.
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
from console.text import translate

log = logging.getLogger(__name__)


# Past this, a crashed session is history, not a show still on air.
STALE_AFTER_MS = 12 * 3_600_000


class SessionConflict(KnownError):
    exit_code = 3


@dataclasses.dataclass(frozen=True)
class SessionRequest:
    """What was asked for at start — the show, its mode, where to log — kept so that the
    window can start exactly that afresh instead of resuming."""
    db: sqlite_utils.Database
    loaded: LoadedShow
    base_clock: Clock
    rehearsal: bool = False
    speed: float = 1.0


@dataclasses.dataclass(frozen=True)
class Resumption:
    """A session picked up after the console went down: what a "resumed" notice says."""
    session_id: int         # the session resumed, #N (the same as Session.id)
    title: str
    live: bool              # a live show; False for a rehearsal
    started_utc: str        # when the session first started, ISO 8601 UTC
    gap_ms: int             # downtime: wall time since the last logged event, counted as show time
    last_show_ms: int       # show time of that last event
    resumed_show_ms: int    # show time where the show picks up (last + downtime × speed)


@dataclasses.dataclass
class Session:
    runner: ShowRunner
    log: SessionLog
    loaded: LoadedShow
    speed: float
    resumption: Resumption | None = None
    request: SessionRequest | None = None

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
                 rehearsal: bool = False, speed: float = 1.0, new: bool = False,
                 abandon_live: bool = False) -> Session:
    """Resume the unfinished session in `db`, or start a new one for `loaded`.

    `new` closes unfinished rehearsals as abandoned; an unfinished live show is
    refused (SessionConflict) unless `abandon_live` says to close it too."""
    request = SessionRequest(db, loaded, base_clock, rehearsal, speed)
    new = new or abandon_live
    unfinished = []
    for row in unfinished_sessions(db):
        if SessionLog(db, row.id).events():
            unfinished.append(row)
        else:                      # opened but never went live: nothing to resume
            SessionLog(db, row.id).abandon(base_clock.utc_now(), "never started")
    if unfinished and not new:
        latest = unfinished[0]
        if latest.script_hash != loaded.content_hash:
            raise _different_script(latest, loaded.path)
        return resume_session(db, latest, base_clock, request)
    live = [row for row in unfinished if not row.rehearsal]
    if live and not abandon_live:
        raise _live_not_abandoned(live[0], SessionLog(db, live[0].id).events()[-1].utc)
    for row in unfinished:
        SessionLog(db, row.id).abandon(base_clock.utc_now())
        log.warning("session #%s (%s) closed as abandoned (%s)", row.id, row.mode,
                    "--abandon-live" if abandon_live else "--new")
    return _start(request)


def abandon_and_start_new(session: Session) -> Session:
    """Close `session` as abandoned and start afresh what was asked for at start (the
    same show, mode and speed): the window's "start a new session instead" of a resumed
    one. It is the operator's explicit choice, so a live session is closed too — ask
    first. Stop driving the old session's runner before calling this: its log is closed."""
    request = session.request
    if request is None:
        raise ValueError("this session was not opened by open_session()")
    session.log.abandon(request.base_clock.utc_now())
    log.warning("session #%s closed as abandoned: a new session was started instead", session.id)
    return _start(request)


def _start(request: SessionRequest) -> Session:
    clock = session_clock(request.base_clock, request.rehearsal, request.speed)
    session_log = SessionLog.create(request.db, request.loaded,
                                    "rehearsal" if request.rehearsal else "live", request.speed,
                                    request.base_clock.utc_now())
    runner = ShowRunner(request.loaded.show, clock, journal=session_log.append,
                        rehearsal=request.rehearsal)
    return Session(runner, session_log, request.loaded, request.speed, request=request)


def resume_session(db: sqlite_utils.Database, row: SessionRow, base_clock: Clock,
                   request: SessionRequest | None = None) -> Session:
    loaded = load_show_text(row.script_text, row.script_path)
    session_log = SessionLog(db, row.id)
    speed = row.speed or 1.0
    clock = session_clock(base_clock, row.rehearsal, speed)
    runner = ShowRunner(loaded.show, clock, journal=session_log.append, rehearsal=row.rehearsal)
    events = session_log.events()
    if not events:                                        # died before go-live
        return Session(runner, session_log, loaded, speed, request=request)
    last = events[-1]
    # No monotonic clock survives a restart: the wall clock is the only measure of
    # the gap (a wall clock set backwards counts as no gap rather than negative).
    gap_ms = max(0, round((base_clock.utc_now() - last.utc).total_seconds() * 1000))
    if gap_ms > STALE_AFTER_MS:
        raise _stale(row, gap_ms)
    resumed_ms = last.show_ms + round(gap_ms * speed)
    runner.replay(events, now_show_ms=resumed_ms)
    log.warning("resuming session #%s, %.1f s after its last logged event", row.id, gap_ms / 1000)
    resumption = Resumption(row.id, row.title, not row.rehearsal, row.started_utc, gap_ms,
                            last.show_ms, resumed_ms)
    return Session(runner, session_log, loaded, speed, resumption, request)


# -- what the person at the PC is told (console/text.py: in their language) -------------

def _mode(row: SessionRow) -> str:
    return translate("Session", "rehearsal") if row.rehearsal else translate("Session", "LIVE")


def _minute(utc: str) -> str:
    """2026-11-20T19:58:03.120+00:00 -> 2026-11-20 19:58 UTC"""
    return f"{utc[:16].replace('T', ' ')} UTC"


def _abandon_flag(row: SessionRow) -> str:
    return "--new" if row.rehearsal else "--abandon-live"


def _different_script(row: SessionRow, path: str) -> SessionConflict:
    return SessionConflict(lambda: translate(
        "Session", "the data folder holds unfinished session #{id} 《{title}》 ({mode}, started "
        "{started}), which ran a different script than {path}. Run that script to resume it, "
        "or add {flag} to close it as abandoned and start this one.").format(
            id=row.id, title=row.title, mode=_mode(row), started=_minute(row.started_utc),
            path=path, flag=_abandon_flag(row)))


def _stale(row: SessionRow, gap_ms: int) -> SessionConflict:
    return SessionConflict(lambda: translate(
        "Session", "the data folder holds unfinished session #{id} 《{title}》 ({mode}), last "
        "active {hours} h ago — too long ago to be the same broadcast. Add {flag} to close it "
        "as abandoned and start afresh (its log stays in the database).").format(
            id=row.id, title=row.title, mode=_mode(row), hours=f"{gap_ms / 3_600_000:.0f}",
            flag=_abandon_flag(row)))


def _live_not_abandoned(row: SessionRow, last_utc) -> SessionConflict:
    last = _minute(last_utc.isoformat())
    return SessionConflict(lambda: translate(
        "Session", "unfinished session #{id} 《{title}》 is a LIVE show (started {started}, "
        "last active {last}); --new closes only rehearsals. Run again without --new to resume "
        "it, or add --abandon-live to close it as abandoned (its log stays in the "
        "database).").format(id=row.id, title=row.title, started=_minute(row.started_utc),
                             last=last))

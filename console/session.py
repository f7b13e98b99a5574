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
from console.storage.database import check_integrity
from console.storage.session_log import SessionLog, SessionRow, Stamp, unfinished_sessions
from console.text import translate
from console.timefmt import duration_text

log = logging.getLogger(__name__)


# Past this, a crashed session is history, not a show still on air.
STALE_AFTER_MS = 12 * 3_600_000
# Downtime the wall clock alone reports (the PC rebooted, so the monotonic clock cannot
# check it) is counted as show time without asking only up to this much: beyond it, a
# clock changed meanwhile could invent a past of segment starts and lottery firings.
MAX_UNCHECKED_DOWNTIME_MS = 10 * 60_000

# How a resume counts the downtime (`--downtime`): None decides by itself and asks when it
# cannot be sure; COUNT takes the wall clock's word; NONE resumes where the log stopped.
DOWNTIME_COUNT = "count"
DOWNTIME_NONE = "none"


class SessionConflict(KnownError):
    exit_code = 3


@dataclasses.dataclass(frozen=True)
class Downtime:
    """How long the console was down, and how that is known."""
    ms: int                 # counted as show time (never negative)
    checked: bool           # measured on the monotonic clock of the same boot
    wall_ms: int            # what the wall clock says (negative: it was set back)


def measure_downtime(last: Stamp, clock: Clock) -> Downtime:
    """The monotonic clock when the machine has not rebooted since `last` (a wall clock
    changed meanwhile does not matter), else the wall clock, unchecked."""
    wall_ms = round((clock.utc_now() - last.utc).total_seconds() * 1000)
    boot = clock.boot_id()
    if boot is not None and boot == last.boot_id and last.mono_ms is not None:
        mono_ms = clock.monotonic_ms() - last.mono_ms
        if mono_ms >= 0:
            return Downtime(mono_ms, True, wall_ms)
    return Downtime(max(0, wall_ms), False, wall_ms)


class UncertainDowntime(SessionConflict):
    """The wall clock alone says the console was down longer than is safe to count (or
    that time went backwards): the operator must say how to resume."""

    def __init__(self, row: SessionRow, downtime: Downtime) -> None:
        self.row = row
        self.downtime = downtime
        super().__init__(lambda: _uncertain_downtime_text(row, downtime))

    def question(self) -> str:
        """What the window asks, in the language installed now: the same facts without the
        command line's options (the buttons are the choices)."""
        return _uncertain_downtime_question(self.row, self.downtime)


@dataclasses.dataclass(frozen=True)
class SessionRequest:
    """What was asked for at start — the show, its mode, where to log — kept so that the
    window can start exactly that afresh instead of resuming."""
    db: sqlite_utils.Database
    loaded: LoadedShow
    base_clock: Clock
    rehearsal: bool = False
    speed: float = 1.0
    background: bool = False
    first_segment: int = 0          # a rehearsal from a later segment (0-based)


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
    downtime_counted: bool = True   # False: the operator chose to resume where the log stopped


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

    def close(self) -> int:
        """Write what is pending and stop the log's writer; how many events are unsaved."""
        return self.log.close()

    def finish_resume(self) -> None:
        """Log the `resumed` event (after any catch-up the caller wanted first)."""
        if self.resumption is not None:
            self.runner.record_resume(self.resumption.gap_ms, self.resumption.last_show_ms)


def session_clock(base: Clock, rehearsal: bool, speed: float) -> Clock:
    return ScaledClock(base, speed) if rehearsal and speed != 1 else base


def open_session(db: sqlite_utils.Database, loaded: LoadedShow, base_clock: Clock,
                 rehearsal: bool = False, speed: float = 1.0, new: bool = False,
                 abandon_live: bool = False, downtime: str | None = None,
                 background: bool = False, first_segment: int = 0) -> Session:
    """Resume the unfinished session in `db`, or start a new one for `loaded`.

    `new` closes unfinished rehearsals as abandoned; an unfinished live show is
    refused (SessionConflict) unless `abandon_live` says to close it too. `downtime`
    says how a resume counts the time the console was down (see DOWNTIME_*); without
    it, an unchecked downtime over MAX_UNCHECKED_DOWNTIME_MS raises UncertainDowntime.
    `background` writes the events on a writer thread (the console's own runs).
    `first_segment`: a new rehearsal starts there (0-based); a resumed session goes on
    where it was."""
    request = SessionRequest(db, loaded, base_clock, rehearsal, speed, background, first_segment)
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
        return resume_session(db, latest, base_clock, request, downtime)
    check_integrity(db)                  # never write a new show into a damaged file
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
    check_integrity(request.db)
    session.log.abandon(request.base_clock.utc_now())
    session.close()
    log.warning("session #%s closed as abandoned: a new session was started instead", session.id)
    return _start(request)


def _start(request: SessionRequest) -> Session:
    clock = session_clock(request.base_clock, request.rehearsal, request.speed)
    session_log = SessionLog.create(request.db, request.loaded,
                                    "rehearsal" if request.rehearsal else "live", request.speed,
                                    request.base_clock.utc_now(), clock=request.base_clock,
                                    background=request.background)
    runner = ShowRunner(request.loaded.show, clock, journal=session_log.append,
                        rehearsal=request.rehearsal, first_segment=request.first_segment)
    return Session(runner, session_log, request.loaded, request.speed, request=request)


def resume_session(db: sqlite_utils.Database, row: SessionRow, base_clock: Clock,
                   request: SessionRequest | None = None,
                   downtime: str | None = None) -> Session:
    loaded = load_show_text(row.script_text, row.script_path)
    session_log = SessionLog(db, row.id, clock=base_clock,
                             background=request.background if request else False)
    speed = row.speed or 1.0
    clock = session_clock(base_clock, row.rehearsal, speed)
    runner = ShowRunner(loaded.show, clock, journal=session_log.append, rehearsal=row.rehearsal)
    events = session_log.events()
    last = session_log.last_stamp()
    if not events or last is None:                        # died before go-live
        return Session(runner, session_log, loaded, speed, request=request)
    measured = measure_downtime(last, base_clock)
    if measured.ms > STALE_AFTER_MS and downtime is None:
        session_log.close()
        raise _stale(row, measured.ms)
    if downtime == DOWNTIME_NONE:
        gap_ms = 0
    elif downtime == DOWNTIME_COUNT or measured.checked:
        gap_ms = measured.ms
    elif 0 <= measured.wall_ms <= MAX_UNCHECKED_DOWNTIME_MS:
        gap_ms = measured.ms
    else:
        session_log.close()
        raise UncertainDowntime(row, measured)
    resumed_ms = events[-1].show_ms + round(gap_ms * speed)
    runner.replay(events, now_show_ms=resumed_ms)
    log.warning("resuming session #%s, %.1f s after its last logged event (%s)", row.id,
                gap_ms / 1000, "monotonic clock" if measured.checked else
                f"wall clock, {downtime or 'within the unchecked limit'}")
    resumption = Resumption(row.id, row.title, not row.rehearsal, row.started_utc, gap_ms,
                            events[-1].show_ms, resumed_ms,
                            downtime_counted=downtime != DOWNTIME_NONE)
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


def _uncertain_downtime_text(row: SessionRow, downtime: Downtime) -> str:
    if downtime.wall_ms < 0:
        return translate(
            "Session", "unfinished session #{id} 《{title}》 ({mode}) cannot be resumed at the "
            "right time: the PC's clock now reads {duration} earlier than the session's last "
            "event, and the PC has restarted since, so the downtime cannot be measured. Run "
            "again with --downtime none to resume the show where its log stopped, or --downtime "
            "count to count the downtime the wall clock gives (none).").format(
                id=row.id, title=row.title, mode=_mode(row),
                duration=duration_text(downtime.wall_ms))
    return translate(
        "Session", "unfinished session #{id} 《{title}》 ({mode}) was last active {duration} ago "
        "by the PC's clock, but the PC has restarted since, so that cannot be checked; counting "
        "it as show time would log the segments and lottery cues of that time as if they had "
        "happened. Run again with --downtime count to count it, or --downtime none to resume the "
        "show where its log stopped.").format(
            id=row.id, title=row.title, mode=_mode(row), duration=duration_text(downtime.wall_ms))


def _uncertain_downtime_question(row: SessionRow, downtime: Downtime) -> str:
    if downtime.wall_ms < 0:
        return translate(
            "Session", "Unfinished session #{id} 《{title}》 ({mode}): the PC's clock now reads "
            "{duration} earlier than its last event, and the PC has restarted since, so the "
            "downtime cannot be measured.").format(
                id=row.id, title=row.title, mode=_mode(row), duration=duration_text(downtime.wall_ms))
    return translate(
        "Session", "Unfinished session #{id} 《{title}》 ({mode}) was last active {duration} ago "
        "by the PC's clock, but the PC has restarted since, so that cannot be checked. Counting "
        "it as show time logs the segments and lottery cues of that time as if they had "
        "happened.").format(id=row.id, title=row.title, mode=_mode(row),
                            duration=duration_text(downtime.wall_ms))

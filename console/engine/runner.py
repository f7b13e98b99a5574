"""The show engine: a state machine over the script, driven by events.

Every action builds an `Event`, hands it to the journal (which commits it to
the session log) and only then applies it and tells listeners. `replay()`
applies a stored list of events to rebuild the same state after a crash.

Time is show time in milliseconds: `clock.monotonic_ms() - origin`. Actions
normally happen "now"; the autopilot and crash recovery may date an action at
an exact earlier moment (a planned segment end) so no tick jitter accumulates.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable

from console.clock import Clock
from console.engine.events import ANNOTATION_KINDS, Event, EventKind
from console.engine.lottery import (MISSED_CLOSING, MISSED_SHOW_ENDED, CueState, LotteryCue,
                                    LotterySchedule)
from console.engine.lottery_segments import lottery_segment_ahead
from console.engine.segment_timer import Phase, SegmentRun
from console.script.model import SegmentKind, Show
from console.text import translate

EXTEND_LIMIT_MS = 30 * 60_000


class ShowState(str, enum.Enum):
    READY = "ready"
    LIVE = "live"
    HOLD = "hold"
    FINISHED = "finished"


class ActionRefused(Exception):
    """An operator action that makes no sense right now; the message says why."""


Journal = Callable[[Event], object]        # what it answers is not used


class ShowRunner:
    def __init__(self, show: Show, clock: Clock, journal: Journal | None = None,
                 rehearsal: bool = False, first_segment: int = 0) -> None:
        if first_segment and not rehearsal:
            raise ValueError("only a rehearsal may start at a later segment")
        if not 0 <= first_segment < len(show.segments):
            raise ValueError(f"there is no segment {first_segment + 1}")
        self.show = show
        self.clock = clock
        self.rehearsal = rehearsal
        self.first_segment = first_segment        # a rehearsal may start at any segment
        self.state = ShowState.READY
        self.runs: list[SegmentRun] = []          # every segment run, in order
        self.lottery = LotterySchedule(show.lottery_interval_ms,
                                       show.defaults.lottery_warning_seconds * 1000,
                                       show.planned_lottery_cues())
        self.end_reason = ""
        self._journal = journal or (lambda event: None)
        self._listeners: list[Callable[[Event], None]] = []
        self._origin: int | None = None
        self._seq = 0
        self._last_ms = 0                         # show time of the latest event
        self._undo: list[SegmentRun] = []         # runs an advance left behind

    # -- time ---------------------------------------------------------------------
    def now_ms(self) -> int:
        """Show time now (0 before go-live)."""
        if self._origin is None:
            return 0
        return self.clock.monotonic_ms() - self._origin

    @property
    def speed(self) -> float:
        """How much faster than real time show time runs (a rehearsal's speed; 1 live)."""
        return getattr(self.clock, "speed", 1)

    def utc_at(self, show_ms: int) -> dt.datetime:
        """The wall-clock moment of a show time, seen from now."""
        return self.clock.utc_now() - dt.timedelta(milliseconds=(self.now_ms() - show_ms) / self.speed)

    def show_ms_at(self, utc: dt.datetime) -> int:
        """The show time of a wall-clock moment, seen from now (not after now, not before 0)."""
        now = self.now_ms()
        lag_ms = (self.clock.utc_now() - utc).total_seconds() * 1000 * self.speed
        return max(0, min(now, round(now - lag_ms)))

    @property
    def warning_ms(self) -> int:
        return self.show.defaults.warning_seconds * 1000

    # -- reading state ------------------------------------------------------------
    @property
    def current(self) -> SegmentRun | None:
        # Between show_started and the first segment_started there is no run yet.
        if self.runs and self.state in (ShowState.LIVE, ShowState.HOLD):
            return self.runs[-1]
        return None

    @property
    def current_index(self) -> int | None:
        run = self.current
        return None if run is None else run.index

    def remaining_ms(self) -> int | None:
        run = self.current
        return None if run is None else run.remaining_ms(self.now_ms())

    def phase(self) -> Phase | None:
        run = self.current
        return None if run is None else run.phase(self.now_ms(), self.warning_ms)

    @property
    def last_seq(self) -> int:
        return self._seq

    @property
    def last_event_ms(self) -> int:
        """Show time of the latest event: nothing may be dated before it."""
        return self._last_ms

    def subscribe(self, listener: Callable[[Event], None]) -> None:
        self._listeners.append(listener)

    # -- operator actions -------------------------------------------------------------
    def start_show(self) -> Event:
        self._require(self.state is ShowState.READY, "the show has already started")
        self._origin = self.clock.monotonic_ms()
        details: dict = {"mode": self.mode, "planned_ms": self.show.planned_ms}
        if self.first_segment:
            details["first_index"] = self.first_segment
        self._emit(EventKind.SHOW_STARTED, 0, details)
        return self._start_segment(self.first_segment, "start", 0)

    def next(self, at_ms: int | None = None, reason: str = "next") -> Event:
        index = self._require_live_index()
        self._require(index + 1 < len(self.show.segments),
                      "this is the last segment; end the show instead")
        return self._advance(index + 1, reason, at_ms)

    def previous(self) -> Event:
        index = self._require_live_index()
        self._require(index > 0, "this is the first segment")
        return self._start_segment(index - 1, "previous", self._at(None))

    def jump(self, index: int) -> Event:
        current = self._require_live_index()
        self._require(0 <= index < len(self.show.segments),
                      f"there is no segment {index + 1}")
        self._require(index != current, "that segment is already running; restart it instead")
        if index > current:
            return self._advance(index, "jump", None)
        return self._start_segment(index, "jump", self._at(None))

    def restart_segment(self) -> Event:
        index = self._require_live_index()
        return self._start_segment(index, "restart", self._at(None))

    def extend(self, seconds: int) -> Event:
        self._require_live_index()
        run = self.runs[-1]
        delta = seconds * 1000
        self._require(run.extended_ms + delta <= EXTEND_LIMIT_MS, "extension limit reached (30 min)")
        self._require(run.allowed_ms + delta >= 1000, "cannot shorten the segment below 1 s")
        return self._emit(EventKind.SEGMENT_EXTENDED, self._at(None),
                          {"index": run.index, "seconds": seconds})

    def undo_advance(self) -> Event:
        self._require_live_index()
        self._require(bool(self._undo), "nothing to undo")
        restored = self._undo[-1]
        event = self._emit(EventKind.ADVANCE_UNDONE, self._at(None),
                           {**self._segment_details(restored.index),
                            "undone_index": self.runs[-1].index, "restored": restored.snapshot()})
        self._lottery_after_segment_change(restored.index, event.show_ms)
        return event

    def hold(self) -> Event:
        self._require(self.state is ShowState.LIVE, "the show is not running")
        return self._emit(EventKind.HOLD_STARTED, self._at(None), {"index": self.runs[-1].index})

    def resume_from_hold(self) -> Event:
        self._require(self.state is ShowState.HOLD, "the show is not on hold")
        run = self.runs[-1]
        assert run.hold_from_ms is not None          # HOLD_STARTED set it: the show is on hold
        at = self._at(None)
        return self._emit(EventKind.HOLD_ENDED, at,
                          {"index": run.index, "held_ms": at - run.hold_from_ms})

    def end_show(self, reason: str = "operator", at_ms: int | None = None) -> Event:
        self._require(self.state in (ShowState.LIVE, ShowState.HOLD), "the show is not running")
        at = self._at(at_ms)
        self._miss_open_cues(MISSED_SHOW_ENDED, at)
        return self._emit(EventKind.SHOW_ENDED, at, {"reason": reason})

    # -- lottery actions ---------------------------------------------------------------
    def fire_lottery(self, number: int | None = None, at_ms: int | None = None,
                     by: str = "operator") -> Event:
        cue = self._open_cue(number)
        at = self._at(at_ms)
        return self._emit(EventKind.LOTTERY_FIRED, at, self._cue_details(cue, by=by,
                                                                        delay_ms=at - cue.grid_ms))

    def postpone_lottery(self, minutes: int, number: int | None = None) -> Event:
        self._require(1 <= minutes <= 60, "postpone by 1 to 60 minutes")
        cue = self._open_cue(number)
        at = self._at(None)
        self._require_before_lottery_end(cue, at, minutes)
        return self._emit(EventKind.LOTTERY_POSTPONED, at,
                          self._cue_details(cue, minutes=minutes, new_due_ms=at + minutes * 60_000))

    def skip_lottery(self, reason: str, number: int | None = None) -> Event:
        self._require(bool(reason.strip()), "say why the lottery is skipped")
        cue = self._open_cue(number)
        return self._emit(EventKind.LOTTERY_SKIPPED, self._at(None),
                          self._cue_details(cue, reason=reason.strip()))

    def next_lottery(self) -> LotteryCue | None:
        """The open cue to think about now; None once every cue of the show is closed."""
        return self.lottery.next_open()

    def lottery_segment_for(self, cue: LotteryCue, at_ms: int | None = None) -> int | None:
        """The scripted lottery segment, coming up within half an interval, that will
        fire `cue` (see console/engine/lottery_segments.py); None if there is none."""
        at = self.now_ms() if at_ms is None else at_ms
        return lottery_segment_ahead(self.show, self.lottery, self.current, cue, at)

    # -- time passing ------------------------------------------------------------------
    def poll(self, until_ms: int | None = None) -> list[Event]:
        """Raise the lottery warnings and due cues whose moment has come."""
        if self.state not in (ShowState.LIVE, ShowState.HOLD):
            return []
        until = self.now_ms() if until_ms is None else until_ms
        raised = []
        while (step := self.lottery.next_transition()) is not None and step.at_ms <= until:
            cue = self.lottery.cue(step.cue)
            details = self._cue_details(cue)
            # A cue reopened after its moment passed is raised now, not back in time.
            at = max(step.at_ms, self._last_ms)
            if step.state is CueState.DUE:
                during_sku = self.show.segments[self.runs[-1].index].kind is SegmentKind.SKU
                details.update(segment_index=self.runs[-1].index, after_sku=during_sku)
                scripted = self.lottery_segment_for(cue, at)
                if scripted is not None:
                    details["lottery_segment"] = scripted
                raised.append(self._emit(EventKind.LOTTERY_DUE, at, details))
            else:
                raised.append(self._emit(EventKind.LOTTERY_WARNING, at, details))
        return raised

    def annotate(self, kind: EventKind, details: dict) -> Event:
        """Log what the team did (a note, a crisis script) with the segment it happened in."""
        if kind not in ANNOTATION_KINDS:
            raise ValueError(f"{kind} changes the show; use its action method")
        return self._emit(kind, self.now_ms(), {**details, "segment_index": self.current_index})

    def record_resume(self, gap_ms: int, last_show_ms: int) -> Event:
        return self._emit(EventKind.RESUMED, self.now_ms(),
                          {"since_last_event_ms": gap_ms, "last_event_show_ms": last_show_ms,
                           "index": self.current_index})

    # -- replay --------------------------------------------------------------------------
    def replay(self, events: Iterable[Event], now_show_ms: int) -> None:
        """Rebuild state from a stored log; show time continues at `now_show_ms`."""
        for event in events:
            self._apply(event)
            self._seq = event.seq
            self._last_ms = max(self._last_ms, event.show_ms)
        if self.state is not ShowState.READY:
            self._origin = self.clock.monotonic_ms() - now_show_ms

    # -- internals -------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return "rehearsal" if self.rehearsal else "live"

    def _require(self, condition: bool, why: str) -> None:
        if not condition:
            raise ActionRefused(why)

    def _require_live_index(self) -> int:
        self._require(self.state is not ShowState.HOLD, "the show is on hold; resume first")
        self._require(self.state is ShowState.LIVE, "the show is not running")
        return self.runs[-1].index

    def _at(self, at_ms: int | None) -> int:
        now = self.now_ms()
        if at_ms is None:
            return now
        # Never earlier than what is already logged: events stay in order.
        floor = self.runs[-1].started_ms if self.runs else 0
        return max(floor, min(at_ms, now))

    def _open_cue(self, number: int | None) -> LotteryCue:
        self._require(self.state in (ShowState.LIVE, ShowState.HOLD), "the show is not running")
        if number is None:
            cue = self.lottery.next_open()
            if cue is None:
                raise ActionRefused(translate("Engine", "no lottery cue is left in this show"))
            return cue
        count = len(self.lottery.cues())
        self._require(1 <= number <= count, translate(
            "Engine", "there is no lottery {number}; this show has {count}").format(
                number=number, count=count))
        cue = self.lottery.cue(number)
        self._require(cue.is_open, f"lottery {number} is already {cue.state.value}")
        return cue

    def _require_before_lottery_end(self, cue: LotteryCue, at: int, minutes: int) -> None:
        """No cue falls due in the closing or after the planned end, postponed or not."""
        room = (self.show.lottery_end_ms - 1 - at) // 60_000
        self._require(room >= 1, translate(
            "Engine", "lottery {number} cannot be postponed: the closing or the planned end "
            "is less than a minute away; fire it or skip it").format(number=cue.number))
        self._require(minutes <= room, translate(
            "Engine", "lottery {number} would come due in the closing or after the planned "
            "end; postpone it by at most {minutes} min, or skip it").format(
                number=cue.number, minutes=room))

    @staticmethod
    def _cue_details(cue: LotteryCue, **extra) -> dict:
        return {"cue": cue.number, "grid_ms": cue.grid_ms, "due_ms": cue.due_ms, **extra}

    def _advance(self, index: int, reason: str, at_ms: int | None) -> Event:
        return self._start_segment(index, reason, self._at(at_ms), undoable=True)

    def _segment_details(self, index: int) -> dict:
        """What a reviewer needs to know about a segment without opening the script."""
        segment = self.show.segments[index]
        return {"index": index, "id": segment.id, "kind": segment.kind.value,
                "title": segment.title, "sku": segment.sku_id, "planned_ms": segment.duration_ms,
                "planned_start_ms": self.show.planned_starts_ms()[index]}

    def _start_segment(self, index: int, reason: str, at: int, undoable: bool = False) -> Event:
        segment = self.show.segments[index]
        details = {**self._segment_details(index), "reason": reason, "undoable": undoable}
        event = self._emit(EventKind.SEGMENT_STARTED, at, details)
        self._lottery_after_segment_change(index, at)
        if segment.kind is SegmentKind.LOTTERY:
            planned_start = self.show.planned_starts_ms()[index]
            cue = self.lottery.cue_for_lottery_segment(planned_start, at)
            if cue is not None:
                self._emit(EventKind.LOTTERY_FIRED, at, self._cue_details(
                    cue, by="segment", segment_index=index, delay_ms=at - cue.grid_ms))
        return event

    def _lottery_after_segment_change(self, index: int, at: int) -> None:
        """Entering the closing closes every open cue; leaving it for an earlier
        segment (undo, previous, a jump back) reopens the cues it closed."""
        if self.show.in_closing(index):
            self._miss_open_cues(MISSED_CLOSING, at, segment_index=index)
            return
        for cue in self.lottery.missed_by_closing():
            self._emit(EventKind.LOTTERY_REOPENED, at,
                       self._cue_details(cue, segment_index=index))

    def _miss_open_cues(self, reason: str, at: int, **extra) -> None:
        for cue in self.lottery.open_cues():
            self._emit(EventKind.LOTTERY_MISSED, at, self._cue_details(
                cue, reason=reason, state=cue.state.value, **extra))

    def _emit(self, kind: EventKind, show_ms: int, details: dict) -> Event:
        event = Event(kind, show_ms, self.utc_at(show_ms), details, self._seq + 1)
        self._journal(event)          # committed before anyone hears of it
        self._seq = event.seq
        self._last_ms = max(self._last_ms, show_ms)
        self._apply(event)
        for listener in list(self._listeners):
            listener(event)
        return event

    def _apply(self, event: Event) -> None:
        handler = _APPLY.get(event.kind)
        if handler is not None:
            handler(self, event)

    def _apply_show_started(self, event: Event) -> None:
        self.state = ShowState.LIVE

    def _apply_segment_started(self, event: Event) -> None:
        d = event.details
        if self.runs and self.runs[-1].ended_ms is None:
            self.runs[-1].ended_ms = event.show_ms
            if d.get("undoable"):
                self._undo.append(self.runs[-1])
            else:
                self._undo.clear()
        self.runs.append(SegmentRun(index=d["index"], planned_ms=d["planned_ms"],
                                    started_ms=event.show_ms))

    def _apply_segment_extended(self, event: Event) -> None:
        self.runs[-1].extended_ms += event.details["seconds"] * 1000

    def _apply_advance_undone(self, event: Event) -> None:
        self.runs.pop()
        restored = self._undo.pop()      # the same object as the run now last in `runs`
        restored.ended_ms = None

    def _apply_hold_started(self, event: Event) -> None:
        self.state = ShowState.HOLD
        self.runs[-1].hold_from_ms = event.show_ms

    def _apply_hold_ended(self, event: Event) -> None:
        run = self.runs[-1]
        assert run.hold_from_ms is not None          # HOLD_ENDED only follows HOLD_STARTED
        run.held_ms += event.show_ms - run.hold_from_ms
        run.hold_from_ms = None
        self.state = ShowState.LIVE

    def _apply_lottery_state(self, event: Event) -> None:
        d = event.details
        state = CueState.DUE if event.kind is EventKind.LOTTERY_DUE else CueState.WARNING
        self.lottery.mark(d["cue"], state, d.get("segment_index"), d.get("after_sku", False))

    def _apply_lottery_fired(self, event: Event) -> None:
        self.lottery.fire(event.details["cue"], event.show_ms, event.details.get("by", "operator"))

    def _apply_lottery_postponed(self, event: Event) -> None:
        self.lottery.postpone(event.details["cue"], event.details["new_due_ms"])

    def _apply_lottery_skipped(self, event: Event) -> None:
        self.lottery.skip(event.details["cue"], event.details["reason"])

    def _apply_lottery_missed(self, event: Event) -> None:
        self.lottery.miss(event.details["cue"], event.details["reason"])

    def _apply_lottery_reopened(self, event: Event) -> None:
        self.lottery.reopen(event.details["cue"])

    def _apply_show_ended(self, event: Event) -> None:
        run = self.runs[-1]
        if run.hold_from_ms is not None:
            run.held_ms += event.show_ms - run.hold_from_ms
            run.hold_from_ms = None
        run.ended_ms = event.show_ms
        self.state = ShowState.FINISHED
        self.end_reason = event.details.get("reason", "")


_APPLY = {
    EventKind.SHOW_STARTED: ShowRunner._apply_show_started,
    EventKind.SEGMENT_STARTED: ShowRunner._apply_segment_started,
    EventKind.SEGMENT_EXTENDED: ShowRunner._apply_segment_extended,
    EventKind.ADVANCE_UNDONE: ShowRunner._apply_advance_undone,
    EventKind.HOLD_STARTED: ShowRunner._apply_hold_started,
    EventKind.HOLD_ENDED: ShowRunner._apply_hold_ended,
    EventKind.LOTTERY_WARNING: ShowRunner._apply_lottery_state,
    EventKind.LOTTERY_DUE: ShowRunner._apply_lottery_state,
    EventKind.LOTTERY_FIRED: ShowRunner._apply_lottery_fired,
    EventKind.LOTTERY_POSTPONED: ShowRunner._apply_lottery_postponed,
    EventKind.LOTTERY_SKIPPED: ShowRunner._apply_lottery_skipped,
    EventKind.LOTTERY_MISSED: ShowRunner._apply_lottery_missed,
    EventKind.LOTTERY_REOPENED: ShowRunner._apply_lottery_reopened,
    EventKind.SHOW_ENDED: ShowRunner._apply_show_ended,
}

"""The lottery schedule: a cue every interval of show time from go-live.

The grid is fixed to show time, so an SKU that overruns does not push the next
lottery back. A cue warns ahead of time, becomes due on time and then stays
pending until someone fires, postpones or skips it.

Which cues there are: one on each grid point *before the closing* — the planned
start of the script's closing block (its trailing `closing` segments), or the
planned end when it has none. That is `Show.planned_lottery_cues()`, the count
`console validate` prints, so a run on plan raises exactly those cues and no
cue ever falls due in the wrap-up or in the closing's overtime.

How scripted `lottery` segments count (`cue_for_lottery_segment`):
1. A scripted lottery stands for the open cue whose grid time is nearest the
   segment's *planned* start, within half an interval (ties: the earlier cue).
   Its place in the script says which lottery it is, so it counts the same when
   the show runs early or late: the 第3轮 lottery planned at 30:00 is cue #3
   whether it starts at 24:00 or at 33:00.
2. Failing that, it takes a cue that is already due: the audience has just had
   its lottery, so the one the grid is asking for is done.
3. Otherwise it is an extra lottery and leaves the grid alone (a lottery planned
   at 4:00, a lottery segment restarted, a second lottery planned for the same
   cue: the first to run takes the cue, the later one is the extra).

How cues end: fired (by the operator, by a scripted segment, by the
autopilot), skipped with a reason, or missed. No cue stays open into the
closing: when it starts, every open cue is missed ("closing started"); if the
show goes back out of the closing (undo, previous, a jump back), those cues
reopen. When the show ends every cue still open is missed ("show ended"), so
the review has one outcome for every cue the plan announced.
"""

from __future__ import annotations

import dataclasses
import enum


class CueState(str, enum.Enum):
    SCHEDULED = "scheduled"
    WARNING = "warning"
    DUE = "due"
    FIRED = "fired"
    SKIPPED = "skipped"
    MISSED = "missed"


OPEN_STATES = (CueState.SCHEDULED, CueState.WARNING, CueState.DUE)

# Why a cue was missed (stored in the log, read by the review; English codes, like `by`).
MISSED_CLOSING = "closing started"
MISSED_SHOW_ENDED = "show ended"


@dataclasses.dataclass
class LotteryCue:
    number: int
    grid_ms: int                  # where the 10-minute grid put it
    due_ms: int                   # grid time, or later after postponement
    state: CueState = CueState.SCHEDULED
    after_sku: bool = False       # came due mid-pitch: "after this SKU"
    due_segment: int | None = None
    fired_ms: int | None = None
    fired_by: str = ""            # operator / segment / autopilot
    skip_reason: str = ""
    missed_reason: str = ""       # MISSED_CLOSING / MISSED_SHOW_ENDED
    postponements: int = 0

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def waits_for(self, segment_index: int | None) -> bool:
        """Due, but held back until the SKU pitch running when it came due has ended."""
        return self.state is CueState.DUE and self.after_sku and self.due_segment == segment_index

    @property
    def delay_ms(self) -> int | None:
        """How late the lottery actually happened against the grid."""
        return None if self.fired_ms is None else self.fired_ms - self.grid_ms


@dataclasses.dataclass(frozen=True)
class Transition:
    at_ms: int
    cue: int
    state: CueState               # WARNING or DUE


class LotterySchedule:
    def __init__(self, interval_ms: int, warning_ms: int, count: int) -> None:
        if interval_ms <= 0:
            raise ValueError("lottery interval must be positive")
        self.interval_ms = interval_ms
        self.warning_ms = warning_ms
        self.count = count            # cues on the grid before the closing
        self._cues: dict[int, LotteryCue] = {}
        self._ensure(count)

    # -- reading -----------------------------------------------------------
    def cue(self, number: int) -> LotteryCue:
        # A number past `count` only comes from a log written by an older console
        # (which ran the grid on past the closing): replay it rather than fail.
        self._ensure(number)
        return self._cues[number]

    def cues(self) -> list[LotteryCue]:
        return [self._cues[n] for n in sorted(self._cues)]

    def open_cues(self) -> list[LotteryCue]:
        return sorted((c for c in self._cues.values() if c.is_open), key=lambda c: c.due_ms)

    def next_open(self) -> LotteryCue | None:
        """The cue the operator should be thinking about now: due first, then soonest;
        None once every cue of the show is fired, skipped or missed."""
        cues = self.open_cues()
        return cues[0] if cues else None

    def pending(self) -> list[LotteryCue]:
        """Cues that are due and waiting for someone to act."""
        return sorted((c for c in self._cues.values() if c.state is CueState.DUE),
                      key=lambda c: c.due_ms)

    def next_transition(self) -> Transition | None:
        """The earliest warning or due moment not yet applied."""
        best = None
        for cue in self.open_cues():
            if cue.state is CueState.SCHEDULED:
                at = max(0, cue.due_ms - self.warning_ms)
                candidate = Transition(at, cue.number, CueState.WARNING) if self.warning_ms \
                    else Transition(cue.due_ms, cue.number, CueState.DUE)
            elif cue.state is CueState.WARNING:
                candidate = Transition(cue.due_ms, cue.number, CueState.DUE)
            else:
                continue
            if best is None or candidate.at_ms < best.at_ms:
                best = candidate
        return best

    def cue_for_lottery_segment(self, planned_start_ms: int, start_ms: int) -> LotteryCue | None:
        """The open cue a scripted lottery planned at `planned_start_ms` and starting
        at `start_ms` stands for, if any (the rules are in the module docstring)."""
        window = self.interval_ms // 2
        by_plan = [c for c in self.open_cues() if abs(c.grid_ms - planned_start_ms) <= window]
        if by_plan:
            return min(by_plan, key=lambda c: (abs(c.grid_ms - planned_start_ms), c.grid_ms))
        return next((c for c in self.open_cues() if c.due_ms <= start_ms), None)

    # -- applying events -----------------------------------------------------
    def mark(self, number: int, state: CueState, segment: int | None, during_sku: bool) -> None:
        cue = self.cue(number)
        cue.state = state
        if state is CueState.DUE:
            cue.due_segment = segment
            cue.after_sku = during_sku

    def fire(self, number: int, at_ms: int, by: str) -> None:
        cue = self.cue(number)
        cue.state, cue.fired_ms, cue.fired_by = CueState.FIRED, at_ms, by

    def postpone(self, number: int, new_due_ms: int) -> None:
        cue = self.cue(number)
        cue.due_ms = new_due_ms
        cue.state = CueState.SCHEDULED
        cue.after_sku = False
        cue.postponements += 1

    def skip(self, number: int, reason: str) -> None:
        cue = self.cue(number)
        cue.state, cue.skip_reason = CueState.SKIPPED, reason

    def miss(self, number: int, reason: str) -> None:
        cue = self.cue(number)
        cue.state, cue.missed_reason = CueState.MISSED, reason

    def reopen(self, number: int) -> None:
        """Back on the schedule; the next poll raises its warning and due moments again."""
        cue = self.cue(number)
        cue.state, cue.missed_reason, cue.after_sku = CueState.SCHEDULED, "", False

    def missed_by_closing(self) -> list[LotteryCue]:
        return [c for c in self.cues()
                if c.state is CueState.MISSED and c.missed_reason == MISSED_CLOSING]

    # -- generation ------------------------------------------------------------
    def _ensure(self, number: int) -> None:
        for n in range(len(self._cues) + 1, number + 1):
            grid = n * self.interval_ms
            self._cues[n] = LotteryCue(number=n, grid_ms=grid, due_ms=grid)

"""Derived figures a rundown clock shows: Row / Show / End, and the rows.

Nothing here is stored; it is all computed from the runner at one instant, so
a display that refreshes late still shows the truth for the moment it reads.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum

from console.engine.lottery import LotteryCue
from console.engine.runner import ShowRunner, ShowState
from console.engine.segment_timer import Phase


@dataclasses.dataclass(frozen=True)
class ClockReading:
    state: ShowState
    show_ms: int                       # Show: time on air
    index: int | None
    remaining_ms: int | None           # Row: deadline - now of the current segment
    phase: Phase | None
    over_under_ms: int                 # + behind plan, - ahead of plan
    projected_end_show_ms: int
    projected_end_utc: dt.datetime | None   # End
    next_lottery: LotteryCue | None    # None once every cue of the show is closed
    next_lottery_in_ms: int | None     # negative once due and still pending


def read_clock(runner: ShowRunner) -> ClockReading:
    now = runner.now_ms()
    show = runner.show
    run = runner.current
    if run is None:
        ended = runner.runs[-1].ended_ms if runner.state is ShowState.FINISHED else None
        end = show.planned_ms if ended is None else ended
        return ClockReading(runner.state, now if runner.runs else 0, None, None, None,
                            end - show.planned_ms, end, None, None, None)
    remaining = run.remaining_ms(now)
    after = show.planned_after_ms(run.index)
    projected = now + max(remaining, 0) + after
    cue = runner.next_lottery()
    return ClockReading(
        state=runner.state, show_ms=now, index=run.index, remaining_ms=remaining,
        phase=run.phase(now, runner.warning_ms),
        over_under_ms=projected - show.planned_ms,
        projected_end_show_ms=projected,
        projected_end_utc=runner.clock.utc_now() + dt.timedelta(milliseconds=projected - now),
        next_lottery=cue, next_lottery_in_ms=None if cue is None else cue.due_ms - now,
    )


class RowStatus(str, enum.Enum):
    PENDING = "pending"
    NEXT = "next"
    CURRENT = "current"
    DONE = "done"
    SKIPPED = "skipped"


@dataclasses.dataclass(frozen=True)
class RundownRow:
    index: int
    planned_start_ms: int
    planned_ms: int
    status: RowStatus
    actual_start_ms: int | None        # first time it started
    actual_ms: int | None              # time spent in it, all runs together

    @property
    def over_under_ms(self) -> int | None:
        return None if self.actual_ms is None else self.actual_ms - self.planned_ms


def rundown_rows(runner: ShowRunner) -> list[RundownRow]:
    now = runner.now_ms()
    starts: dict[int, int] = {}
    spent: dict[int, int] = {}
    for run in runner.runs:
        starts.setdefault(run.index, run.started_ms)
        spent[run.index] = spent.get(run.index, 0) + run.elapsed_ms(now) + run.held_ms
    current = runner.current_index
    furthest = max(starts, default=-1)
    rows = []
    for index, (segment, planned_start) in enumerate(
            zip(runner.show.segments, runner.show.planned_starts_ms())):
        if index == current:
            status = RowStatus.CURRENT
        elif current is not None and index == current + 1:
            status = RowStatus.NEXT
        elif index in starts:
            status = RowStatus.DONE
        elif index < furthest:
            status = RowStatus.SKIPPED
        else:
            status = RowStatus.PENDING
        rows.append(RundownRow(index, planned_start, segment.duration_ms, status,
                               starts.get(index), spent.get(index)))
    return rows


def current_row(runner: ShowRunner) -> RundownRow | None:
    """The row of the segment on air, the only one that changes between two events
    (its time spent grows), so a display can refresh it alone ten times a second."""
    current = runner.current
    if current is None:
        return None
    now = runner.now_ms()
    runs = [run for run in runner.runs if run.index == current.index]
    return RundownRow(current.index, runner.show.planned_starts_ms()[current.index],
                      runner.show.segments[current.index].duration_ms, RowStatus.CURRENT,
                      runs[0].started_ms, sum(run.elapsed_ms(now) + run.held_ms for run in runs))

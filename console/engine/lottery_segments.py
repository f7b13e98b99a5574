"""Where the lottery grid meets the script: is the cue's own lottery segment coming up?

A cue that warns or comes due while the script's lottery for it is only a few
minutes away must not call "lottery now" over the segment before it (a
guess-the-price game, a pitch): the host is about to run that lottery anyway,
and a second one would be an extra the plan never had. So the presenter shows
"lottery is the next segment" instead of taking over, and the autopilot leaves
the cue for the segment to fire.

The window is half a lottery interval (5 minutes for the usual 10): the same
tolerance by which a scripted lottery stands for a grid cue. A show up to half
an interval behind still gets its scripted lotteries counted on their cues;
further behind, the grid wins (the cue takes over when due) and the late
scripted lottery runs as an extra. "Starts within" is measured from progress,
not from the plan: now, plus what is left of the current segment (nothing once
it is in overtime), plus the planned lengths of the segments in between.
"""

from __future__ import annotations

from console.engine.lottery import LotteryCue, LotterySchedule
from console.engine.segment_timer import SegmentRun
from console.script.model import SegmentKind, Show


def lottery_segment_window_ms(schedule: LotterySchedule) -> int:
    return schedule.interval_ms // 2


def expected_start_ms(show: Show, run: SegmentRun, index: int, at_ms: int) -> int:
    """When segment `index` (after the current run) will start if the rest runs on plan."""
    starts = show.planned_starts_ms()
    free_at = at_ms + max(run.remaining_ms(at_ms), 0)
    return free_at + starts[index] - starts[run.index + 1]


def lottery_segment_ahead(show: Show, schedule: LotterySchedule, run: SegmentRun | None,
                          cue: LotteryCue, at_ms: int) -> int | None:
    """Index of the scripted lottery segment that will take `cue` and is expected to
    start within the window from `at_ms`; None if the cue has to stand on its own."""
    if run is None or not cue.is_open:
        return None
    window = lottery_segment_window_ms(schedule)
    starts = show.planned_starts_ms()
    for index in range(run.index + 1, len(show.segments)):
        expected = expected_start_ms(show, run, index, at_ms)
        if expected - at_ms > window:
            return None
        if show.segments[index].kind is SegmentKind.LOTTERY and \
                schedule.cue_for_lottery_segment(starts[index], expected) is cue:
            return index
    return None

"""Eight simulated hours of irregular ticks and stalls: no timer error accumulates."""

import random

from console.engine import Autopilot, EventKind, ShowState
from console.engine.rundown import read_clock
from tests.conftest import show_text

HOUR = 3_600_000


def eight_hour_show():
    # A 40-minute block of odd-length beats, looped 12 times: nothing lines up
    # with the 10-minute lottery grid or with whole seconds of tick jitter.
    block = ['kind = "opening"\nduration = 173', 'kind = "sku"\nsku = "A"',
             'kind = "sku"\nsku = "B"\nduration = 87', 'kind = "interaction"\nduration = 131',
             'kind = "lottery"\nduration = 61', 'kind = "flash_sale"\nsku = "A"\nduration = 247',
             'kind = "coupon"\nduration = 59', 'kind = "sku"\nsku = "A"',
             'kind = "custom"\nduration = "15:07"', 'kind = "sku"\nsku = "B"',
             'kind = "interaction"\nduration = "6:13"', 'kind = "closing"\nduration = 153']
    return show_text(*(block * 12))


def test_eight_hours_with_jitter_and_stalls_end_exactly_on_plan(make_runner, clock):
    runner = make_runner(eight_hour_show())
    show = runner.show
    assert 8 * HOUR <= show.planned_ms < 8.5 * HOUR
    planned_starts = show.planned_starts_ms()
    planned_ends = [s + seg.duration_ms for s, seg in zip(planned_starts, show.segments)]
    autopilot = Autopilot(runner)
    rng = random.Random(20261122)
    runner.start_show()
    checks = 0
    while runner.state is ShowState.LIVE:
        step = rng.randint(1, 1_500)
        if rng.random() < 0.002:
            step += rng.randint(5_000, 120_000)      # the event loop froze
        clock.advance(step)
        autopilot.run_until()
        if runner.state is ShowState.LIVE:
            index = runner.current_index
            now = runner.now_ms()
            assert runner.remaining_ms() == planned_ends[index] - now
            reading = read_clock(runner)
            assert reading.over_under_ms == max(0, now - planned_ends[index])
            checks += 1
    starts = [e.show_ms for e in runner.events if e.kind is EventKind.SEGMENT_STARTED]
    assert starts == list(planned_starts)           # zero accumulated error
    assert runner.runs[-1].ended_ms == show.planned_ms
    assert checks > 20_000


def test_lottery_cues_stay_on_the_grid_for_eight_hours(make_runner, clock):
    runner = make_runner(eight_hour_show())
    autopilot = Autopilot(runner)
    rng = random.Random(7)
    runner.start_show()
    while runner.state is ShowState.LIVE:
        clock.advance(rng.randint(1, 2_500) + (rng.random() < 0.003) * 90_000)
        autopilot.run_until()
    grid = runner.show.lottery_interval_ms
    cues = [c for c in runner.lottery.cues() if c.grid_ms < runner.show.planned_ms]
    assert len(cues) == runner.show.planned_lottery_cues()
    assert [c.grid_ms for c in cues] == [grid * n for n in range(1, len(cues) + 1)]
    for cue in cues:
        assert cue.fired_ms is not None, cue
        # A scripted lottery takes its cue within half an interval either side;
        # otherwise the cue waits for at most one pitch.
        assert abs(cue.delay_ms) <= grid // 2, cue
        if cue.fired_by != "segment":
            assert 0 <= cue.delay_ms <= 90_000, cue

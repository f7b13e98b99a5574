"""Row / Show / End: over-under, projected end and row statuses, like a broadcast rundown."""

import datetime as dt

from console.clock import FakeClock, ScaledClock
from console.engine import ShowRunner, ShowState
from console.engine.rundown import RowStatus, current_row, read_clock, rundown_rows
from console.script import load_show_text
from tests.conftest import show_text

FOUR = show_text('kind = "opening"\nduration = 60', 'kind = "sku"\nsku = "A"',
                 'kind = "sku"\nsku = "B"', 'kind = "closing"\nduration = 120')


def test_before_go_live_the_clock_shows_the_plan(make_runner):
    reading = read_clock(make_runner(FOUR))
    assert reading.state is ShowState.READY
    assert reading.projected_end_show_ms == 360_000 and reading.over_under_ms == 0


def test_an_overrun_pushes_the_projected_end_and_shows_behind(make_runner, clock):
    runner = make_runner(FOUR)
    runner.start_show()
    clock.advance(80_000)                     # opening 20 s into overtime
    reading = read_clock(runner)
    assert reading.remaining_ms == -20_000
    assert reading.over_under_ms == 20_000
    assert reading.projected_end_show_ms == 380_000
    assert reading.projected_end_utc == clock.utc_now() + dt.timedelta(seconds=300)


def test_skipping_ahead_shows_ahead_of_plan(make_runner, clock):
    runner = make_runner(FOUR)
    runner.start_show()
    clock.advance(60_000)
    runner.jump(3)                            # both pitches dropped
    reading = read_clock(runner)
    assert reading.over_under_ms == -180_000
    rows = rundown_rows(runner)
    assert [r.status for r in rows] == [RowStatus.DONE, RowStatus.SKIPPED, RowStatus.SKIPPED,
                                        RowStatus.CURRENT]


def test_rows_show_actual_start_duration_and_over_under(make_runner, clock):
    runner = make_runner(FOUR)
    runner.start_show()
    clock.advance(70_000)
    runner.next()
    clock.advance(30_000)
    rows = rundown_rows(runner)
    assert [r.status for r in rows] == [RowStatus.DONE, RowStatus.CURRENT, RowStatus.NEXT,
                                        RowStatus.PENDING]
    assert (rows[0].actual_start_ms, rows[0].actual_ms, rows[0].over_under_ms) == (0, 70_000, 10_000)
    assert (rows[1].planned_start_ms, rows[1].actual_start_ms, rows[1].actual_ms) == (60_000, 70_000, 30_000)
    assert rows[3].actual_ms is None


def test_between_events_the_current_row_alone_is_what_changes(make_runner, clock):
    runner = make_runner(FOUR)
    runner.start_show()
    clock.advance(70_000)
    runner.next()
    clock.advance(20_000)
    runner.previous()                         # the opening runs a second time (返场)
    clock.advance(15_000)
    before = rundown_rows(runner)
    clock.advance(4_000)                      # no event: only time passes
    after = rundown_rows(runner)
    row = current_row(runner)
    assert row == after[0] and row.actual_ms == 70_000 + 19_000
    assert [i for i, (a, b) in enumerate(zip(before, after)) if a != b] == [0]


def test_no_current_row_before_the_first_segment_or_after_the_end(make_runner):
    runner = make_runner(FOUR)
    assert current_row(runner) is None


def test_next_lottery_countdown_runs_on_show_time(make_runner, clock):
    runner = make_runner(FOUR.replace('kind = "closing"\nduration = 120',
                                      'kind = "custom"\nduration = "15:00"'))
    runner.start_show()
    clock.advance(125_000)
    reading = read_clock(runner)
    assert reading.next_lottery.number == 1 and reading.next_lottery_in_ms == 475_000


def test_a_show_that_closes_before_the_first_cue_has_no_lottery_countdown(make_runner, clock):
    runner = make_runner(FOUR)                  # the closing starts at 4:00, the grid at 10:00
    runner.start_show()
    clock.advance(125_000)
    reading = read_clock(runner)
    assert (reading.next_lottery, reading.next_lottery_in_ms) == (None, None)


def test_a_rehearsal_clock_runs_faster_but_stamps_real_time():
    base = FakeClock()
    loaded = load_show_text(FOUR)
    events = []
    runner = ShowRunner(loaded.show, ScaledClock(base, 20), journal=events.append, rehearsal=True)
    runner.start_show()
    base.advance(3_000)                       # 3 real seconds = 60 show seconds
    assert runner.remaining_ms() == 0
    runner.next()
    assert events[-1].show_ms == 60_000
    assert events[-1].utc == base.utc_now()
    assert events[0].details["mode"] == "rehearsal"

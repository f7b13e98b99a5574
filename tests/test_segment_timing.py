"""Per-segment countdowns: deadline - now, phases, hold, extend, restart, undo."""

import datetime as dt

import pytest

from console.engine import ActionRefused, EventKind, Phase, ShowState
from tests.conftest import show_text

THREE = show_text('kind = "opening"\nduration = 60', 'kind = "sku"\nsku = "A"',
                  'kind = "closing"\nduration = 120')


def test_countdown_is_deadline_minus_now(make_runner, clock):
    runner = make_runner(THREE)
    runner.start_show()
    clock.advance(12_345)
    assert runner.remaining_ms() == 60_000 - 12_345


def test_phases_normal_then_last_15_seconds_then_overtime(make_runner, clock):
    runner = make_runner(THREE)
    runner.start_show()
    runner.next()
    clock.advance(74_999)
    assert runner.phase() is Phase.NORMAL      # 0:16 on the countdown
    clock.advance(1)
    assert runner.phase() is Phase.WARNING     # 0:15
    clock.advance(14_999)
    assert runner.phase() is Phase.WARNING     # 0:01
    clock.advance(1)
    assert runner.phase() is Phase.OVERTIME
    clock.advance(5_000)
    assert runner.remaining_ms() == -5_000


def test_a_stalled_event_loop_costs_no_time(make_runner, clock):
    runner = make_runner(THREE)
    runner.start_show()
    clock.advance(7_000)
    before = runner.remaining_ms()
    clock.advance(9_000)            # nobody looked for 9 s
    assert runner.remaining_ms() == before - 9_000


def test_wall_clock_jumps_do_not_touch_timers(make_runner, clock):
    runner = make_runner(THREE)
    runner.start_show()
    clock.advance(10_000)
    clock.set_wall(dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert runner.remaining_ms() == 50_000
    clock.set_wall(dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
    assert runner.remaining_ms() == 50_000


def test_hold_freezes_the_segment_and_resume_continues(make_runner, clock):
    runner = make_runner(THREE)
    runner.start_show()
    clock.advance(20_000)
    runner.hold()
    assert runner.state is ShowState.HOLD
    clock.advance(300_000)
    assert runner.remaining_ms() == 40_000
    runner.resume_from_hold()
    clock.advance(1_000)
    assert runner.remaining_ms() == 39_000
    assert runner.now_ms() == 321_000        # show time kept running on air


def test_advancing_while_on_hold_is_refused(make_runner):
    runner = make_runner(THREE)
    runner.start_show()
    runner.hold()
    with pytest.raises(ActionRefused, match="on hold"):
        runner.next()


def test_extend_adds_and_trims_time(make_runner, clock):
    runner = make_runner(THREE)
    runner.start_show()
    runner.extend(30)
    runner.extend(15)
    assert runner.remaining_ms() == 105_000
    runner.extend(-15)
    assert runner.remaining_ms() == 90_000
    with pytest.raises(ActionRefused):
        runner.extend(-100)


def test_restart_gives_the_full_time_again(make_runner, clock):
    runner = make_runner(THREE)
    runner.start_show()
    runner.extend(30)
    clock.advance(50_000)
    runner.restart_segment()
    assert runner.remaining_ms() == 60_000
    assert runner.current_index == 0


def test_undo_restores_the_previous_segment_with_its_original_deadline(make_runner, clock):
    runner = make_runner(THREE)
    runner.start_show()
    clock.advance(40_000)
    runner.next()                          # pressed too early
    clock.advance(3_000)
    runner.undo_advance()
    assert runner.current_index == 0
    assert runner.remaining_ms() == 17_000  # the 3 s in the wrong row still counted
    with pytest.raises(ActionRefused, match="nothing to undo"):
        runner.undo_advance()


def test_previous_and_jump_start_the_target_fresh(make_runner, clock):
    runner = make_runner(THREE)
    runner.start_show()
    runner.jump(2)
    assert runner.current_index == 2
    clock.advance(10_000)
    runner.previous()
    assert runner.current_index == 1
    assert runner.remaining_ms() == 90_000
    with pytest.raises(ActionRefused):
        runner.jump(7)


def test_next_on_the_last_segment_says_to_end_the_show(make_runner):
    runner = make_runner(THREE)
    runner.start_show()
    runner.jump(2)
    with pytest.raises(ActionRefused, match="end the show"):
        runner.next()
    runner.end_show()
    assert runner.state is ShowState.FINISHED


def test_every_action_is_an_event_with_utc_and_show_time(make_runner, clock):
    runner = make_runner(THREE)
    runner.start_show()
    clock.advance(5_000)
    runner.extend(15)
    runner.next()
    runner.hold()
    runner.resume_from_hold()
    runner.undo_advance()
    runner.end_show()
    kinds = [e.kind for e in runner.events]
    assert kinds == [EventKind.SHOW_STARTED, EventKind.SEGMENT_STARTED, EventKind.SEGMENT_EXTENDED,
                     EventKind.SEGMENT_STARTED, EventKind.HOLD_STARTED, EventKind.HOLD_ENDED,
                     EventKind.ADVANCE_UNDONE, EventKind.SHOW_ENDED]
    assert [e.seq for e in runner.events] == list(range(1, 9))
    assert all(e.utc.tzinfo is not None for e in runner.events)
    assert runner.events[2].show_ms == 5_000


def test_listeners_hear_only_after_the_journal_committed(make_runner):
    order = []
    runner = make_runner(THREE, journal=lambda e: order.append(("journal", e.seq)))
    runner.subscribe(lambda e: order.append(("listener", e.seq)))
    runner.start_show()
    assert order == [("journal", 1), ("listener", 1), ("journal", 2), ("listener", 2)]


def test_a_failing_journal_stops_the_action(make_runner):
    def broken(event):
        raise OSError("disk on fire")
    runner = make_runner(THREE, journal=broken)
    with pytest.raises(OSError):
        runner.start_show()
    assert runner.state is ShowState.READY

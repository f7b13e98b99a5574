"""The 10-minute lottery grid: warnings, due cues, overruns, postponing, skipping."""

import pytest

from console.engine import ActionRefused, Autopilot, CueState, EventKind
from tests.conftest import show_text

MIN = 60_000

# Ten 90 s pitches then a closing: no scripted lotteries.
PITCHES = show_text(*['kind = "sku"\nsku = "A"'] * 10, 'kind = "closing"\nduration = "20:00"')


def events_of(runner, kind):
    return [e for e in runner.events if e.kind is kind]


def test_cues_warn_60_seconds_ahead_and_come_due_on_the_grid(make_runner, clock):
    runner = make_runner(PITCHES)
    runner.start_show()
    clock.advance(9 * MIN - 1)
    runner.poll()
    assert runner.next_lottery().state is CueState.SCHEDULED
    clock.advance(1)
    runner.poll()
    assert runner.next_lottery().state is CueState.WARNING
    clock.advance(MIN)
    runner.poll()
    due = events_of(runner, EventKind.LOTTERY_DUE)
    assert [(e.details["cue"], e.show_ms) for e in due] == [(1, 10 * MIN)]


def test_a_due_cue_stays_pending_until_acknowledged(make_runner, clock):
    runner = make_runner(PITCHES)
    runner.start_show()
    clock.advance(13 * MIN)
    runner.poll()
    assert [c.number for c in runner.lottery.pending()] == [1]
    runner.fire_lottery()
    cue = runner.lottery.cue(1)
    assert cue.state is CueState.FIRED and cue.delay_ms == 3 * MIN


def test_the_grid_ignores_sku_overruns(make_runner, clock):
    runner = make_runner(PITCHES)
    runner.start_show()
    for _ in range(4):                 # every pitch runs 3 minutes instead of 90 s
        clock.advance(3 * MIN)
        runner.poll()
        runner.next()
    clock.advance(10 * MIN)
    runner.poll()
    assert [e.details["due_ms"] for e in events_of(runner, EventKind.LOTTERY_DUE)] == [
        10 * MIN, 20 * MIN]


def test_a_cue_due_mid_pitch_says_after_this_sku_and_autopilot_waits(make_runner, clock):
    # Pitches of 1:30 put 10:00 in the middle of the 7th pitch (9:00–10:30).
    runner = make_runner(PITCHES)
    autopilot = Autopilot(runner)
    runner.start_show()
    clock.advance(10 * MIN + 10_000)
    autopilot.run_until()
    due = events_of(runner, EventKind.LOTTERY_DUE)[0]
    assert due.details["after_sku"] is True and due.details["segment_index"] == 6
    assert not events_of(runner, EventKind.LOTTERY_FIRED)
    clock.advance(30_000)
    autopilot.run_until()
    fired = events_of(runner, EventKind.LOTTERY_FIRED)[0]
    assert fired.show_ms == 10 * MIN + 30_000       # the moment the pitch ended
    assert fired.details["delay_ms"] == 30_000


def test_postponing_moves_the_cue_and_keeps_the_grid_time_for_the_record(make_runner, clock):
    runner = make_runner(PITCHES)
    runner.start_show()
    clock.advance(10 * MIN)
    runner.poll()
    runner.postpone_lottery(2)
    cue = runner.lottery.cue(1)
    assert cue.state is CueState.SCHEDULED and cue.due_ms == 12 * MIN
    clock.advance(MIN)
    runner.poll()
    assert cue.state is CueState.WARNING
    clock.advance(MIN)
    runner.poll()
    assert cue.state is CueState.DUE
    runner.fire_lottery(1)
    assert cue.delay_ms == 2 * MIN and cue.postponements == 1
    assert runner.lottery.cue(2).due_ms == 20 * MIN    # the rest of the grid did not move


def test_skipping_needs_a_reason(make_runner, clock):
    runner = make_runner(PITCHES)
    runner.start_show()
    clock.advance(10 * MIN)
    runner.poll()
    with pytest.raises(ActionRefused, match="why"):
        runner.skip_lottery("  ")
    runner.skip_lottery("平台限流,改到整点")
    assert runner.lottery.cue(1).skip_reason == "平台限流,改到整点"
    assert runner.next_lottery().number == 2


def test_acting_on_a_closed_cue_is_refused(make_runner, clock):
    runner = make_runner(PITCHES)
    runner.start_show()
    clock.advance(10 * MIN)
    runner.fire_lottery(1)
    with pytest.raises(ActionRefused, match="already fired"):
        runner.fire_lottery(1)


SCRIPTED = show_text('kind = "opening"\nduration = "4:00"',
                     'kind = "lottery"\ntitle = "extra"',            # 4:00 — an extra
                     'kind = "interaction"\nduration = "4:30"',
                     'kind = "lottery"\ntitle = "main"',             # 9:30 — counts as #1
                     'kind = "closing"\nduration = "20:00"')


def test_scripted_lottery_segments_count_toward_the_schedule(make_runner, clock):
    runner = make_runner(SCRIPTED)
    autopilot = Autopilot(runner)
    runner.start_show()
    clock.advance(11 * MIN)
    autopilot.run_until()
    fired = events_of(runner, EventKind.LOTTERY_FIRED)
    assert [(e.details["cue"], e.details["by"], e.show_ms) for e in fired] == [
        (1, "segment", 9 * MIN + 30_000)]
    assert fired[0].details["delay_ms"] == -30_000
    assert not events_of(runner, EventKind.LOTTERY_DUE)   # never nagged for #1
    assert runner.next_lottery().number == 2


def test_a_late_scripted_lottery_fires_the_pending_cue(make_runner, clock):
    runner = make_runner(SCRIPTED)
    runner.start_show()
    runner.jump(2)
    clock.advance(11 * MIN)             # the interaction overran to 11:00
    runner.poll()
    runner.next()
    fired = events_of(runner, EventKind.LOTTERY_FIRED)
    assert [(e.details["cue"], e.details["by"], e.details["delay_ms"]) for e in fired] == [
        (1, "segment", MIN)]


def test_the_interval_comes_from_the_script(make_runner, clock):
    runner = make_runner(show_text('kind = "closing"\nduration = "30:00"',
                                   defaults="lottery_interval_minutes = 5"))
    runner.start_show()
    clock.advance(16 * MIN)
    runner.poll()
    assert [e.details["cue"] for e in events_of(runner, EventKind.LOTTERY_DUE)] == [1, 2, 3]


def test_a_lottery_fired_before_its_time_counts_and_the_next_one_is_scheduled(make_runner, clock):
    runner = make_runner(PITCHES)
    runner.start_show()
    clock.advance(3 * MIN)
    runner.fire_lottery()
    assert runner.lottery.cue(1).delay_ms == -7 * MIN
    assert runner.next_lottery().number == 2

"""The 10-minute lottery grid: warnings, due cues, overruns, postponing, skipping."""

import pytest

from console.cli import main
from console.engine import ActionRefused, Autopilot, CueState, EventKind, ShowState
from console.script import load_show
from tests.conftest import MARATHON, show_text

MIN = 60_000

# Ten 90 s pitches then a long talk (not a closing: cues run to the planned end).
PITCHES = show_text(*['kind = "sku"\nsku = "A"'] * 10, 'kind = "custom"\nduration = "20:00"')


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
                     'kind = "custom"\nduration = "20:00"')


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
    runner = make_runner(show_text('kind = "custom"\nduration = "30:00"',
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


# 28 minutes of talk, then a 7-minute closing: the plain grid would put a cue at 30:00.
CLOSES_AT_28 = show_text('kind = "custom"\nduration = "28:00"',
                         'kind = "closing"\nduration = "7:00"')


def test_no_cue_falls_in_the_closing_or_after_the_planned_end(make_runner, clock):
    runner = make_runner(CLOSES_AT_28)
    assert (runner.show.planned_ms, runner.show.planned_lottery_cues()) == (35 * MIN, 2)
    runner.start_show()
    clock.advance(45 * MIN)                 # the talk ran on, far past the planned end
    runner.poll()
    assert [e.details["cue"] for e in events_of(runner, EventKind.LOTTERY_DUE)] == [1, 2]
    runner.fire_lottery()
    runner.fire_lottery()
    assert runner.next_lottery() is None and runner.lottery.next_transition() is None
    with pytest.raises(ActionRefused, match="no lottery cue is left"):
        runner.fire_lottery()
    with pytest.raises(ActionRefused, match="there is no lottery 3; this show has 2"):
        runner.skip_lottery("平台限流", number=3)


def test_a_postponement_may_not_reach_the_closing(make_runner, clock):
    runner = make_runner(CLOSES_AT_28)
    runner.start_show()
    clock.advance(20 * MIN)
    runner.poll()
    with pytest.raises(ActionRefused, match="at most 7 min"):
        runner.postpone_lottery(8, number=2)
    runner.postpone_lottery(7, number=2)     # 27:00, the last minute before the closing
    clock.advance(7 * MIN + 30_000)
    runner.poll()
    with pytest.raises(ActionRefused, match="cannot be postponed"):
        runner.postpone_lottery(1, number=2)
    assert runner.lottery.cue(2).state is CueState.DUE


def test_the_2h_sample_raises_the_11_cues_validate_announces_even_in_overtime(
        make_runner, clock, capsys):
    assert main(["validate", str(MARATHON)]) == 0
    assert "11 lottery cues" in capsys.readouterr().out
    # Without --until-end the closing runs on: ten minutes of overtime past 2:00:00.
    runner = make_runner(load_show(MARATHON))
    autopilot = Autopilot(runner, end_with_script=False)
    runner.start_show()
    clock.advance(130 * MIN)
    autopilot.run_until()
    assert runner.state is ShowState.LIVE and runner.current_index == len(runner.show.segments) - 1
    lottery = [e for e in runner.events if e.kind.value.startswith("lottery_")]
    assert {e.details["cue"] for e in lottery} == set(range(1, 12))
    assert max(e.show_ms for e in lottery) < 120 * MIN
    assert runner.next_lottery() is None


# A talk, then the game, then the scripted lottery planned on the 10:00 grid point.
GAME_THEN_LOTTERY = show_text('kind = "custom"\nduration = "9:00"',
                              'kind = "interaction"\nduration = "1:00"',
                              'kind = "lottery"\ntitle = "第1轮"',          # 10:00
                              'kind = "custom"\nduration = "9:00"',
                              'kind = "lottery"\ntitle = "第2轮"',          # 20:00
                              'kind = "custom"\nduration = "20:00"')


def test_a_scripted_lottery_counts_for_its_cue_however_early_it_runs(make_runner, clock):
    runner = make_runner(GAME_THEN_LOTTERY)
    autopilot = Autopilot(runner)
    runner.start_show()
    runner.extend(-7 * 60)              # the talk is cut to 2:00: everything 7 minutes early
    clock.advance(15 * MIN)
    autopilot.run_until()
    fired = events_of(runner, EventKind.LOTTERY_FIRED)
    assert [(e.details["cue"], e.details["by"], e.details["delay_ms"]) for e in fired] == [
        (1, "segment", -7 * MIN), (2, "segment", -7 * MIN)]


@pytest.mark.parametrize("late_min, fired_by, delay_min", [(4, "segment", 4), (6, "autopilot", 0)])
def test_the_autopilot_leaves_a_cue_to_its_scripted_lottery_if_it_is_near(
        make_runner, clock, late_min, fired_by, delay_min):
    runner = make_runner(GAME_THEN_LOTTERY)
    autopilot = Autopilot(runner)
    runner.start_show()
    runner.extend(late_min * 60)
    clock.advance(17 * MIN)
    autopilot.run_until()
    fired = events_of(runner, EventKind.LOTTERY_FIRED)
    assert [(e.details["cue"], e.details["by"], e.details["delay_ms"]) for e in fired] == [
        (1, fired_by, delay_min * MIN)]              # 6 minutes late: the segment is an extra
    due = events_of(runner, EventKind.LOTTERY_DUE)[0]
    assert due.details.get("lottery_segment") == (2 if fired_by == "segment" else None)


def test_two_scripted_lotteries_for_one_cue_the_first_takes_it(make_runner, clock):
    runner = make_runner(show_text('kind = "custom"\nduration = "8:00"',
                                   'kind = "lottery"\ntitle = "A"',          # 8:00
                                   'kind = "custom"\nduration = "3:00"',
                                   'kind = "lottery"\ntitle = "B"',          # 12:00
                                   'kind = "custom"\nduration = "20:00"'))
    autopilot = Autopilot(runner)
    runner.start_show()
    clock.advance(15 * MIN)
    autopilot.run_until()
    fired = events_of(runner, EventKind.LOTTERY_FIRED)
    assert [(e.details["cue"], e.show_ms) for e in fired] == [(1, 8 * MIN)]   # B is an extra
    assert runner.next_lottery().number == 2 and runner.next_lottery().state is CueState.SCHEDULED


def test_restarting_a_scripted_lottery_does_not_take_the_next_cue(make_runner, clock):
    runner = make_runner(GAME_THEN_LOTTERY)
    runner.start_show()
    runner.jump(2)
    clock.advance(30_000)
    runner.restart_segment()
    assert [e.details["cue"] for e in events_of(runner, EventKind.LOTTERY_FIRED)] == [1]
    assert runner.lottery.cue(2).state is CueState.SCHEDULED

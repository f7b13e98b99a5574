"""The lottery grid and the script's lottery segments agree: on plan, behind, ahead,
postponed, skipped, at the closing and at the end — and the review says the same."""

import datetime as dt
import io

import pytest

from console.clock import FakeClock
from console.engine import ActionRefused, Autopilot, CueState, EventKind, ShowRunner, ShowState
from console.engine.lottery_segments import expected_start_ms
from console.presenter import PresenterBoard, Takeover, presenter_state
from console.script import load_show, load_show_text
from console.session import open_session
from console.storage.database import open_database
from console.timeline import TimelinePrinter
from tests.conftest import MARATHON, STANDARD, show_text

MIN = 60_000

# A short show of our own: a scripted lottery a minute early and one a minute late,
# cue 3 (30:00) with no scripted lottery at all, then the closing from 32:00.
INLINE = load_show_text(show_text(
    'kind = "opening"\nduration = "5:00"',
    'kind = "interaction"\nduration = "4:00"',
    'kind = "lottery"\ntitle = "第1轮"',                        # 9:00
    'kind = "sku"\nsku = "A"', 'kind = "sku"\nsku = "B"',
    'kind = "custom"\ntitle = "试用"\nduration = "8:00"',       # 13:00
    'kind = "lottery"\ntitle = "第2轮"',                        # 21:00
    'kind = "custom"\ntitle = "逼单"\nduration = "10:00"',      # 22:00
    'kind = "closing"\nduration = "3:00"'), "inline.toml")      # 32:00 – 35:00


class Run:
    """A show driven like the headless console: the autopilot stands in for the
    operator; `on_start[index]` acts when that segment starts, `at[ms]` at a moment."""

    def __init__(self, db, clock, loaded, autopilot=True, end_with_script=True):
        self.db, self.clock, self.loaded = db, clock, loaded
        self.session = open_session(db, loaded, clock)
        self.runner = self.session.runner
        self.board = PresenterBoard(self.runner)
        self.autopilot = Autopilot(self.runner, end_with_script) if autopilot else None
        self.timeline = io.StringIO()
        self.runner.subscribe(TimelinePrinter(loaded.show, self.timeline).event)

    def go(self, on_start=None, at=None, until_ms=None):
        on_start, at = dict(on_start or {}), dict(at or {})
        runner = self.runner
        if runner.state is ShowState.READY:
            runner.start_show()
        while runner.state is ShowState.LIVE:
            index = runner.current_index
            if index in on_start:
                on_start.pop(index)(runner)
                continue
            targets = [ms for ms in (self.autopilot.next_step_ms() if self.autopilot else None,
                                     min(at, default=None), until_ms) if ms is not None]
            if not targets:
                break
            self.clock.advance(max(0, min(targets) - runner.now_ms()))
            if self.autopilot:
                self.autopilot.run_until()
            runner.poll()
            if at and runner.now_ms() >= min(at) and runner.state is ShowState.LIVE:
                at.pop(min(at))(runner)
            if until_ms is not None and runner.now_ms() >= until_ms:
                break
        return self

    def cues(self):
        return {c.number: (c.state, c.fired_by, c.delay_ms, c.missed_reason)
                for c in self.runner.lottery.cues()}

    def review(self):
        cursor = self.db.execute(
            "SELECT cue, outcome, fired_by, delay_s, missed_reason FROM lottery_cues "
            "WHERE session_id = ? ORDER BY cue", [self.session.id])
        return {cue: (outcome, by, delay, missed) for cue, outcome, by, delay, missed in cursor}

    def events(self, kind):
        return [e for e in self.session.log.events() if e.kind is kind]

    def presenter(self):
        return presenter_state(self.runner, self.board)


def agree(run):
    """Every cue the plan announced has an outcome, and the database says the same."""
    cues = run.runner.lottery.cues()
    assert len(cues) == run.loaded.show.planned_lottery_cues()
    assert not [c for c in cues if c.is_open]
    assert run.review() == {c.number: (c.state.value, c.fired_by or None,
                                       None if c.delay_ms is None else c.delay_ms / 1000,
                                       c.missed_reason or None) for c in cues}


def extend_opening(seconds):
    return {0: lambda runner: runner.extend(seconds)}


# -- on plan -------------------------------------------------------------------------

@pytest.mark.parametrize("path", [STANDARD, MARATHON], ids=["35min", "2h"])
def test_on_plan_every_scripted_lottery_fires_its_cue_on_the_grid(db, clock, path):
    run = Run(db, clock, load_show(path)).go()
    count = run.loaded.show.planned_lottery_cues()
    assert run.cues() == {n: (CueState.FIRED, "segment", 0, "") for n in range(1, count + 1)}
    assert not run.events(EventKind.LOTTERY_DUE)          # never nagged: the script was on time
    agree(run)


def test_the_2h_sample_in_closing_overtime_reviews_exactly_its_11_cues(db, clock):
    # Without --until-end the closing runs on: ten minutes of overtime past 2:00:00.
    run = Run(db, clock, load_show(MARATHON), end_with_script=False).go(until_ms=130 * MIN)
    runner = run.runner
    assert runner.state is ShowState.LIVE and runner.now_ms() == 130 * MIN
    lottery = [e for e in run.session.log.events() if e.kind.value.startswith("lottery_")]
    assert max(e.show_ms for e in lottery) < 120 * MIN
    runner.end_show()
    assert len(run.review()) == 11 == run.loaded.show.planned_lottery_cues()
    agree(run)


# -- behind --------------------------------------------------------------------------

def test_three_minutes_behind_the_cue_waits_for_its_scripted_lottery(db, clock):
    seen = {}
    run = Run(db, clock, load_show(STANDARD))
    run.go(on_start=extend_opening(180),
           at={9 * MIN + 30_000: lambda r: seen.update(warning=run.presenter()),
               11 * MIN: lambda r: seen.update(due=run.presenter())})
    due = seen["due"]            # the guess-the-price game, three minutes late
    assert due.title == "互动:猜价格" and due.lottery_number == 1
    assert due.takeover is Takeover.NONE                  # not "★ 现在抽奖 ★"
    assert (due.lottery_segment_title, due.lottery_segment_is_next) == ("福袋抽奖 · 第 1 轮",
                                                                        True)
    warning = seen["warning"]
    assert warning.lottery_in_ms == 30_000
    assert warning.lottery_segment_title == "福袋抽奖 · 第 1 轮"
    assert not warning.lottery_segment_is_next            # a pitch, then the game, then the lottery
    # Each scripted lottery took its cue three minutes late; the autopilot never fired over it.
    assert run.cues() == {n: (CueState.FIRED, "segment", 3 * MIN, "") for n in (1, 2, 3)}
    assert [e.details.get("lottery_segment") for e in run.events(EventKind.LOTTERY_DUE)] == [
        5, 10, 14]
    assert "!! lottery #1 DUE — the scripted lottery is next: 6 福袋抽奖 · 第 1 轮" in \
        run.timeline.getvalue()
    agree(run)


def test_further_behind_than_half_an_interval_the_grid_wins(db, clock):
    seen = {}
    run = Run(db, clock, load_show(STANDARD))
    run.go(on_start=extend_opening(6 * 60),
           at={10 * MIN: lambda r: seen.update(due=run.presenter())})
    # 6 minutes late the lottery is not "next": the cue is the host's to run now.
    assert seen["due"].lottery_segment_title == ""
    fired = run.events(EventKind.LOTTERY_FIRED)
    assert [(e.details["cue"], e.details["by"]) for e in fired] == [
        (1, "autopilot"), (2, "autopilot"), (3, "autopilot")]
    assert all(0 <= e.details["delay_ms"] <= 90_000 for e in fired)   # after the pitch at most
    agree(run)


def test_a_due_cue_takes_over_the_presenter_only_without_its_lottery_coming(db, clock):
    run = Run(db, clock, load_show(STANDARD), autopilot=False)
    runner = run.runner
    runner.start_show()
    runner.jump(4)                                   # the game from 0:00, running long
    clock.advance(10 * MIN)
    runner.poll()
    # The game is 7:30 over time, but the lottery is next: the host is told so...
    assert run.presenter().lottery_segment_title == "福袋抽奖 · 第 1 轮"
    assert expected_start_ms(runner.show, runner.current, 5, runner.now_ms()) == runner.now_ms()
    assert run.board.top() is Takeover.NONE
    runner.jump(7)                                   # ...until the operator jumps past it:
                                                     # then the cue is the host's to run now
    assert runner.lottery_segment_for(runner.lottery.cue(1)) is None
    assert run.board.top() is Takeover.LOTTERY and run.presenter().lottery_segment_title == ""


# -- ahead ---------------------------------------------------------------------------

def six_minutes_ahead():
    """Trim the opening by 2:00 and drop the first flash sale (4:00)."""
    return {0: lambda runner: runner.extend(-120), 7: lambda runner: runner.next()}


def test_six_minutes_ahead_every_scripted_lottery_still_counts(db, clock):
    run = Run(db, clock, load_show(STANDARD)).go(on_start=six_minutes_ahead())
    fired = run.events(EventKind.LOTTERY_FIRED)
    assert [(e.details["cue"], e.show_ms, e.details["delay_ms"]) for e in fired] == [
        (1, 8 * MIN, -2 * MIN), (2, 14 * MIN, -6 * MIN), (3, 24 * MIN, -6 * MIN)]
    closing = next(e for e in run.events(EventKind.SEGMENT_STARTED) if e.details["index"] == 15)
    assert closing.show_ms == 25 * MIN and not run.events(EventKind.LOTTERY_MISSED)
    assert not run.events(EventKind.LOTTERY_DUE)
    agree(run)


def test_a_cue_left_open_is_missed_when_the_closing_starts(db, clock):
    actions = {**six_minutes_ahead(), 13: lambda runner: runner.jump(15)}   # no 3rd lottery
    run = Run(db, clock, load_show(STANDARD)).go(on_start=actions)
    missed, = run.events(EventKind.LOTTERY_MISSED)
    assert (missed.details["cue"], missed.details["reason"], missed.details["state"],
            missed.show_ms) == (3, "closing started", "scheduled", 20 * MIN + 30_000)
    assert run.cues()[3] == (CueState.MISSED, "", None, "closing started")
    assert "!  lottery #3 missed: closing started" in run.timeline.getvalue()
    assert not [e for e in run.session.log.events()
                if e.kind.value.startswith("lottery_") and e.show_ms > missed.show_ms]
    agree(run)


def test_going_back_out_of_the_closing_reopens_its_cues(db, clock):
    run = Run(db, clock, INLINE, autopilot=False)
    runner = run.runner
    runner.start_show()
    runner.jump(7)                                   # 逼单 from 0:00 …
    clock.advance(MIN)
    runner.next()                                    # … and the closing by mistake at 1:00
    assert [c.state for c in runner.lottery.cues()] == [CueState.MISSED] * 3
    clock.advance(5_000)
    runner.undo_advance()
    assert [c.state for c in runner.lottery.cues()] == [CueState.SCHEDULED] * 3
    assert len(run.events(EventKind.LOTTERY_REOPENED)) == 3
    clock.advance(9 * MIN)
    runner.poll()
    assert runner.lottery.cue(1).state is CueState.DUE
    runner.fire_lottery()
    runner.end_show()
    assert run.cues() == {1: (CueState.FIRED, "operator", 5_000, ""),
                          2: (CueState.MISSED, "", None, "show ended"),
                          3: (CueState.MISSED, "", None, "show ended")}
    agree(run)


# -- postponing and skipping ------------------------------------------------------------

def test_a_cue_postponed_to_the_last_minute_is_missed_when_the_closing_starts(db, clock):
    run = Run(db, clock, INLINE, autopilot=False)
    runner = run.runner
    runner.start_show()
    runner.jump(7)                                   # 逼单 runs from 0:00 to 32:00
    clock.advance(30 * MIN)
    runner.poll()
    runner.postpone_lottery(1, number=3)             # 31:00, as late as it may go
    clock.advance(MIN)
    runner.poll()
    runner.skip_lottery("换场中", number=1)
    clock.advance(MIN)
    runner.next()                                    # the closing at 32:00
    assert run.cues() == {1: (CueState.SKIPPED, "", None, ""),
                          2: (CueState.MISSED, "", None, "closing started"),
                          3: (CueState.MISSED, "", None, "closing started")}
    assert runner.lottery.cue(3).postponements == 1
    with pytest.raises(ActionRefused, match="no lottery cue is left"):
        runner.fire_lottery()
    runner.end_show()
    agree(run)


def test_a_skipped_cue_makes_its_scripted_lottery_an_extra(db, clock):
    run = Run(db, clock, INLINE)
    run.go(at={19 * MIN: lambda runner: runner.skip_lottery("平台限流", number=2)})
    assert run.cues() == {1: (CueState.FIRED, "segment", -MIN, ""),
                          2: (CueState.SKIPPED, "", None, ""),
                          3: (CueState.FIRED, "autopilot", 0, "")}   # 第2轮 did not take #3
    agree(run)


def test_a_postponed_cue_is_still_the_one_its_scripted_lottery_stands_for(db, clock):
    run = Run(db, clock, load_show(MARATHON), autopilot=False)
    runner = run.runner
    runner.start_show()
    runner.extend(7 * 60)                            # 7 minutes behind: the grid wins at 10:00
    clock.advance(10 * MIN)
    runner.poll()
    assert run.board.top() is Takeover.LOTTERY
    runner.postpone_lottery(5)                       # to 15:00, two minutes before 福袋抽奖
    seen = {}
    while runner.current_index < 6:
        clock.advance(runner.current.deadline_ms - runner.now_ms())
        runner.poll()
        seen[runner.now_ms()] = (run.board.top(), run.presenter().lottery_segment_title)
        runner.next()
    # Due again at 15:00, in the pitch before the lottery: it waits instead of taking over.
    assert seen[15 * MIN + 30_000] == (Takeover.NONE, "福袋抽奖")
    cue = runner.lottery.cue(1)
    assert (cue.state, cue.fired_by, cue.delay_ms, cue.postponements) == (
        CueState.FIRED, "segment", 7 * MIN, 1)


# -- replay ----------------------------------------------------------------------------

def restart_later(clock, seconds):
    return FakeClock(start_ms=42, utc=clock.utc_now() + dt.timedelta(seconds=seconds))


def cue_record(runner):
    return [(c.number, c.state, c.due_ms, c.fired_ms, c.fired_by, c.skip_reason,
             c.missed_reason, c.postponements) for c in runner.lottery.cues()]


@pytest.mark.parametrize("crash_at_ms", [20 * MIN, 22 * MIN + 30_000, 31 * MIN, None],
                         ids=["mid-show", "in-the-closing", "reopened-and-fired", "ended"])
def test_replay_after_a_crash_rebuilds_every_cue(tmp_path, clock, crash_at_ms):
    # #2 skipped; the closing jumped to at 22:00 misses #3; back out at 23:00 reopens it.
    path = tmp_path / "sessions.db"
    run = Run(open_database(path), clock, INLINE)
    run.go(on_start={7: lambda runner: runner.jump(8)},
           at={19 * MIN + 30_000: lambda runner: runner.skip_lottery("平台限流", number=2),
               23 * MIN: lambda runner: runner.previous()},
           until_ms=crash_at_ms)
    expected = cue_record(run.runner)
    replayed = ShowRunner(INLINE.show, FakeClock())
    replayed.replay(run.session.log.events(), now_show_ms=run.runner.now_ms())
    assert cue_record(replayed) == expected
    if crash_at_ms is None:
        assert [c[1] for c in expected] == [CueState.FIRED, CueState.SKIPPED, CueState.FIRED]
        agree(run)
        return
    resumed = open_session(open_database(path), INLINE, restart_later(clock, 0))
    assert resumed.resumption is not None and cue_record(resumed.runner) == expected

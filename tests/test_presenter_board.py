"""What the host's screen shows, decided without a display."""

import pytest

from console.crisis import CrisisScript
from console.engine import CueState, EventKind
from console.presenter import PresenterBoard, Takeover, presenter_state
from console.script.model import SegmentKind
from tests.conftest import show_text

MIN = 60_000
SHOW = show_text('kind = "opening"\nduration = "9:00"',
                 'kind = "sku"\nsku = "A"',
                 'kind = "custom"\ntitle = "答疑"\nduration = "30:00"',
                 skus='[[sku]]\nid = "A"\nname = "面霜"\nlive_price = 199\nlist_price = 369\n'
                      'selling_points = ["修护", "保湿", "敏感肌可用", "第四条不显示"]\n')
SCRIPT = CrisisScript(id="freeze", title="断流卡顿", host_lines=("画面有点卡", "马上恢复"))


def board_for(make_runner):
    runner = make_runner(SHOW)
    runner.start_show()
    return runner, PresenterBoard(runner)


def test_the_pitch_shows_product_price_three_points_and_what_is_next(make_runner, clock):
    runner, board = board_for(make_runner)
    runner.next()
    clock.advance(30_000)
    state = presenter_state(runner, board)
    assert (state.kind, state.sku_name, state.live_price) == (SegmentKind.SKU, "面霜", 199)
    assert state.points == ("修护", "保湿", "敏感肌可用")
    assert state.remaining_ms == 60_000 and state.next_title == "答疑"
    assert state.takeover is Takeover.NONE


def test_without_a_product_the_host_sees_the_talking_points(make_runner):
    runner = make_runner(show_text('kind = "opening"\nhost = ["欢迎", "关注"]'))
    runner.start_show()
    assert presenter_state(runner, PresenterBoard(runner)).points == ("欢迎", "关注")


def test_the_lottery_chip_shows_in_the_last_minute_then_takes_over(make_runner, clock):
    runner, board = board_for(make_runner)
    runner.jump(2)
    clock.advance(9 * MIN + 15_000)
    runner.poll()
    state = presenter_state(runner, board)
    assert (state.lottery_number, state.lottery_in_ms, state.takeover) == (1, 45_000, Takeover.NONE)
    clock.advance(45_000)
    runner.poll()
    assert presenter_state(runner, board).takeover is Takeover.LOTTERY


def test_a_lottery_due_mid_pitch_says_after_this_sku(make_runner, clock):
    runner, board = board_for(make_runner)
    clock.advance(9 * MIN)
    runner.next()                                  # the pitch runs 9:00–10:30
    clock.advance(MIN)
    runner.poll()
    assert presenter_state(runner, board).after_sku
    runner.next()
    assert not presenter_state(runner, board).after_sku


def test_esc_clears_crisis_then_message_then_lottery_and_logs_each(make_runner, clock):
    runner, board = board_for(make_runner)
    runner.jump(2)
    clock.advance(10 * MIN)
    runner.poll()
    board.send_message("看评论")
    board.push_crisis(SCRIPT)
    tops = []
    while (top := board.top()) is not Takeover.NONE:
        tops.append(top)
        board.clear_top()
    assert tops == [Takeover.CRISIS, Takeover.MESSAGE, Takeover.LOTTERY]
    cleared = [e.details["takeover"] for e in runner.events if e.kind is EventKind.PRESENTER_CLEARED]
    assert cleared == ["crisis", "message", "lottery"]
    assert runner.lottery.pending()                # hiding the banner does not fire the lottery
    clock.advance(10 * MIN)
    runner.poll()
    assert board.top() is Takeover.LOTTERY         # the next cue takes over again


def test_notes_and_crisis_use_are_logged_with_their_segment(make_runner):
    runner, board = board_for(make_runner)
    runner.next()
    board.send_message("  价格说错了，是 99  ")
    board.push_crisis(SCRIPT)
    board.resolve_crisis(SCRIPT)
    logged = [(e.kind, e.details) for e in runner.events[-3:]]
    assert logged == [
        (EventKind.NOTE_SENT, {"text": "价格说错了，是 99", "segment_index": 1}),
        (EventKind.CRISIS_PUSHED, {"script": "freeze", "title": "断流卡顿", "segment_index": 1}),
        (EventKind.CRISIS_RESOLVED, {"script": "freeze", "title": "断流卡顿", "segment_index": 1}),
    ]
    assert board.crisis is None


def test_an_empty_note_is_not_sent(make_runner):
    runner, board = board_for(make_runner)
    board.send_message("   ")
    assert board.message is None and runner.events[-1].kind is not EventKind.NOTE_SENT


@pytest.mark.parametrize("late_s, waits", [(300, True), (301, False)])
def test_a_due_cue_waits_for_its_scripted_lottery_within_half_an_interval(make_runner, clock,
                                                                           late_s, waits):
    runner = make_runner(show_text('kind = "custom"\nduration = "9:00"',
                                   'kind = "interaction"\nduration = "1:00"',
                                   'kind = "lottery"\ntitle = "福袋"',         # 10:00
                                   'kind = "custom"\nduration = "20:00"'))
    board = PresenterBoard(runner)
    runner.start_show()
    runner.extend(late_s)               # the talk runs long: the lottery is late_s late
    clock.advance(10 * MIN)
    runner.poll()
    cue = runner.lottery.cue(1)
    assert cue.state is CueState.DUE
    assert (runner.lottery_segment_for(cue) == 2) is waits
    state = presenter_state(runner, board)
    # Waiting: "lottery is the next segment" (after the game), not "★ lottery now ★".
    assert (state.takeover is Takeover.NONE) is waits
    assert (state.lottery_segment_title, state.lottery_segment_is_next) == (
        ("福袋", False) if waits else ("", False))
    clock.advance(late_s * 1000 - MIN)
    runner.next()                       # the game: the lottery is the very next segment, and
    state = presenter_state(runner, board)          # a cue nobody fired waits for it now
    assert (state.takeover, state.lottery_segment_title, state.lottery_segment_is_next) == (
        Takeover.NONE, "福袋", True)


def test_under_a_crisis_script_the_countdown_stays_readable_across_the_room(qapp):
    from PySide6.QtGui import QFont, QFontMetricsF

    from console.ui.fonts import cjk_family
    from console.ui.presenter_view import crisis_clock_rect, fitted_lines
    family = cjk_family()                 # the font the console sets (tall line spacing)
    for w, h in ((1920, 1080), (1280, 720), (1280, 1024), (640, 360)):
        rect = crisis_clock_rect(w, h)
        px, lines = fitted_lines("+1:23", round(rect.width()), round(rect.height()), family, 400, True)
        font = QFont(family)
        font.setBold(True)
        font.setPixelSize(px)
        digits = QFontMetricsF(font).tightBoundingRect("0123456789").height()
        assert lines == ("+1:23",) and digits >= 0.12 * h, (w, h, digits)

"""On air, no stray key can hurt the show: key sequences an assistant really presses."""

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from console.engine import CueState, EventKind, ShowState
from console.presenter import Takeover
from console.ui import prompt_bar
from tests.ui_helpers import close, make_harness

MIN = 60_000
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def ui(qtbot, tmp_path, standard):
    harness = make_harness(qtbot, tmp_path, standard)
    yield harness
    close(harness)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    target = QApplication.focusWidget() or QApplication.activeWindow()
    qtbot.keyClick(target, key, modifier)


def on_air(ui, qtbot):
    ui.operator.focus_show()
    press(qtbot, Qt.Key.Key_S)
    press(qtbot, Qt.Key.Key_S)
    assert ui.runner.state is ShowState.LIVE


def test_ctrl_e_then_space_does_not_end_the_show(ui, qtbot):
    on_air(ui, qtbot)
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert ui.operator.prompts.is_confirming("end")
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)                   # Enter with nothing chosen: cancel
    assert ui.runner.state is ShowState.LIVE and ui.runner.current_index == 0
    assert not ui.operator.prompts.is_open


def test_ctrl_e_twice_or_1_enter_ends_the_show(ui, qtbot, tmp_path, standard):
    on_air(ui, qtbot)
    press(qtbot, Qt.Key.Key_E, CTRL)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Return)
    assert ui.runner.state is ShowState.FINISHED


def test_r_then_space_does_not_restart_and_r_r_does(ui, qtbot):
    on_air(ui, qtbot)
    ui.tick(30_000)
    press(qtbot, Qt.Key.Key_R)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Escape)
    assert ui.runner.remaining_ms() == 150_000
    assert ui.runner.state is ShowState.LIVE and ui.runner.current_index == 0
    press(qtbot, Qt.Key.Key_R)
    press(qtbot, Qt.Key.Key_R)
    assert ui.runner.remaining_ms() == 180_000


def test_a_confirmation_left_alone_expires_and_then_r_asks_again(ui, qtbot, monkeypatch):
    monkeypatch.setattr(prompt_bar, "CONFIRM_MS", 50)
    on_air(ui, qtbot)
    ui.tick(30_000)
    press(qtbot, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: not ui.operator.prompts.is_open, timeout=2000)
    press(qtbot, Qt.Key.Key_R)                        # asks again: not a second press
    assert ui.operator.prompts.is_confirming("restart")
    assert ui.runner.remaining_ms() == 150_000


def test_s_then_space_does_not_go_live(ui, qtbot):
    press(qtbot, Qt.Key.Key_S)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)
    assert ui.runner.state is ShowState.READY


def test_f6_pushes_the_crisis_script_while_a_prompt_is_open(ui, qtbot):
    on_air(ui, qtbot)
    press(qtbot, Qt.Key.Key_P)
    assert ui.operator.prompts.is_open
    press(qtbot, Qt.Key.Key_F6)
    assert ui.controller.board.crisis.id == "stream-freeze"
    press(qtbot, Qt.Key.Key_Space)                    # postpone prompt: Space changes nothing
    assert ui.runner.lottery.cue(1).postponements == 0
    press(qtbot, Qt.Key.Key_Escape)                   # closes the prompt only…
    assert not ui.operator.prompts.is_open
    assert ui.controller.board.crisis is not None     # …the host still sees the script
    press(qtbot, Qt.Key.Key_Escape)
    assert ui.controller.board.crisis is None


def test_postpone_offers_1_2_5_10_minutes(ui, qtbot):
    on_air(ui, qtbot)
    ui.tick(10 * MIN)
    press(qtbot, Qt.Key.Key_P)
    assert [c.value for c in ui.operator.prompts.current.choices] == [1, 2, 5, 10]
    press(qtbot, Qt.Key.Key_0)
    press(qtbot, Qt.Key.Key_Return)
    assert ui.runner.lottery.cue(1).due_ms == 20 * MIN


def test_skip_needs_a_chosen_reason_and_enter(ui, qtbot):
    on_air(ui, qtbot)
    ui.tick(10 * MIN)
    press(qtbot, Qt.Key.Key_K)
    press(qtbot, Qt.Key.Key_Return)                   # nothing chosen: nothing skipped
    assert ui.runner.lottery.cue(1).is_open
    press(qtbot, Qt.Key.Key_K)
    press(qtbot, Qt.Key.Key_3)
    qtbot.keyClicks(ui.operator.prompts.field, "stuck in traffic")
    press(qtbot, Qt.Key.Key_Return)
    cue = ui.runner.lottery.cue(1)
    assert cue.state is CueState.SKIPPED and cue.skip_reason == "prizes not ready — stuck in traffic"


def test_jump_finds_segments_by_number_and_by_name(ui, qtbot):
    on_air(ui, qtbot)
    press(qtbot, Qt.Key.Key_J)
    qtbot.keyClicks(ui.operator.prompts.field, "12")
    press(qtbot, Qt.Key.Key_Return)
    assert ui.runner.current_index == 11
    press(qtbot, Qt.Key.Key_J)
    ui.operator.prompts.type_text("猜价格")
    assert [c.key for c in ui.operator.prompts._visible_choices()] == ["5"]
    press(qtbot, Qt.Key.Key_Return)
    assert ui.runner.current_index == 4
    press(qtbot, Qt.Key.Key_J)
    press(qtbot, Qt.Key.Key_Return)                   # nothing typed: nothing happens
    assert ui.runner.current_index == 4


def test_after_a_note_is_sent_space_advances_again(ui, qtbot):
    on_air(ui, qtbot)
    press(qtbot, Qt.Key.Key_N)
    assert ui.operator.header.keys_state.text().startswith("⌨ TYPING")
    ui.operator.notes.editor.insertPlainText("是 9.9 不是 99")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert ui.controller.board.message == "是 9.9 不是 99"
    assert QApplication.focusWidget() is ui.operator
    assert ui.operator.header.keys_state.text() == "⌨ keys drive the show"
    press(qtbot, Qt.Key.Key_Space)
    assert ui.runner.current_index == 1


def test_enter_in_the_crisis_search_pushes_and_gives_the_keys_back(ui, qtbot):
    on_air(ui, qtbot)
    press(qtbot, Qt.Key.Key_F, CTRL)
    ui.operator.crisis.search.setText("库存")
    press(qtbot, Qt.Key.Key_Return)
    assert ui.controller.board.crisis.id == "out-of-stock"
    assert QApplication.focusWidget() is ui.operator


def test_one_esc_leaves_the_field_and_never_also_clears_the_host(ui, qtbot):
    on_air(ui, qtbot)
    ui.controller.send_message("看评论")
    press(qtbot, Qt.Key.Key_N)
    press(qtbot, Qt.Key.Key_Escape)
    assert ui.controller.board.message == "看评论"
    assert QApplication.focusWidget() is ui.operator
    press(qtbot, Qt.Key.Key_Escape)
    assert ui.controller.board.message is None


def test_shift_f_key_pushes_the_crisis_script_and_holds_the_timer(ui, qtbot):
    on_air(ui, qtbot)
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert ui.controller.board.crisis.id == "stream-freeze"
    assert ui.runner.state is ShowState.HOLD
    state = ui.console.presenter.view.state()
    assert state.held and state.takeover is Takeover.CRISIS


def test_one_key_press_refreshes_each_view_once(ui, qtbot, monkeypatch):
    on_air(ui, qtbot)
    counts = {"presenter": 0, "card": 0}
    view, card = ui.console.presenter.view, ui.operator.card
    original_view, original_card = view.refresh, card.refresh_segment
    monkeypatch.setattr(view, "refresh", lambda: (counts.__setitem__("presenter", counts["presenter"] + 1),
                                                  original_view()))
    monkeypatch.setattr(card, "refresh_segment", lambda: (counts.__setitem__("card", counts["card"] + 1),
                                                          original_card()))
    ui.controller.changed.disconnect()
    ui.controller.changed.connect(view.refresh)
    ui.controller.changed.connect(card.refresh_segment)
    press(qtbot, Qt.Key.Key_Space)
    assert counts == {"presenter": 1, "card": 1}


def test_every_action_says_what_it_did_in_the_header(ui, qtbot):
    on_air(ui, qtbot)
    press(qtbot, Qt.Key.Key_Plus)
    assert ui.operator.header.feedback.text() == "✓ This segment +15 s"
    assert ui.console.presenter.view.feedback == "+15 s"
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert ui.operator.header.feedback.text() == "✓ Undone — back to: 1. 开场预热"
    press(qtbot, Qt.Key.Key_H)
    assert ui.operator.header.feedback.text() == "‖ Timer held — H resumes"
    assert ui.operator.card.phase.text() == "‖ ON HOLD"


def test_every_key_map_action_has_a_handler(ui):
    assert ui.operator.registry.unbound() == []


def test_a_keyboard_only_rehearsal_on_plan_needs_one_key_per_segment_and_lottery(ui, qtbot):
    show = ui.runner.show
    keys = 0

    def key(k, modifier=Qt.KeyboardModifier.NoModifier):
        nonlocal keys
        keys += 1
        press(qtbot, k, modifier)

    ui.operator.focus_show()
    key(Qt.Key.Key_S)
    key(Qt.Key.Key_S)
    starts = show.planned_starts_ms()
    for index in range(1, len(show.segments)):
        ui.clock.advance(starts[index] - ui.runner.now_ms())
        ui.controller.tick()
        for _cue in ui.runner.lottery.pending():
            key(Qt.Key.Key_L)
        key(Qt.Key.Key_Space)
    ui.clock.advance(show.planned_ms - ui.runner.now_ms())
    ui.controller.tick()
    key(Qt.Key.Key_E, CTRL)
    key(Qt.Key.Key_E, CTRL)
    assert ui.runner.state is ShowState.FINISHED
    cues = [c for c in ui.runner.lottery.cues() if c.due_ms < show.planned_ms]
    assert all(c.state is CueState.FIRED for c in cues)
    # One key starts each segment (S, then Space), one ends the last (Ctrl+E), one fires
    # each lottery (L); the second S and the second Ctrl+E are the deliberate confirmations.
    assert keys <= len(show.segments) + 1 + len(cues) + 2
    assert len(ui.events(EventKind.SEGMENT_STARTED)) == len(show.segments)


@pytest.mark.parametrize("available", [QSize(1366, 700), QSize(1536, 800)])
def test_the_live_window_fits_studio_screens_with_a_lottery_and_an_alert(ui, qtbot, available):
    """1366×768 and 1920×1080 at 125 % (1536×864), less a taskbar and a title bar."""
    on_air(ui, qtbot)
    ui.runner.jump(6)
    ui.tick(10 * MIN + 5_000)                         # lottery #1 due mid-pitch
    assert ui.operator.banner.state is CueState.DUE
    feed = ui.controller.kpi.feed
    feed.add({"online": 10_000}, "manual", show_ms=ui.runner.now_ms() - 3 * MIN)
    feed.add({"online": 6_000}, "manual")
    feed.judge(ui.runner.now_ms())
    assert feed.alerts.worst() is not None
    hint = ui.operator.minimumSizeHint()
    assert hint.width() <= available.width() and hint.height() <= available.height(), hint
    ui.operator.resize(available)
    qtbot.waitUntil(lambda: ui.operator.size() == available)
    header = ui.operator.header
    header.set_problem("storage", "NOT SAVED: disk full")
    assert header.problems.isVisible() and header.problems.width() >= 160


def test_nothing_moves_when_the_lottery_banner_and_the_alert_appear(ui, qtbot):
    on_air(ui, qtbot)
    ui.operator.resize(1366, 700)
    ui.tick(1000)
    qtbot.wait(10)
    before = (ui.operator.card.geometry(), ui.operator.banner.geometry(), ui.operator.header.geometry())
    ui.runner.jump(6)
    ui.tick(10 * MIN)
    ui.operator.header.set_alert("red", "退货率过高" * 5)
    qtbot.wait(10)
    after = (ui.operator.card.geometry(), ui.operator.banner.geometry(), ui.operator.header.geometry())
    assert ui.operator.banner.state is CueState.DUE
    assert before == after


def test_notes_leave_the_host_s_screen_at_the_next_segment(ui, qtbot):
    on_air(ui, qtbot)
    ui.controller.send_message("是 9.9")
    assert "是 9.9" in ui.operator.notes.on_screen.text()
    press(qtbot, Qt.Key.Key_Space)
    assert ui.controller.board.message is None
    assert ui.operator.notes.on_screen.text() == "No note on the host's screen."
    assert "是 9.9" in ui.operator.notes.history.text()


def test_faq_keys_push_the_current_product_s_answers(ui, qtbot):
    on_air(ui, qtbot)
    press(qtbot, Qt.Key.Key_Space)                     # A01
    press(qtbot, Qt.Key.Key_2, CTRL)
    assert ui.controller.board.message.startswith("保质期多久?")
    assert "Ctrl+2" in ui.operator.card.faq.body.text()


def test_the_link_preset_names_the_real_link_number(ui, qtbot):
    on_air(ui, qtbot)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Space)                     # A02, link 2
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert ui.controller.board.message == "Say the cart link number: 2"


def test_running_behind_the_lottery_cue_points_at_the_scripted_lottery(ui, qtbot):
    """3 minutes behind: the cue falls due in the guess-the-price game, but the script's own
    lottery is next — both screens say so and nothing takes over the host's screen."""
    on_air(ui, qtbot)
    ui.runner.jump(4)                                  # 互动:猜价格, planned 7:30–10:00
    ui.tick(10 * MIN + 30_000)
    banner = ui.operator.banner
    assert "the script's “福袋抽奖 · 第 1 轮” (segment 6)" in banner.text()
    state = ui.console.presenter.view.state()
    assert state.takeover is Takeover.NONE and state.lottery_segment_is_next
    press(qtbot, Qt.Key.Key_Space)                     # the lottery segment fires the cue
    assert ui.runner.lottery.cue(1).state is CueState.FIRED


def test_the_operator_sees_the_host_s_screen_in_small(ui, qtbot):
    from PySide6.QtGui import QColor

    from console.ui import theme
    on_air(ui, qtbot)
    miniature = ui.operator.miniature
    assert miniature.picture.width() <= miniature.width()
    press(qtbot, Qt.Key.Key_F6)                        # a crisis script takes the host's screen
    picture = miniature.picture.toImage()
    middle = picture.pixelColor(picture.width() // 10, picture.height() // 2)
    assert middle == QColor(theme.CRISIS[0])


def test_after_the_end_the_card_keeps_no_coloured_phase_bar(ui, qtbot):
    on_air(ui, qtbot)
    press(qtbot, Qt.Key.Key_H)                         # held when the show ends
    press(qtbot, Qt.Key.Key_E, CTRL)
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert ui.runner.state is ShowState.FINISHED
    assert ui.operator.card.phase.text() == "" and ui.operator.card.phase.styleSheet() == ""


@pytest.mark.parametrize("key", [Qt.Key.Key_P, Qt.Key.Key_K])
def test_postpone_or_skip_with_no_lottery_left_is_refused_not_a_crash(ui, qtbot, key):
    on_air(ui, qtbot)
    for cue in ui.runner.lottery.cues():
        ui.runner.skip_lottery("平台限流", number=cue.number)
    assert ui.runner.next_lottery() is None
    with qtbot.waitSignal(ui.controller.refused) as refusal:
        press(qtbot, key)
    assert "no lottery cue is left" in refusal.args[0]
    assert ui.operator.prompts.current is None

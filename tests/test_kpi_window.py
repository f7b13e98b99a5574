"""The Data dock: typed figures, the alert lamp, graph markers and windows, attribution."""

import pytest
from PySide6.QtCore import Qt

from console.engine import EventKind
from console.ui.kpi_graphs import thin_labels
from tests.ui_helpers import close, make_harness

MIN = 60_000


@pytest.fixture
def ui(qtbot, tmp_path, standard):
    harness = make_harness(qtbot, tmp_path, standard)
    harness.start()
    yield harness
    close(harness)


def type_figures(ui, qtbot, text):
    ui.operator.perform("kpi_entry")
    ui.operator.kpi.entry.setText(text)
    qtbot.keyClick(ui.operator.kpi.entry, Qt.Key.Key_Return)


def test_typed_figures_become_a_manual_sample_and_big_numbers(ui, qtbot):
    ui.tick(2 * MIN)
    type_figures(ui, qtbot, "在线 8200 成交 3.56万 订单 412")
    latest = ui.controller.kpi.model.latest("gmv")
    assert latest == (2 * MIN, 35600, "manual")
    ui.tick(0)
    tiles = ui.operator.kpi.tiles
    assert tiles["online"].value.text() == "8,200" and tiles["gmv"].value.text() == "35,600"
    assert ui.operator.kpi.entry.text() == ""
    assert "manual" in ui.operator.kpi.sources.text()


def test_a_typing_mistake_is_named_and_nothing_is_recorded(ui, qtbot):
    type_figures(ui, qtbot, "在线 8200 魔法 3")
    assert "“魔法” is not a figure" in ui.operator.kpi.entry_status.text()
    assert ui.operator.kpi.entry.text() == "在线 8200 魔法 3"        # kept for correcting
    assert ui.controller.kpi.model.count == 0


def test_keys_typed_into_the_figures_box_do_not_drive_the_show(ui, qtbot):
    ui.operator.perform("kpi_entry")
    for key in (Qt.Key.Key_Space, Qt.Key.Key_L, Qt.Key.Key_Right):
        qtbot.keyClick(ui.operator.kpi.entry, key)
    assert ui.runner.current_index == 0


def test_an_alert_lights_the_lamp_marks_the_graphs_and_never_blocks(ui, qtbot):
    feed = ui.controller.kpi.feed
    feed.add({"online": 10_000}, "manual", show_ms=MIN)
    ui.tick(3 * MIN)
    feed.add({"online": 7_000}, "manual")
    feed.judge(ui.runner.now_ms())
    lamp = ui.operator.header.lamp
    assert lamp.text() == "● BLUE  Online viewers down 15%+ in 5 min"
    qtbot.waitUntil(lambda: lamp.shown_text().startswith("● BLUE  Online"))   # after layout
    assert ui.operator.kpi.alerts.count() == 1
    assert "online viewers 7,000, down 30%" in ui.operator.kpi.alerts.item(0).text()
    assert "alert:blue" in {kind for _, kind, _ in ui.operator.kpi.graphs.markers}
    raised = ui.events(EventKind.ALERT_RAISED)[0].details
    assert raised["rule"] == "traffic-cliff" and raised["segment_index"] == 0
    ui.operator.kpi.alerts.setCurrentRow(0)
    ui.operator.kpi._open_suggestion(ui.operator.kpi.alerts.item(0))
    assert ui.operator.crisis.selected().id == "traffic-cliff"
    assert ui.controller.board.crisis is None                         # suggested, not pushed


def test_show_events_are_marked_on_the_time_axis(ui, qtbot):
    ui.tick(3 * MIN)
    ui.operator.perform("next")
    ui.tick(2 * MIN)
    ui.operator.perform("lottery_fired")
    graphs = ui.operator.kpi.graphs
    kinds = [kind for _, kind, _ in graphs.markers]
    assert kinds.count("segment") == 2 and "lottery" in kinds
    graphs.refresh()
    assert graphs.marker_items["traffic"].xs("segment") == (0.0, 180.0)
    assert graphs.marker_items["sales"].xs("lottery") == (300.0,)
    assert [label for _, label in graphs._label_ticks] == ["A01", "lottery"]


def test_the_graph_windows_show_ten_minutes_an_hour_or_the_whole_show(ui, qtbot):
    feed = ui.controller.kpi.feed
    for minute in range(80):
        feed.add({"online": 1000 + minute}, "manual", show_ms=minute * MIN)
    ui.tick(80 * MIN)
    graphs = ui.operator.kpi.graphs
    for window, start_s in (("10min", 70 * 60), ("1h", 20 * 60), ("all", 0)):
        graphs.set_window(window)
        (x0, x1), _ = graphs.plots["traffic"].viewRange()
        assert x0 == pytest.approx(start_s) and x1 == pytest.approx(80 * 60)


def test_labels_that_would_overlap_give_way_to_newer_ones():
    labelled = [(t, "segment", f"A{t}") for t in (0, 10, 30, 100, 105, 200)]
    assert [m[2] for m in thin_labels(labelled, 40, 12)] == ["A30", "A105", "A200"]
    assert [m[2] for m in thin_labels(labelled, 1, 2)] == ["A105", "A200"]


def test_the_rundown_shows_what_each_pitch_sold(ui, qtbot):
    feed = ui.controller.kpi.feed
    feed.add({"gmv": 0, "orders": 0, "online": 900}, "manual", show_ms=0)
    ui.tick(3 * MIN)
    ui.operator.perform("next")
    ui.tick(MIN)
    feed.add({"gmv": 990, "orders": 100, "online": 2500}, "manual")
    ui.tick(1000)                                     # sales are recomputed once a second
    model = ui.operator.rundown_model
    row = [model.data(model.index(1, model.COLUMNS.index(c))) for c in ("gmv", "orders", "peak_online")]
    assert row == ["990", "100", "2,500"]


def test_a_long_alert_title_is_cut_short_rather_than_widening_the_window(ui, qtbot):
    lamp = ui.operator.header.lamp
    title = "团队自定义的预警标题" * 12
    ui.operator.header.set_alert("red", title)
    assert lamp.minimumSizeHint().width() <= 380
    qtbot.waitUntil(lambda: lamp.shown_text().endswith("…"))
    assert lamp.toolTip() == f"● RED  {title}"                    # in full on hover
    ui.operator.header.set_alert(None)
    qtbot.waitUntil(lambda: lamp.toolTip() == "")


def test_the_data_dock_shows_the_script_s_targets_against_actual(ui, qtbot):
    feed = ui.controller.kpi.feed
    feed.add({"gmv": 45_000, "orders": 300, "online": 5200}, "manual")
    ui.tick(1000)
    text = ui.operator.kpi.targets.text()
    assert text.startswith("Targets: GMV 45,000 / 180,000 (25%)")
    assert "orders 300 / 1,200 (25%)" in text and "peak online 5,200 / 6,000 (87%)" in text

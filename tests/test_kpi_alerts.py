"""The four-colour alert rules: defaults from the seeds, edge-triggered, editable."""

import pytest

from console.kpi.alerts import AlertBook, load_rules, parse_rules
from console.kpi.model import KpiModel, Sample
from console.resources import resource_path
from console.script import ShowFileError

MIN = 60_000
DEFAULTS = resource_path("alerts", "rules.toml")


@pytest.fixture
def book():
    rules, _ = load_rules(None, DEFAULTS)
    return AlertBook(rules)


def colours(alerts):
    return [(a.rule.colour, a.raised) for a in alerts]


def test_the_defaults_are_the_seed_thresholds(book):
    by_id = {r.id: r for r in book.rules}
    assert (by_id["refund-share"].colour, by_id["refund-share"].threshold) == ("red", 0.05)
    assert (by_id["conversion-drop"].colour, by_id["conversion-drop"].threshold) == ("orange", 0.03)
    assert (by_id["interaction-low"].colour, by_id["interaction-low"].threshold) == ("yellow", 0.125)
    assert (by_id["traffic-cliff"].colour, by_id["traffic-cliff"].window_ms) == ("blue", 5 * MIN)
    assert by_id["traffic-cliff"].suggest == "traffic-cliff"


def test_red_when_refunds_pass_five_percent_of_gmv(book):
    model = KpiModel()
    model.add(Sample(MIN, {"gmv": 10_000, "refunds": 400}, "t"))
    assert book.judge(model, MIN) == []
    model.add(Sample(2 * MIN, {"gmv": 10_000, "refunds": 600}, "t"))
    assert colours(book.judge(model, 2 * MIN)) == [("red", True)]
    assert book.judge(model, 2 * MIN + 1000) == []             # lit once, not every second
    assert book.worst().rule.colour == "red"


def test_orange_when_conversion_falls_three_points_against_the_previous_ten_minutes(book):
    model = KpiModel()
    model.add(Sample(0, {"viewers": 0, "buyers": 0}, "t"))
    model.add(Sample(10 * MIN, {"viewers": 1000, "buyers": 100}, "t"))     # 10 %
    model.add(Sample(20 * MIN, {"viewers": 2000, "buyers": 165}, "t"))     # 6.5 % in this window
    alerts = book.judge(model, 20 * MIN)
    assert colours(alerts) == [("orange", True)]
    assert alerts[0].message == "成交转化率 6.5%，前 10 分钟 10.0%，下降 3.5 个点"
    assert alerts[0].message_en == "conversion 6.5%, previous 10 min 10.0%, down 3.5 points"


def test_yellow_under_the_industry_mean_interaction_and_clears_when_it_recovers(book):
    model = KpiModel()
    model.add(Sample(0, {"viewers": 0, "interacting": 0}, "t"))
    model.add(Sample(10 * MIN, {"viewers": 1000, "interacting": 100}, "t"))   # 10 %
    assert colours(book.judge(model, 10 * MIN)) == [("yellow", True)]
    model.add(Sample(20 * MIN, {"viewers": 2000, "interacting": 400}, "t"))   # 30 % since
    assert colours(book.judge(model, 20 * MIN)) == [("yellow", False)]


def test_blue_when_online_falls_more_than_15_percent_within_five_minutes(book):
    model = KpiModel()
    model.add(Sample(MIN, {"online": 10_000}, "t"))
    model.add(Sample(3 * MIN, {"online": 8_600}, "t"))
    assert book.judge(model, 3 * MIN) == []
    model.add(Sample(4 * MIN, {"online": 8_400}, "t"))
    alerts = book.judge(model, 4 * MIN)
    assert colours(alerts) == [("blue", True)] and "下跌 16%" in alerts[0].message
    assert alerts[0].message_en == "online viewers 8,400, down 16% from 10,000 within 5 min"


def test_every_default_rule_has_a_title_in_both_languages(book):
    for rule in book.rules:
        assert rule.title and any("\u4e00" <= c <= "\u9fff" for c in rule.title)
        assert rule.title_en and rule.title_en.isascii()


def test_the_worst_active_alert_is_the_most_severe(book):
    model = KpiModel()
    model.add(Sample(MIN, {"online": 10_000, "gmv": 1000, "refunds": 100}, "t"))
    model.add(Sample(2 * MIN, {"online": 5_000}, "t"))
    book.judge(model, 2 * MIN)
    assert {a.rule.colour for a in book.active.values()} == {"red", "blue"}
    assert book.worst().rule.colour == "red"


def test_a_team_file_replaces_the_defaults(tmp_path):
    (tmp_path / "alert-rules.toml").write_text(
        'schema_version = 1\n[[rule]]\nid = "gmv-slow"\ncolour = "orange"\nmetric = "uv_value"\n'
        'below = 2.0\nwindow_minutes = 10\n', "utf-8")
    rules, path = load_rules(tmp_path, DEFAULTS)
    assert [r.id for r in rules] == ["gmv-slow"] and path == tmp_path / "alert-rules.toml"


def test_a_broken_rule_names_its_line_and_field():
    text = ('schema_version = 1\n[[rule]]\nid = "x"\ncolour = "purple"\nmetric = "conversion"\n'
            'below = 0.1\n[[rule]]\nid = "y"\ncolour = "red"\nmetric = "happiness"\nabove = 1\n')
    with pytest.raises(ShowFileError) as error:
        parse_rules(text.encode(), "rules.toml")
    message = str(error.value)
    assert "rules.toml:4: rule[1].colour: use one of: red, orange, yellow, blue" in message
    assert "rules.toml:10: rule[2].metric: unknown metric 'happiness'" in message

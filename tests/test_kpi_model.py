"""KPI maths: late, partial and out-of-order samples; rates from summed counts."""

import random

import pytest

from console.engine.segment_timer import SegmentRun
from console.kpi.attribution import attribute, sales_by_segment
from console.kpi.derived import METRICS, metric_value
from console.kpi.fields import field_for
from console.kpi.model import KpiModel, Sample, SampleError
from console.kpi.quick_entry import parse_quick_entry
from tests.conftest import model_with

MIN = 60_000


def test_rates_come_from_summed_counts_not_averaged_rates():
    # Minute 1: 10 buyers of 100 viewers (10 %); minute 2: 1 of 900 (0.1 %).
    model = model_with((MIN, {"viewers": 100, "buyers": 10}),
                       (2 * MIN, {"viewers": 1000, "buyers": 11}))
    assert metric_value(model, "conversion", 2 * MIN) == pytest.approx(11 / 1000)   # not 5.05 %
    assert metric_value(model, "conversion", 2 * MIN, MIN) == pytest.approx(1 / 900)


def test_every_metric_says_people_or_events():
    assert {m.key: m.basis for m in METRICS}["interaction_rate"] == "人数"
    assert {m.key: m.basis for m in METRICS}["gpm"] == "次数"
    model = model_with((MIN, {"gmv": 5000, "orders": 20, "views": 2500, "viewers": 1000,
                              "refunds": 250}))
    assert metric_value(model, "aov", MIN) == 250
    assert metric_value(model, "gpm", MIN) == 2000
    assert metric_value(model, "refund_share", MIN) == pytest.approx(0.05)
    assert metric_value(model, "uv_value", MIN) == 5


def test_partial_samples_fill_only_what_they_know():
    model = model_with((MIN, {"online": 5000}), (MIN + 10, {"gmv": 300}))
    assert model.value_at("online", MIN + 10) == 5000
    assert model.value_at("gmv", MIN) is None                 # nothing invented
    assert metric_value(model, "conversion", MIN + 10) is None


def test_late_samples_land_in_their_place_and_say_where_they_came_from():
    model = KpiModel()
    model.add(Sample(3 * MIN, {"online": 3000}, "ingest"))
    model.add(Sample(MIN, {"online": 1000}, "follow:screen.csv"))      # arrived late
    model.add(Sample(2 * MIN, {"online": 2000}, "manual"))
    assert list(model.series["online"].values) == [1000, 2000, 3000]
    assert model.latest("online") == (3 * MIN, 3000, "ingest")
    assert model.value_at("online", 2 * MIN + 5) == 2000
    assert model.peak("online", 0, 2 * MIN) == 2000


def test_gaps_are_not_interpolated():
    model = model_with((MIN, {"gmv": 100}), (10 * MIN, {"gmv": 1000}))
    assert model.value_at("gmv", 5 * MIN) == 100
    assert model.total_between("gmv", 5 * MIN, 10 * MIN) == 900


def test_impossible_figures_are_refused_with_the_field_named():
    model = KpiModel()
    for values, message in (({"gmv": -5}, "gmv"), ({"online": float("nan")}, "online"),
                            ({"magic": 1}, "unknown field 'magic'"), ({"orders": "12"}, "orders"),
                            ({}, "no figures")):
        with pytest.raises(SampleError, match=message):
            model.add(Sample(0, values, "test"))
    assert model.count == 0


def test_each_pitch_is_credited_with_what_it_sold_and_its_peak():
    model = model_with((0, {"gmv": 0, "orders": 0, "online": 1000}),
                       (60_000, {"gmv": 1000, "orders": 10, "online": 3000}),
                       (90_000, {"gmv": 1500, "orders": 12, "online": 2000}),
                       (150_000, {"gmv": 4500, "orders": 30, "online": 2500}))
    runs = [SegmentRun(0, 90_000, 0, ended_ms=90_000), SegmentRun(1, 90_000, 90_000, ended_ms=150_000),
            SegmentRun(0, 90_000, 150_000)]                                   # 返场 of segment 0
    sales = attribute(model, runs, 150_000)
    assert [(s.index, s.gmv, s.orders, s.peak_online) for s in sales] == [
        (0, 1500, 12, 3000), (1, 3000, 18, 2500), (0, 0, 0, None)]
    assert sales_by_segment(model, runs, 150_000)[0].gmv == 1500


def test_attribution_of_many_runs_at_once_matches_one_at_a_time():
    model, rng = KpiModel(), random.Random(7)
    gmv = orders = 0.0
    for t in range(0, 3_600_000, 1_000):
        gmv, orders = gmv + rng.random() * 100, orders + rng.randint(0, 3)
        values = {"gmv": gmv, "orders": orders} if t % 7_000 else {"online": rng.randint(1, 9000)}
        model.add(Sample(t + 400_000, values, "test"))     # nothing before 6:40
    bounds = sorted(rng.sample(range(0, 4_000_000, 500), 240))
    runs = [SegmentRun(index=n, planned_ms=90_000, started_ms=a, ended_ms=b)
            for n, (a, b) in enumerate(zip(bounds[::2], bounds[1::2]))]
    for sale, run in zip(attribute(model, runs, 4_000_000), runs):
        assert sale.gmv == model.total_between("gmv", run.started_ms, run.ended_ms)
        assert sale.orders == model.total_between("orders", run.started_ms, run.ended_ms)
        assert sale.peak_online == model.peak("online", run.started_ms, run.ended_ms)


def test_data_screen_names_map_to_fields():
    assert [field_for(n) for n in ("在线人数", "成交金额", "成交订单数", "成交人数", "进入人数",
                                   "GMV", "Online", "成交金額(元)")] == [
        "online", "gmv", "orders", "buyers", "entries", "gmv", "online", "gmv"]


def test_quick_entry_reads_what_the_assistant_types():
    assert parse_quick_entry("在线 8200 成交 35600") == {"online": 8200, "gmv": 35600}
    assert parse_quick_entry("在线8200 成交3.56万 订单 412") == {"online": 8200, "gmv": 35600,
                                                             "orders": 412}
    assert parse_quick_entry("online 8,200 gmv ¥1.2k") == {"online": 8200, "gmv": 1200}
    for text, message in (("在线", "no number after it"), ("8200", "no name before it"),
                          ("魔法 3", "not a figure")):
        with pytest.raises(SampleError, match=message):
            parse_quick_entry(text)

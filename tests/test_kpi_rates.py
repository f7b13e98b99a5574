"""The figures the live graphs draw, computed without Qt: rolling rates, growth per
minute, the graph table and its axes."""

import math
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.kpi import charts, derived
from console.kpi.charts import GRAPHS, How, round_range, sample_times, value_range, visible_range
from console.kpi.derived import metric_value, per_minute, rolling_rates, running_totals
from console.kpi.fields import BY_KEY as FIELDS
from console.kpi.fields import Kind
from tests.conftest import model_with

MIN = 60_000
NAN = math.nan


def times(*ms):
    return np.array(ms, dtype=np.int64)


def same(a, b):
    np.testing.assert_array_equal(np.asarray(a, dtype=float), np.asarray(b, dtype=float))


# -- rolling rates -------------------------------------------------------------------------
def test_a_rolling_rate_divides_the_growths_over_the_window_not_the_totals():
    model = model_with((0, {"viewers": 0, "buyers": 0}),
                       (10 * MIN, {"viewers": 1000, "buyers": 100}),      # 10% in the first 10 min
                       (15 * MIN, {"viewers": 1100, "buyers": 150}))      # 50% of the last 100
    same(rolling_rates(model, "conversion", times(15 * MIN)), [50.0])
    assert metric_value(model, "conversion", 15 * MIN) == pytest.approx(150 / 1100)


def test_a_percentage_is_drawn_in_per_cent_and_money_in_yuan():
    model = model_with((MIN, {"viewers": 200, "interacting": 30, "gmv": 5_000, "orders": 40}))
    same(rolling_rates(model, "interaction_rate", times(MIN)), [15.0])
    same(rolling_rates(model, "aov", times(MIN)), [125.0])
    assert derived.BY_KEY["interaction_rate"].display_scale == 100
    assert derived.BY_KEY["aov"].display_scale == 1
    assert derived.BY_KEY["gpm"].display_scale == 1000


def test_no_rate_where_the_denominator_did_not_grow_or_has_no_figure_yet():
    model = model_with((2 * MIN, {"viewers": 500, "buyers": 5}),
                       (20 * MIN, {"viewers": 500, "buyers": 5}))
    rates = rolling_rates(model, "conversion", times(MIN, 2 * MIN, 10 * MIN, 20 * MIN))
    assert math.isnan(rates[0])                # after go-live, before the first figure
    assert rates[1] == 1.0                     # counts from 0 at go-live
    assert math.isnan(rates[2]) and math.isnan(rates[3])   # nobody new in the last 5 min


def test_before_go_live_every_counter_stands_at_zero():
    model = model_with((MIN, {"viewers": 10}))
    same(running_totals(model, "viewers", times(-MIN, 0, 30_000, MIN)), [0, 0, NAN, 10])


def test_a_rolling_rate_agrees_with_the_metric_over_the_same_window():
    model = model_with(*((m * MIN, {"viewers": 100 * m + m * m, "buyers": 3 * m, "orders": 4 * m,
                                    "gmv": 250.0 * m * m}) for m in range(40)))
    for t in range(6 * MIN, 40 * MIN, 7 * 13_000):
        for key in ("conversion", "aov"):
            expected = metric_value(model, key, t, t - derived.ROLLING_MS)
            drawn = rolling_rates(model, key, times(t))[0]
            assert drawn == pytest.approx(expected * derived.BY_KEY[key].display_scale)


# -- per minute ----------------------------------------------------------------------------
def test_growth_per_minute_is_the_last_minute_s_and_the_first_minute_counts_from_zero():
    model = model_with((0, {"orders": 0}), (30_000, {"orders": 12}), (MIN, {"orders": 20}),
                       (2 * MIN, {"orders": 50}))
    same(per_minute(model, "orders", times(30_000, MIN, 90_000, 2 * MIN, 3 * MIN)),
         [12, 20, 8, 30, 0])          # no figure since 1:00: 20 then, 12 at 0:30


def test_growth_per_minute_before_the_first_figure_is_nothing():
    model = model_with((5 * MIN, {"gmv": 100.0}))
    same(per_minute(model, "gmv", times(MIN, 5 * MIN, 6 * MIN)), [NAN, 100, 0])


def test_a_reading_has_no_growth_per_minute():
    with pytest.raises(ValueError, match="online"):
        per_minute(model_with((0, {"online": 5})), "online", times(0))


# -- the same numbers the graphs drew before they moved here --------------------------------
def _old_rolling_rate(model, numerator, denominator, times_ms, window_ms, scale=100.0):
    def totals(key, at):
        return np.where(at <= 0, 0.0, model.series[key].values_at(at))
    start = times_ms - window_ms
    num = totals(numerator, times_ms) - totals(numerator, start)
    den = totals(denominator, times_ms) - totals(denominator, start)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num * scale / den, np.nan)


def _old_per_minute(model, key, times_ms):
    now = model.series[key].values_at(times_ms)
    return now - np.nan_to_num(model.series[key].values_at(times_ms - 60_000))


samples = st.lists(st.tuples(st.integers(0, 40 * MIN),
                             st.dictionaries(st.sampled_from(["viewers", "buyers", "interacting",
                                                              "gmv", "orders", "entries"]),
                                             st.integers(0, 10_000), min_size=1)),
                   max_size=40)


@settings(max_examples=60, deadline=None)
@given(samples, st.lists(st.integers(-MIN, 45 * MIN), min_size=1, max_size=30))
def test_the_moved_maths_draws_exactly_what_the_graphs_drew(samples, at):
    model = model_with(*sorted(samples, key=lambda s: s[0]))
    at = np.array(sorted(at), dtype=np.int64)
    old = {"interaction_rate": _old_rolling_rate(model, "interacting", "viewers", at, 5 * MIN),
           "conversion": _old_rolling_rate(model, "buyers", "viewers", at, 5 * MIN),
           "aov": _old_rolling_rate(model, "gmv", "orders", at, 5 * MIN, scale=1.0)}
    for key, expected in old.items():
        same(rolling_rates(model, key, at), expected)
    for key in ("entries", "gmv", "orders"):
        same(per_minute(model, key, at), _old_per_minute(model, key, at))


# -- the table -----------------------------------------------------------------------------
def test_every_curve_names_a_known_figure_of_the_right_kind():
    for graph in GRAPHS:
        assert graph.curves and graph.title
        for curve in graph.curves:
            if curve.how is How.ROLLING:
                assert curve.key in derived.BY_KEY
            else:
                assert curve.key in FIELDS
            if curve.how is How.PER_MINUTE:
                assert FIELDS[curve.key].kind is Kind.COUNTER
            assert curve.colour.startswith("#") or curve.colour.isupper()
    names = [curve.name for graph in GRAPHS for curve in graph.curves]
    assert len(names) == len(set(names))
    assert [g.key for g in GRAPHS if g.labels] == ["traffic"]       # one graph names events


def test_curves_say_their_units_from_the_field_and_metric_tables():
    units = {curve.name: curve.unit for graph in GRAPHS for curve in graph.curves}
    assert units["online"] == "人" and units["gmv_minute"] == "元"
    assert units["conversion"] == "%" and units["aov"] == "元"


def test_every_curve_draws_nothing_from_an_empty_model_without_failing():
    model = model_with()
    at = sample_times(0, 10 * MIN, 5 * MIN, 60)
    for graph in GRAPHS:
        values = [curve.values(model, at) for curve in graph.curves]
        assert all(np.isnan(v).all() for v in values)
        assert value_range(values) == round_range(0.0, 1.0)


def test_sample_times_end_at_the_present():
    at = sample_times(0, 10 * MIN, 4 * MIN + 1, 11)
    assert list(at) == [0, MIN, 2 * MIN, 3 * MIN, 4 * MIN, 4 * MIN + 1]
    assert at.dtype == np.int64


def test_the_time_axis_moves_on_in_steps_not_every_refresh():
    ten_minutes = charts.WINDOWS_MS["10min"]
    assert visible_range(80 * MIN + 3_000, ten_minutes) == (70 * MIN + 10_000, 80 * MIN + 10_000)
    assert visible_range(80 * MIN + 9_000, ten_minutes) == visible_range(80 * MIN + 3_000, ten_minutes)
    assert visible_range(6 * 60 * MIN - 1, charts.WINDOWS_MS["all"]) == (0, 6 * 60 * MIN)
    assert visible_range(0, ten_minutes) == (0, MIN)           # never narrower than a minute


def test_the_value_axis_has_round_bounds_that_hold_while_figures_move():
    assert round_range(2930, 3120) == (2900, 3150)
    assert round_range(2945, 3101) == (2900, 3150)
    assert round_range(0, 1_230_000) == (0, 1_500_000)
    low, high = round_range(8200, 8200)                        # a flat line still has a range
    assert low <= 8200 < high


def test_the_first_curve_sets_the_value_axis_and_the_others_widen_it():
    cumulative, per_min = np.array([2930.0, 3120.0, NAN]), np.array([40.0, 55.0])
    assert value_range([cumulative]) == (2900, 3150)
    assert value_range([cumulative, per_min]) == round_range(40.0, 3150.0)
    assert value_range([cumulative, np.array([])]) == round_range(0.0, 3150.0)  # none: 0…1


def test_the_graph_maths_loads_no_qt():
    code = ("import sys, console.kpi.charts, console.kpi.derived; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"

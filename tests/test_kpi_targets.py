"""The script's targets against the show's figures so far."""

from console.kpi.targets import target_progress
from console.script.model import Targets
from tests.conftest import model_with

MIN = 60_000


def test_counts_and_the_peak_go_towards_their_targets():
    model = model_with((MIN, {"online": 3000, "gmv": 10_000, "orders": 100}),
                       (5 * MIN, {"online": 5200, "gmv": 45_000, "orders": 300}),
                       (9 * MIN, {"online": 4100, "gmv": 90_000, "orders": 600}))
    found = {p.key: p for p in target_progress(
        Targets(gmv=180_000, orders=1200, peak_online=6000), model, 10 * MIN)}
    assert found["gmv"].actual == 90_000 and found["gmv"].share == 0.5
    assert found["orders"].share == 0.5
    assert found["peak_online"].actual == 5200


def test_conversion_is_a_rate_from_summed_counts():
    model = model_with((MIN, {"viewers": 1000, "buyers": 60}), (5 * MIN, {"viewers": 4000, "buyers": 480}))
    (conversion,) = target_progress(Targets(conversion=0.12), model, 5 * MIN)
    assert conversion.actual == 0.12 and conversion.share == 1.0


def test_targets_not_set_or_figures_not_yet_sent_are_left_out():
    model = model_with((MIN, {"online": 3000}))
    assert [p.key for p in target_progress(Targets(gmv=1000, peak_online=5000), model, MIN)] == \
        ["peak_online"]
    assert target_progress(Targets(), model, MIN) == []


def test_a_figure_sent_at_go_live_counts_for_the_peak():
    model = model_with((0, {"online": 7000}), (MIN, {"online": 3000}))
    (peak,) = target_progress(Targets(peak_online=6000), model, MIN)
    assert peak.actual == 7000 and peak.share > 1

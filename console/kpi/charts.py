"""The live graphs, declared: which graph draws which figure, in what colour, on which
axes. console/ui/kpi_graphs.py draws this table and nothing else; the figures come
from derived.py, so they are the same maths as the alerts and the whole-show rates.

Every graph's horizontal axis is show time, the window ending a little after now
(`visible_range`); its vertical axis spans its curves' values, widened to round
numbers (`value_range`): the first curve sets it, the others only widen it.
"""

from __future__ import annotations

import dataclasses
import enum
import math
from collections.abc import Iterable

import numpy as np

from console.kpi import derived
from console.kpi.fields import BY_KEY as FIELDS
from console.kpi.model import KpiModel
from console.text import QT_TRANSLATE_NOOP

WINDOWS_MS = {"10min": 10 * 60_000, "1h": 60 * 60_000, "all": None}
COLUMNS = 3                 # graphs per row, in the table's order
_X_STEPS_MS = tuple(s * 1000 for s in (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600))


class How(str, enum.Enum):
    VALUE = "value"              # a field's reading (or running total) at each time
    PER_MINUTE = "per_minute"    # a counter's growth in the minute before each time
    ROLLING = "rolling"          # a metric of derived.METRICS over the last ROLLING_MS


@dataclasses.dataclass(frozen=True)
class Curve:
    key: str          # a field (VALUE, PER_MINUTE) or a metric (ROLLING)
    how: How
    colour: str       # "#rrggbb", or the name of a colour in console/ui/theme.py
    width: int = 1

    @property
    def name(self) -> str:
        return f"{self.key}_minute" if self.how is How.PER_MINUTE else self.key

    @property
    def unit(self) -> str:
        """What its numbers count: 人 / 单 / 元 …, or % for a rate."""
        return derived.BY_KEY[self.key].unit if self.how is How.ROLLING else FIELDS[self.key].unit

    def values(self, model: KpiModel, times_ms: np.ndarray) -> np.ndarray:
        """Its value at each time; NaN where there is none (not drawn)."""
        if self.how is How.ROLLING:
            return derived.rolling_rates(model, self.key, times_ms)
        if self.how is How.PER_MINUTE:
            return derived.per_minute(model, self.key, times_ms)
        return derived.values_at(model, self.key, times_ms)


@dataclasses.dataclass(frozen=True)
class Graph:
    key: str
    title: str                  # English; translated in the "KpiGraphs" context
    curves: tuple[Curve, ...]   # drawn in this order; the first sets the value axis
    labels: bool = False        # names the newest events (SKU, lottery) on a top axis


GRAPHS = (
    Graph("traffic", QT_TRANSLATE_NOOP("KpiGraphs", "Online viewers · entries per minute"),
          (Curve("online", How.VALUE, "ACCENT", 2), Curve("entries", How.PER_MINUTE, "#009e73")),
          labels=True),
    Graph("engagement", QT_TRANSLATE_NOOP("KpiGraphs", "Interaction rate (people, last 5 min) %"),
          (Curve("interaction_rate", How.ROLLING, "#cc79a7", 2),)),
    Graph("conversion", QT_TRANSLATE_NOOP("KpiGraphs", "Conversion (people, last 5 min) %"),
          (Curve("conversion", How.ROLLING, "#009e73", 2),)),
    Graph("sales", QT_TRANSLATE_NOOP("KpiGraphs", "GMV (¥, cumulative) · per minute"),
          (Curve("gmv", How.VALUE, "PRICE", 2), Curve("gmv", How.PER_MINUTE, "#e69f00"))),
    Graph("orders", QT_TRANSLATE_NOOP("KpiGraphs", "Orders (cumulative) · per minute"),
          (Curve("orders", How.VALUE, "ACCENT", 2), Curve("orders", How.PER_MINUTE, "#009e73"))),
    Graph("aov", QT_TRANSLATE_NOOP("KpiGraphs", "Average order value (¥, last 5 min)"),
          (Curve("aov", How.ROLLING, "PRICE", 2),)),
)
BY_KEY = {g.key: g for g in GRAPHS}


def visible_range(now_ms: int, span_ms: int | None) -> tuple[int, int]:
    """The x range shown: the window ending a little after now, moved on in steps of
    about a sixtieth of its width (10 s for the last ten minutes) rather than every
    refresh. A whole-show window starts at go-live; none is narrower than a minute."""
    width = max(60_000, now_ms if span_ms is None else min(now_ms, span_ms))
    step = next((s for s in _X_STEPS_MS if s * 60 >= width), _X_STEPS_MS[-1])
    t1 = max(60_000, -(-now_ms // step) * step)
    return (0 if span_ms is None else max(0, t1 - span_ms)), t1


def sample_times(t0: int, t1: int, now_ms: int, points: int) -> np.ndarray:
    """`points` evenly spread show times over [t0, t1] (ms), those not yet come left out
    and `now_ms` added: a curve ends at the present."""
    times = np.linspace(t0, t1, points, dtype=np.int64)
    return np.append(times[times < now_ms], now_ms)


def round_range(low: float, high: float) -> tuple[float, float]:
    """(low, high) widened to multiples of a round unit, between a fifth of the spread
    and all of it (2 930…3 120 viewers → 2 900…3 150), so the y axis keeps still while
    the figures move within it."""
    spread = high - low if high > low else abs(high) or 1.0
    unit = 10.0 ** math.floor(math.log10(spread))
    if spread / unit < 2:
        unit /= 2
    return math.floor(low / unit) * unit, max(math.ceil(high / unit) * unit, low + unit)


def value_range(curves: Iterable[np.ndarray]) -> tuple[float, float]:
    """The value axis for a graph's curves, first curve first: each one's finite values
    (0…1 when it has none) widen the round range of those before it."""
    bounds: tuple[float, float] | None = None
    for values in curves:
        finite = values[np.isfinite(values)]
        low, high = (float(finite.min()), float(finite.max())) if len(finite) else (0.0, 1.0)
        if bounds is not None:
            low, high = min(bounds[0], low), max(bounds[1], high)
        bounds = round_range(low, high)
    return bounds if bounds is not None else (0.0, 1.0)

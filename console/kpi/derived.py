"""Rates and ratios, always recomputed from summed counts (never averaged ratios).

Over a window a rate is (growth of the numerator) ÷ (growth of the denominator)
in that window; for the whole show it is total ÷ total. Each says whether it
counts people (人数) or events (次数), as the platforms' data screens do.

The figures drawn over time (rolling rates, growth per minute) are computed here
too, for many times at once (numpy arrays of show milliseconds), so the graphs
only draw them and tests check them without a window.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from console.kpi.fields import BY_KEY as FIELDS, Kind
from console.kpi.model import KpiModel

ROLLING_MS = 5 * 60_000     # a rate drawn over time is over the five minutes before each point
MINUTE_MS = 60_000


@dataclasses.dataclass(frozen=True)
class Metric:
    key: str
    zh: str
    en: str
    numerator: str
    denominator: str
    scale: float          # 1 for a fraction shown as %, 1000 for GPM
    unit: str             # "%" or "元"
    basis: str            # 人数 people / 次数 events / 单 orders
    definition: str

    @property
    def display_scale(self) -> float:
        """The factor to the number written before the unit: per cent for a % metric."""
        return self.scale * (100.0 if self.unit == "%" else 1.0)


METRICS = (
    Metric("interaction_rate", "互动率", "interaction rate", "interacting", "viewers", 1, "%",
           "人数", "互动人数 ÷ 累计观看人数"),
    Metric("click_rate", "商品点击率", "product click rate", "clickers", "viewers", 1, "%",
           "人数", "商品点击人数 ÷ 累计观看人数"),
    Metric("conversion", "成交转化率", "conversion", "buyers", "viewers", 1, "%",
           "人数", "成交人数 ÷ 累计观看人数"),
    Metric("aov", "客单价", "average order value", "gmv", "orders", 1, "元",
           "单", "成交金额 ÷ 成交订单数"),
    Metric("gpm", "GPM", "GMV per 1,000 views", "gmv", "views", 1000, "元",
           "次数", "成交金额 × 1000 ÷ 观看次数"),
    Metric("refund_share", "退款金额占比", "refund share", "refunds", "gmv", 1, "%",
           "金额", "退款金额 ÷ 成交金额"),
    Metric("uv_value", "UV价值", "value per viewer", "gmv", "viewers", 1, "元",
           "人数", "成交金额 ÷ 累计观看人数"),
)
BY_KEY = {m.key: m for m in METRICS}


def metric_value(model: KpiModel, key: str, t1: int, t0: int | None = None,
                 min_denominator: float = 1.0) -> float | None:
    """The metric over (t0, t1], or over the whole show up to t1; None without data."""
    metric = BY_KEY[key]
    numerator = model.total_between(metric.numerator, t0, t1)
    denominator = model.total_between(metric.denominator, t0, t1)
    if numerator is None or denominator is None or denominator < min_denominator:
        return None
    return numerator * metric.scale / denominator


# -- over time: one value per requested time (numpy arrays of show ms) ---------------------
def values_at(model: KpiModel, key: str, times_ms: np.ndarray) -> np.ndarray:
    """A field's last reading at or before each time; NaN before its first."""
    return model.series[key].values_at(times_ms)


def running_totals(model: KpiModel, key: str, times_ms: np.ndarray) -> np.ndarray:
    """A counter's running total at each time: 0 at or before go-live even before its
    first sample, NaN after go-live until its first sample."""
    return np.where(times_ms <= 0, 0.0, model.series[key].values_at(times_ms))


def per_minute(model: KpiModel, key: str, times_ms: np.ndarray) -> np.ndarray:
    """How much a counter grew in the minute ending at each time; a minute that began
    before its first sample counts from 0 (the first minute shows the whole total)."""
    if FIELDS[key].kind is not Kind.COUNTER:
        raise ValueError(f"{key} is a reading, not a running total: it has no growth per minute")
    return values_at(model, key, times_ms) - np.nan_to_num(values_at(model, key, times_ms - MINUTE_MS))


def rolling_rates(model: KpiModel, key: str, times_ms: np.ndarray,
                  window_ms: int = ROLLING_MS) -> np.ndarray:
    """The metric over the window ending at each time, as written on screen (per cent for
    a % metric): growth of its numerator × scale ÷ growth of its denominator, NaN where
    the denominator did not grow (or has no figure yet)."""
    metric = BY_KEY[key]
    start = times_ms - window_ms
    num = running_totals(model, metric.numerator, times_ms) - \
        running_totals(model, metric.numerator, start)
    den = running_totals(model, metric.denominator, times_ms) - \
        running_totals(model, metric.denominator, start)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num * metric.display_scale / den, np.nan)

"""Rates and ratios, always recomputed from summed counts (never averaged ratios).

Over a window a rate is (growth of the numerator) ÷ (growth of the denominator)
in that window; for the whole show it is total ÷ total. Each says whether it
counts people (人数) or events (次数), as the platforms' data screens do.
"""

from __future__ import annotations

import dataclasses

from console.kpi.model import KpiModel


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

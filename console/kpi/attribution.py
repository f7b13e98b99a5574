"""What each segment sold: GMV and orders during the run, and its peak audience."""

from __future__ import annotations

import dataclasses

from console.engine.segment_timer import SegmentRun
from console.kpi.model import KpiModel


@dataclasses.dataclass(frozen=True)
class SegmentSales:
    index: int
    started_ms: int
    ended_ms: int
    gmv: float | None
    orders: float | None
    peak_online: float | None


def attribute(model: KpiModel, runs: list[SegmentRun], now_ms: int) -> list[SegmentSales]:
    """One entry per run; a segment run twice (返场) gets two entries."""
    result = []
    for run in runs:
        end = run.ended_ms if run.ended_ms is not None else now_ms
        result.append(SegmentSales(
            run.index, run.started_ms, end,
            gmv=model.total_between("gmv", run.started_ms, end),
            orders=model.total_between("orders", run.started_ms, end),
            peak_online=model.peak("online", run.started_ms, end)))
    return result


def sales_by_segment(model: KpiModel, runs: list[SegmentRun], now_ms: int) -> dict[int, SegmentSales]:
    """Runs of the same segment added together (GMV, orders) and their highest peak."""
    merged: dict[int, SegmentSales] = {}
    for sale in attribute(model, runs, now_ms):
        before = merged.get(sale.index)
        if before is None:
            merged[sale.index] = sale
            continue
        merged[sale.index] = dataclasses.replace(
            before, ended_ms=sale.ended_ms,
            gmv=_add(before.gmv, sale.gmv), orders=_add(before.orders, sale.orders),
            peak_online=max((p for p in (before.peak_online, sale.peak_online) if p is not None),
                            default=None))
    return merged


def _add(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else a + b

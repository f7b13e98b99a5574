"""What each segment sold: GMV and orders during the run, and its peak audience."""

from __future__ import annotations

import dataclasses

import numpy as np

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
    """One entry per run; a segment run twice (返场) gets two entries.
    All runs are looked up at once: a six-hour rundown has hundreds of them and this
    runs every second."""
    if not runs:
        return []
    starts = np.array([run.started_ms for run in runs], dtype=np.int64)
    ends = np.array([now_ms if run.ended_ms is None else run.ended_ms for run in runs],
                    dtype=np.int64)
    gmv = model.totals_between("gmv", starts, ends)
    orders = model.totals_between("orders", starts, ends)
    peaks = model.series["online"].peaks(starts, ends)
    return [SegmentSales(run.index, int(start), int(end), _figure(g), _figure(o), _figure(p))
            for run, start, end, g, o, p in zip(runs, starts, ends, gmv, orders, peaks)]


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


def _figure(value: np.float64) -> float | None:
    return None if np.isnan(value) else float(value)


def _add(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else a + b

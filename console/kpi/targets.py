"""The script's targets ([show.targets]) against what the show has done so far.

Shown in the Data dock on air and used again by the review: GMV, orders and
peak online count up towards their target; conversion is compared as a rate
(buyers ÷ viewers, from summed counts). A target the script does not set, or a
figure no source has sent yet, is left out rather than shown as zero.
"""

from __future__ import annotations

import dataclasses

from console.kpi.derived import metric_value
from console.kpi.model import KpiModel
from console.script.model import Targets


@dataclasses.dataclass(frozen=True)
class TargetProgress:
    key: str              # gmv / orders / peak_online / conversion
    target: float
    actual: float

    @property
    def share(self) -> float:
        """Actual as a fraction of the target (1.0 = reached)."""
        return self.actual / self.target if self.target else 0.0


def target_progress(targets: Targets, model: KpiModel, now_ms: int) -> list[TargetProgress]:
    found = []
    actuals = {
        "gmv": lambda: model.total_between("gmv", None, now_ms),
        "orders": lambda: model.total_between("orders", None, now_ms),
        "peak_online": lambda: model.peak("online", -1, now_ms),      # (t0, t1]: from 0 on
        "conversion": lambda: metric_value(model, "conversion", now_ms),
    }
    for key, actual in actuals.items():
        target = getattr(targets, key)
        if target is None or target <= 0:
            continue
        value = actual()
        if value is not None:
            found.append(TargetProgress(key, float(target), float(value)))
    return found

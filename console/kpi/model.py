"""Everything the room has told us, one series per base figure, with its source.

Samples may come late, out of order, with gaps, or with only some fields; each
field is kept on its own timeline, so a partial sample fills what it knows and
nothing is invented for what it does not. Values are never interpolated.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import math
from collections.abc import Callable

import numpy as np

from console.kpi.fields import BY_KEY, KEYS, Kind
from console.kpi.series import Series
from console.text import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

MAX_VALUE = 1e12      # more than any room will sell; a typo or an attack beyond this
MAX_SKEW = dt.timedelta(days=1)   # a sample's time further than this from the show's clock is refused


class SampleError(ValueError):
    """A sample that cannot be used; the message names the field and why. str() is the
    English, for logs and HTTP answers; `translated()` says it in the UI's language."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.template = template          # marked with QT_TRANSLATE_NOOP("Samples", …)
        self.params = params

    def translated(self) -> str:
        return translate("Samples", self.template).format(**self.params)


@dataclasses.dataclass(frozen=True)
class Sample:
    show_ms: int
    values: dict[str, float]
    source: str                         # manual / ingest / follow / simulator / replay …
    utc: dt.datetime | None = None


def check_values(values: dict) -> dict[str, float]:
    """Known fields with finite, non-negative numbers, or SampleError naming the first bad one."""
    if not values:
        raise SampleError(QT_TRANSLATE_NOOP("Samples", "no figures in the sample"))
    clean = {}
    for key, value in values.items():
        if key not in BY_KEY:
            raise SampleError(QT_TRANSLATE_NOOP("Samples", "unknown field '{key}'; known: {known}"),
                              key=key, known=", ".join(KEYS))
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise SampleError(QT_TRANSLATE_NOOP("Samples", "{key}: expected a number, got {value}"),
                              key=key, value=f"{value!r:.30}")
        if isinstance(value, int) and value.bit_length() > 64:
            # maybe past float range and int-to-text limits: never float() or str() it
            raise SampleError(QT_TRANSLATE_NOOP("Samples", "{key}: a whole number of {digits} "
                                                           "digits is too big to be a figure"),
                              key=key, digits=_digits(value))
        if isinstance(value, float) and not math.isfinite(value):
            raise SampleError(QT_TRANSLATE_NOOP("Samples", "{key}: {value} is not a number"),
                              key=key, value=value)
        if value < 0 or value > MAX_VALUE:
            raise SampleError(QT_TRANSLATE_NOOP("Samples", "{key}: {value} is not a plausible "
                                                           "figure (0 … {max})"),
                              key=key, value=value, max=f"{MAX_VALUE:g}")
        clean[key] = float(value)
    return clean


def _digits(value: int) -> int:
    bits = abs(value).bit_length()
    digits = int((bits - 1) * math.log10(2)) + 1
    return digits + 1 if abs(value) >= 10 ** digits else digits


def check_time(at: dt.datetime, now: dt.datetime) -> dt.datetime:
    """`at` (aware) in UTC if it is within MAX_SKEW of `now` (the show's clock), else SampleError.
    Never converts before comparing: year 1 at +14:00 cannot be expressed in UTC."""
    if abs(at - now) > MAX_SKEW:
        raise SampleError(QT_TRANSLATE_NOOP("Samples", "time {at} is more than a day from the show's "
                                                       "clock ({now}); check the sender's clock "
                                                       "and time zone"),
                          at=at.isoformat(), now=now.isoformat(timespec="seconds"))
    return at.astimezone(dt.UTC)


class KpiModel:
    def __init__(self) -> None:
        self.series = {key: Series() for key in KEYS}
        self.source_names: list[str] = []
        self._listeners: list[Callable[[Sample], None]] = []
        self.count = 0

    def subscribe(self, listener: Callable[[Sample], None]) -> None:
        self._listeners.append(listener)

    def add(self, sample: Sample) -> Sample:
        values = check_values(sample.values)
        sample = dataclasses.replace(sample, values=values, show_ms=max(0, sample.show_ms))
        source = self._source_index(sample.source)
        for key, value in values.items():
            series = self.series[key]
            if BY_KEY[key].kind is Kind.COUNTER:
                last = series.last()
                before = last[1] if last and last[0] <= sample.show_ms else \
                    series.value_at(sample.show_ms)
                if before is not None and value < before:
                    log.info("%s went down from %s to %s (%s): the platform corrected it",
                             key, before, value, sample.source)
            series.add(sample.show_ms, value, source)
        self.count += 1
        for listener in list(self._listeners):
            listener(sample)
        return sample

    def _source_index(self, name: str) -> int:
        if name not in self.source_names:
            self.source_names.append(name)
        return self.source_names.index(name)

    # -- reading ---------------------------------------------------------------------
    def latest(self, key: str) -> tuple[int, float, str] | None:
        last = self.series[key].last()
        return None if last is None else (last[0], last[1], self.source_names[last[2]])

    def value_at(self, key: str, t: int) -> float | None:
        return self.series[key].value_at(t)

    def total_between(self, key: str, t0: int | None, t1: int) -> float | None:
        """How much a counter grew over (t0, t1]; from go-live when t0 is None."""
        end = self.series[key].value_at(t1)
        if end is None:
            return None
        start = 0.0 if t0 is None or t0 <= 0 else self.series[key].value_at(t0)
        return None if start is None else max(0.0, end - start)

    def totals_between(self, key: str, t0: np.ndarray, t1: np.ndarray) -> np.ndarray:
        """total_between for many ranges at once (NaN where it would be None)."""
        series = self.series[key]
        start = np.where(t0 <= 0, 0.0, series.values_at(t0))
        return np.maximum(0.0, series.values_at(t1) - start)

    def peak(self, key: str, t0: int, t1: int) -> float | None:
        return self.series[key].peak(t0, t1)

"""One figure over time, in compact arrays: a six-hour show is ~20 k points a field.

Points are kept sorted by show time. Samples usually arrive in order (append is
O(1) amortised); a late one is inserted where it belongs.
"""

from __future__ import annotations

import numpy as np

_START = 1024


class Series:
    def __init__(self) -> None:
        self._t = np.empty(_START, dtype=np.int64)
        self._v = np.empty(_START, dtype=np.float64)
        self._s = np.empty(_START, dtype=np.int16)     # index into the model's source names
        self.size = 0

    def __len__(self) -> int:
        return self.size

    @property
    def times(self) -> np.ndarray:
        return self._t[: self.size]

    @property
    def values(self) -> np.ndarray:
        return self._v[: self.size]

    @property
    def sources(self) -> np.ndarray:
        return self._s[: self.size]

    def add(self, t: int, value: float, source: int) -> None:
        if self.size == len(self._t):
            self._grow()
        if self.size == 0 or t >= self._t[self.size - 1]:
            position = self.size
        else:
            position = int(np.searchsorted(self.times, t, side="right"))
            self._t[position + 1: self.size + 1] = self._t[position: self.size]
            self._v[position + 1: self.size + 1] = self._v[position: self.size]
            self._s[position + 1: self.size + 1] = self._s[position: self.size]
        self._t[position], self._v[position], self._s[position] = t, value, source
        self.size += 1

    def _grow(self) -> None:
        for name in ("_t", "_v", "_s"):
            old = getattr(self, name)
            new = np.empty(len(old) * 2, dtype=old.dtype)
            new[: self.size] = old[: self.size]
            setattr(self, name, new)

    def index_at(self, t: int) -> int:
        """Index of the last point at or before `t`, or -1."""
        return int(np.searchsorted(self.times, t, side="right")) - 1

    def values_at(self, times: np.ndarray) -> np.ndarray:
        """The last value at or before each time; NaN before the first point."""
        if not self.size:
            return np.full(len(times), np.nan)
        idx = np.searchsorted(self.times, times, side="right") - 1
        return np.where(idx >= 0, self.values[np.clip(idx, 0, None)], np.nan)

    def value_at(self, t: int) -> float | None:
        i = self.index_at(t)
        return None if i < 0 else float(self._v[i])

    def last(self) -> tuple[int, float, int] | None:
        if not self.size:
            return None
        i = self.size - 1
        return int(self._t[i]), float(self._v[i]), int(self._s[i])

    def peaks(self, t0: np.ndarray, t1: np.ndarray) -> np.ndarray:
        """Highest value in each (t0, t1]; NaN where the range holds no point."""
        lo = np.searchsorted(self.times, t0, side="right")
        hi = np.searchsorted(self.times, t1, side="right")
        values = self.values
        return np.array([values[a:b].max() if b > a else np.nan for a, b in zip(lo, hi)],
                        dtype=np.float64)

    def peak(self, t0: int, t1: int) -> float | None:
        """Highest value in (t0, t1]."""
        lo = int(np.searchsorted(self.times, t0, side="right"))
        hi = int(np.searchsorted(self.times, t1, side="right"))
        return None if hi <= lo else float(self._v[lo:hi].max())

"""The one source of time for the whole program.

Timers never count down: they store a deadline and compute *deadline - now*
from a monotonic clock, so a stalled event loop or a change of the wall clock
cannot cost the host a second. Wall-clock UTC is read separately and only to
stamp events for people. Downtime across a restart is measured on the
monotonic clock when the machine has not rebooted (the boot identity says so):
the wall clock may have been changed meanwhile. Only across a reboot is the wall
clock the sole witness, and then it is not trusted blindly (console/session.py).

All monotonic readings are integer milliseconds, so sums over a six-hour show
are exact.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    def monotonic_ms(self) -> int:
        """Milliseconds from an arbitrary origin; never goes backwards."""

    def utc_now(self) -> dt.datetime:
        """Timezone-aware wall-clock time, for stamping events."""

    def boot_id(self) -> str | None:
        """Which boot of the machine `monotonic_ms` counts from; None when unknown.
        Two readings with the same boot id can be subtracted across a restart."""


class SystemClock:
    """Production clock: the OS monotonic clock and the OS wall clock."""

    def monotonic_ms(self) -> int:
        return time.monotonic_ns() // 1_000_000

    def utc_now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def boot_id(self) -> str | None:
        return system_boot_id()


_BOOT_ID_FILE = "/proc/sys/kernel/random/boot_id"
_boot_id: list[str | None] = []


def system_boot_id() -> str | None:
    """Linux names each boot; CLOCK_MONOTONIC (time.monotonic) counts from it. Elsewhere
    there is no cheap, reliable name, so downtime falls back to the wall clock there."""
    if not _boot_id:
        try:
            with open(_BOOT_ID_FILE, encoding="ascii") as handle:
                _boot_id.append(handle.read().strip() or None)
        except OSError:
            _boot_id.append(None)
    return _boot_id[0]


class ScaledClock:
    """Rehearsal clock: runs `speed` times faster than its base clock.

    Only the monotonic reading is scaled; event stamps stay real UTC so that a
    producer can still tell when a rehearsal happened.
    """

    def __init__(self, base: Clock, speed: float) -> None:
        if speed <= 0:
            raise ValueError(f"speed must be positive, got {speed}")
        self.base = base
        self.speed = speed
        self._origin = base.monotonic_ms()

    def monotonic_ms(self) -> int:
        return self._origin + round((self.base.monotonic_ms() - self._origin) * self.speed)

    def utc_now(self) -> dt.datetime:
        return self.base.utc_now()

    def boot_id(self) -> str | None:
        return self.base.boot_id()


class FakeClock:
    """Test clock moved by hand; the wall clock can be moved independently."""

    def __init__(self, start_ms: int = 1_000_000,
                 utc: dt.datetime = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC),
                 boot: str | None = None) -> None:
        self._mono = start_ms
        self._utc = utc
        self._boot = boot            # None: a machine whose boots cannot be told apart

    def boot_id(self) -> str | None:
        return self._boot

    def monotonic_ms(self) -> int:
        return self._mono

    def utc_now(self) -> dt.datetime:
        return self._utc

    def advance(self, ms: int) -> None:
        """Move both clocks forward together, as real time does."""
        if ms < 0:
            raise ValueError("monotonic time cannot go backwards")
        self._mono += ms
        self._utc += dt.timedelta(milliseconds=ms)

    def set_wall(self, utc: dt.datetime) -> None:
        """Jump the wall clock alone (NTP correction, DST mistakes, a user)."""
        self._utc = utc

"""The run-of-show as the rest of the program sees it: plain, frozen data."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import itertools

# The seeds' standard (seed 000, 2.1.1): warm-up done within 3 minutes, every
# SKU pitch within 90 seconds, a lottery node every 10 minutes.
STANDARD_OPENING_MAX_S = 180
STANDARD_SKU_PITCH_S = 90
STANDARD_LOTTERY_INTERVAL_MIN = 10


class SegmentKind(enum.Enum):
    OPENING = "opening"
    SKU = "sku"
    LOTTERY = "lottery"
    INTERACTION = "interaction"
    FLASH_SALE = "flash_sale"
    COUPON = "coupon"
    CLOSING = "closing"
    CUSTOM = "custom"


@dataclasses.dataclass(frozen=True)
class Targets:
    gmv: float | None = None
    orders: int | None = None
    peak_online: int | None = None
    conversion: float | None = None   # a fraction: 0.12 means 12 %


@dataclasses.dataclass(frozen=True)
class Defaults:
    sku_seconds: int = STANDARD_SKU_PITCH_S
    lottery_interval_minutes: int = STANDARD_LOTTERY_INTERVAL_MIN
    warning_seconds: int = 15
    lottery_warning_seconds: int = 60


@dataclasses.dataclass(frozen=True)
class FaqEntry:
    question: str
    answer: str


@dataclasses.dataclass(frozen=True)
class Sku:
    id: str
    name: str
    list_price: float | None = None
    live_price: float | None = None
    stock: int | None = None
    link: int | None = None           # 購物車鏈接號, what the assistant calls out
    selling_points: tuple[str, ...] = ()
    scenes: tuple[str, ...] = ()
    faq: tuple[FaqEntry, ...] = ()
    compliance: str = ""


@dataclasses.dataclass(frozen=True)
class Segment:
    id: str
    kind: SegmentKind
    title: str
    duration_s: int
    sku_id: str | None = None
    host: tuple[str, ...] = ()
    assistant: tuple[str, ...] = ()
    floor: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    notes: str = ""
    line: int = 0                    # where the segment starts in its file

    @property
    def duration_ms(self) -> int:
        return self.duration_s * 1000


@dataclasses.dataclass(frozen=True)
class Show:
    title: str
    segments: tuple[Segment, ...]
    skus: tuple[Sku, ...] = ()
    platform: str = ""
    hosts: tuple[str, ...] = ()
    assistants: tuple[str, ...] = ()
    planned_start: dt.datetime | None = None
    notes: str = ""
    targets: Targets = Targets()
    defaults: Defaults = Defaults()
    schema_version: int = 1

    def sku(self, sku_id: str | None) -> Sku | None:
        return next((s for s in self.skus if s.id == sku_id), None)

    @property
    def planned_ms(self) -> int:
        return self._planned_starts_ms[-1]

    def planned_starts_ms(self) -> tuple[int, ...]:
        """Planned start of every segment, in show time."""
        return self._planned_starts_ms[:-1]

    def planned_after_ms(self, index: int) -> int:
        """Planned time of everything after segment `index`."""
        return self._planned_starts_ms[-1] - self._planned_starts_ms[index + 1]

    @functools.cached_property
    def _planned_starts_ms(self) -> tuple[int, ...]:
        # Read ten times a second by the clocks; a show never changes once loaded, so once.
        return tuple(itertools.accumulate((s.duration_ms for s in self.segments), initial=0))

    @property
    def lottery_interval_ms(self) -> int:
        return self.defaults.lottery_interval_minutes * 60_000

    @functools.cached_property
    def closing_index(self) -> int | None:
        """The first segment of the closing: the run of `closing` segments that ends the
        script (None when it ends with anything else). A `closing` earlier in a looped
        script is an ordinary segment."""
        index = len(self.segments)
        while index > 0 and self.segments[index - 1].kind is SegmentKind.CLOSING:
            index -= 1
        return index if index < len(self.segments) else None

    def in_closing(self, index: int) -> bool:
        return self.closing_index is not None and index >= self.closing_index

    @property
    def lottery_end_ms(self) -> int:
        """Lottery cues fall on the grid strictly before this: the planned start of the
        closing, or the planned end. The wrap-up is for the next show's preview, and a
        cue at or past the planned end would only ever come due in overtime."""
        if self.closing_index is None:
            return self.planned_ms
        return self._planned_starts_ms[self.closing_index]

    def planned_lottery_cues(self) -> int:
        """The cues a run on plan raises: one every interval before the closing. The
        schedule has exactly these, so `validate` announces what runs."""
        return max(0, (self.lottery_end_ms - 1) // self.lottery_interval_ms)

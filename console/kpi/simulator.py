"""A plausible live room for rehearsals and demos, seeded and reproducible.

It reacts to the show: viewers climb around lotteries and flash sales, orders
follow SKU pitches at the SKU's live price, interaction rises in interaction
beats, and a traffic cliff can be triggered to rehearse the crisis script.
One sample per second of show time; the same seed and the same show give the
same numbers.
"""

from __future__ import annotations

import math
import random

from console.engine.events import Event, EventKind
from console.engine.runner import ShowRunner
from console.script.model import SegmentKind

STEP_MS = 1000
CLIFF_MS = 180_000


class Simulator:
    source = "simulator"

    def __init__(self, runner: ShowRunner, seed: int = 1, base_online: float = 3000.0) -> None:
        self.runner = runner
        self.random = random.Random(seed)
        self.base_online = base_online
        self.online = base_online * 0.4
        self.totals = dict.fromkeys(("entries", "exits", "viewers", "views", "likes", "comments",
                                     "shares", "interacting", "clickers", "orders", "buyers",
                                     "items", "gmv", "refunds"), 0.0)
        self.next_ms = 0
        self._lottery_ms: int | None = None
        self._cliff_ms: int | None = None
        runner.subscribe(self._on_event)

    def trigger_cliff(self) -> None:
        """Half the room leaves over the next minute (to rehearse 流量断崖)."""
        self._cliff_ms = self.runner.now_ms()

    def _on_event(self, event: Event) -> None:
        if event.kind is EventKind.LOTTERY_FIRED:
            self._lottery_ms = event.show_ms

    def poll(self, now_ms: int) -> list[tuple[int, dict[str, float]]]:
        """Samples for every whole second up to now (several after a stall)."""
        out = []
        while self.next_ms <= now_ms and self.runner.current is not None:
            out.append((self.next_ms, self._step(self.next_ms)))
            self.next_ms += STEP_MS
        return out

    def _step(self, t: int) -> dict[str, float]:
        segment = self.runner.show.segments[self._segment_at(t)]
        sku = self.runner.show.sku(segment.sku_id)
        # Boosts fade smoothly: a room does not empty the second a lottery ends, so the
        # simulator raises a traffic-cliff alert only when one is triggered.
        boost = 0.04 if segment.kind in (SegmentKind.LOTTERY, SegmentKind.FLASH_SALE) else 0.0
        if self._lottery_ms is not None and t >= self._lottery_ms:
            boost += 0.08 * math.exp(-(t - self._lottery_ms) / 300_000)
        target = self.base_online * (1 + 0.25 * math.tanh(t / 1_800_000) + boost)
        if self._cliff_ms is not None and 0 <= t - self._cliff_ms < CLIFF_MS:
            target *= 0.5
        before = self.online
        self.online = max(0.0, self.online + (target - self.online) * 0.04
                          + self.random.gauss(0, self.online * 0.005))
        entries = self._poisson(self.online * 0.02 + max(0.0, self.online - before))
        exits = max(0, entries - round(self.online - before))
        lively = 1.6 if segment.kind in (SegmentKind.INTERACTION, SegmentKind.LOTTERY) else 1.0
        selling = {SegmentKind.SKU: 1.0, SegmentKind.FLASH_SALE: 2.5,
                   SegmentKind.COUPON: 0.8}.get(segment.kind, 0.25)
        clickers = self._poisson(self.online * 0.0015 * selling)
        buyers = self._poisson(clickers * (0.45 if segment.kind is SegmentKind.FLASH_SALE else 0.3))
        orders = buyers + self._poisson(buyers * 0.1)
        price = sku.live_price if sku and sku.live_price else 99.0
        gmv = orders * price
        self._grow(entries=entries, exits=exits, viewers=self._poisson(entries * 0.7),
                   views=entries, likes=self._poisson(self.online * 0.02 * lively),
                   comments=self._poisson(self.online * 0.002 * lively),
                   shares=self._poisson(self.online * 0.0005 * lively),
                   interacting=self._poisson(entries * 0.18 * lively),
                   clickers=clickers, buyers=buyers, orders=orders,
                   items=orders + self._poisson(orders * 0.3), gmv=gmv,
                   refunds=gmv * 0.02 if self.random.random() < 0.5 else 0.0)
        return {"online": round(self.online), **self.totals}

    def _segment_at(self, t: int) -> int:
        for run in reversed(self.runner.runs):
            if run.started_ms <= t:
                return run.index
        index = self.runner.current_index
        assert index is not None                 # poll() steps only while a segment runs
        return index

    def _grow(self, **amounts: float) -> None:
        for key, amount in amounts.items():
            self.totals[key] += amount

    def _poisson(self, mean: float) -> int:
        if mean <= 0:
            return 0
        if mean > 30:   # normal approximation; exact enough and fast for big rooms
            return max(0, round(self.random.gauss(mean, math.sqrt(mean))))
        limit, k, product = math.exp(-mean), 0, self.random.random()
        while product > limit:
            k += 1
            product *= self.random.random()
        return k

"""Where every source of figures meets the model, the database and the alerts.

Sources are polled on the show's tick (the simulator, a followed file, a
replay, the ingest server's queue) or pushed (manual entry). Each sample is
stamped in show time, added to the model, queued for the database and judged
against the alert rules; alert changes are logged as session events.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Protocol

from console.engine.events import EventKind
from console.engine.runner import ShowRunner
from console.kpi.alerts import Alert, AlertBook
from console.kpi.follow import BackgroundFollower, FileFollower
from console.kpi.ingest import IngestServer
from console.kpi.model import KpiModel, Sample, SampleError, check_time

log = logging.getLogger(__name__)

JUDGE_EVERY_MS = 1000      # alerts are judged at most once a second of show time


class TimedSource(Protocol):
    source: str

    def poll(self, now_ms: int) -> list[tuple[int, dict[str, float]]]: ...


class KpiFeed:
    def __init__(self, runner: ShowRunner, model: KpiModel, alerts: AlertBook,
                 store: Callable[[Sample], None] | None = None) -> None:
        self.runner = runner
        self.model = model
        self.alerts = alerts
        self.store = store or (lambda sample: None)
        self.timed: list[TimedSource] = []           # simulator, replay: already in show time
        self.followers: list[FileFollower | BackgroundFollower] = []
        self.ingest: IngestServer | None = None
        self.alert_listeners: list[Callable[[Alert], None]] = []
        self._judged_ms = -JUDGE_EVERY_MS

    # -- getting figures in ---------------------------------------------------------------
    def add(self, values: dict, source: str, at: dt.datetime | None = None,
            show_ms: int | None = None) -> Sample:
        """One sample from any source; SampleError (with the reason) if it is unusable,
        also when `at` is more than a day from the show's clock."""
        if at is not None:
            at = check_time(at, self.runner.clock.utc_now())
        if show_ms is None:
            show_ms = self.runner.now_ms() if at is None else self.runner.show_ms_at(at)
        sample = self.model.add(Sample(show_ms, values, source, at or self.runner.clock.utc_now()))
        self.store(sample)
        return sample

    def poll(self) -> int:
        """Take in whatever the sources have; returns how many samples arrived."""
        if self.runner.current is None:
            return 0
        now = self.runner.now_ms()
        count = 0
        for source in self.timed:
            for show_ms, values in source.poll(now):
                count += self._safely(values, source.source, show_ms=show_ms)
        for follower in self.followers:
            for row in follower.poll():
                count += self._safely(row.values, follower.source, at=row.at)
            follower.remember()                  # after its rows are taken, not before
        if self.ingest is not None:
            for item in self.ingest.drain():
                count += self._safely(item.values, item.source, at=item.at)
        if count or now - self._judged_ms >= JUDGE_EVERY_MS:
            self.judge(now)
        return count

    def _safely(self, values: dict, source: str, **when) -> int:
        try:
            self.add(values, source, **when)
        except SampleError as exc:             # validated at the door; this is a late surprise
            log.warning("sample dropped from %s: %s", source, exc)
            return 0
        except Exception:                      # one sample must not stop the show
            log.exception("sample dropped from %s", source)
            return 0
        return 1

    # -- alerts -------------------------------------------------------------------------------
    def judge(self, now_ms: int) -> list[Alert]:
        self._judged_ms = now_ms
        changes = self.alerts.judge(self.model, now_ms)
        for alert in changes:
            kind = EventKind.ALERT_RAISED if alert.raised else EventKind.ALERT_CLEARED
            self.runner.annotate(kind, {"rule": alert.rule.id, "colour": alert.rule.colour,
                                        "title": alert.rule.title, "message": alert.message,
                                        "title_en": alert.rule.title_en or alert.rule.title,
                                        "message_en": alert.message_en,
                                        "value": alert.value, "suggest": alert.rule.suggest})
            for listener in list(self.alert_listeners):
                listener(alert)
        return changes

    def close(self) -> None:
        for follower in self.followers:
            follower.close()                     # notes where each file was read up to
        if self.ingest is not None:
            self.ingest.stop()

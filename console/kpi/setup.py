"""Putting the KPI side of a session together from the command line's choices."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import sqlite_utils

from console.kpi.alerts import AlertBook, load_rules
from console.kpi.feed import KpiFeed
from console.kpi.follow import BackgroundFollower, FileFollower
from console.kpi.ingest import IngestServer
from console.kpi.model import KpiModel, Sample
from console.kpi.replay import Replay
from console.kpi.simulator import Simulator
from console.resources import resource_path
from console.session import Session
from console.storage.database import DB_FILENAME
from console.storage.follow_positions import FollowPositions
from console.storage.sample_writer import SampleWriter
from console.storage.samples import stored_samples

log = logging.getLogger(__name__)


@dataclasses.dataclass
class KpiOptions:
    simulate: int | None = None        # the simulator's seed
    ingest_port: int | None = None
    ingest_host: str = "127.0.0.1"
    ingest_token: str | None = None
    follow: tuple[str, ...] = ()
    replay: int | None = None          # a past session's id


@dataclasses.dataclass
class KpiStack:
    feed: KpiFeed
    writer: SampleWriter | None
    simulator: Simulator | None
    rules_path: Path

    @property
    def model(self) -> KpiModel:
        return self.feed.model

    def close(self) -> None:
        self.feed.close()
        if self.writer is not None:
            self.writer.close()


def build_kpi(session: Session, db: sqlite_utils.Database, folder: Path | None,
              options: KpiOptions) -> KpiStack:
    rules, rules_path = load_rules(folder, resource_path("alerts", "rules.toml"))
    model = KpiModel()
    restore_samples(db, session.id, model)          # a resumed session keeps its graphs
    writer = SampleWriter(folder / DB_FILENAME, session.id) if folder is not None else None
    feed = KpiFeed(session.runner, model, AlertBook(rules), writer.put if writer else None)
    simulator = None
    if options.simulate is not None:
        simulator = Simulator(session.runner, seed=options.simulate)
        feed.timed.append(simulator)
    if options.replay is not None:
        feed.timed.append(Replay(db, options.replay))
    show_clock = session.runner.clock.utc_now          # a sample's time is judged against it
    # A resumed session goes on reading where it stopped; the position is written by the
    # sample writer, in one transaction with the rows read up to it.
    positions = FollowPositions(db, session.id, writer.put_position if writer else None)
    feed.followers = [BackgroundFollower(FileFollower(path, now=show_clock, positions=positions))
                      for path in options.follow]
    if options.ingest_port is not None:
        feed.ingest = IngestServer(options.ingest_port, options.ingest_host,
                                   options.ingest_token, now=show_clock).start()
    return KpiStack(feed, writer, simulator, rules_path)


def memory_kpi(session: Session) -> KpiStack:
    """A KPI side with no database writer and no sources yet (typed figures only)."""
    bundled = resource_path("alerts", "rules.toml")
    rules, path = load_rules(None, bundled)
    return KpiStack(KpiFeed(session.runner, KpiModel(), AlertBook(rules)), None, None, path)


def restore_samples(db: sqlite_utils.Database, session_id: int, model: KpiModel) -> int:
    rows = stored_samples(db, session_id)
    for row in rows:
        model.add(Sample(row.show_ms, row.values, row.source))
    return len(rows)

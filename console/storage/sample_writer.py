"""Writing KPI samples off the show's thread, in batches.

Samples arrive up to dozens a second; each would cost a commit. A writer thread
with its own connection commits them in batches every half second, so the
window never waits on the disk and a crash loses at most the last half second.
If the disk fails, samples stay queued and are written when it recovers.
A sample that cannot be turned into a row is logged and dropped on its own:
no single sample may stop the thread.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import queue
import sqlite3
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from console.storage.database import SAMPLE_COLUMNS as KEYS
from console.storage.database import connect
from console.storage.follow_positions import FollowPosition, write_position
from console.storage.session_log import utc_text

log = logging.getLogger(__name__)

class Sample(Protocol):
    """What the writer needs of a KPI sample (console.kpi.model.Sample has it), read-only."""
    @property
    def show_ms(self) -> int: ...
    @property
    def utc(self) -> dt.datetime | None: ...
    @property
    def source(self) -> str: ...
    @property
    def values(self) -> Mapping[str, float]: ...


FLUSH_EVERY_S = 0.5
_INSERT = (f"INSERT INTO samples (session_id, show_ms, utc, source, {', '.join(KEYS)}) "
           f"VALUES (?, ?, ?, ?, {', '.join('?' for _ in KEYS)})")


@dataclasses.dataclass(frozen=True)
class _Position:
    path: str
    position: FollowPosition


class SampleWriter:
    def __init__(self, path: Path, session_id: int) -> None:
        self.path = path
        self.session_id = session_id
        self.written = 0
        self.dropped = 0                       # samples that could not be made into rows
        self.failure: str | None = None        # read by the show's thread for the header
        self._closing = False
        self._queue: queue.Queue[Sample | _Position | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="sample-writer", daemon=True)
        self._thread.start()

    def put(self, sample: Sample) -> None:
        self._queue.put(sample)

    def put_position(self, path: str, position: FollowPosition) -> None:
        """Note how far a followed file was read, in the same transaction as the samples
        queued before (the rows read up to there)."""
        self._queue.put(_Position(path, position))

    def close(self) -> None:
        """Write what is queued and stop."""
        self._closing = True
        self._queue.put(None)
        self._thread.join(timeout=10)

    @property
    def problem(self) -> str | None:
        """What stops samples being saved now, for the header; None when all is well."""
        if not self._thread.is_alive() and not self._closing:
            return self.failure or "the sample writer has stopped"
        return self.failure

    def _run(self) -> None:
        try:
            self._loop()
        except BaseException as exc:           # said in the header, not lost
            self.failure = f"sample writer stopped: {exc}"
            log.critical("the sample writer stopped", exc_info=exc)
            raise

    def _loop(self) -> None:
        connection: sqlite3.Connection | None = None
        batch: list[tuple] = []                # rows, made as the samples arrive
        positions: dict[str, FollowPosition] = {}      # the latest per followed file
        stopping = False
        while not stopping or batch or positions:
            try:
                item = self._queue.get(timeout=FLUSH_EVERY_S)
                while item is not None:
                    self._take(item, batch, positions)
                    if len(batch) >= 5000:
                        break
                    item = self._queue.get_nowait()
                else:
                    stopping = True
            except queue.Empty:
                pass
            if not (batch or positions):
                continue
            if connection is None:
                connection = self._connect()
            if connection is not None and self._write(connection, batch, positions):
                batch, positions = [], {}
            elif stopping:
                log.error("%s sample(s) could not be saved: %s", len(batch), self.failure)
                break
        if connection is not None:
            connection.close()

    def _take(self, item: Sample | _Position, batch: list[tuple],
              positions: dict[str, FollowPosition]) -> None:
        if isinstance(item, _Position):
            positions[item.path] = item.position
        else:
            self._add_row(batch, item)

    def _connect(self) -> sqlite3.Connection | None:
        try:
            return connect(self.path)
        except sqlite3.Error as exc:          # tried again with the next batch
            if self.failure is None:
                log.error("samples not saved yet: %s", exc)
            self.failure = str(exc)
            return None

    def _add_row(self, batch: list[tuple], sample: Sample) -> None:
        try:
            show_ms = int(sample.show_ms)
            if not -2 ** 63 <= show_ms < 2 ** 63:
                raise OverflowError(f"show_ms {show_ms} out of SQLite's range")
            row = (self.session_id, show_ms, utc_text(sample.utc) if sample.utc else None,
                   str(sample.source), *(None if sample.values.get(key) is None
                                         else float(sample.values[key]) for key in KEYS))
        except Exception as exc:               # noqa: BLE001 - one odd sample, never the thread
            self.dropped += 1
            log.error("a sample from %s was dropped, it cannot be saved: %r",
                      getattr(sample, "source", "?"), exc)
            return
        batch.append(row)

    def _write(self, connection: sqlite3.Connection, batch: list[tuple],
               positions: dict[str, FollowPosition]) -> bool:
        try:
            with connection:
                connection.executemany(_INSERT, batch)
                for path, position in positions.items():
                    write_position(connection, self.session_id, path, position)
        except sqlite3.Error as exc:
            if self.failure is None:
                log.error("samples not saved yet (%s queued): %s", len(batch), exc)
            self.failure = str(exc)
            return False
        self.written += len(batch)
        self.failure = None
        return True

"""Following a CSV or JSON-lines file that another tool appends to.

Columns are matched by name: the Douyin data-screen headings (在线人数, 进入人数,
成交金额, 成交订单数, 成交人数 …) or English ones (online, gmv, orders …); a
time column (时间 / time / at) is used when present. The file may be truncated
or rotated (renamed and recreated) under us: both are noticed and followed.
A FileFollower reads when asked (tests, tools); in a show a BackgroundFollower
reads it on its own thread and the show's tick only takes the rows.

A line that cannot be used — not JSON, nested too deep, a number with hundreds
of digits, a time more than a day from the show's clock, longer than MAX_LINE —
is skipped and named; it never stops the show or costs the lines around it.
With a FollowPositions store the follower notes how far it has read, and a
resumed session goes on from there if the file is still the same one.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import logging
import time
from collections.abc import Callable
from pathlib import Path

from console.background import Worker
from console.kpi import safejson
from console.kpi.fields import field_for
from console.kpi.model import SampleError, check_time, check_values
from console.kpi.quick_entry import parse_number
from console.storage.follow_positions import FollowPosition, FollowPositions
from console.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

TIME_COLUMNS = {"时间", "时间点", "time", "at", "timestamp", "日期时间"}
MAX_READ = 1 << 20          # per poll; a huge backlog is read over several ticks
MAX_LINE = 64 * 1024        # a longer line is skipped, not held in memory
SAVE_EVERY_S = 1.0          # the read position is noted at most this often (and at close)


class FollowedRow:
    def __init__(self, values: dict[str, float], at: dt.datetime | None, line: int) -> None:
        self.values, self.at, self.line = values, at, line


@dataclasses.dataclass(frozen=True)
class Skipped:
    """A line that could not be read: where, and why."""
    location: str               # path:line
    error: SampleError

    def __str__(self) -> str:
        return f"{self.location}: {self.error}"


class FileFollower:
    """`now` is the show's clock: with it, a row whose time is more than a day away is
    skipped. `positions` remembers how far the file was read, for a resumed session."""

    failure: str | None = None      # read in the caller's thread: its errors reach the caller

    def __init__(self, path: str | Path, now: Callable[[], dt.datetime] | None = None,
                 positions: FollowPositions | None = None) -> None:
        self.path = Path(path)
        self.source = f"follow:{self.path.name}"
        self.is_csv = self.path.suffix.lower() in (".csv", ".txt")
        self.problems: list[Skipped] = []  # recent unreadable lines, for the UI and log
        self.now = now
        self.positions = positions
        self._key = str(self.path.resolve())
        self._resumed = positions is None         # nothing to look up
        self._saved: FollowPosition | None = None
        self._saved_at = float("-inf")
        self._reset()

    def _reset(self) -> None:
        self._offset = 0
        self._identity: tuple[int, int] | None = None
        self._pending = b""
        self._skipping = False                    # inside a line over MAX_LINE
        self._columns: list[str | None] | None = None
        self._time_column: int | None = None
        self._line = 0

    def poll(self) -> list[FollowedRow]:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return []                       # not there yet, or between rotate and recreate
        identity = (stat.st_dev, stat.st_ino)
        if not self._resumed:
            self._resumed = True
            self._resume(identity, stat.st_size)
        if self._identity is not None and (identity != self._identity or stat.st_size < self._offset):
            log.info("%s was rotated or truncated; reading it from the start", self.path)
            self._reset()
        self._identity = identity
        if stat.st_size == self._offset:
            return []
        with open(self.path, "rb") as handle:
            handle.seek(self._offset)
            chunk = handle.read(MAX_READ)
        self._offset += len(chunk)
        lines = (self._pending + chunk).split(b"\n")
        self._pending = lines.pop()         # an incomplete last line waits for its end
        if self._skipping and lines:        # the end of an over-long line: already named
            lines.pop(0)
            self._line += 1
            self._skipping = False
        rows = []
        for raw in lines:
            self._line += 1
            row = self._parse(raw)
            if row is not None:
                rows.append(row)
        if self._skipping:
            self._pending = b""
        elif len(self._pending) > MAX_LINE:
            self._skip(self._line + 1, SampleError(QT_TRANSLATE_NOOP(
                "Samples", "line longer than {limit} KiB"), limit=MAX_LINE // 1024))
            self._pending, self._skipping = b"", True
        return rows

    # -- where it was read up to ----------------------------------------------------------
    def position(self) -> FollowPosition | None:
        """Just past the last complete line taken (a half-written one is read again)."""
        if self._identity is None or self._skipping:
            return None
        return FollowPosition(*self._identity, self._offset - len(self._pending), self._line)

    def remember(self, force: bool = False, position: FollowPosition | None = None) -> None:
        """Note the position once rows are taken: only when it moved, at most once a second.
        `position`: the one read with the rows taken (default: where reading stands now)."""
        if self.positions is None:
            return
        position = position if position is not None else self.position()
        if position is None or position == self._saved:
            return
        if not force and time.monotonic() - self._saved_at < SAVE_EVERY_S:
            return
        if self.positions.save(self._key, position):
            self._saved = position
        self._saved_at = time.monotonic()

    def close(self) -> None:
        self.remember(force=True)

    def _resume(self, identity: tuple[int, int], size: int) -> None:
        stored = self.positions.load(self._key) if self.positions is not None else None
        if stored is None:
            return
        if (stored.device, stored.inode) != identity or stored.offset > size:
            log.info("%s is not the file read before (replaced or shortened); reading it "
                     "from the start", self.path)
            return
        if self.is_csv and stored.offset > 0:
            self._read_header()
        self._identity, self._offset, self._line = identity, stored.offset, stored.line
        self._saved = stored
        log.info("%s: going on from line %s (byte %s), where the session left it",
                 self.path, stored.line, stored.offset)

    def _read_header(self) -> None:
        with open(self.path, "rb") as handle:
            first = handle.readline(MAX_LINE)
        self._line = 0
        self._parse(first.rstrip(b"\n"))

    # -- reading lines -------------------------------------------------------------------
    def _parse(self, raw: bytes) -> FollowedRow | None:
        try:
            if len(raw) > MAX_LINE:
                raise SampleError(QT_TRANSLATE_NOOP("Samples", "line longer than {limit} KiB"),
                                  limit=MAX_LINE // 1024)
            return self.parse_line(_decode(raw))
        except SampleError as exc:
            self._skip(self._line, exc)
            return None

    def unreadable(self, error: SampleError) -> None:
        """The file itself could not be read (permissions, a disk error): named like a
        skipped line, at the next line's number."""
        self._skip(self._line + 1, error)

    def _skip(self, line: int, error: SampleError) -> None:
        skipped = Skipped(f"{self.path}:{line}", error)
        log.warning("skipped %s", skipped)
        self.problems = (self.problems + [skipped])[-20:]

    def parse_line(self, text: str) -> FollowedRow | None:
        """One line's row (None for a blank line or the CSV header), or SampleError."""
        text = text.strip().lstrip("\ufeff")
        if not text:
            return None
        try:
            row = self._parse_csv(text) if self.is_csv else self._parse_json(text)
        except SampleError:
            raise
        except Exception as exc:            # one line must never stop the show
            log.debug("unexpected trouble reading %s:%s", self.path, self._line, exc_info=True)
            raise SampleError(QT_TRANSLATE_NOOP("Samples", "unreadable line ({detail})"),
                              detail=f"{type(exc).__name__}: {exc!s:.80}") from None
        if row is not None and row.at is not None:
            row.at = check_time(row.at, self.now()) if self.now is not None else _utc(row.at)
        return row

    def _parse_csv(self, text: str) -> FollowedRow | None:
        try:
            cells = next(csv.reader(io.StringIO(text)))
        except csv.Error as exc:
            raise SampleError(QT_TRANSLATE_NOOP("Samples", "not CSV ({detail})"),
                              detail=str(exc)) from None
        if self._columns is None:
            self._columns = [field_for(c) for c in cells]
            self._time_column = next((i for i, c in enumerate(cells) if c.strip().lower() in TIME_COLUMNS), None)
            if not any(self._columns):
                raise SampleError(QT_TRANSLATE_NOOP("Samples", "no known column in the header "
                                                               "({cells})"), cells=", ".join(cells))
            return None
        values = {}
        for key, cell in zip(self._columns, cells):
            if key and cell.strip():
                values[key] = parse_number(cell)
        at = _parse_time(cells[self._time_column]) if self._time_column is not None \
            and self._time_column < len(cells) else None
        return FollowedRow(check_values(values), at, self._line)

    def _parse_json(self, text: str) -> FollowedRow:
        try:
            item = safejson.loads(text)
        except safejson.JsonProblem as exc:
            raise SampleError(QT_TRANSLATE_NOOP("Samples", "not JSON ({detail})"),
                              detail=exc.detail) from None
        if not isinstance(item, dict):
            raise SampleError(QT_TRANSLATE_NOOP("Samples", "each line must be a JSON object"))
        source = item.get("values", item)
        if not isinstance(source, dict):
            raise SampleError(QT_TRANSLATE_NOOP("Samples", "\"values\" must be a JSON object"))
        values, at = {}, None
        for name, value in source.items():
            if str(name).lower() in TIME_COLUMNS:
                at = _parse_time(str(value))
                continue
            key = field_for(str(name))
            if key is not None:
                values[key] = parse_number(value) if isinstance(value, str) else value
        if "at" in item and item is not source:
            at = _parse_time(str(item["at"]))
        return FollowedRow(check_values(values), at, self._line)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")   # Excel on a Chinese Windows


def _utc(moment: dt.datetime) -> dt.datetime:
    try:
        return moment.astimezone(dt.UTC)
    except (OverflowError, ValueError):
        raise SampleError(QT_TRANSLATE_NOOP("Samples", "time {text} is out of range"),
                          text=moment.isoformat()) from None


def _parse_time(text: str) -> dt.datetime | None:
    text = text.strip()
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("/", "-"))
    except ValueError:
        raise SampleError(QT_TRANSLATE_NOOP("Samples", "time {text} is not a date-time "
                                                       "(2026-11-27 20:05:00)"),
                          text=f"{text!r:.40}") from None
    if moment.tzinfo is not None:
        return moment                        # compared with the show's clock before converting
    try:
        return moment.astimezone()           # a data screen's local time
    except (OverflowError, OSError, ValueError):          # year 1, year 9999 …
        raise SampleError(QT_TRANSLATE_NOOP("Samples", "time {text} is out of range"),
                          text=f"{text!r:.40}") from None



class BackgroundFollower:
    """A FileFollower read on its own thread, so the show's tick never waits on the file:
    each tick takes the rows read since the last one and asks for the next read. The
    position noted is the one read together with the rows taken — never further."""

    def __init__(self, follower: FileFollower) -> None:
        self.follower = follower
        self.source = follower.source
        self.path = follower.path
        self.failure: str | None = None       # why the file cannot be read now, for the header
        self._taken: FollowPosition | None = None
        self._worker = Worker(f"follow:{follower.path.name}", self._read)
        self._worker.submit(None)

    @property
    def problems(self) -> list[Skipped]:
        return self.follower.problems

    def _read(self, _job: object) -> tuple[list[FollowedRow], FollowPosition | None]:
        rows = self.follower.poll()
        return rows, self.follower.position()

    def poll(self) -> list[FollowedRow]:
        rows: list[FollowedRow] = []
        for done in self._worker.drain():
            if done.error is not None:           # the file cannot be read now: say so, go on
                if self.failure != str(done.error):     # once, not at every tick's retry
                    log.warning("%s cannot be read: %s", self.follower.path, done.error)
                    self.follower.unreadable(SampleError(QT_TRANSLATE_NOOP(
                        "Samples", "the file cannot be read ({detail})"), detail=str(done.error)))
                self.failure = str(done.error)
                continue
            self.failure = None
            taken, position = done.result
            rows.extend(taken)
            if position is not None:
                self._taken = position
        if not self._worker.busy:
            self._worker.submit(None)
        return rows

    def remember(self, force: bool = False) -> None:
        if self._taken is not None:
            self.follower.remember(force, self._taken)

    def close(self) -> None:
        """Stop reading; note the position of the rows taken (what was read but not taken
        is read again by a resumed session)."""
        self._worker.close()
        self.remember(force=True)

"""Following a CSV or JSON-lines file that another tool appends to.

Columns are matched by name: the Douyin data-screen headings (在线人数, 进入人数,
成交金额, 成交订单数, 成交人数 …) or English ones (online, gmv, orders …); a
time column (时间 / time / at) is used when present. The file may be truncated
or rotated (renamed and recreated) under us: both are noticed and followed.
Read on the show's tick; no thread.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import logging
from pathlib import Path

from console.kpi.fields import field_for
from console.kpi.model import SampleError, check_values
from console.kpi.quick_entry import parse_number
from console.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

TIME_COLUMNS = {"时间", "时间点", "time", "at", "timestamp", "日期时间"}
MAX_READ = 1 << 20          # per poll; a huge backlog is read over several ticks


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
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.source = f"follow:{self.path.name}"
        self.is_csv = self.path.suffix.lower() in (".csv", ".txt")
        self.problems: list[Skipped] = []  # recent unreadable lines, for the UI and log
        self._reset()

    def _reset(self) -> None:
        self._offset = 0
        self._identity: tuple[int, int] | None = None
        self._pending = b""
        self._columns: list[str | None] | None = None
        self._time_column: int | None = None
        self._line = 0

    def poll(self) -> list[FollowedRow]:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return []                       # not there yet, or between rotate and recreate
        identity = (stat.st_dev, stat.st_ino)
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
        data = self._pending + chunk
        lines = data.split(b"\n")
        self._pending = lines.pop()         # an incomplete last line waits for its end
        rows = []
        for raw in lines:
            self._line += 1
            row = self._parse(raw)
            if row is not None:
                rows.append(row)
        return rows

    def _parse(self, raw: bytes) -> FollowedRow | None:
        text = _decode(raw).strip().lstrip("\ufeff")
        if not text:
            return None
        try:
            if self.is_csv:
                return self._parse_csv(text)
            return self._parse_json(text)
        except SampleError as exc:
            skipped = Skipped(f"{self.path}:{self._line}", exc)
            log.warning("skipped %s", skipped)
            self.problems = (self.problems + [skipped])[-20:]
            return None

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
            item = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SampleError(QT_TRANSLATE_NOOP("Samples", "not JSON ({detail})"),
                              detail=exc.msg) from None
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


def _parse_time(text: str) -> dt.datetime | None:
    text = text.strip()
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("/", "-"))
    except ValueError:
        raise SampleError(QT_TRANSLATE_NOOP("Samples", "time {text} is not a date-time "
                                                       "(2026-11-27 20:05:00)"),
                          text=repr(text)) from None
    if moment.tzinfo is None:                # a data screen's local time
        moment = moment.astimezone()
    return moment.astimezone(dt.timezone.utc)


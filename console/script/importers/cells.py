"""Reading one spreadsheet cell: durations, clock times, numbers, lines of text.

Each reader takes what openpyxl or the csv module hands over (str, int, float,
datetime.time / datetime / timedelta, None) and answers a value, None for an empty
cell, or raises `CellError` with a sentence for the report. Nothing here raises
anything else, whatever the cell holds (tests/test_spreadsheet_import.py checks that
with hypothesis). The rules are in docs/spreadsheet-import.md.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Any

from console.text import translate
from console.tomlfile import shown

MAX_SEGMENT_S = 4 * 3600          # the script format's own bound (console/script/parse.py)
DAY_S = 24 * 3600
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


class CellError(ValueError):
    """A cell that cannot be read; the message says why, in the user's language."""


def normal(text: str) -> str:
    """Full-width digits, colons and letters as ASCII (NFKC), trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def cell_text(value: Any) -> str:
    """What a cell shows as text: numbers without a needless .0, times as h:mm(:ss)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    return str(value).strip()


def lines(value: Any) -> tuple[str, ...]:
    """A cell as lines of text (one per line in the cell), blank lines dropped."""
    return tuple(line.strip() for line in cell_text(value).splitlines() if line.strip())


# ── Numbers ────────────────────────────────────────────────────────────────────

_MULTIPLIERS = {"万": 10_000, "w": 10_000, "W": 10_000, "k": 1_000, "K": 1_000}
_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$")


def parse_number(value: Any) -> float | None:
    """A price or a count: 59, "¥59.00", "1,200", "3.5万", "9.9元"; None when empty.
    (The same forms as the KPI quick entry's numbers, console/kpi/quick_entry.py, which
    this layer may not import.)"""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError(translate("Import", "{value} is not a number").format(value=shown(value)))
    if isinstance(value, (int, float)):
        if not math.isfinite(value) or abs(value) > 1e12:
            raise CellError(translate("Import", "{value} is not a usable number")
                            .format(value=value))
        return float(value)
    text = normal(str(value))
    core = text.lstrip("¥$").replace(",", "").replace("，", "").strip()
    for suffix in ("元", "RMB", "rmb", "件", "个"):
        core = core.removesuffix(suffix).strip()
    multiplier = 1
    if core and core[-1] in _MULTIPLIERS:
        multiplier = _MULTIPLIERS[core[-1]]
        core = core[:-1].strip()
    if len(core) > 20 or not _NUMBER.match(core):
        raise CellError(translate("Import", "“{value}” is not a number").format(
            value=shown(text)))
    number = float(core) * multiplier
    if not math.isfinite(number) or abs(number) > 1e12:
        raise CellError(translate("Import", "“{value}” is not a usable number").format(
            value=shown(text)))
    return number


def parse_whole(value: Any) -> int | None:
    """A whole number (stock, link number): "1,200", "3万", "1号链接" → 1."""
    if isinstance(value, str):
        match = _LINK.search(normal(value))
        if match:
            value = next(g for g in match.groups() if g)
    number = parse_number(value)
    if number is None:
        return None
    if not number.is_integer():
        raise CellError(translate("Import", "{value} is not a whole number").format(
            value=cell_text(value)))
    return int(number)


# "1号链接", "链接1", "#1", "1号" — what assistants call out.
_LINK = re.compile(r"(\d{1,4})\s*号\s*(?:链接|鏈接)?|(?:链接|鏈接|link|Link|LINK)\s*#?\s*(\d{1,4})"
                   r"|#\s*(\d{1,4})")


def split_link(text: str) -> tuple[str, int | None]:
    """A product cell like "1号链接 氨基酸洁面乳" → ("氨基酸洁面乳", 1)."""
    match = _LINK.search(text)
    if not match:
        return text.strip(), None
    rest = (text[:match.start()] + " " + text[match.end():]).strip(" -—:：|/·")
    number = int(next(g for g in match.groups() if g))
    return (re.sub(r"\s+", " ", rest) or text.strip()), number


# ── Durations ──────────────────────────────────────────────────────────────────

_UNITS = {
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600, "小时": 3600, "小時": 3600,
    "时": 3600, "時": 3600,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60, "分钟": 60, "分鐘": 60,
    "分": 60, "'": 60, "′": 60,
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "秒": 1, "秒钟": 1, "秒鐘": 1,
    '"': 1, "″": 1, "''": 1,
}
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(小时|小時|分钟|分鐘|秒钟|秒鐘|hours|hour|hrs|hr|minutes|"
                   r"minute|mins|min|seconds|second|secs|sec|''|[hms时時分秒'′\"″])?\s*",
                   re.IGNORECASE)
_COLON = re.compile(r"^(\d{1,4}):(\d{1,2})(?::(\d{1,2}))?$")
_RANGE_SPLIT = re.compile(r"\s*(?:-|~|—|–|至|到)\s*")


def _seconds_checked(seconds: float, shown_value: str) -> int:
    whole = round(seconds)
    if whole <= 0:
        raise CellError(translate("Import", "duration {value} is not positive").format(
            value=shown_value))
    if whole > MAX_SEGMENT_S:
        raise CellError(translate("Import", "duration {value} is over {hours} h").format(
            value=shown_value, hours=MAX_SEGMENT_S // 3600))
    return whole


def parse_duration(value: Any, unit_s: int = 1) -> tuple[int | None, str]:
    """Seconds of a duration cell, and a note when the reading was a guess ("" if not).
    A bare number counts in `unit_s` (60 when the header says 分钟/min)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, ""
    if isinstance(value, bool):
        raise CellError(translate("Import", "{value} is not a duration").format(value=value))
    if isinstance(value, dt.timedelta):
        return _seconds_checked(value.total_seconds(), cell_text(value)), ""
    if isinstance(value, dt.datetime):
        # Excel shows a duration past 24 h ([h]:mm) as a date in 1899/1900.
        if value.year in (1899, 1900):
            return _seconds_checked((value - _EXCEL_EPOCH).total_seconds(), cell_text(value)), ""
        raise CellError(translate("Import", "{value} is a date, not a duration").format(
            value=cell_text(value)))
    if isinstance(value, dt.time):
        if value.hour and not value.second:
            # Excel turns a typed 1:30 into 01:30:00; in a rundown that is 1 min 30 s.
            seconds = value.hour * 60 + value.minute
            return _seconds_checked(seconds, cell_text(value)), translate(
                "Import", "read the time {value} as {minutes} min {seconds} s").format(
                    value=cell_text(value), minutes=value.hour, seconds=value.minute)
        return _seconds_checked(value.hour * 3600 + value.minute * 60 + value.second,
                                cell_text(value)), ""
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise CellError(translate("Import", "{value} is not a duration").format(value=value))
        if 0 < value < 1 and not float(value).is_integer():
            return _seconds_checked(value * DAY_S, cell_text(value)), ""   # a fraction of a day
        return _seconds_checked(value * unit_s, cell_text(value)), ""
    text = normal(str(value))
    if len(text) > 40:
        raise CellError(translate("Import", "“{value}” is not a duration").format(
            value=shown(text)))
    match = _COLON.match(text)
    if match:
        a, b, c = match.groups()
        if int(b) > 59 or (c is not None and int(c) > 59):
            raise CellError(translate("Import", "“{value}” is not a duration").format(value=text))
        seconds = int(a) * 3600 + int(b) * 60 + int(c) if c else int(a) * 60 + int(b)
        return _seconds_checked(seconds, text), ""
    span = parse_span(text, quiet=True)
    if span is not None and span[1] is not None:
        return _seconds_checked(span_seconds(*span), text), ""   # type: ignore[arg-type]
    total = 0.0
    position = 0
    lowered = text.lower().replace("：", ":")
    while position < len(lowered):
        part = _PART.match(lowered, position)
        if not part or part.end() == position:
            raise CellError(translate(
                "Import", "“{value}” is not a duration; write 90, 90秒, 1:30, 1分30秒 or 3分钟")
                .format(value=shown(text)))
        number, unit = part.groups()
        total += float(number) * (_UNITS[unit] if unit else unit_s)
        position = part.end()
    if position == 0:
        raise CellError(translate("Import", "“{value}” is not a duration").format(
            value=shown(text)))
    return _seconds_checked(total, text), ""


# ── Clock times and spans ──────────────────────────────────────────────────────

_CLOCK = re.compile(r"^(\d{1,2})\s*(?::|点|點|时|時)\s*(?:(\d{1,2})\s*(?:分)?)?"
                    r"(?:\s*:\s*(\d{1,2})\s*秒?)?$|^(\d{1,2})\s*(?:点|點|时|時)$")


def parse_clock(value: Any) -> int | None:
    """Seconds after midnight of a start or end cell: 20:00, 20:03:30, 20点, 20点30分,
    an Excel time (a fraction of a day) or a date-time (its time)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.hour * 3600 + value.minute * 60 + value.second
    if isinstance(value, dt.time):
        return value.hour * 3600 + value.minute * 60 + value.second
    if isinstance(value, dt.timedelta):
        seconds = value.total_seconds()
        if 0 <= seconds < 2 * DAY_S:
            return round(seconds)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if math.isfinite(value) and 0 <= value < 1:
            return round(value * DAY_S) % DAY_S
    elif isinstance(value, str):
        text = normal(value).replace("：", ":")
        if len(text) <= 20:
            match = _CLOCK.match(text)
            if match:
                hour, minute, second, bare = match.groups()
                hour_i = int(hour or bare)
                minute_i, second_i = int(minute or 0), int(second or 0)
                if hour_i <= 47 and minute_i <= 59 and second_i <= 59:
                    return hour_i * 3600 + minute_i * 60 + second_i
    raise CellError(translate("Import", "“{value}” is not a time of day; write 20:00 or 20:03:30")
                    .format(value=shown(cell_text(value))))


def parse_span(value: Any, quiet: bool = False) -> tuple[int, int | None] | None:
    """(start, end or None) of a time cell: "20:00-20:03", "20:00~20:03", or a start alone.
    None for an empty cell (and, when `quiet`, for anything that is not a time)."""
    if isinstance(value, str) and value.strip():
        text = normal(value)
        parts = _RANGE_SPLIT.split(text)
        if len(parts) == 2 and all(parts):
            try:
                start, end = parse_clock(parts[0]), parse_clock(parts[1])
            except CellError:
                if quiet:
                    return None
                raise
            if start is not None and end is not None:
                return start, end
    try:
        start = parse_clock(value)
    except CellError:
        if quiet:
            return None
        raise
    return None if start is None else (start, None)


def span_seconds(start: int, end: int) -> int:
    """From start to end; an end before the start is past midnight."""
    return end - start if end > start else end + DAY_S - start

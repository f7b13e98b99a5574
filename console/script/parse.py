"""Turning a parsed TOML document into a `Show`, collecting every problem.

The reader never stops at the first problem: a producer fixing a script wants
the whole list, each with its line. Errors make the file unusable; warnings
(the seeds' timing standards, unknown keys) are shown but do not block.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from console.script.issues import Issue, Severity
from console.script.model import (STANDARD_OPENING_MAX_S, STANDARD_SKU_PITCH_S, Defaults,
                                  FaqEntry, Segment, SegmentKind, Show, Sku, Targets)
from console.timefmt import minutes_text
from console.text import translate
from console.tomlfile import KeyLines, shown, unknown_keys

SCHEMA_VERSION = 1
MAX_SEGMENT_S = 4 * 3600          # longer than any real block; a typo like 9000 for 90
MAX_SHOW_S = 24 * 3600

# Planned duration when a segment gives none. Custom segments must say.
DEFAULT_SECONDS = {
    SegmentKind.OPENING: 180, SegmentKind.LOTTERY: 60, SegmentKind.INTERACTION: 120,
    SegmentKind.FLASH_SALE: 180, SegmentKind.COUPON: 60, SegmentKind.CLOSING: 180,
}

# [compliance] (allow-phrases, recorded exemptions) is read by console/compliance (console lint).
_TOP_KEYS = {"schema_version", "show", "defaults", "sku", "segment", "compliance"}
_SHOW_KEYS = {"title", "platform", "hosts", "assistants", "planned_start", "notes", "targets"}
_TARGET_KEYS = {"gmv", "orders", "peak_online", "conversion"}
_DEFAULT_KEYS = {"sku_seconds", "lottery_interval_minutes", "warning_seconds",
                 "lottery_warning_seconds"}
_SKU_KEYS = {"id", "name", "list_price", "live_price", "stock", "link", "selling_points",
             "scenes", "faq", "compliance"}
_SEGMENT_KEYS = {"id", "kind", "title", "duration", "sku", "host", "assistant", "floor",
                 "cues", "notes"}
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,39}$")
# Minutes of "m:ss" up to four digits: 9999 minutes is already far over MAX_SEGMENT_S,
# and thousands of digits would pass Python's int limit on the way to a message.
_MMSS = re.compile(r"^\s*(\d{1,4}):([0-5]\d)\s*$")


class _Reader:
    def __init__(self, lines: KeyLines) -> None:
        self.lines = lines
        self.issues: list[Issue] = []

    def error(self, path: tuple, field: str, message: str) -> None:
        self.issues.append(Issue(Severity.ERROR, self.lines.of(*path), field, message))

    def warn(self, path: tuple, field: str, message: str) -> None:
        self.issues.append(Issue(Severity.WARNING, self.lines.of(*path), field, message))

    def unknown_keys(self, table: dict, known: set, path: tuple, field: str) -> None:
        self.issues += unknown_keys(table, known, self.lines, path, field)

    def get(self, table: dict, key: str, kind, path: tuple, field: str,
            required: bool = False, default=None):
        """A value of the expected type, or `default` after recording why not."""
        if key not in table:
            if required:
                self.error(path, field, translate("Script", "is required"))
            return default
        value = table[key]
        if not _is_instance(value, kind):
            self.error(path + (key,), field,
                       translate("Script", "expected {expected}, got {got} {value}").format(
                           expected=_type_name(kind), got=_type_name(type(value)),
                           value=shown(value)))
            return default
        if isinstance(value, float) and not math.isfinite(value):
            self.error(path + (key,), field,
                       translate("Script", "must be a finite number, got {value}")
                       .format(value=value))
            return default
        return value

    def text_list(self, table: dict, key: str, path: tuple, field: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(path + (key,), field,
                       translate("Script", "expected a list of strings, e.g. [\"…\", \"…\"]"))
            return ()
        return tuple(v.strip() for v in value if v.strip())


def _is_instance(value: Any, kind) -> bool:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool) and bool not in kinds:
        return False     # TOML true is not the number 1
    return isinstance(value, kinds)


def _type_name(kind) -> str:
    names = {str: translate("Script", "text"), int: translate("Script", "a whole number"),
             float: translate("Script", "a number"), bool: translate("Script", "true/false"),
             list: translate("Script", "a list"), dict: translate("Script", "a table"),
             dt.datetime: translate("Script", "a date-time")}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return translate("Script", " or ").join(names.get(k, k.__name__) for k in kinds)


def build_show(doc: dict, lines: KeyLines) -> tuple[Show | None, list[Issue]]:
    r = _Reader(lines)
    r.unknown_keys(doc, _TOP_KEYS, (), "")
    version = r.get(doc, "schema_version", int, ("schema_version",), "schema_version",
                    required=True, default=SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        r.error(("schema_version",), "schema_version",
                translate("Script", "this console reads schema_version {ours}, the file says "
                          "{theirs}").format(ours=SCHEMA_VERSION, theirs=version))
    header = r.get(doc, "show", dict, ("show",), "show", required=True, default={})
    defaults = _read_defaults(r, doc.get("defaults", {}))
    skus = _read_skus(r, doc.get("sku", []))
    segments = _read_segments(r, doc.get("segment", []), defaults, {s.id for s in skus})
    show_fields = _read_header(r, header)
    if any(i.is_error for i in r.issues):
        return None, r.issues
    show = Show(segments=tuple(segments), skus=tuple(skus), defaults=defaults,
                schema_version=version, **show_fields)
    if show.planned_ms > MAX_SHOW_S * 1000:
        r.error(("segment",), "segment", translate(
            "Script", "planned total {hours} h is longer than 24 h; check the durations")
            .format(hours=show.planned_ms // 3_600_000))
        return None, r.issues
    return show, r.issues


def _read_header(r: _Reader, header: dict) -> dict:
    p = ("show",)
    r.unknown_keys(header, _SHOW_KEYS, p, "show")
    title = r.get(header, "title", str, p, "show.title", required=True, default="")
    if "title" in header and not str(title).strip():
        r.error(p + ("title",), "show.title", translate("Script", "must not be empty"))
    start = r.get(header, "planned_start", dt.datetime, p, "show.planned_start")
    targets = r.get(header, "targets", dict, p, "show.targets", default={})
    return dict(
        title=str(title).strip(),
        platform=r.get(header, "platform", str, p, "show.platform", default=""),
        hosts=r.text_list(header, "hosts", p, "show.hosts"),
        assistants=r.text_list(header, "assistants", p, "show.assistants"),
        planned_start=start,
        notes=r.get(header, "notes", str, p, "show.notes", default=""),
        targets=_read_targets(r, targets),
    )


def _read_targets(r: _Reader, table: dict) -> Targets:
    p = ("show", "targets")
    r.unknown_keys(table, _TARGET_KEYS, p, "show.targets")
    values = {}
    for key, kind in (("gmv", (int, float)), ("orders", int), ("peak_online", int),
                      ("conversion", (int, float))):
        value = r.get(table, key, kind, p, f"show.targets.{key}")
        if value is not None and value < 0:
            r.error(p + (key,), f"show.targets.{key}", translate("Script", "must not be negative"))
        values[key] = value
    if values["conversion"] is not None and values["conversion"] > 1:
        r.error(p + ("conversion",), "show.targets.conversion",
                translate("Script", "is a fraction (0.12 for 12 %), got {value}")
                .format(value=values["conversion"]))
    return Targets(**values)


def _read_defaults(r: _Reader, table: Any) -> Defaults:
    p = ("defaults",)
    if not isinstance(table, dict):
        r.error(p, "defaults", translate("Script", "expected a table: [defaults]"))
        return Defaults()
    r.unknown_keys(table, _DEFAULT_KEYS, p, "defaults")
    base = Defaults()
    limits = {"sku_seconds": (1, 3600), "lottery_interval_minutes": (1, 120),
              "warning_seconds": (1, 300), "lottery_warning_seconds": (0, 600)}
    values = {}
    for key, (low, high) in limits.items():
        value = r.get(table, key, int, p, f"defaults.{key}", default=getattr(base, key))
        if not low <= value <= high:
            r.error(p + (key,), f"defaults.{key}", translate(
                "Script", "must be between {low} and {high}, got {value}").format(
                    low=low, high=high, value=value))
            value = getattr(base, key)
        values[key] = value
    if values["sku_seconds"] > STANDARD_SKU_PITCH_S:
        r.warn(p + ("sku_seconds",), "defaults.sku_seconds",
               translate("Script", "{seconds} s per SKU is over the {standard} s standard")
               .format(seconds=values["sku_seconds"], standard=STANDARD_SKU_PITCH_S))
    return Defaults(**values)


def _entries(r: _Reader, items: list, name: str, known: set):
    """(path, field name, table) for each [[name]] entry that is a table."""
    for index, table in enumerate(items):
        p, f = (name, index), f"{name}[{index + 1}]"
        if not isinstance(table, dict):
            r.error(p, f, translate("Script", "expected a [[{name}]] table").format(name=name))
            continue
        r.unknown_keys(table, known, p, f)
        yield p, f, table


def _read_id(r: _Reader, table: dict, p: tuple, f: str, seen: dict[str, int],
             default: str | None) -> str:
    """A well-formed id, unique among its siblings; required when there is no default."""
    value = r.get(table, "id", str, p, f"{f}.id", required=default is None, default=default or "")
    if value and not _ID.match(value):
        r.error(p + ("id",), f"{f}.id", translate(
            "Script", "'{id}' must be letters, digits, - or _ (≤ 40)").format(id=shown(value)))
    if value and value in seen:
        r.error(p + ("id",), f"{f}.id", translate(
            "Script", "duplicate id '{id}' (also {other})").format(
                id=shown(value), other=f"{p[0]}[{seen[value]}]"))
    seen.setdefault(value, p[1] + 1)
    return value


def _read_skus(r: _Reader, items: Any) -> list[Sku]:
    if not isinstance(items, list):
        r.error(("sku",), "sku", translate("Script", "expected [[sku]] entries"))
        return []
    skus: list[Sku] = []
    seen: dict[str, int] = {}
    for p, f, table in _entries(r, items, "sku", _SKU_KEYS):
        sku_id = _read_id(r, table, p, f, seen, default=None)
        name = r.get(table, "name", str, p, f"{f}.name", required=True, default="")
        prices = {}
        for key in ("list_price", "live_price"):
            prices[key] = r.get(table, key, (int, float), p, f"{f}.{key}")
            if prices[key] is not None and prices[key] < 0:
                r.error(p + (key,), f"{f}.{key}", translate("Script", "must not be negative"))
        if None not in prices.values() and prices["live_price"] > prices["list_price"]:
            r.warn(p + ("live_price",), f"{f}.live_price",
                   translate("Script", "live price {live} is above list price {list}").format(
                       live=prices["live_price"], list=prices["list_price"]))
        stock = r.get(table, "stock", int, p, f"{f}.stock")
        if stock is not None and stock < 0:
            r.error(p + ("stock",), f"{f}.stock", translate("Script", "must not be negative"))
        points = r.text_list(table, "selling_points", p, f"{f}.selling_points")
        if len(points) > 3:
            r.warn(p + ("selling_points",), f"{f}.selling_points",
                   translate("Script", "{count} selling points; a 90 s pitch carries 1–3")
                   .format(count=len(points)))
        skus.append(Sku(
            id=sku_id, name=name,
            list_price=prices["list_price"], live_price=prices["live_price"], stock=stock,
            link=r.get(table, "link", int, p, f"{f}.link"),
            selling_points=points,
            scenes=r.text_list(table, "scenes", p, f"{f}.scenes"),
            faq=_read_faq(r, table.get("faq", []), p, f),
            compliance=r.get(table, "compliance", str, p, f"{f}.compliance", default=""),
        ))
    return skus


def _read_faq(r: _Reader, items: Any, p: tuple, f: str) -> tuple[FaqEntry, ...]:
    if not isinstance(items, list) or not all(
            isinstance(i, dict) and isinstance(i.get("q"), str) and isinstance(i.get("a"), str)
            for i in items):
        r.error(p + ("faq",), f"{f}.faq",
                translate("Script", 'expected a list like [ { q = "…", a = "…" } ]'))
        return ()
    return tuple(FaqEntry(i["q"], i["a"]) for i in items)


def parse_duration(value: Any) -> int | None:
    """Seconds from 90 or "1:30"; None when it is neither."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        match = _MMSS.match(value)
        if match:
            return int(match.group(1)) * 60 + int(match.group(2))
    return None


def _read_segments(r: _Reader, items: Any, defaults: Defaults, sku_ids: set) -> list[Segment]:
    if not isinstance(items, list) or not items:
        r.error(("segment",), "segment",
                translate("Script", "a show needs at least one [[segment]]"))
        return []
    segments: list[Segment] = []
    seen: dict[str, int] = {}
    for p, f, table in _entries(r, items, "segment", _SEGMENT_KEYS):
        kind_text = r.get(table, "kind", str, p, f"{f}.kind", required=True, default="custom")
        kind_known = True
        try:
            kind = SegmentKind(kind_text)
        except ValueError:
            kind_known = False
            r.error(p + ("kind",), f"{f}.kind", translate(
                "Script", "unknown kind '{kind}'; use one of: {kinds}").format(
                    kind=shown(kind_text), kinds=", ".join(k.value for k in SegmentKind)))
            kind = SegmentKind.CUSTOM
        seg_id = _read_id(r, table, p, f, seen, default=f"s{p[1] + 1:02d}")
        sku_id = _read_segment_sku(r, table, kind, sku_ids, p, f)
        duration = _read_duration(r, table, kind, defaults, p, f) if kind_known or \
            "duration" in table else 60   # the unknown kind is the one problem to report
        title = r.get(table, "title", str, p, f"{f}.title", default="")
        segments.append(Segment(
            id=seg_id, kind=kind, title=title.strip() or kind.value, duration_s=duration,
            sku_id=sku_id,
            host=r.text_list(table, "host", p, f"{f}.host"),
            assistant=r.text_list(table, "assistant", p, f"{f}.assistant"),
            floor=r.text_list(table, "floor", p, f"{f}.floor"),
            cues=r.text_list(table, "cues", p, f"{f}.cues"),
            notes=r.get(table, "notes", str, p, f"{f}.notes", default=""),
            line=r.lines.of(*p),
        ))
    return segments


def _read_segment_sku(r, table, kind, sku_ids, p, f) -> str | None:
    sku_id = r.get(table, "sku", str, p, f"{f}.sku")
    if kind is SegmentKind.SKU and sku_id is None and "sku" not in table:
        r.error(p, f"{f}.sku", translate("Script", "an sku segment needs sku = \"<id from [[sku]]>\""))
    if sku_id is not None and sku_id not in sku_ids:
        known = ", ".join(shown(i) for i in sorted(sku_ids)[:8]) or translate(
            "Script", "none defined")
        r.error(p + ("sku",), f"{f}.sku", translate("Script", "unknown SKU '{sku}' (known: {known})")
                .format(sku=shown(sku_id), known=known))
    return sku_id


def _read_duration(r, table, kind, defaults: Defaults, p, f) -> int:
    field = f"{f}.duration"
    if "duration" not in table:
        if kind is SegmentKind.SKU:
            return defaults.sku_seconds
        if kind in DEFAULT_SECONDS:
            return DEFAULT_SECONDS[kind]
        r.error(p, field, translate("Script", "a custom segment needs a duration, e.g. duration = \"2:00\""))
        return 60
    seconds = parse_duration(table["duration"])
    if seconds is None:
        r.error(p + ("duration",), field,
                translate("Script", "{value} is not a duration; write seconds (90) or \"m:ss\" (\"1:30\")")
                .format(value=shown(table["duration"], 30)))
        return 60
    if seconds <= 0:
        r.error(p + ("duration",), field,
                translate("Script", "must be positive, got {seconds} s").format(seconds=seconds))
        return 60
    if seconds > MAX_SEGMENT_S:
        r.error(p + ("duration",), field,
                translate("Script", "{seconds} s is over {hours} h; did you mean \"{mmss}\"?")
                .format(seconds=seconds, hours=MAX_SEGMENT_S // 3600, mmss=minutes_text(seconds)))
        return 60
    if kind is SegmentKind.OPENING and seconds > STANDARD_OPENING_MAX_S:
        r.warn(p + ("duration",), field,
               translate("Script", "opening of {mmss} is over the 3:00 standard (brand awareness "
                         "within 3 minutes)").format(mmss=minutes_text(seconds)))
    if kind is SegmentKind.SKU and seconds > STANDARD_SKU_PITCH_S:
        r.warn(p + ("duration",), field,
               translate("Script", "SKU pitch of {mmss} is over the 1:30 standard (≤ 90 s per SKU)")
               .format(mmss=minutes_text(seconds)))
    return seconds

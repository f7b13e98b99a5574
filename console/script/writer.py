"""Writing a show back to its TOML text: `write_show` (a fresh file) and
`update_show_text` (the "Save" of the editor: the producer's file, values rewritten,
comments kept).

Written here rather than with tomlkit. The reading stays with the one bounded reader
(console/tomlfile.py, `tomllib`); what a save must know is the format's meaning, not
TOML's syntax — that `duration = "2:00"` and a missing duration are the same for an
interaction, that a segment without `id` is `s03` only while it is third, that a
segment is matched across a save by its id, not by its position. tomlkit would keep
the text but not that knowledge, and would add a dependency whose own round trip we
would have to trust. The text is cut into statements by asking `tomllib` itself where
each one ends (the shortest run of lines that reads as TOML), so a string or an array
over several lines is never mistaken for a header or a comment.

What `update_show_text` keeps (docs/script-format.md, "How the console writes a
show"):
- every line of a key whose value did not change, as written (its spelling of the
  value, `"1:30"` or `90`, its comment at the end of the line, the comments above it);
- a changed value is rewritten in place, keeping the comment at the end of its line;
- the comments above a table go with the table: `[show]`, `[defaults]` …, and each
  `[[sku]]` / `[[segment]]` matched by its id (or, when the id was renamed, by its
  position); those above the first `[[sku]]` / `[[segment]]` head the section wherever
  its tables move; the comments of a deleted table pass to the next table that remains;
- the order of the tables ([[sku]] and [[segment]] each as one group where the first
  was) and the header comment of the file;
- keys the console does not know, as written.
New tables and keys are written the way `write_show` writes them. A file laid out in a
way this does not follow (dotted keys, inline `[show]` tables, `[[sku.faq]]` …) is
written afresh by `write_show`, keeping only its header comment.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import tomllib
from collections.abc import Callable, Iterable
from typing import Any

from console.script.model import Defaults, FaqEntry, Segment, SegmentKind, Show, Sku, Targets
from console.script.parse import DEFAULT_SECONDS, parse_duration

__all__ = ["default_duration_s", "default_segment_id", "update_show_text", "write_show"]

# A list longer than this on one line is written one item a line.
MAX_INLINE_LIST = 100


def default_duration_s(kind: SegmentKind, defaults: Defaults) -> int | None:
    """What a segment of `kind` lasts when the file gives no duration (None: must say)."""
    if kind is SegmentKind.SKU:
        return defaults.sku_seconds
    return DEFAULT_SECONDS.get(kind)


def default_segment_id(index: int) -> str:
    """The id of the segment at `index` (from 0) that gives none: s01, s02 …"""
    return f"s{index + 1:02d}"


# ── Values ─────────────────────────────────────────────────────────────────────

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}
# What TOML must have escaped (C0 but tab, DEL) and what a reader should see as an
# escape rather than not see at all (C1, line/paragraph separators, bidi overrides).
_INVISIBLE = ("\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
              "\ufeff")
_ONE_LINE_ESCAPE = re.compile('["\\\\' + _INVISIBLE + "]")
# A multi-line string keeps its line feeds as they are.
_MULTILINE_ESCAPE = re.compile('["\\\\' + _INVISIBLE.replace("\x00-\x1f", "\x00-\x09\x0b-\x1f") + "]")


def _escaped(ch: str) -> str:
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


def toml_string(text: str, multiline: bool = False) -> str:
    """A TOML basic string for `text`; with `multiline`, a text with line breaks is
    written over several lines (\"\"\"…\"\"\"), every other escape kept."""
    if multiline and "\n" in text:
        body = _MULTILINE_ESCAPE.sub(lambda m: _escaped(m.group()), text)
        return '"""\n' + body + '"""'
    return '"' + _ONE_LINE_ESCAPE.sub(lambda m: _escaped(m.group()), text) + '"'


def toml_value(value: Any) -> str:
    """A value on one line: strings, numbers, date-times, lists and inline tables."""
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, FaqEntry):
        return f"{{ q = {toml_string(value.question)}, a = {toml_string(value.answer)} }}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"no TOML for {type(value).__name__}")


def duration_value(seconds: int) -> str | int:
    """A duration as the format reads it: "m:ss" (minutes not carried into hours);
    a duration that is not positive as the number it is, for validation to name."""
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds > 0 else seconds


def _statement(key: str, value: Any) -> str:
    """`key = value`, a long list or any FAQ over several lines, a text with line
    breaks as a multi-line string."""
    if isinstance(value, str):
        return f"{key} = {toml_string(value, multiline=True)}"
    if isinstance(value, (list, tuple)) and value:
        one_line = f"{key} = {toml_value(value)}"
        if len(one_line) > MAX_INLINE_LIST or isinstance(value[0], FaqEntry):
            return f"{key} = [\n" + "".join(f"  {toml_value(v)},\n" for v in value) + "]"
        return one_line
    return f"{key} = {toml_value(value)}"


# ── What each table holds ──────────────────────────────────────────────────────

@dataclasses.dataclass(frozen=True)
class _Field:
    key: str
    value: Any                    # what to write; None: nothing to write (no TOML null)
    written: bool                 # a fresh file writes it
    absent_ok: bool               # a file without the key means the same
    same: Callable[[Any], bool]   # does a value read from the file mean the same


def _equal(expected: Any) -> Callable[[Any], bool]:
    def same(value: Any) -> bool:
        return type(value) is not bool and value == expected and (
            isinstance(value, str) == isinstance(expected, str))
    return same


def _texts(value: Any) -> tuple[str, ...] | None:
    """A list of lines as the reader takes it: one string or a list, stripped, no blanks."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return tuple(v.strip() for v in value if v.strip())


def _field(key: str, value: Any, default: Any = None, same=None) -> _Field:
    """A key written unless it holds its default."""
    empty = value is None or value == default or value == ()
    return _Field(key, None if value is None else value, not empty, empty,
                  same or _equal(value))


def _text_list(key: str, value: tuple[str, ...]) -> _Field:
    return _Field(key, list(value), bool(value), not value, lambda v: _texts(v) == value)


def _top_fields(show: Show) -> list[_Field]:
    return [_Field("schema_version", show.schema_version, True, False,
                   _equal(show.schema_version))]


def _show_fields(show: Show) -> list[_Field]:
    return [
        _Field("title", show.title, True, False,
               lambda v: isinstance(v, str) and v.strip() == show.title),
        _field("platform", show.platform, ""),
        _text_list("hosts", show.hosts),
        _text_list("assistants", show.assistants),
        _field("planned_start", show.planned_start, same=lambda v: isinstance(
            v, dt.datetime) and v == show.planned_start and (v.tzinfo is None) == (
                show.planned_start is not None and show.planned_start.tzinfo is None)),
        _field("notes", show.notes, ""),
    ]


def _target_fields(targets: Targets) -> list[_Field]:
    return [_field(f.name, getattr(targets, f.name)) for f in dataclasses.fields(Targets)]


def _default_fields(defaults: Defaults) -> list[_Field]:
    base = Defaults()
    return [_field(f.name, getattr(defaults, f.name), getattr(base, f.name))
            for f in dataclasses.fields(Defaults)]


def _faq_same(faq: tuple[FaqEntry, ...]) -> Callable[[Any], bool]:
    def same(value: Any) -> bool:
        return isinstance(value, list) and all(
            isinstance(i, dict) and isinstance(i.get("q"), str) and isinstance(i.get("a"), str)
            for i in value) and tuple(FaqEntry(i["q"], i["a"]) for i in value) == faq
    return same


def _sku_fields(sku: Sku) -> list[_Field]:
    return [
        _Field("id", sku.id, True, False, _equal(sku.id)),
        _Field("name", sku.name, True, False, _equal(sku.name)),
        _field("link", sku.link),
        _field("list_price", sku.list_price),
        _field("live_price", sku.live_price),
        _field("stock", sku.stock),
        _text_list("selling_points", sku.selling_points),
        _text_list("scenes", sku.scenes),
        _Field("faq", list(sku.faq), bool(sku.faq), not sku.faq, _faq_same(sku.faq)),
        _field("compliance", sku.compliance, ""),
    ]


def _segment_fields(segment: Segment, index: int, defaults: Defaults) -> list[_Field]:
    default_s = default_duration_s(segment.kind, defaults)
    duration_default = default_s == segment.duration_s
    return [
        _Field("id", segment.id, True, segment.id == default_segment_id(index),
               _equal(segment.id)),
        _Field("kind", segment.kind.value, True, False, _equal(segment.kind.value)),
        _Field("title", segment.title, segment.title != segment.kind.value,
               segment.title == segment.kind.value,
               lambda v: isinstance(v, str) and (v.strip() or segment.kind.value) == segment.title),
        _Field("duration", duration_value(segment.duration_s), not duration_default,
               duration_default, lambda v: type(v) is not bool and
               parse_duration(v) == segment.duration_s),
        _field("sku", segment.sku_id),
        _text_list("host", segment.host),
        _text_list("assistant", segment.assistant),
        _text_list("floor", segment.floor),
        _text_list("cues", segment.cues),
        _field("notes", segment.notes, ""),
    ]


def _fresh(header: str | None, fields: Iterable[_Field]) -> list[str]:
    lines = [header] if header else []
    return lines + [_statement(f.key, f.value) for f in fields if f.written]


def write_show(show: Show) -> str:
    """The TOML text of `show`, in the order of docs/script-format.md: schema_version,
    [show], [show.targets], [defaults], every [[sku]], every [[segment]]; keys holding
    their default left out. `load_show_text(write_show(show)).show == show` for every
    show as the reader makes them (apart from the segments' line numbers)."""
    blocks = [_fresh(None, _top_fields(show)), _fresh("[show]", _show_fields(show))]
    for header, fields in (("[show.targets]", _target_fields(show.targets)),
                           ("[defaults]", _default_fields(show.defaults))):
        if any(f.written for f in fields):
            blocks.append(_fresh(header, fields))
    blocks += [_fresh("[[sku]]", _sku_fields(s)) for s in show.skus]
    blocks += [_fresh("[[segment]]", _segment_fields(s, i, show.defaults))
               for i, s in enumerate(show.segments)]
    return "\n\n".join("\n".join(b) for b in blocks) + "\n"


# ── Updating a file ────────────────────────────────────────────────────────────

class _Unhandled(Exception):
    """A layout `update_show_text` does not follow; the file is written afresh."""


@dataclasses.dataclass
class _Stmt:
    text: str                     # its lines, each ending "\n"
    lead: list[str]               # comment and blank lines above it
    key: str | None = None        # a key = value statement
    value: Any = None


@dataclasses.dataclass
class _Table:
    header: str | None            # the header line; None for the top of the file
    path: tuple                   # ("show",), ("show", "targets"), ("sku",) …
    lead: list[str]
    body: list[_Stmt]
    tail: list[str] = dataclasses.field(default_factory=list)   # trivia at the file's end

    def value(self, key: str, default: Any = None) -> Any:
        return next((s.value for s in self.body if s.key == key), default)


_TRIVIA = re.compile(r"^[ \t]*(#.*)?\r?\n?$")
_HEADER = re.compile(r"^[ \t]*(\[\[?)[ \t]*([A-Za-z0-9_\-.\" ]+?)[ \t]*(\]\]?)[ \t]*(#.*)?\r?\n?$")
_KNOWN_TABLES = {("show",), ("show", "targets"), ("defaults",), ("sku",), ("segment",)}


def _split(text: str) -> list[_Table]:
    """The file as tables of statements, each with the comments above it."""
    lines = text.splitlines(keepends=True)
    tables = [_Table(None, (), [], [])]
    pending: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _TRIVIA.match(line):
            pending.append(line)
            i += 1
            continue
        header = _HEADER.match(line)
        if header and line.lstrip().startswith("["):
            array = header.group(1) == "[["
            if array != (header.group(3) == "]]"):
                raise _Unhandled
            path = tuple(p.strip() for p in header.group(2).split("."))
            if path not in _KNOWN_TABLES or array != (path in {("sku",), ("segment",)}):
                raise _Unhandled
            tables.append(_Table(line, path, pending, []))
            pending = []
            i += 1
            continue
        for j in range(i + 1, len(lines) + 1):
            chunk = "".join(lines[i:j])
            try:
                doc = tomllib.loads(chunk)
            except tomllib.TOMLDecodeError:
                continue
            break
        else:
            raise _Unhandled
        if len(doc) != 1:
            raise _Unhandled
        ((key, value),) = doc.items()
        if not re.match(r"^[ \t]*" + re.escape(key) + r"[ \t]*=", chunk):
            raise _Unhandled                        # dotted or quoted keys
        tables[-1].body.append(_Stmt(chunk, pending, key, value))
        pending = []
        i = j
    tables[-1].tail = pending
    return tables


def _rewritten(stmt: _Stmt, field: _Field) -> str:
    """`stmt` with the value of `field`, keeping its comment at the end of the line."""
    new = _statement(field.key, field.value)
    text = stmt.text.rstrip("\r\n")
    last = text.rsplit("\n", 1)[-1]
    offset = len(text) - len(last)
    for match in re.finditer("#", last):
        head = text[: offset + match.start()]
        try:
            if tomllib.loads(head) == {stmt.key: stmt.value}:
                spacing = head[len(head.rstrip()):]
                return new + (spacing or " ") + last[match.start():] + "\n"
        except tomllib.TOMLDecodeError:
            continue
    return new + "\n"


def _updated_body(table: _Table, fields: list[_Field]) -> list[str]:
    """The statements of `table` with the values of `fields`: unchanged ones as written,
    changed ones rewritten in place, missing ones after the key that comes before them."""
    by_key = {f.key: f for f in fields}
    present = {s.key for s in table.body}
    out: list[str] = []
    placed: set[str] = set()
    order = [f.key for f in fields]

    def insert_missing_before(index: int) -> None:
        for f in fields[:index]:
            if f.key not in present and f.key not in placed and not f.absent_ok \
                    and f.value is not None:
                out.append(_statement(f.key, f.value) + "\n")
                placed.add(f.key)

    for stmt in table.body:
        field = by_key.get(stmt.key or "")
        if field is not None:
            insert_missing_before(order.index(field.key))
        if field is None or field.same(stmt.value):
            out += stmt.lead + [stmt.text]          # unchanged, or a key we do not know
        elif field.value is not None:
            out += stmt.lead + [_rewritten(stmt, field)]
    insert_missing_before(len(fields))
    if out and not out[-1].endswith("\n"):
        out[-1] += "\n"
    return out


def _header_comment(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    comment: list[str] = []
    for line in lines:
        if not _TRIVIA.match(line):
            break
        comment.append(line)
    while comment and not comment[-1].strip():
        comment.pop()
    return comment


def update_show_text(original_text: str, show: Show) -> str:
    """The text of `original_text` saying `show`: values rewritten, comments and layout
    kept where they belong (module docstring). With nothing changed, the same text."""
    try:
        return _update(original_text, show)
    except (_Unhandled, tomllib.TOMLDecodeError, ValueError):
        comment = _header_comment(original_text)
        fresh = write_show(show)
        return "".join(comment) + ("\n" if comment else "") + fresh


def _ensure_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


def _update(original_text: str, show: Show) -> str:
    tomllib.loads(original_text)                    # raises for a file not TOML
    tables = _split(_ensure_newline(original_text))
    top = tables[0]
    if any(s.key in {"show", "defaults", "sku", "segment"} for s in top.body):
        raise _Unhandled                            # inline tables at the top
    singles = {t.path: t for t in tables[1:] if t.path not in {("sku",), ("segment",)}}
    if len(singles) != len([t for t in tables[1:] if t.path not in {("sku",), ("segment",)}]):
        raise _Unhandled
    if "targets" in {s.key for s in singles.get(("show",), _Table(None, (), [], [])).body}:
        raise _Unhandled                            # targets as an inline table

    groups: list[tuple] = []                        # the order of the tables, in groups
    for t in tables[1:]:
        if t.path not in groups:
            groups.append(t.path)
    wanted = [("show",), ("show", "targets"), ("defaults",), ("sku",), ("segment",)]
    needed = {("show",): True,
              ("show", "targets"): any(f.written for f in _target_fields(show.targets)),
              ("defaults",): any(f.written for f in _default_fields(show.defaults)),
              ("sku",): bool(show.skus), ("segment",): bool(show.segments)}
    for path in wanted:
        if path not in groups and needed[path]:
            before = [p for p in wanted[: wanted.index(path)] if p in groups]
            groups.insert(groups.index(before[-1]) + 1 if before else 0, path)

    out: list[str] = _updated_body(top, _top_fields(show))
    blocks: list[list[str]] = []
    for path in groups:
        if path == ("sku",):
            blocks += _array(tables, "sku", [(s.id, _sku_fields(s)) for s in show.skus])
        elif path == ("segment",):
            blocks += _array(tables, "segment", [
                (s.id, _segment_fields(s, i, show.defaults)) for i, s in enumerate(show.segments)])
        else:
            fields = {("show",): _show_fields(show),
                      ("show", "targets"): _target_fields(show.targets),
                      ("defaults",): _default_fields(show.defaults)}[path]
            table = singles.get(path)
            if table is None:
                blocks.append(["\n", "[" + ".".join(path) + "]\n", *_updated_body(
                    _Table(None, path, [], []), fields)])
            else:
                blocks.append([*table.lead, table.header or "", *_updated_body(table, fields)])
    for block in blocks:
        out += block
    out += tables[-1].tail
    return "".join(out)


def _array(tables: list[_Table], name: str, entries: list[tuple[str, list[_Field]]]) -> list[list[str]]:
    """The [[name]] tables of `entries`, each matched to the one of the file with its id."""
    old = [t for t in tables if t.path == (name,)]
    old_ids = [t.value("id", default_segment_id(i) if name == "segment" else None)
               for i, t in enumerate(old)]
    match: dict[int, int] = {}                      # new index → old index
    used: set[int] = set()
    for n, (new_id, _) in enumerate(entries):
        for o, old_id in enumerate(old_ids):
            if o not in used and old_id == new_id:
                match[n] = o
                used.add(o)
                break
    for n in range(len(entries)):                   # an id renamed in place
        if n not in match and n < len(old) and n not in used and old_ids[n] not in {
                e[0] for e in entries}:
            match[n] = n
            used.add(n)
    # The comments above a deleted table pass to the next table that remains.
    inherited: dict[int, list[str]] = {}
    carry: list[str] = []
    for o, table in enumerate(old):
        lead = table.lead if o else _attached(table.lead)
        if o in used:
            inherited[o] = carry + lead
            carry = []
        else:
            carry += lead
    section = _detached(old[0].lead) if old else ["\n"]
    blocks: list[list[str]] = []
    for n, (_, fields) in enumerate(entries):
        if n in match:
            table = old[match[n]]
            lead = inherited[match[n]]
            body = _updated_body(table, fields)
            header = table.header or f"[[{name}]]\n"
        else:
            lead, header = ["\n"], f"[[{name}]]\n"
            body = [_statement(f.key, f.value) + "\n" for f in fields if f.written]
        if n == 0:
            lead = section + [line for line in lead if line.strip()]
        elif not lead or lead[0].strip():
            lead = ["\n", *lead]
        blocks.append([*lead, header, *body])
    if carry and blocks:                            # comments of deleted tables at the end
        blocks[-1] += carry
    return blocks


def _attached(lead: list[str]) -> list[str]:
    """The comment lines right above a header (after the last blank line)."""
    blanks = [i for i, line in enumerate(lead) if not line.strip()]
    return lead[blanks[-1] + 1:] if blanks else list(lead)


def _detached(lead: list[str]) -> list[str]:
    blanks = [i for i, line in enumerate(lead) if not line.strip()]
    return lead[: blanks[-1] + 1] if blanks else []

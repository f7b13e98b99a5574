"""A rundown sheet → a `Show`: the import model the command line and (later) the
window's mapping step share. Qt-free: `preview()` gives the cells and their problems."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

from console.script.importers.cells import (MAX_SEGMENT_S, CellError, cell_text, lines,
                                            parse_number, parse_whole, span_seconds)
from console.script.importers.layout import block_key, block_pairs
from console.script.importers.mapping import ColumnMapping, MappingMemory, find_header_row
from console.script.importers.reader import Problem, RawBook, RawSheet, read_book
from console.script.importers.rows import Draft, column_name, read_row
from console.script.model import Defaults, Segment, SegmentKind, Show, Sku, Targets
from console.script.parse import DEFAULT_SECONDS
from console.text import translate
from console.timefmt import clock_text

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,39}$")
_SEGMENT_FIELDS = {"segment", "duration", "time", "start", "end", "kind", "id", "host"}


@dataclasses.dataclass(frozen=True)
class PreviewCell:
    column: str              # its letter
    header: str
    field: str | None
    text: str
    problems: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class PreviewRow:
    row: int
    cells: tuple[PreviewCell, ...]
    problems: tuple[str, ...]     # about the row as a whole


@dataclasses.dataclass
class ImportResult:
    path: str
    sheets: list[str]
    sheet: str | None
    header_row: int | None
    mapping: ColumnMapping | None
    show: Show | None
    problems: list[Problem]
    rows_read: int = 0
    rows_reported: int = 0

    @property
    def exit_code(self) -> int:
        if self.show is None:
            return 2
        return 1 if any(p.error for p in self.problems) else 0

    def report_lines(self) -> list[str]:
        file = self.path
        out = []
        if self.sheets:
            names = ", ".join(
                name + (translate("Import", " (read, header on row {row})").format(
                    row=self.header_row) if name == self.sheet else "") for name in self.sheets)
            out.append(translate("Import", "{file}: sheets: {names}").format(file=file,
                                                                            names=names))
        out += [p.format(file) for p in self.problems]
        if self.show is not None:
            out.append(translate(
                "Import", "{file}: {read} rows read, {reported} reported → {segments} segments, "
                "{skus} SKUs, planned {planned}").format(
                    file=file, read=self.rows_read, reported=self.rows_reported,
                    segments=len(self.show.segments), skus=len(self.show.skus),
                    planned=clock_text(self.show.planned_ms)))
        else:
            out.append(translate("Import", "{file}: nothing usable found; no show written")
                       .format(file=file))
        return out


def _is_sku_sheet(mapping: ColumnMapping) -> bool:
    fields = set(mapping.fields)
    return ("sku_id" in fields and "product" in fields
            and not fields & {"segment", "duration", "time", "start", "end", "kind"})


def _is_rundown(mapping: ColumnMapping) -> bool:
    fields = set(mapping.fields) - {None}
    return bool(fields & _SEGMENT_FIELDS) or ("product" in fields and not _is_sku_sheet(mapping))


class RundownImport:
    """One file being imported: its sheets, the chosen sheet, header row and mapping.
    Change the mapping with `set_field`, look with `preview`, then `build`."""

    def __init__(self, book: RawBook, sheet: str | None = None,
                 memory: MappingMemory | None = None) -> None:
        self.book = book
        self.memory = memory
        self.problems: list[Problem] = list(book.problems)
        self.remembered = False
        self.sheet: RawSheet | None = None
        self.header_index: int | None = None
        self.mapping: ColumnMapping | None = None
        self.sku_sheet: tuple[RawSheet, int, ColumnMapping] | None = None
        headers: dict[str, tuple[int, ColumnMapping]] = {}
        for raw in book.sheets:
            index = find_header_row([cells for _, cells in raw.rows])
            if index is not None:
                headers[raw.name] = (index, ColumnMapping.auto(raw.rows[index][1]))
        if sheet is not None:
            self.sheet = book.sheet(sheet)
            if self.sheet is None:
                self.problems.append(Problem(translate(
                    "Import", "there is no sheet “{sheet}”; the sheets are: {names}").format(
                        sheet=sheet, names=", ".join(self.sheet_names) or "—")))
        else:
            self.sheet = next((s for s in book.sheets if s.name in headers
                               and _is_rundown(headers[s.name][1])), None)
        if self.sheet is not None:
            if self.sheet.name not in headers:
                self.problems.append(Problem(translate(
                    "Import", "no header row found in the first rows (looked for columns such "
                    "as 时间, 环节, 时长, 商品, 话术, 备注)"), self.sheet.name))
            else:
                self.header_index, self.mapping = headers[self.sheet.name]
                remembered = memory.recall(self.mapping.headers) if memory else None
                if remembered is not None:
                    self.mapping, self.remembered = remembered, True
        elif sheet is None and book.sheets:
            self.problems.append(Problem(translate(
                "Import", "no sheet has a header row the importer recognises (columns such as "
                "时间, 环节, 时长, 商品, 话术, 备注)")))
        for raw in book.sheets:
            if raw is not self.sheet and raw.name in headers and _is_sku_sheet(headers[raw.name][1]):
                self.sku_sheet = (raw, *headers[raw.name])
                break

    @property
    def sheet_names(self) -> list[str]:
        return [s.name for s in self.book.sheets]

    @property
    def header_row(self) -> int | None:
        if self.sheet is None or self.header_index is None:
            return None
        return self.sheet.rows[self.header_index][0]

    def set_field(self, column: int, field: str | None) -> None:
        if self.mapping is not None:
            self.mapping.set(column, field)

    def _data_rows(self) -> list[tuple[int, list[Any], frozenset[int]]]:
        """Rows below the header, merged cells filled down (with the filled columns)."""
        assert self.sheet is not None and self.header_index is not None
        rows = self.sheet.rows[self.header_index + 1:]
        by_number = {number: cells for number, cells in rows}
        filled: dict[int, set[int]] = {}
        for r1, c1, r2, _c2 in self.sheet.merged:
            if r2 <= r1 or r1 not in by_number:
                continue
            top = by_number[r1]
            value = top[c1 - 1] if c1 - 1 < len(top) else None
            for number in range(r1 + 1, r2 + 1):
                cells = by_number.get(number)
                if cells is None or value is None:
                    continue
                while len(cells) < c1:
                    cells.append(None)
                if cells[c1 - 1] is None:
                    cells[c1 - 1] = value
                    filled.setdefault(number, set()).add(c1 - 1)
        return [(n, c, frozenset(filled.get(n, ()))) for n, c in rows]

    def preview(self, rows: int = 5) -> list[PreviewRow]:
        if self.mapping is None:
            return []
        from openpyxl.utils import get_column_letter
        out = []
        name = self.sheet.name if self.sheet else ""
        for number, cells, filled in self._data_rows():
            draft = read_row(name, number, cells, self.mapping, filled)
            if draft is None:
                continue
            cell_views = []
            for index in range(max(len(cells), len(self.mapping.headers))):
                header = column_name(self.mapping, index)
                cell_views.append(PreviewCell(
                    get_column_letter(index + 1),
                    self.mapping.headers[index] if index < len(self.mapping.headers) else "",
                    self.mapping.fields[index] if index < len(self.mapping.fields) else None,
                    cell_text(cells[index]) if index < len(cells) else "",
                    tuple(p.message for p in draft.problems if p.column == header)))
            out.append(PreviewRow(number, tuple(cell_views),
                                  tuple(p.message for p in draft.problems if not p.column)))
            if len(out) >= rows:
                break
        return out

    def build(self) -> ImportResult:
        result = ImportResult(self.book.path, self.sheet_names,
                              self.sheet.name if self.sheet else None, self.header_row,
                              self.mapping, None, list(self.problems))
        for raw in self.book.sheets:
            result.problems += raw.problems if raw is self.sheet or (
                self.sku_sheet and raw is self.sku_sheet[0]) else []
        if self.sheet is None or self.mapping is None or self.header_index is None:
            return result
        for _index, header in self.mapping.unknown():
            result.problems.append(Problem(translate(
                "Import", "unknown column, not read (--map \"{header}=FIELD\" to read it)").format(
                    header=header.replace("\n", " ")), self.sheet.name, self.header_row or 0,
                header.replace("\n", " "), error=False))
        drafts: list[Draft] = []
        header_key = self.mapping.key
        for number, cells, filled in self._data_rows():
            draft = read_row(self.sheet.name, number, cells, self.mapping, filled)
            if draft is None:
                continue
            if ColumnMapping.auto(cells).key == header_key:
                result.problems.append(Problem(translate(
                    "Import", "the header row again; skipped"), self.sheet.name, number,
                    error=False))
                continue
            result.problems += draft.problems
            if any(p.error and not p.column for p in draft.problems):
                result.rows_reported += 1
                continue                  # nothing readable in it: reported, not a segment
            drafts.append(draft)
        catalogue = self._sku_catalogue(result)
        fields = self._show_fields(result)
        defaults: Defaults = fields.pop("defaults")
        segments = _segments(self.sheet.name, drafts, catalogue, defaults, result)
        result.rows_reported += sum(1 for d in drafts if d.has_errors)
        result.rows_read = len(drafts) - sum(1 for d in drafts if d.has_errors)
        if not segments:
            result.problems.append(Problem(translate("Import", "no rows could be read below the "
                                                     "header"), self.sheet.name))
            return result
        if not fields.get("title"):
            fields["title"] = Path(self.book.path).stem or self.sheet.name
        show = Show(segments=tuple(segments), skus=tuple(catalogue.used()), defaults=defaults,
                    **fields)
        from console.script.importers.check import check_show
        issues = check_show(show)
        rows = {s.id: s.line for s in segments}
        for issue in issues:
            if issue.is_error:
                result.problems.append(Problem(issue.message, self.sheet.name,
                                               _row_of(issue.field, segments, rows), issue.field))
        if any(i.is_error for i in issues):
            return result
        result.show = show
        return result

    def _sku_catalogue(self, result: ImportResult) -> _Catalogue:
        catalogue = _Catalogue()
        if self.sku_sheet is None:
            return catalogue
        raw, index, mapping = self.sku_sheet
        for number, cells in raw.rows[index + 1:]:
            draft = read_row(raw.name, number, cells, mapping)
            if draft is None:
                continue
            result.problems += draft.problems
            if not draft.product and not draft.sku_id:
                continue
            catalogue.add(draft, result, raw.name, from_sheet=True)
        return catalogue

    def _show_fields(self, result: ImportResult) -> dict:
        assert self.sheet is not None and self.header_index is not None
        values: dict[str, Any] = {}
        title = ""
        for number, cells in self.sheet.rows[:self.header_index]:
            pairs = block_pairs(cells)
            if not pairs and not title:
                title = next((cell_text(c) for c in cells if cell_text(c)
                              and not block_key(c)), "")
            for key, value in pairs:
                values.setdefault(key, (number, value))
        fields: dict[str, Any] = {"title": title}
        targets: dict[str, Any] = {}
        defaults: dict[str, Any] = {}
        base = Defaults()
        for key, (number, value) in values.items():
            try:
                if key == "platform":
                    fields["platform"] = cell_text(value)
                elif key in ("hosts", "assistants"):
                    fields[key] = tuple(n.strip() for n in re.split(r"[、,，/\n]", cell_text(value))
                                        if n.strip())
                elif key == "notes":
                    fields["notes"] = cell_text(value)
                elif key == "planned_start":
                    fields["planned_start"] = _datetime(value)
                elif key in ("gmv", "conversion"):
                    number_value = parse_number(value)
                    if key == "conversion" and isinstance(value, str) and value.strip().endswith("%"):
                        number_value = parse_number(value.strip()[:-1])
                        number_value = None if number_value is None else number_value / 100
                    targets[key] = None if number_value is None else (
                        int(number_value) if key == "gmv" and number_value.is_integer()
                        else number_value)
                elif key in ("orders", "peak_online"):
                    targets[key] = parse_whole(value)
                elif key in ("sku_seconds", "lottery_interval_minutes", "warning_seconds",
                             "lottery_warning_seconds"):
                    whole = parse_whole(value)
                    defaults[key] = getattr(base, key) if whole is None else whole
            except CellError as exc:
                result.problems.append(Problem(str(exc), self.sheet.name, number, key))
        fields["targets"] = Targets(**targets)
        fields["defaults"] = Defaults(**defaults)
        return fields


def _datetime(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    text = cell_text(value).replace("/", "-").replace("年", "-").replace("月", "-").replace(
        "日", "")
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise CellError(translate("Import", "“{value}” is not a date and time; write "
                                  "2026-11-27 20:00").format(value=cell_text(value)[:40])) from None


def _row_of(field: str, segments: list[Segment], rows: dict[str, int]) -> int:
    match = re.match(r"segment\[(\d+)\]", field)
    if match and int(match.group(1)) - 1 < len(segments):
        return segments[int(match.group(1)) - 1].line
    return 0


class _Catalogue:
    """SKUs by id, in order of first appearance; rows naming one fill what it lacks."""

    def __init__(self) -> None:
        self.skus: dict[str, Sku] = {}
        self.by_name: dict[str, str] = {}
        self.used_ids: list[str] = []
        self.from_sheet = False

    def add(self, draft: Draft, result: ImportResult, sheet: str, from_sheet: bool) -> str:
        self.from_sheet |= from_sheet
        sku_id = draft.sku_id if draft.sku_id in self.skus else self.by_name.get(draft.product, "")
        if sku_id:
            if not from_sheet and not self.from_sheet:
                old = self.skus[sku_id]
                self.skus[sku_id] = dataclasses.replace(
                    old, link=old.link if old.link is not None else draft.link,
                    list_price=old.list_price if old.list_price is not None else draft.list_price,
                    live_price=old.live_price if old.live_price is not None else draft.live_price,
                    stock=old.stock if old.stock is not None else draft.stock,
                    selling_points=old.selling_points or draft.selling_points)
            if not from_sheet and sku_id not in self.used_ids:
                self.used_ids.append(sku_id)
            return sku_id
        sku_id = draft.sku_id
        if sku_id and not _ID.match(sku_id):
            result.problems.append(Problem(translate(
                "Import", "SKU id “{id}” must be letters, digits, - or _; a new one is used")
                .format(id=sku_id[:40]), sheet, draft.row, "sku_id", error=False))
            sku_id = ""
        if not sku_id:
            number = len(self.skus) + 1
            while f"P{number:02d}" in self.skus:
                number += 1
            sku_id = f"P{number:02d}"
        self.skus[sku_id] = Sku(
            id=sku_id, name=draft.product or sku_id, list_price=draft.list_price,
            live_price=draft.live_price, stock=draft.stock, link=draft.link,
            selling_points=draft.selling_points, scenes=draft.scenes, faq=draft.faq,
            compliance=draft.compliance)
        if draft.product:
            self.by_name.setdefault(draft.product, sku_id)
        if not from_sheet:
            self.used_ids.append(sku_id)
        return sku_id

    def used(self) -> list[Sku]:
        if self.from_sheet:
            return list(self.skus.values())
        return [self.skus[i] for i in self.used_ids]


def _segments(sheet: str, drafts: list[Draft], catalogue: _Catalogue, defaults: Defaults,
              result: ImportResult) -> list[Segment]:
    segments: list[Segment] = []
    used: set[str] = set()
    wanted = [d.seg_id for d in drafts]
    for index, draft in enumerate(drafts):
        kind = draft.kind_guess()
        sku_id = None
        if draft.product or draft.sku_id:
            sku_id = catalogue.add(draft, result, sheet, from_sheet=False)
        elif kind is SegmentKind.SKU:
            draft.problems.append(Problem(translate(
                "Import", "a product pitch with no product; read as a custom segment"),
                sheet, draft.row))
            kind = SegmentKind.CUSTOM
        seconds = _duration(draft, drafts[index + 1:], kind, defaults, sheet)
        seg_id = draft.seg_id if _ID.match(draft.seg_id) and draft.seg_id not in used else ""
        if draft.seg_id and not seg_id:
            draft.problems.append(Problem(translate(
                "Import", "id “{id}” is not usable (repeated, or not letters and digits); a new "
                "one is used").format(id=draft.seg_id[:40]), sheet, draft.row, "id", error=False))
        if not seg_id:
            number = len(segments) + 1
            while f"s{number:02d}" in used or f"s{number:02d}" in wanted:
                number += 1
            seg_id = f"s{number:02d}"
        used.add(seg_id)
        sku = catalogue.skus.get(sku_id) if sku_id else None
        title = draft.segment if draft.segment and not draft.segment_filled else (
            (sku.name if sku else "") or draft.segment or kind.value)
        notes = draft.notes
        if draft.owner:
            notes = (translate("Import", "Owner: {owner}").format(owner=draft.owner)
                     + ("\n" + notes if notes else ""))
        result.problems += [p for p in draft.problems if p not in result.problems]
        segments.append(Segment(
            id=seg_id, kind=kind, title=title.strip() or kind.value, duration_s=seconds,
            sku_id=sku_id, host=draft.host, assistant=draft.assistant, floor=draft.floor,
            cues=draft.cues, notes=notes, line=draft.row))
    return segments


def _duration(draft: Draft, following: list[Draft], kind: SegmentKind, defaults: Defaults,
              sheet: str) -> int:
    if draft.duration is not None:
        return draft.duration
    seconds: int | None = None
    if draft.start is not None and draft.end is not None:
        seconds = span_seconds(draft.start, draft.end)
    elif draft.start is not None and following and following[0].start is not None:
        seconds = span_seconds(draft.start, following[0].start)
    if seconds is not None:
        if 0 < seconds <= MAX_SEGMENT_S:
            return seconds
        draft.problems.append(Problem(translate(
            "Import", "the times give {seconds} s, not a usable duration").format(seconds=seconds),
            sheet, draft.row))
    if kind is SegmentKind.SKU:
        return defaults.sku_seconds
    if kind in DEFAULT_SECONDS:
        return DEFAULT_SECONDS[kind]
    draft.problems.append(Problem(translate(
        "Import", "no duration, time span or next start time; 60 s assumed"), sheet, draft.row))
    return 60


def import_rundown(path: str | Path, sheet: str | None = None,
                   overrides: dict[str, str] | None = None,
                   memory: MappingMemory | None = None) -> tuple[RundownImport, ImportResult]:
    """Read a file and build its show: the command line's whole import. `overrides`
    maps a column (its header, or letter) to a field name, or to "ignore"."""
    model = RundownImport(read_book(path), sheet, memory)
    if model.mapping is not None:
        for column, field in (overrides or {}).items():
            index = model.mapping.column(column)
            if index is None:
                model.problems.append(Problem(translate(
                    "Import", "--map: there is no column “{column}”").format(column=column)))
                continue
            model.set_field(index, field)
    return model, model.build()


__all__ = ["ImportResult", "PreviewCell", "PreviewRow", "RundownImport", "import_rundown",
           "lines"]

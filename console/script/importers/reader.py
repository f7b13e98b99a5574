"""Spreadsheet files → rows of cell values, bounded and never raising.

.xlsx through openpyxl in read-only mode (rows stream from the file, so a sheet that
claims a million rows costs nothing past the bound), with cached values for formulas;
.csv through the csv module, UTF-8 (with or without BOM) else GB18030, the encoding
Excel uses in China. Every problem is a `Problem`, pinned to a sheet, row and column
when it has them.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

from console.text import translate

MAX_ROWS = 5_000
MAX_COLUMNS = 60
MAX_FILE_BYTES = 50_000_000          # a rundown is kilobytes; a 5,000-row sheet ~2 MB
MAX_UNPACKED_BYTES = 500_000_000     # the zip's members unpacked, all together
MAX_SHARED_STRINGS_BYTES = 50_000_000  # read whole by openpyxl before any row
MAX_MERGE_SCAN_BYTES = 100_000_000


@dataclasses.dataclass(frozen=True)
class Problem:
    """Something the report says: `FILE:SHEET!ROW: column: problem`."""

    message: str
    sheet: str = ""
    row: int = 0
    column: str = ""
    error: bool = True          # False: a note (a guess made, a row skipped on purpose)

    def format(self, file: str) -> str:
        where = file
        if self.sheet:
            where += f":{self.sheet}" + (f"!{self.row}" if self.row else "")
        text = self.message if self.error else translate("Import", "note: {message}").format(
            message=self.message)
        return f"{where}: {self.column}: {text}" if self.column else f"{where}: {text}"


@dataclasses.dataclass
class RawSheet:
    name: str
    rows: list[tuple[int, list[Any]]]                  # (row number, cells)
    merged: list[tuple[int, int, int, int]] = dataclasses.field(default_factory=list)
    problems: list[Problem] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class RawBook:
    path: str
    sheets: list[RawSheet]
    problems: list[Problem]                            # about the file as a whole

    def sheet(self, name: str) -> RawSheet | None:
        return next((s for s in self.sheets if s.name == name), None)


def read_book(path: str | Path) -> RawBook:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return _failed(path, translate("Import", "cannot be read: {reason}").format(
            reason=exc.strerror or exc))
    if not path.is_file():
        return _failed(path, translate("Import", "is not a file"))
    if size > MAX_FILE_BYTES:
        return _failed(path, translate("Import", "is {size} MB; a rundown is read up to {limit} MB")
                       .format(size=size // 1_000_000, limit=MAX_FILE_BYTES // 1_000_000))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path)
    if suffix == ".xls":
        return _failed(path, translate("Import", "is an old Excel 97 .xls file; save it as .xlsx "
                                       "or .csv in Excel or WPS and import that"))
    return _failed(path, translate("Import", "is not a spreadsheet the console reads "
                                   "(.xlsx or .csv)"))


def _failed(path: Path, message: str) -> RawBook:
    return RawBook(str(path), [], [Problem(message)])


# ── CSV ────────────────────────────────────────────────────────────────────────

def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read in: UTF-16 with its BOM, UTF-8 with or without a
    BOM, else GB18030 (a superset of GBK, what Excel saves as "CSV" on Chinese Windows)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), "unknown"


def _read_csv(path: Path) -> RawBook:
    name = path.stem
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _failed(path, translate("Import", "cannot be read: {reason}").format(
            reason=exc.strerror or exc))
    text, encoding = decode(data)
    book = RawBook(str(path), [], [])
    if encoding == "unknown":
        book.problems.append(Problem(translate(
            "Import", "is neither UTF-8 nor GB18030/GBK text; unreadable characters are shown "
            "as �. Save it again as \"CSV UTF-8\"")))
    text = text.replace("\x00", "")
    sample = text[:8192]
    delimiter = ","
    if "\t" in sample and sample.count("\t") > sample.count(","):
        delimiter = "\t"
    elif ";" in sample and sample.count(";") > sample.count(","):
        delimiter = ";"
    sheet = RawSheet(name, [])
    book.sheets.append(sheet)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_ROWS:
                if any(c.strip() for c in cells):
                    sheet.problems.append(Problem(translate(
                        "Import", "only the first {rows} rows are read; the rest is ignored")
                        .format(rows=MAX_ROWS), name, number))
                break
            if len(cells) > MAX_COLUMNS and any(c.strip() for c in cells[MAX_COLUMNS:]):
                sheet.problems.append(Problem(translate(
                    "Import", "only the first {columns} columns are read").format(
                        columns=MAX_COLUMNS), name, number))
            sheet.rows.append((number, [c.strip() or None for c in cells[:MAX_COLUMNS]]))
    except csv.Error as exc:
        sheet.problems.append(Problem(translate("Import", "the CSV cannot be read past here: "
                                                "{reason}").format(reason=exc), name, number + 1))
    return book


# ── XLSX ───────────────────────────────────────────────────────────────────────

def _read_xlsx(path: Path) -> RawBook:
    if not zipfile.is_zipfile(path):
        return _failed(path, translate("Import", "is not an .xlsx workbook (not a zip file: "
                                       "truncated, or another format renamed)"))
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            unpacked = sum(i.file_size for i in infos)
            strings = sum(i.file_size for i in infos if i.filename.endswith("sharedStrings.xml"))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return _failed(path, translate("Import", "is a damaged .xlsx: {reason}").format(reason=exc))
    if unpacked > MAX_UNPACKED_BYTES or strings > MAX_SHARED_STRINGS_BYTES:
        return _failed(path, translate("Import", "unpacks to {size} MB; a rundown is far smaller "
                                       "(refused as a possible zip bomb)").format(
                                           size=unpacked // 1_000_000))
    import openpyxl   # only for .xlsx: the CSV path and everything else never load it
    book = RawBook(str(path), [], [])
    values_wb = formulas_wb = None
    try:
        values_wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formulas_wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
        for values_ws, formulas_ws in zip(values_wb.worksheets, formulas_wb.worksheets):
            if not hasattr(values_ws, "iter_rows"):
                continue               # a chart sheet
            book.sheets.append(_read_sheet(path, values_ws, formulas_ws))
    except Exception as exc:  # noqa: BLE001 — openpyxl raises anything on a damaged file
        book.problems.append(Problem(translate("Import", "is a damaged .xlsx: {reason}").format(
            reason=f"{type(exc).__name__}: {str(exc)[:120]}")))
    finally:
        for wb in (values_wb, formulas_wb):
            if wb is not None:
                wb.close()
    return book


def _read_sheet(path: Path, values_ws, formulas_ws) -> RawSheet:
    from openpyxl.utils import get_column_letter

    name = str(values_ws.title)
    sheet = RawSheet(name, [])
    rows = values_ws.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS + 1, values_only=True)
    formulas = formulas_ws.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS + 1,
                                     values_only=True)
    told_columns = False
    for number, (cells, formula_cells) in enumerate(zip(rows, formulas), start=1):
        cells = list(cells)
        if number > MAX_ROWS:
            if any(c is not None for c in cells):
                sheet.problems.append(Problem(translate(
                    "Import", "only the first {rows} rows are read; the rest is ignored").format(
                        rows=MAX_ROWS), name, number))
            break
        if len(cells) > MAX_COLUMNS and cells[MAX_COLUMNS] is not None and not told_columns:
            told_columns = True
            sheet.problems.append(Problem(translate(
                "Import", "only the first {columns} columns are read").format(
                    columns=MAX_COLUMNS), name, number))
        cells = cells[:MAX_COLUMNS]
        for index, (value, formula) in enumerate(zip(cells, formula_cells)):
            if value is None and formula is not None and (
                    not isinstance(formula, str) or formula.startswith("=")):
                sheet.problems.append(Problem(translate(
                    "Import", "a formula with no saved value ({formula}); open the file in "
                    "Excel or WPS and save it").format(formula=str(formula)[:40]),
                    name, number, get_column_letter(index + 1)))
        while cells and cells[-1] is None:
            cells.pop()
        sheet.rows.append((number, [_clean(c) for c in cells]))
    # The sheet's own <dimension> (cheap to read) says what lies past the bounds even when
    # the rows just past them are empty.
    claimed_rows, claimed_columns = values_ws.max_row or 0, values_ws.max_column or 0
    if claimed_rows > MAX_ROWS and not any(p.row > MAX_ROWS for p in sheet.problems):
        sheet.problems.append(Problem(translate(
            "Import", "the sheet says it has {claimed} rows; only the first {rows} rows are read")
            .format(claimed=claimed_rows, rows=MAX_ROWS), name))
    if claimed_columns > MAX_COLUMNS and not told_columns:
        sheet.problems.append(Problem(translate(
            "Import", "the sheet says it has {claimed} columns; only the first {columns} columns "
            "are read").format(claimed=claimed_columns, columns=MAX_COLUMNS), name))
    sheet.merged = _merged_ranges(path, getattr(values_ws, "_worksheet_path", ""))
    return sheet


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").strip()
        return value or None
    return value


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3}\d{1,7}):([A-Z]{1,3}\d{1,7})"')


def _merged_ranges(path: Path, member: str) -> list[tuple[int, int, int, int]]:
    """Merged ranges (min_row, min_col, max_row, max_col) from the sheet's XML. Read-only
    openpyxl does not parse them; a scan of the raw XML does, in bounded chunks."""
    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

    if not member:
        return []
    found: list[tuple[int, int, int, int]] = []
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as stream:
            tail = b""
            read = 0
            while read < MAX_MERGE_SCAN_BYTES:
                chunk = stream.read(1 << 20)
                if not chunk:
                    break
                read += len(chunk)
                data = tail + chunk
                for match in _MERGE.finditer(data):
                    (c1, r1), (c2, r2) = (coordinate_from_string(g.decode())
                                          for g in match.groups())
                    found.append((r1, column_index_from_string(c1), r2,
                                  column_index_from_string(c2)))
                cut = data.rfind(b"<")
                tail = data[cut:] if cut >= 0 and len(data) - cut < 200 else b""
                if len(found) > 100_000:
                    break
    except (KeyError, OSError, ValueError, zipfile.BadZipFile, EOFError, zlib.error):
        return found
    return sorted(set(found))

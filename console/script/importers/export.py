"""A `Show` → a printable spreadsheet the importer reads back to the same show.

.xlsx: sheet 脚本 (the show's header above one row per segment), sheet 商品 (the SKU
catalogue), sheet 说明 (what each column means). .csv: the 脚本 sheet alone, with the
SKU columns added to each row (a CSV has one sheet; SKUs no segment names are lost).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from pathlib import Path
from typing import Any

from console.script.importers.layout import BLOCK_LABELS
from console.script.importers.rows import faq_text
from console.script.model import Show, Sku
from console.text import translate
from console.timefmt import clock_text

SEGMENT_COLUMNS = (  # (header, width, what it holds — the legend)
    ("ID", 6, "segment id: keep it so a re-import updates the same segment"),
    ("类型 Kind", 11, "opening, sku, lottery, interaction, flash_sale, coupon, closing, custom"),
    ("开始 Start", 9, "planned start (show clock); only read when a row has no duration"),
    ("时长 Duration", 9, "m:ss, h:mm:ss, or 90, 90秒, 3分钟"),
    ("环节 Segment", 22, "segment title"),
    ("SKU ID", 8, "the product's id on the SKU sheet"),
    ("商品 Product", 22, "product name (the SKU sheet is what is read)"),
    ("链接号 Link", 7, "shopping-cart link number (the SKU sheet is what is read)"),
    ("到手价 Live price", 9, "live price (the SKU sheet is what is read)"),
    ("主播 Host", 40, "host lines, one per line in the cell"),
    ("助播 Assistant", 26, "assistant lines"),
    ("场控 Floor", 24, "floor-control actions"),
    ("提示 Cues", 18, "cues on the presenter view"),
    ("备注 Notes", 20, "notes"),
)
SKU_COLUMNS = (
    ("SKU ID", 8, "product id; segments refer to it"),
    ("商品 Name", 26, "product name"),
    ("链接号 Link", 7, "shopping-cart link number"),
    ("原价 List price", 9, "list price"),
    ("到手价 Live price", 9, "live price (到手价)"),
    ("库存 Stock", 8, "stock"),
    ("卖点 Selling points", 30, "1–3 core selling points, one per line"),
    ("场景 Scenes", 20, "usage scenes, one per line"),
    ("常见问题 FAQ", 40, "lines 问：… then 答：…"),
    ("合规 Compliance", 26, "compliance notes and disclaimers"),
)
CSV_SKU_COLUMNS = tuple(c for c in SKU_COLUMNS if c[0] in (
    "原价 List price", "库存 Stock", "卖点 Selling points", "场景 Scenes", "常见问题 FAQ",
    "合规 Compliance"))
SHEET_SCRIPT, SHEET_SKUS, SHEET_LEGEND = "脚本 Rundown", "商品 SKUs", "说明 Legend"


def _lines(values) -> str:
    return "\n".join(values)


def header_block(show: Show) -> list[tuple[str, Any]]:
    t, d = show.targets, show.defaults
    values: dict[str, Any] = {
        "platform": show.platform, "hosts": "、".join(show.hosts),
        "assistants": "、".join(show.assistants),
        "planned_start": show.planned_start.isoformat() if show.planned_start else "",
        "planned_total": clock_text(show.planned_ms), "gmv": t.gmv, "orders": t.orders,
        "peak_online": t.peak_online, "conversion": t.conversion, "notes": show.notes,
        "sku_seconds": d.sku_seconds, "lottery_interval_minutes": d.lottery_interval_minutes,
        "warning_seconds": d.warning_seconds, "lottery_warning_seconds": d.lottery_warning_seconds,
    }
    return [(BLOCK_LABELS[key], value) for key, value in values.items()
            if value not in (None, "")]


def segment_rows(show: Show, with_sku_details: bool = False) -> list[list[Any]]:
    rows = []
    for segment, start_ms in zip(show.segments, show.planned_starts_ms()):
        sku = show.sku(segment.sku_id)
        if show.planned_start is not None:
            start = (show.planned_start + dt.timedelta(milliseconds=start_ms)).strftime("%H:%M:%S")
        else:
            start = clock_text(start_ms)
        row: list[Any] = [
            segment.id, segment.kind.value, start, clock_text(segment.duration_ms), segment.title,
            segment.sku_id or "", sku.name if sku else "", sku.link if sku else None,
            sku.live_price if sku else None, _lines(segment.host), _lines(segment.assistant),
            _lines(segment.floor), _lines(segment.cues), segment.notes]
        if with_sku_details:
            row += _sku_details(sku)
        rows.append(row)
    return rows


def _sku_details(sku: Sku | None) -> list[Any]:
    if sku is None:
        return [None] * len(CSV_SKU_COLUMNS)
    return [sku.list_price, sku.stock, _lines(sku.selling_points), _lines(sku.scenes),
            faq_text(sku.faq), sku.compliance]


def sku_rows(show: Show) -> list[list[Any]]:
    return [[s.id, s.name, s.link, s.list_price, s.live_price, s.stock, _lines(s.selling_points),
             _lines(s.scenes), faq_text(s.faq), s.compliance] for s in show.skus]


def export_show(show: Show, path: str | Path) -> None:
    """Write `show` to .xlsx or .csv (by the suffix); written whole, then moved in place."""
    path = Path(path)
    temporary = path.with_name(path.name + ".part")
    if path.suffix.lower() == ".csv":
        _write_csv(show, temporary)
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        _write_xlsx(show, temporary)
    else:
        raise ValueError(translate("Import", "export writes .xlsx or .csv, not “{suffix}”")
                         .format(suffix=path.suffix))
    os.replace(temporary, path)


def _write_csv(show: Show, path: Path) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow([show.title])
    for label, value in header_block(show):
        writer.writerow([label, value])
    writer.writerow([])
    writer.writerow([c[0] for c in SEGMENT_COLUMNS + CSV_SKU_COLUMNS])
    writer.writerows([["" if v is None else v for v in row]
                      for row in segment_rows(show, with_sku_details=True)])
    path.write_bytes(out.getvalue().encode("utf-8-sig"))   # the BOM: Excel then reads UTF-8


def _write_xlsx(show: Show, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    head_fill = PatternFill("solid", fgColor="DDDDDD")

    def table(ws, first_row: int, columns, rows) -> None:
        for index, (header, width, _) in enumerate(columns, start=1):
            cell = ws.cell(first_row, index, header)
            cell.font, cell.fill, cell.border, cell.alignment = (
                Font(bold=True), head_fill, border, wrap)
            ws.column_dimensions[get_column_letter(index)].width = width
        for offset, row in enumerate(rows, start=1):
            for index, value in enumerate(row, start=1):
                cell = ws.cell(first_row + offset, index, value)
                cell.border, cell.alignment = border, wrap
                if isinstance(value, str):
                    cell.data_type = "s"     # "=…" in a line stays text, never a formula
        ws.freeze_panes = ws.cell(first_row + 1, 1)
        ws.print_title_rows = f"{first_row}:{first_row}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True

    script = wb.active
    script.title = SHEET_SCRIPT
    script.cell(1, 1, show.title).font = Font(bold=True, size=16)
    row = 2
    for label, value in header_block(show):
        script.cell(row, 1, label).font = Font(bold=True)
        cell = script.cell(row, 2, value)
        if isinstance(value, str):
            cell.data_type = "s"
        row += 1
    table(script, row + 1, SEGMENT_COLUMNS, segment_rows(show))
    script.column_dimensions["A"].width = max(SEGMENT_COLUMNS[0][1], 16)

    skus = wb.create_sheet(SHEET_SKUS)
    table(skus, 1, SKU_COLUMNS, sku_rows(show))

    legend = wb.create_sheet(SHEET_LEGEND)
    legend.append(["列 Column", "含义 Meaning"])
    for header, _, meaning in SEGMENT_COLUMNS + SKU_COLUMNS:
        legend.append([header, translate("Import", meaning)])
    legend.column_dimensions["A"].width = 20
    legend.column_dimensions["B"].width = 70
    wb.save(path)

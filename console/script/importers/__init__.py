"""Spreadsheet rundowns (直播脚本 in Excel/WPS/CSV) in and out — Qt-free.

    model, result = import_rundown("脚本.xlsx", sheet=None, overrides={"画面": "notes"},
                                   memory=MappingMemory(data_folder / MAPPINGS_FILENAME))
    result.show            # a Show, or None (result.exit_code == 2)
    result.report_lines()  # FILE:SHEET!ROW: column: problem
    model.preview(rows=5)  # cells, their fields and problems, for a mapping step
    export_show(show, "脚本.xlsx")   # or .csv

The rules are in docs/spreadsheet-import.md.
"""

from __future__ import annotations

from console.script.importers.build import (ImportResult, PreviewCell, PreviewRow, RundownImport,
                                            import_rundown)
from console.script.importers.export import export_show
from console.script.importers.mapping import (FIELDS, MAPPINGS_FILENAME, ColumnMapping,
                                              MappingMemory)
from console.script.importers.reader import MAX_COLUMNS, MAX_ROWS, Problem, read_book

__all__ = ["FIELDS", "MAPPINGS_FILENAME", "MAX_COLUMNS", "MAX_ROWS", "ColumnMapping",
           "ImportResult", "MappingMemory", "PreviewCell", "PreviewRow", "Problem",
           "RundownImport", "export_show", "import_rundown", "read_book"]

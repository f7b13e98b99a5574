"""Show → printable spreadsheet → the same Show (console/script/importers/export.py)."""

import dataclasses

import pytest
from openpyxl import load_workbook

from console.cli import main
from console.resources import resource_path
from console.script import load_show
from console.script.importers import export_show, import_rundown
from console.script.importers.check import check_show

SHOWS = sorted(resource_path("shows").glob("*.toml"))


def without_lines(show):
    return dataclasses.replace(show, segments=tuple(dataclasses.replace(s, line=0)
                                                    for s in show.segments))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("path", SHOWS, ids=lambda p: p.stem)
def test_export_then_import_gives_back_the_same_show(tmp_path, path, suffix):
    show = load_show(path).show
    out = tmp_path / f"out{suffix}"
    export_show(show, out)
    _, result = import_rundown(out)
    assert result.exit_code == 0, result.report_lines()
    assert without_lines(result.show) == without_lines(show)
    assert [i for i in check_show(result.show) if i.is_error] == []


def test_an_edited_export_updates_the_same_show(tmp_path):
    show = load_show(SHOWS[0]).show
    out = tmp_path / "out.xlsx"
    export_show(show, out)
    wb = load_workbook(out)
    ws = wb["脚本 Rundown"]
    header = next(r for r in range(1, 40) if ws.cell(r, 1).value == "ID")
    ws.cell(header + 2, 4, "2:00")          # the second segment, now 2 minutes
    wb.save(out)
    _, result = import_rundown(out)
    assert result.show.segments[1].duration_s == 120
    assert [s.id for s in result.show.segments] == [s.id for s in show.segments]


def test_the_export_is_formatted_for_printing(tmp_path):
    show = load_show(SHOWS[-1]).show
    out = tmp_path / "print.xlsx"
    export_show(show, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["脚本 Rundown", "商品 SKUs", "说明 Legend"]
    ws = wb["脚本 Rundown"]
    assert ws["A1"].value == show.title
    header = next(r for r in range(1, 40) if ws.cell(r, 1).value == "ID")
    assert ws.freeze_panes == f"A{header + 1}"
    assert ws.cell(header + 1, 10).alignment.wrap_text
    assert ws.column_dimensions["J"].width == 40
    assert ws.max_row == header + len(show.segments)
    assert wb["商品 SKUs"].max_row == len(show.skus) + 1


def test_cli_export(tmp_path, capsys):
    out = tmp_path / "s.xlsx"
    assert main(["export", str(SHOWS[0]), "-o", str(out)]) == 0
    assert out.exists() and "wrote" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["export", str(SHOWS[0]), "-o", str(out)])
    assert main(["export", str(SHOWS[0]), "-o", str(out), "--force"]) == 0

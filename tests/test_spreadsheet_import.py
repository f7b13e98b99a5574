"""Spreadsheet rundowns as teams write them → a Show (console/script/importers)."""

import datetime as dt
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from console.cli import main
from console.script.importers import MappingMemory, import_rundown, read_book
from console.script.importers.cells import CellError, parse_duration, parse_span
from console.script.importers.mapping import ColumnMapping, field_of
from console.script.importers.rows import read_row
from console.script.model import SegmentKind

CN_HEADERS = ["时间段", "环节", "时长", "商品", "到手价", "核心卖点", "话术要点", "福利/互动",
              "场控动作", "助播", "负责人", "画面", "奇怪的列"]


def chinese_workbook(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "说明"
    ws.append(["这张表只是说明"])
    ws2 = wb.create_sheet("周五脚本")
    ws2.append(["溪木护肤 · 周五专场 直播脚本"])
    ws2.append(["平台：抖音"])
    ws2.append(CN_HEADERS)
    ws2.append(["20:00-20:03", "开场暖场", "3分钟", None, None, None, "欢迎来到直播间\n今天福利多",
                "点赞到1万抽奖", "上架引流款", "扣1", "小雅", "全景", "x"])
    ws2.append(["20:03~20:04:30", "单品讲解", "", "1号链接 氨基酸洁面乳", "¥9.9", "温和\n不紧绷",
                "讲质地", "", "弹价格", "点击1号链接", "", "", ""])
    ws2.append([None, None, "1:30", "2号链接 补水精华", "159元", "补水", "讲成分", "", "", "", "",
                "", ""])
    ws2.append([None] * 13)                                   # a spacer row
    ws2.append(["20:06", "福袋抽奖", dt.time(0, 1, 0), None, None, None, "福袋开了", None, "发福袋",
                None, None, None, None])
    ws2.append(["20:07", "限时秒杀", "abc", "1号链接 氨基酸洁面乳", None, None, None, None, None,
                None, None, None, None])
    ws2.append(["20:10", "品牌故事", "2min", None, None, None, "讲品牌", None, None, None, None,
                None, None])
    ws2.append(["20:12", "收尾下播", "", None, None, None, "预告下一场", None, None, None, None,
                None, None])
    ws2.merge_cells("B5:B6")                                  # 单品讲解 spans two rows
    wb.save(path)


def test_a_chinese_rundown_with_title_row_merged_cells_and_odd_cells(tmp_path):
    path = tmp_path / "脚本.xlsx"
    chinese_workbook(path)
    model, result = import_rundown(path)
    show = result.show
    assert show is not None and result.sheet == "周五脚本" and result.header_row == 3
    assert show.title == "溪木护肤 · 周五专场 直播脚本" and show.platform == "抖音"
    kinds = [s.kind for s in show.segments]
    assert kinds == [SegmentKind.OPENING, SegmentKind.SKU, SegmentKind.SKU, SegmentKind.LOTTERY,
                     SegmentKind.FLASH_SALE, SegmentKind.CUSTOM, SegmentKind.CLOSING]
    durations = [s.duration_s for s in show.segments]
    assert durations == [180, 90, 90, 60, 180, 120, 180]   # 秒杀 "abc": the kind's default
    opening, pitch, second, _lottery, flash = show.segments[:5]
    assert opening.host == ("欢迎来到直播间", "今天福利多") and opening.cues == ("点赞到1万抽奖",)
    assert opening.floor == ("上架引流款",) and opening.assistant == ("扣1",)
    assert opening.notes.startswith("Owner: 小雅") and "全景" in opening.notes
    assert pitch.title == "单品讲解" and second.title == "补水精华"   # 环节 filled down
    sku = show.sku(pitch.sku_id)
    assert (sku.name, sku.link, sku.live_price, sku.selling_points) == (
        "氨基酸洁面乳", 1, 9.9, ("温和", "不紧绷"))
    assert flash.sku_id == pitch.sku_id and len(show.skus) == 2     # one catalogue entry
    lines = result.report_lines()
    assert any("周五脚本!9: 时长:" in line and "abc" in line for line in lines)
    assert any("奇怪的列" in line and "unknown column" in line for line in lines)
    assert "sheets: 说明, 周五脚本 (read, header on row 3)" in lines[0]
    assert result.exit_code == 1
    preview = model.preview(rows=2)
    assert [r.row for r in preview] == [4, 5]
    assert preview[0].cells[2].field == "duration" and preview[0].cells[2].text == "3分钟"


def test_a_chosen_sheet_and_a_missing_one(tmp_path):
    path = tmp_path / "脚本.xlsx"
    chinese_workbook(path)
    _, result = import_rundown(path, sheet="说明")
    assert result.show is None and result.exit_code == 2
    _, result = import_rundown(path, sheet="没有")
    assert result.exit_code == 2 and "no sheet “没有”" in "\n".join(result.report_lines())


def test_english_csv_with_bom_and_start_times_alone(tmp_path):
    path = tmp_path / "rundown.csv"
    path.write_bytes("\n".join([
        "Friday night show,,,,",
        "Start,Segment,Product,Live price,Talking points",
        "20:00,Opening,,,Welcome",
        "20:02:30,,Cleanser #1,\"1,299\",Gentle",
        "20:04,Lottery,,,Draw now",
        "20:05,Q&A,,,Answer",
    ]).encode("utf-8-sig"))
    _, result = import_rundown(path)
    show = result.show
    assert result.exit_code == 0, result.report_lines()
    assert show.title == "Friday night show"
    assert [s.duration_s for s in show.segments] == [150, 90, 60, 120]   # last: the kind default
    assert [s.kind for s in show.segments] == [SegmentKind.OPENING, SegmentKind.SKU,
                                               SegmentKind.LOTTERY, SegmentKind.INTERACTION]
    assert show.skus[0].live_price == 1299 and show.skus[0].link == 1


def test_a_gbk_csv_as_excel_saves_it_in_china(tmp_path):
    path = tmp_path / "脚本.csv"
    path.write_bytes("环节,时长,商品,话术\n开场,1分30秒,,大家好\n讲解,90秒,洁面乳,温和\n"
                     .encode("gbk"))
    _, result = import_rundown(path)
    assert result.exit_code == 0 and result.show.segments[0].host == ("大家好",)
    assert [s.duration_s for s in result.show.segments] == [90, 90]


def test_a_custom_row_without_duration_and_a_row_of_nothing_are_reported(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("环节,时长,备注,其他\n品牌故事,,说明,\n,,,只有这里\n开场,2:00,,\n",
                    encoding="utf-8")
    _, result = import_rundown(path)
    text = "\n".join(result.report_lines())
    assert "x.csv:x!2:" in text and "60 s assumed" in text
    assert "!3:" in text and "nothing in the columns" in text
    assert result.exit_code == 1 and len(result.show.segments) == 2


@pytest.mark.parametrize("data, reason", [
    (b"not a zip at all", "not a zip file"),
    (None, "damaged"),
])
def test_broken_xlsx_files_give_a_message(tmp_path, data, reason):
    path = tmp_path / "bad.xlsx"
    if data is None:
        chinese_workbook(path)
        path.write_bytes(path.read_bytes()[:1500])          # truncated mid-archive
    else:
        path.write_bytes(data)
    _, result = import_rundown(path)
    assert result.exit_code == 2
    assert any(reason in line or "not an .xlsx" in line for line in result.report_lines())


def test_rows_past_the_bound_are_cut_and_said(tmp_path):
    path = tmp_path / "big.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["环节", "时长"])
    ws.append(["开场", 60])
    ws.cell(1_000_000, 1, "far away")
    ws.cell(2, 200, "too wide")
    wb.save(path)
    book = read_book(path)
    assert len(book.sheets[0].rows) <= 5_000
    _, result = import_rundown(path)
    text = "\n".join(result.report_lines())
    assert "only the first 5000 rows" in text and "only the first 60 columns" in text
    assert result.show is not None and result.exit_code == 1


def test_a_formula_without_a_saved_value_is_reported(tmp_path):
    path = tmp_path / "f.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["环节", "时长"])
    ws.append(["开场", "=60+30"])       # openpyxl saves no cached value
    ws.append(["讲解", 90])
    wb.save(path)
    _, result = import_rundown(path)
    assert any("!2: B: a formula with no saved value" in line for line in result.report_lines())


def test_remembered_and_overridden_mappings(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("环节,秒数,内容说明,备注\n开场,100,欢迎,\n", encoding="utf-8")
    memory = MappingMemory(tmp_path / "import-mappings.json")
    _, result = import_rundown(path, overrides={"秒数": "duration", "C": "host"}, memory=memory)
    assert result.show.segments[0].duration_s == 100 and result.show.segments[0].host == ("欢迎",)
    memory.remember(result.mapping)
    model, again = import_rundown(path, memory=memory)
    assert model.remembered and again.show == result.show


def test_header_synonyms():
    assert [field_of(h) for h in ("时间段", "讲解时长", "模块", "链接号", "核心卖点", "口播",
                                  "机制", "场控动作", "画面", "Talking points", "时长(秒)",
                                  "Selling Points", "SKU", "Host", "Offer")] == [
        "time", "duration", "segment", "link", "selling_points", "host", "cues", "floor",
        "notes", "host", "duration", "selling_points", "product", "host", "cues"]


@pytest.mark.parametrize("value, seconds", [
    (90, 90), ("90", 90), ("90秒", 90), ("90s", 90), ("1:30", 90), ("1分30秒", 90),
    ("3分钟", 180), ("2min", 120), ("１：３０", 90), (dt.time(0, 1, 30), 90),
    (dt.time(1, 30), 90), (dt.timedelta(minutes=2), 120), (90 / 86400, 90),
    ("20:00-20:03", 180), ("1:02:03", 3723), ("1h", 3600),
])
def test_durations(value, seconds):
    assert parse_duration(value)[0] == seconds


def test_minutes_when_the_header_says_so():
    assert parse_duration(3, unit_s=60)[0] == 180
    assert ColumnMapping.auto(["时长(分钟)"]).units == [60]


def test_spans():
    assert parse_span("20:00-20:03") == (72000, 72180)
    assert parse_span("23:58~0:02") == (86280, 120)
    assert parse_span("20点") == (72000, None)


_cells = st.one_of(st.none(), st.text(max_size=30), st.integers(-10**20, 10**20),
                   st.floats(allow_nan=True), st.booleans(), st.times(), st.datetimes(),
                   st.timedeltas(), st.sampled_from(["1:30", "90秒", "20:00-20:03", "¥1,2万",
                                                     "1号链接 A", "问：a", "3分钟", "99:99"]))


@settings(max_examples=300, deadline=None)
@given(_cells)
def test_the_duration_parser_answers_or_says_why(value):
    try:
        seconds, _ = parse_duration(value)
    except CellError:
        return
    assert seconds is None or 0 < seconds <= 4 * 3600


@settings(max_examples=200, deadline=None)
@given(st.lists(_cells, max_size=len(CN_HEADERS)))
def test_the_row_mapper_never_raises(cells):
    draft = read_row("s", 5, cells, ColumnMapping.auto(CN_HEADERS))
    if draft is not None:
        draft.kind_guess()
        assert all(p.row == 5 for p in draft.problems)


# ── The command line (needs console/script/writer.py from the writer branch) ────

def test_cli_import_exit_codes_and_overwrite(tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text("环节,时长\n开场,2:00\n抽奖,60\n", encoding="utf-8")
    out = tmp_path / "show.toml"
    data = ["--data-dir", str(tmp_path / "data")]
    assert main(["import", str(good), "-o", str(out), *data]) == 0
    assert main(["validate", str(out)]) == 0
    with pytest.raises(SystemExit) as refused:
        main(["import", str(good), "-o", str(out), *data])
    assert refused.value.code == 2
    assert (tmp_path / "data" / "import-mappings.json").exists()
    bad = tmp_path / "bad.csv"
    bad.write_text("环节,时长\n开场,abc\n抽奖,60\n", encoding="utf-8")
    assert main(["import", str(bad), "-o", str(out), "--force", *data]) == 1
    assert "bad.csv:bad!2: 时长:" in capsys.readouterr().out
    empty = tmp_path / "empty.xlsx"
    zipfile.ZipFile(empty, "w").close()
    assert main(["import", str(empty), "-o", str(tmp_path / "x.toml"), *data]) == 2
    assert not (tmp_path / "x.toml").exists()

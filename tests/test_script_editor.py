"""The script editor (issue 11): edits, reorder, undo/redo, validation and compliance on
their fields, save/load, the unsaved guard, the mapping step, `console edit`, rehearsal."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import sys

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QSpinBox

from console.script import content_hash, load_show
from console.script.draft import Area, Draft
from console.script.model import SegmentKind
from console.settings import Settings
from console.ui.script_editor import ScriptEditor
from console.ui.script_editor import marks_style
from console.ui.script_editor.launch import build_editor
from tests.conftest import STANDARD

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def show_file(tmp_path):
    path = tmp_path / "show.toml"
    shutil.copy(STANDARD, path)
    return path


def _editor(qtbot, draft, tmp_path, **kw) -> ScriptEditor:
    editor = ScriptEditor(draft, Settings(), tmp_path / "data", **kw)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitActive(editor)
    return editor


@pytest.fixture
def editor(qtbot, show_file, tmp_path):
    window = _editor(qtbot, Draft.open(show_file), tmp_path)
    yield window
    window._close_ok = True           # pytest-qt closes it: no question left behind


def unnumbered(show):
    """A show without the file line each segment was read from."""
    return dataclasses.replace(show, segments=tuple(
        dataclasses.replace(s, line=0) for s in show.segments))


def cell(editor, row, field):
    return editor.segments.index(row, editor.segments.column_of(field))


def test_edit_a_cell_then_undo_and_redo_with_the_keys(editor, qtbot):
    old = editor.draft.show.segments[1].title
    editor.segments.setData(cell(editor, 1, "title"), "新标题")
    assert editor.draft.show.segments[1].title == "新标题"
    assert editor.windowTitle().endswith("*")
    qtbot.keyClick(editor.segment_view, Qt.Key.Key_Z, CTRL)
    assert editor.draft.show.segments[1].title == old
    assert not editor.draft.dirty
    qtbot.keyClick(editor.segment_view, Qt.Key.Key_Z, CTRL_SHIFT)
    assert editor.draft.show.segments[1].title == "新标题"


def test_typing_in_a_cell_edits_the_duration_through_the_draft(editor, qtbot):
    editor.segment_view.setFocus()
    editor.segment_view.setCurrentIndex(cell(editor, 2, "duration"))
    qtbot.keyClick(editor.segment_view, Qt.Key.Key_F2)
    field = editor.segment_view.findChild(QSpinBox)
    field.selectAll()
    qtbot.keyClicks(field, "75")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.draft.show.segments[2].duration_s == 75)   # queued commit
    assert editor.draft.show.segments[2].duration_s == 75
    assert editor.draft.can_undo


def test_header_fields_go_through_the_draft(editor, qtbot):
    editor.tabs.setCurrentIndex(2)
    title = editor.header.fields["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Friday skincare")
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)       # the pending text is an edit, undone
    assert editor.draft.show.title == load_show(STANDARD).show.title
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL_SHIFT)
    assert editor.draft.show.title == "Friday skincare"


def test_reorder_with_ctrl_arrows_and_by_drag(editor, qtbot):
    ids = [s.id for s in editor.draft.show.segments]
    editor.segment_view.setFocus()
    editor.segment_view.setCurrentIndex(cell(editor, 1, "title"))
    qtbot.keyClick(editor.segment_view, Qt.Key.Key_Down, CTRL)
    assert [s.id for s in editor.draft.show.segments][:3] == [ids[0], ids[2], ids[1]]
    assert editor.current_row() == 2
    qtbot.keyClick(editor.segment_view, Qt.Key.Key_Up, CTRL)
    assert [s.id for s in editor.draft.show.segments] == ids
    data = editor.segments.mimeData([cell(editor, 0, "title")])
    editor.segments.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert [s.id for s in editor.draft.show.segments][:3] == [ids[1], ids[2], ids[0]]
    qtbot.keyClick(editor.segment_view, Qt.Key.Key_Z, CTRL)
    assert [s.id for s in editor.draft.show.segments] == ids


def test_add_duplicate_remove_and_kind_defaults(editor, qtbot):
    count = len(editor.draft.show.segments)
    editor.segment_view.setCurrentIndex(cell(editor, 0, "title"))
    editor.add_segment(SegmentKind.SKU)
    assert editor.draft.show.segments[1].kind is SegmentKind.SKU
    assert editor.draft.show.segments[1].duration_s == 90
    qtbot.keyClick(editor.segment_view, Qt.Key.Key_D, CTRL)
    assert len(editor.draft.show.segments) == count + 2
    qtbot.keyClick(editor.segment_view, Qt.Key.Key_Delete, CTRL)
    assert len(editor.draft.show.segments) == count + 1


def test_validation_problem_is_shown_on_its_cell_and_listed(editor, qtbot):
    row = next(i for i, s in enumerate(editor.draft.show.segments) if s.kind is SegmentKind.SKU)
    editor.segments.setData(cell(editor, row, "sku"), "NOPE")
    index = cell(editor, row, "sku")
    assert editor.segments.data(index, Qt.ItemDataRole.BackgroundRole).name() == marks_style.ERROR
    assert "NOPE" in editor.segments.data(index, Qt.ItemDataRole.ToolTipRole)
    other = cell(editor, row, "title")
    assert editor.segments.data(other, Qt.ItemDataRole.BackgroundRole) is None
    assert editor.side.problems.topLevelItemCount() >= 1
    item = editor.side.problems.topLevelItem(0)
    assert item.data(0, Qt.ItemDataRole.UserRole) == (Area.SEGMENT, row, "sku")


def test_over_standard_segments_are_marked_in_the_timeline(editor):
    editor.segments.setData(cell(editor, 0, "duration"), 240)       # opening 4:00 > 3:00
    first = editor.side.timeline.topLevelItem(0)
    assert first.text(2).startswith("⚠")
    assert first.background(1).color().name() == marks_style.OVER
    cues = [editor.side.timeline.topLevelItem(i).text(1)
            for i in range(editor.side.timeline.topLevelItemCount())]
    assert sum("#" in text for text in cues) == len(editor.draft.timeline().cues)


def test_compliance_hits_are_highlighted_with_their_suggestion(editor, qtbot):
    editor.segments.setData(cell(editor, 1, "host"), "这是全网最低价；国家级认证")
    key = (Area.SEGMENT, 1, "host")
    assert editor.marks.hits_at(key)
    index = cell(editor, 1, "host")
    assert editor.segments.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    tip = editor.segments.data(index, Qt.ItemDataRole.ToolTipRole)
    found = editor.marks.hits_at(key)[0]
    assert found.hit.text in tip and (found.hit.entry.suggest[0] in tip)
    hits = editor.side.hits
    assert hits.topLevelItemCount() == len(editor.marks.hits)
    assert hits.topLevelItem(0).text(2) == " / ".join(found.hit.entry.suggest)
    editor.segment_view.setCurrentIndex(index)
    block = editor.lines.editors["host"].document().firstBlock()
    formats = block.layout().formats()
    assert any(f.format.underlineStyle() for f in formats)


def test_save_and_reload_keep_every_field(editor, qtbot, show_file):
    editor.draft.set_header(platform="抖音", hosts=("小美", "阿杰"),
                            planned_start=dt.datetime(2025, 6, 18, 20, 0))
    editor.draft.set_targets(gmv=500000.0, orders=3000, conversion=0.08)
    editor.draft.set_defaults(lottery_interval_minutes=8)
    editor.draft.set_sku(0, live_price=59.9, selling_points=("保湿", "温和"))
    editor.changed()
    editor.segments.setData(cell(editor, 0, "cues"), "开场抽奖；点赞到 1 万")
    editor.lines.editors["notes"].setPlainText("灯光先暗")
    editor.lines.commit("notes")
    qtbot.keyClick(editor.segment_view, Qt.Key.Key_S, CTRL)
    assert not editor.draft.dirty
    assert unnumbered(Draft.open(show_file).show) == unnumbered(editor.draft.show)
    assert str(show_file.resolve()) in editor.files.recent()


def test_the_live_file_is_never_overwritten(qtbot, show_file, tmp_path):
    before = show_file.read_text("utf-8")
    editor = _editor(qtbot, Draft.open(show_file), tmp_path, live_hash=content_hash(before))
    editor.segments.setData(cell(editor, 0, "title"), "改了")
    qtbot.keyClick(editor.segment_view, Qt.Key.Key_S, CTRL)
    assert show_file.read_text("utf-8") == before
    assert isinstance(editor.files.question, QMessageBox)
    editor.files.question.done(QMessageBox.StandardButton.Ok)
    editor._close_ok = True


def test_unsaved_guard_on_close(editor, qtbot):
    editor.segments.setData(cell(editor, 0, "title"), "改了")
    editor.close()
    assert editor.isVisible()
    box = editor.files.question
    assert box is not None and box.windowModality() == Qt.WindowModality.WindowModal
    box.done(QMessageBox.StandardButton.Cancel)
    assert editor.isVisible()
    editor.close()
    editor.files.question.done(QMessageBox.StandardButton.Discard)
    assert not editor.isVisible()


def _rundown(path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "脚本"
    sheet.append(["周五护肤专场 直播脚本"])
    sheet.append(["环节", "时长", "商品", "话术", "灯光机位"])
    sheet.append(["开场", "3分钟", "", "欢迎新进来的宝宝", "全景"])
    sheet.append(["爆款介绍", "90秒", "氨基酸洁面乳", "9.9 元尝鲜", "特写"])
    sheet.append(["福袋抽奖", "半天", "", "福袋已经挂上", ""])
    book.save(path)


def test_the_mapping_step_for_a_spreadsheet(editor, qtbot, tmp_path):
    xlsx = tmp_path / "rundown.xlsx"
    _rundown(xlsx)
    editor._close_ok = False
    editor.draft.save()                       # nothing unsaved: no question first
    editor.files.open_path(xlsx)
    dialog = editor.files.mapping
    assert dialog is not None
    assert dialog.combos[1].currentData() == "duration"
    assert dialog.combos[4].currentData() is None              # 灯光机位: not understood
    bad = [dialog.table.item(r, 1) for r in range(1, 4)]
    assert any(item.toolTip() for item in bad if item)          # 半天: a duration problem
    dialog.combos[4].setCurrentIndex(dialog.combos[4].findData("notes"))
    assert dialog.model.mapping.fields[4] == "notes"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    show = editor.draft.show
    assert [s.title for s in show.segments][:2] == ["开场", "爆款介绍"]
    assert show.segments[0].notes == "全景"
    assert editor.draft.path is None and editor.windowTitle().startswith("Script editor")
    remembered = (tmp_path / "data" / "import-mappings.json").read_text("utf-8")
    assert "notes" in remembered


def test_rehearse_starts_a_separate_process_in_the_rehearsal_folder(editor, qtbot, tmp_path):
    calls = []
    editor.launcher = lambda program, args: calls.append((program, args))
    editor.segments.setData(cell(editor, 2, "title"), "改了")          # dirty: a copy
    editor.segment_view.setCurrentIndex(cell(editor, 2, "title"))
    editor.rehearse()
    dialog = editor.rehearse_dialog
    assert dialog.first.currentData() == 2
    dialog.speed.setCurrentIndex(dialog.speed.findData(5))
    dialog.accept()
    (program, args), = calls
    assert program == sys.executable
    assert args[:3] == ["-m", "console", "run"]
    script = args[3]
    assert "rehearsals" in script and load_show(script).show.segments[2].title == "改了"
    for flag, value in (("--speed", "5"), ("--from", "3"),
                        ("--data-dir", str(tmp_path / "data" / "rehearsals"))):
        assert args[args.index(flag) + 1] == value
    assert "--rehearsal" in args and "--simulate" in args and "--new" in args


def test_console_edit_builds_the_window(qtbot, show_file, tmp_path, monkeypatch):
    from console import cli
    editor = build_editor(str(show_file), tmp_path, Settings())
    qtbot.addWidget(editor)
    assert editor.draft.show == load_show(show_file).show
    assert cli.build_parser().parse_args(["edit", str(show_file)]).command == "edit"
    opened = []
    monkeypatch.setattr("console.ui.script_editor.launch.run_editor",
                        lambda file, folder, lang: opened.append((file, folder)) or 0)
    assert cli.main(["edit", str(show_file), "--data-dir", str(tmp_path / "d")]) == 0
    assert opened[0][0] == str(show_file)


@pytest.mark.qt_log_ignore("^This plugin does not support (raise|grabbing)")
def test_edit_show_from_the_console_opens_its_own_non_modal_window(qtbot, tmp_path, standard):
    from tests.ui_helpers import close, make_harness
    ui = make_harness(qtbot, tmp_path, standard)
    try:
        ui.operator.perform("edit_show")
        editor = ui.operator.editor
        qtbot.addWidget(editor)
        assert editor.isWindow() and editor.windowModality() == Qt.WindowModality.NonModal
        assert editor.live_hash == standard.content_hash
        steps = ui.runner.show.segments
        editor.segment_view.setFocus()
        qtbot.keyClick(editor.segment_view, Qt.Key.Key_Space)   # a show key: not the show's
        assert ui.runner.show.segments == steps
        editor._close_ok = True
        editor.close()
    finally:
        close(ui)


def _pitched_sku(editor):
    """The row of a SKU some segments pitch, and how many."""
    show = editor.draft.show
    for row, sku in enumerate(show.skus):
        using = sum(s.sku_id == sku.id for s in show.segments)
        if using:
            return row, using
    raise AssertionError("the standard show pitches no SKU")


def test_removing_a_pitched_sku_asks_first_and_keep_is_the_default(editor, qtbot):
    row, using = _pitched_sku(editor)
    before = editor.draft.show
    editor.tabs.setCurrentIndex(1)
    editor.sku_view.setCurrentIndex(editor.skus.index(row, 0))
    editor.remove_sku()
    box = editor.sku_question
    assert box is not None and box.isVisible()
    assert box.windowModality() == Qt.WindowModality.WindowModal and box.parent() is editor
    assert str(using) in box.text() and before.skus[row].id in box.text()
    assert editor.draft.show == before                      # nothing yet
    assert box.defaultButton() is box.escapeButton()
    qtbot.keyClick(box, Qt.Key.Key_Escape)                  # Esc keeps it
    assert editor.sku_question is None and editor.draft.show == before
    editor.remove_sku()
    box = editor.sku_question
    qtbot.keyClick(box, Qt.Key.Key_Return)                  # the default keeps it too
    assert editor.draft.show == before
    editor.remove_sku()
    box = editor.sku_question
    next(b for b in box.buttons() if b is not box.defaultButton()).click()
    assert before.skus[row] not in editor.draft.show.skus
    assert editor.draft.show.segments == before.segments    # Draft keeps the references
    assert any(i.area is Area.SEGMENT and i.field == "sku" for i in editor.draft.issues())
    editor.undo()
    assert editor.draft.show == before


def test_removing_an_unpitched_sku_does_not_ask(editor):
    row = editor.draft.add_sku()
    editor.changed(None, sku_row=row)
    count = len(editor.draft.show.skus)
    editor.remove_sku()
    assert editor.sku_question is None and len(editor.draft.show.skus) == count - 1


def test_faq_text_reads_as_pairs_and_a_bad_layout_is_a_problem():
    from console.script.model import FaqEntry
    from console.ui.script_editor.faq_panel import format_faq, parse_faq
    faq, problems = parse_faq("问：敏感肌能用吗？\n答：可以，\n先做局部测试。\n\nQ: 保质期？\nA：三年")
    assert not problems
    assert faq == (FaqEntry("敏感肌能用吗？", "可以，\n先做局部测试。"), FaqEntry("保质期？", "三年"))
    assert parse_faq(format_faq(faq)) == (faq, [])
    for bad in ("随便写写", "答：没有问题", "问：一\n问：二\n答：三", "问：只有问题", "问：空\n答："):
        assert parse_faq(bad)[1], bad


def test_the_faq_of_the_selected_sku_is_edited_with_undo(editor, qtbot):
    from console.script.model import FaqEntry
    editor.tabs.setCurrentIndex(1)
    editor.sku_view.setCurrentIndex(editor.skus.index(0, 0))
    before = editor.draft.show.skus[0].faq
    box = editor.faq.editor
    assert box.isEnabled() and editor.draft.show.skus[0].id in editor.faq.title.text()
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "just a note")
    editor.sku_view.setFocus()                          # leaving the box commits it
    assert editor.faq.problems.isVisible() and "1" in editor.faq.problems.text()
    assert editor.draft.show.skus[0].faq == before      # not written …
    assert box.toPlainText() == "just a note"             # … and not dropped
    box.setPlainText("问：能退吗？\n答：七天无理由")
    box.document().setModified(True)
    editor.faq.commit()
    assert not editor.faq.problems.isVisible()
    assert editor.draft.show.skus[0].faq == (FaqEntry("能退吗？", "七天无理由"),)
    qtbot.keyClick(editor.sku_view, Qt.Key.Key_Z, CTRL)
    assert editor.draft.show.skus[0].faq == before
    assert box.toPlainText() == "\n".join(f"问：{e.question}\n答：{e.answer}" for e in before)
    qtbot.keyClick(editor.sku_view, Qt.Key.Key_Z, CTRL_SHIFT)
    assert editor.draft.show.skus[0].faq == (FaqEntry("能退吗？", "七天无理由"),)


def test_an_untouched_new_show_closes_without_asking(qtbot, tmp_path):
    editor = build_editor(None, tmp_path, Settings())          # `console edit`, no file
    qtbot.addWidget(editor)
    editor.show()
    assert editor.draft.untouched and not editor.windowTitle().endswith("*")
    editor.close()
    assert editor.files.question is None and not editor.isVisible()


def test_new_show_closes_without_asking_until_edited(editor, qtbot):
    editor._close_ok = False
    editor.draft.save()                                        # nothing to ask about
    editor.menu_actions["Ctrl+N"].trigger()
    assert editor.files.question is None and editor.draft.untouched
    editor.segments.setData(cell(editor, 0, "title"), "改了")
    assert not editor.draft.untouched and editor.windowTitle().endswith("*")
    editor.close()
    box = editor.files.question
    assert editor.isVisible() and box is not None
    box.done(QMessageBox.StandardButton.Cancel)
    editor.undo()                                              # back as it was made
    assert editor.draft.untouched
    editor.close()
    assert editor.files.question is None and not editor.isVisible()

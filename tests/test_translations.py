"""Every visible string goes through the Qt translation files, and Chinese is complete."""

import filecmp
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QDialogButtonBox, QDockWidget, QLabel, QLineEdit,
                               QMessageBox, QPlainTextEdit)

from console.resources import resource_path
from console.script import check_show_bytes
from console.ui.i18n import install_translator, resolve_language, uninstall_translators
from tests.ui_helpers import close, make_harness

ROOT = Path(__file__).resolve().parent.parent
TS = resource_path("i18n", "console_zh_CN.ts")
QM = resource_path("i18n", "console_zh_CN.qm")
BIN = Path(sys.executable).parent


def messages(path):
    for message in ET.parse(path).getroot().iter("message"):
        yield message.find("source").text, message.find("translation")


def test_the_translation_file_covers_every_string_in_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "console").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(fresh), "-no-obsolete",
                    "-locations", "none"], cwd=ROOT, check=True, capture_output=True)
    untranslated = [source for source, translation in messages(fresh)
                    if translation.get("type") == "unfinished" or not (translation.text or "").strip()]
    assert untranslated == [], "run scripts/update_translations.sh and translate these"
    assert fresh.read_text("utf-8") == TS.read_text("utf-8"), "the .ts is stale: run lupdate"


def test_the_compiled_translation_is_up_to_date(tmp_path):
    compiled = tmp_path / "fresh.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(compiled)],
                   check=True, capture_output=True)
    assert filecmp.cmp(compiled, QM, shallow=False), "run scripts/update_translations.sh"


def test_language_follows_the_system_but_defaults_to_chinese():
    assert resolve_language("system", "zh_CN") == "zh_CN"
    assert resolve_language("system", "zh_TW") == "zh_CN"
    assert resolve_language("system", "en_US") == "en"
    assert resolve_language("system", "C") == "zh_CN"
    assert resolve_language("en", "zh_CN") == "en"


@pytest.fixture
def chinese(qapp):
    translator = install_translator(qapp, "zh_CN")
    assert translator is not None
    yield
    uninstall_translators(qapp)


def visible_texts(window):
    texts = []
    for widget in window.findChildren(QLabel):
        texts.append(widget.text())
    for widget in window.findChildren(QAbstractButton):
        texts.append(widget.text())
    for widget in window.findChildren(QDockWidget):
        texts.append(widget.windowTitle())
    for kind in (QLineEdit, QPlainTextEdit):
        texts += [widget.placeholderText() for widget in window.findChildren(kind)]
    for action in window.menuBar().actions():
        texts.append(action.text())
        texts += [a.text().split("\t")[0] for a in action.menu().actions()]
    model = window.rundown_model
    texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    texts += [model.data(model.index(r, c)) for r in range(model.rowCount())
              for c in range(model.columnCount())]
    return [t for t in texts if t]


def test_no_english_source_text_shows_in_the_chinese_ui(qtbot, tmp_path, standard, chinese):
    english = {source for source, _ in messages(TS)} - {"#", "SKU"}
    harness = make_harness(qtbot, tmp_path, standard)
    harness.start()
    harness.tick(80_000)
    shown = visible_texts(harness.operator)
    leaks = sorted({t for t in shown for e in english if e and len(e) > 2 and e in t})
    assert leaks == []
    assert "直播中" in harness.operator.header.badge.text()
    assert "开场预热" in harness.operator.card.title.text() and "开场" in harness.operator.card.title.text()
    close(harness)


def test_alerts_show_in_chinese_in_the_chinese_ui(qtbot, tmp_path, standard, chinese):
    harness = make_harness(qtbot, tmp_path, standard)
    harness.start()
    feed = harness.controller.kpi.feed
    feed.add({"online": 10_000}, "manual", show_ms=60_000)
    harness.tick(180_000)
    feed.add({"online": 7_000}, "manual")
    feed.judge(harness.runner.now_ms())
    assert harness.operator.header.lamp.text() == "● 蓝色预警  在线人数 5 分钟内下跌超过 15%"
    assert "在线人数 7,000，5 分钟内从 10,000 下跌 30%" in harness.operator.kpi.alerts.item(0).text()
    close(harness)


def test_a_mistyped_figure_is_explained_in_chinese(qtbot, tmp_path, standard, chinese):
    harness = make_harness(qtbot, tmp_path, standard)
    harness.start()
    panel = harness.operator.kpi
    panel.entry.setText("猫 5")
    panel.record_typed()
    assert "“猫”不是可识别的数据名" in panel.entry_status.text()
    panel.entry.setText("在线")
    panel.record_typed()
    assert "“在线”后面没有数字" in panel.entry_status.text()
    close(harness)


def test_problems_in_files_are_told_in_chinese_in_the_chinese_ui(chinese):
    _, _, issues = check_show_bytes(b'schema_version = 1\n[show]\ntitle = "x"\n[defaults]\n'
                                    b'sku_seconds = 9000\n[[segment]]\nkind = "closing"\n'
, "bad.toml")
    assert [i.message for i in issues] == ["必须在 1 到 3600 之间，实际为 9000"]


def test_qt_standard_buttons_read_chinese_in_the_chinese_ui(chinese):
    buttons = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(buttons.Ok | buttons.Cancel | buttons.Yes | buttons.No)
    texts = [box.button(b).text().replace("&", "") for b in
             (buttons.Ok, buttons.Cancel, buttons.Yes, buttons.No)]
    assert texts == ["确定", "取消", "是(Y)", "否(N)"]
    message = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes
                          | QMessageBox.StandardButton.No)
    assert sorted(b.text().replace("&", "") for b in message.buttons()) == ["否(N)", "是(Y)"]


def test_the_bundle_collects_qts_chinese_translation():
    spec = (ROOT / "build.spec").read_text("utf-8")
    assert "qtbase_zh_CN.qm" in spec, "build.spec must check Qt's own Chinese is bundled"


def test_every_placeholder_survives_translation():
    """A translation that drops or renames a {placeholder} would fail only in Chinese."""
    for source, translation in messages(TS):
        wanted = set(re.findall(r"\{(\w+)\}", source))
        assert set(re.findall(r"\{(\w+)\}", translation.text or "")) == wanted, source
        wanted = set(re.findall(r"%\d", source))
        assert set(re.findall(r"%\d", translation.text or "")) == wanted, source

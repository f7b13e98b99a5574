"""Renders the operator window and the presenter view at the states that matter.

    .venv/bin/python scripts/screenshots.py                # → screenshots/
    .venv/bin/python scripts/screenshots.py --out DIR

Runs offscreen on a fake clock, so the states are exact: an SKU with 10 s
left, overtime, a lottery due mid-pitch, a crisis script pushed, a note to the
host, the key map, and the English UI. Look at every PNG after a UI change.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LIVE_CONSOLE_AUDIO", "off")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from console.clock import FakeClock
from console.engine.intents import StartShow
from console.kpi.setup import memory_kpi
from console.kpi.simulator import Simulator
from console.resources import sample_show_path
from console.script import load_show
from console.session import open_session
from console.settings import Settings
from console.storage.database import open_database
from console.ui.app import build_console, prepare_application
from console.ui.i18n import install_translator

# What a studio PC gives the window: 1366×768 and 1920×1080 less a taskbar and a title
# bar. Rendered at exactly this size; a window that cannot shrink to it is reported.
OPERATOR_SIZES = {"1366": (1366, 700), "1920": (1920, 1010)}
PRESENTER_SIZE = (1280, 720)


def fresh_console(folder: Path, size=OPERATOR_SIZES["1366"]):
    clock = FakeClock()
    db = open_database(folder / f"s{len(list(folder.iterdir()))}.db")
    session = open_session(db, load_show(sample_show_path()), clock)
    kpi = memory_kpi(session)
    kpi.simulator = Simulator(session.runner, seed=3)       # a plausible room for the graphs
    kpi.feed.timed.append(kpi.simulator)
    console = build_console(session, folder, Settings(), autopilot=True, kpi=kpi)
    console.operator.resize(*size)
    console.presenter.resize(*PRESENTER_SIZE)
    console.operator.show()
    console.presenter.show()
    console.controller.do(StartShow())
    return console, clock


def advance(console, clock, ms: int) -> None:
    clock.advance(ms)
    console.controller.kpi.feed.poll()
    console.controller.changed.emit()
    console.operator.kpi.graphs.refresh()


def run_show_until(console, clock, show_ms: int) -> None:
    """Let the autopilot run the show on plan up to `show_ms`, then hand over to a person."""
    runner = console.controller.runner
    while runner.now_ms() < show_ms:                      # a second at a time, as the show would
        clock.advance(min(1000, show_ms - runner.now_ms()))
        console.controller.autopilot.run_until()
        console.controller.kpi.feed.poll()
    console.controller.autopilot = None
    console.controller.changed.emit()
    console.operator.kpi.graphs.refresh()


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(console, app, out: Path, name: str, size) -> list[Path]:
    settle(app)
    paths = [out / f"{name}-operator.png", out / f"{name}-presenter.png"]
    image = console.operator.grab()
    if (image.width(), image.height()) != tuple(size):
        print(f"warning: {name}: the window is {image.width()}×{image.height()}, "
              f"asked for {size[0]}×{size[1]} (it does not fit)", file=sys.stderr)
    image.save(str(paths[0]))
    console.presenter.grab().save(str(paths[1]))
    return paths


STATE_NAMES = ("sku-10s-left", "overtime", "lottery-due", "crisis-pushed", "message", "kpi-alert",
               "key-map", "hold", "prompt-skip", "prompt-jump", "typing")


def states(console, clock):
    """Set-up functions by state name, each meant for its own fresh console."""

    def sku_10s_left():
        run_show_until(console, clock, 5 * 60_000 + 50_000)   # 主推 A02 runs 4:30–6:00

    def overtime():
        run_show_until(console, clock, 5 * 60_000)
        advance(console, clock, 83_000)                       # the host talks on past 6:00

    def lottery_due():
        run_show_until(console, clock, 18 * 60_000 + 40_000)  # in the likes game…
        console.operator.perform("previous")                  # …the face cream goes again (返场)
        advance(console, clock, 85_000)                       # 20:05: lottery #2 due mid-pitch

    def crisis_pushed():
        run_show_until(console, clock, 6 * 60_000 + 30_000)
        console.operator.crisis.push_favourite(6)             # stream freeze

    def message():
        run_show_until(console, clock, 3 * 60_000 + 40_000)
        console.controller.send_message("价格说错了，是 9.9，不是 99！")

    def kpi_alert():
        run_show_until(console, clock, 12 * 60_000)
        console.controller.kpi.simulator.trigger_cliff()      # rehearse 流量断崖
        for _ in range(100):
            advance(console, clock, 1000)
        console.operator.kpi.graphs.set_window("all")

    def key_map():
        run_show_until(console, clock, 5 * 60_000)
        console.operator.perform("help")

    def hold():
        run_show_until(console, clock, 5 * 60_000)
        console.operator.perform("hold")

    def prompt_skip():
        run_show_until(console, clock, 9 * 60_000 + 30_000)
        console.operator.perform("lottery_skip")
        console.operator.prompts.press_digit("2")

    def prompt_jump():
        run_show_until(console, clock, 4 * 60_000)
        console.operator.perform("jump")
        console.operator.prompts.type_text("秒杀")

    def typing():
        run_show_until(console, clock, 4 * 60_000)
        console.operator.perform("note")
        console.operator.notes.editor.setPlainText("下一个讲防晒")

    return {"hold": hold, "prompt-skip": prompt_skip, "prompt-jump": prompt_jump, "typing": typing,
            "sku-10s-left": sku_10s_left, "overtime": overtime, "lottery-due": lottery_due,
            "crisis-pushed": crisis_pushed, "message": message, "kpi-alert": kpi_alert,
            "key-map": key_map}


ENGLISH_STATES = ("sku-10s-left", "lottery-due", "crisis-pushed", "kpi-alert")


EDITOR_STATES = ("editor-segments", "editor-skus", "editor-show", "editor-mapping")


def editor_rundown(path: Path) -> None:
    """A team's spreadsheet as the mapping step sees it: a title row, one odd column."""
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "脚本"
    sheet.append(["周五护肤专场 直播脚本"])
    sheet.append(["时间", "环节", "时长", "商品", "话术", "福利", "灯光机位"])
    for row in (("20:00", "开场", "3分钟", "", "欢迎新进来的宝宝", "福袋预告", "全景"),
                ("20:03", "爆款介绍", "90秒", "氨基酸洁面乳", "9.9 元尝鲜", "", "特写"),
                ("20:05", "福袋抽奖", "半天", "", "福袋已经挂上", "点赞抽奖", ""),
                ("20:06", "主推", "1:30", "玻尿酸精华", "全网最低价", "买一送一", "近景")):
        sheet.append(list(row))
    book.save(path)


def editor_shots(app: QApplication, out: Path, folder: Path) -> list[Path]:
    """The script editor with a problem and a wording hit on their cells, each tab, and
    the column-mapping step of a spreadsheet import."""
    from console.script.draft import Draft
    from console.ui.script_editor import ScriptEditor
    written = []
    for width, size in OPERATOR_SIZES.items():
        for name in EDITOR_STATES:
            draft = Draft.open(sample_show_path())
            draft.set_segment(1, host=("这是全网最低价,每人限购 2 件", "现场挤泡沫给大家看"))
            draft.set_segment(2, sku_id="A99")
            draft.set_segment(0, duration_s=240)
            editor = ScriptEditor(draft, Settings(), folder)
            editor.resize(*size)
            editor.show()
            editor.segment_view.setCurrentIndex(editor.segments.index(1, 4))
            editor.lines.show_row(1, editor.marks)
            target: QWidget = editor
            if name == "editor-skus":
                editor.tabs.setCurrentIndex(1)
            elif name == "editor-show":
                editor.tabs.setCurrentIndex(2)
            elif name == "editor-mapping":
                sheet = folder / "rundown.xlsx"
                editor_rundown(sheet)
                editor.files.import_spreadsheet(sheet)
                assert editor.files.mapping is not None
                target = editor.files.mapping
            settle(app)
            path = out / f"{name}-{width}.png"
            target.grab().save(str(path))
            written.append(path)
            if editor.files.mapping is not None:
                editor.files.mapping.reject()
            editor._close_ok = True
            editor.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "screenshots"))
    parser.add_argument("--editor-only", action="store_true", help="only the script editor's")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app, _ = prepare_application(Settings(), "zh_CN")
    written = []
    with tempfile.TemporaryDirectory() as folder:
        written += editor_shots(app, out, Path(folder))
        for language, names in (() if args.editor_only else (("zh_CN", None), ("en", ENGLISH_STATES))):
            switch_language(app, language)
            suffix = "" if language == "zh_CN" else "-en"
            for name in names or STATE_NAMES:
                for width, size in OPERATOR_SIZES.items():
                    if language != "zh_CN" and width != "1366":
                        continue
                    console, clock = fresh_console(Path(folder), size)
                    states(console, clock)[name]()
                    written += shoot(console, app, out, f"{name}{suffix}-{width}", size)
                    console.operator._close_confirmed = True
                    console.operator.close()
    for path in written:
        print(path)
    return 0


def switch_language(app: QApplication, language: str) -> None:
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    install_translator(app, language)


if __name__ == "__main__":
    sys.exit(main())

"""A console started for its window tells what stops it in a window, in the UI's language."""

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

import console.ui.startup_dialogs as dialogs
from console import text
from console.cli import main
from console.clock import SystemClock
from console.errors import InstanceLocked
from console.script import ShowFileError, load_show, load_show_text
from console.session import SessionConflict, open_session
from console.storage.instance_lock import InstanceLock
from tests.conftest import STANDARD, show_text

BROKEN = ('schema_version = 1\n[show]\ntitle = "x"\n[defaults]\nsku_seconds = 9000\n'
          '[[segment]]\nkind = "sku"\nsku = "Z9"\n')


@pytest.fixture
def shown(qapp, monkeypatch):
    """The boxes a start would have shown, captured instead of waiting for a click."""
    boxes = []
    monkeypatch.setattr(dialogs, "show_modal", boxes.append)
    monkeypatch.setattr(dialogs, "can_show_windows", lambda: True)
    yield boxes
    text.install(None)


def seen(box: QMessageBox) -> tuple[str, str, str, list[str]]:
    return (box.windowTitle(), box.text(), box.informativeText(),
            [button.text() for button in box.buttons()])


def broken_file(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text(BROKEN, "utf-8")
    return path


def test_a_broken_show_file_is_told_with_its_lines_in_chinese(tmp_path, shown):
    path = broken_file(tmp_path)
    with pytest.raises(ShowFileError) as problem:
        load_show(path)
    dialogs.tell_startup_problem(problem.value, tmp_path, "zh_CN")
    title, heading, message, buttons = seen(shown[0])
    assert title == "直播中控台 — 无法启动"
    assert heading == "演出脚本 broken.toml 无法使用。"
    assert message.splitlines() == [
        "请改正文件中的这些行，然后重新启动：", "",
        f"{path}:5: defaults.sku_seconds: 必须在 1 到 3600 之间，实际为 9000",
        f"{path}:8: segment[1].sku: 未知的商品 'Z9'（已定义：无）"]
    assert buttons == ["确定"]
    assert shown[0].icon() is QMessageBox.Icon.Critical


def test_the_dialog_leaves_the_application_in_english_afterwards(tmp_path, shown):
    with pytest.raises(ShowFileError) as problem:
        load_show(broken_file(tmp_path))
    dialogs.tell_startup_problem(problem.value, tmp_path, "zh_CN")
    assert QCoreApplication.translate("StartupDialogs", "The console cannot start.") == \
        "The console cannot start."


def test_many_problems_are_summed_up_with_the_full_list_under_details(tmp_path, shown):
    path = tmp_path / "many.toml"
    path.write_text('schema_version = 1\n[show]\ntitle = "x"\n' + "".join(
        f'[[segment]]\nkind = "sku"\nsku = "Z{n}"\n' for n in range(12)), "utf-8")
    with pytest.raises(ShowFileError) as problem:
        load_show(path)
    dialogs.tell_startup_problem(problem.value, tmp_path, "en")
    box = shown[0]
    assert box.informativeText().splitlines()[-1] == "… and 4 more (Show Details…)"
    assert len(box.detailedText().splitlines()) == 12


def test_a_second_console_is_told_in_the_ui_language_not_the_terminals(tmp_path, shown):
    with InstanceLock(tmp_path), \
            pytest.raises(InstanceLocked) as problem:      # raised in an English terminal
        InstanceLock(tmp_path).acquire()
    assert str(problem.value).startswith("another console is already using")
    dialogs.tell_startup_problem(problem.value, tmp_path, "zh_CN")
    _, heading, message, buttons = seen(shown[0])
    assert heading == "这个数据文件夹已经有一个中控台在运行。"
    assert message.startswith(f"另一个中控台正在使用数据文件夹 {tmp_path}（进程 ")
    assert buttons == ["确定"]


def test_a_session_conflict_is_told_in_the_window(tmp_path, shown, db):
    open_session(db, load_show(STANDARD), SystemClock(), rehearsal=True).runner.start_show()
    other = load_show_text(show_text('kind = "closing"\nduration = 60'), "other.toml")
    with pytest.raises(SessionConflict) as problem:
        open_session(db, other, SystemClock())
    dialogs.tell_startup_problem(problem.value, tmp_path, "en")
    _, heading, message, _ = seen(shown[0])
    assert heading == "An unfinished session is in the way."
    assert message.startswith("The data folder holds unfinished session #1")
    assert "different script than other.toml" in message


def test_the_saved_language_of_the_data_folder_is_used(tmp_path, shown):
    (tmp_path / "settings.ini").write_text("[ui]\nlanguage=en\n", "utf-8")
    with pytest.raises(ShowFileError) as problem:
        load_show(broken_file(tmp_path))
    dialogs.tell_startup_problem(problem.value, tmp_path, None)
    assert shown[0].text() == "The show file broken.toml cannot be used."
    assert [b.text() for b in shown[0].buttons()] == ["OK"]


def test_console_run_prints_and_shows_a_broken_file(tmp_path, shown, capsys):
    path = broken_file(tmp_path)
    assert main(["run", str(path), "--data-dir", str(tmp_path), "--lang", "zh_CN"]) == 2
    assert f"{path}:8: segment[1].sku: unknown SKU 'Z9'" in capsys.readouterr().err
    assert shown[0].text() == "演出脚本 broken.toml 无法使用。"


def test_console_run_prints_and_shows_a_second_instance(tmp_path, shown, capsys):
    with InstanceLock(tmp_path):
        assert main(["run", str(STANDARD), "--data-dir", str(tmp_path), "--lang", "zh_CN"]) == 3
    assert capsys.readouterr().err.startswith("error: another console is already using")
    assert shown[0].text() == "这个数据文件夹已经有一个中控台在运行。"


def test_a_headless_run_keeps_its_problems_on_the_terminal(tmp_path, shown, capsys):
    assert main(["run", str(broken_file(tmp_path)), "--headless", "--data-dir", str(tmp_path)]) == 2
    assert shown == []


def test_without_a_display_the_problem_stays_on_the_terminal(tmp_path, monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(dialogs.sys, "platform", "linux")
    assert not dialogs.can_show_windows()
    monkeypatch.setenv("DISPLAY", ":0")
    assert dialogs.can_show_windows()


def uncertain_downtime():
    import datetime as dt

    from console.session import Downtime, UncertainDowntime
    from console.storage.session_log import SessionRow
    row = SessionRow(1, "周五专场", "h", "", "show.toml", "live", 1.0,
                     dt.datetime(2026, 11, 27, 12, tzinfo=dt.UTC).isoformat(), None, None)
    return UncertainDowntime(row, Downtime(0, False, 3_600_000))


@pytest.mark.parametrize("key", ["Return", "Escape", "Space"])
def test_the_downtime_question_changes_nothing_on_enter_esc_or_space(qtbot, key):
    from PySide6.QtCore import Qt

    from console.ui.startup_dialogs import ask_downtime

    def press(box):
        box.show()
        qtbot.keyClick(box, getattr(Qt.Key, f"Key_{key}"))
        if box.isVisible():
            box.reject()
    assert ask_downtime(uncertain_downtime(), None, "en", present=press) is None


def test_the_downtime_question_offers_both_ways_and_names_the_session(qtbot):
    from console.session import DOWNTIME_COUNT, DOWNTIME_NONE
    from console.ui.startup_dialogs import ask_downtime

    chosen = {}

    def click(label):
        def present(box):
            chosen["text"] = box.informativeText()
            next(b for b in box.buttons() if b.text() == label).click()
        return present
    assert ask_downtime(uncertain_downtime(), None, "en",
                        present=click("Resume where the log stopped")) == DOWNTIME_NONE
    assert "#1" in chosen["text"] and "1:00:00" in chosen["text"]
    assert "--downtime" not in chosen["text"]          # the buttons are the choices
    assert ask_downtime(uncertain_downtime(), None, "en",
                        present=click("Count the downtime as show time")) == DOWNTIME_COUNT

"""`console run --headless`: the real engine without a window, as CI and bridges use it."""

import datetime as dt
import os
import signal
import subprocess
import sys
import time

import pytest

from console.cli import build_parser, main
from console.clock import FakeClock, SystemClock
from console.script import load_show_text
from console.session import open_session
from console.storage.database import open_database
from console.timeline import closing_figures
from tests.conftest import STANDARD, show_text

FAST = ["--headless", "--rehearsal", "--speed", "1000", "--until-end"]


def test_a_rehearsal_runs_to_the_end_and_prints_the_timeline(tmp_path, capsys):
    assert main(["run", str(STANDARD), *FAST, "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert ">> 1/16 opening 开场预热 3:00" in out
    assert "** lottery #1 fired by segment (delay +0:00)" in out
    assert "== ended (script finished) at 35:00, plan 35:00, +0:00" in out
    db = open_database(tmp_path / "sessions.db")
    (mode, reason), = db.execute("SELECT mode, end_reason FROM sessions").fetchall()
    assert (mode, reason) == ("rehearsal", "script finished")


def test_the_closing_figures_add_up_to_the_second():
    # 1:12.5 into a 35:00 plan: the raw difference floors to 33:47, one second off.
    assert closing_figures(72_500, 2_100_000) == "1:12, plan 35:00, -33:48"
    assert closing_figures(83_999, 2_100_000) == "1:23, plan 35:00, -33:37"
    assert closing_figures(2_100_999, 2_100_000) == "35:00, plan 35:00, +0:00"
    assert closing_figures(2_161_400, 2_100_000) == "36:01, plan 35:00, +1:01"


SAMPLE = ["--headless", "--speed", "1000", "--until-end"]       # no --rehearsal: implied


def test_without_a_file_the_sample_is_rehearsed_in_the_demo_folder_and_it_says_so(tmp_path,
                                                                                   capsys):
    assert main(["run", *SAMPLE, "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("No show file given: rehearsing the bundled sample 《溪木护肤 · 周五晚间专场》"
                          f" — nothing goes live. Its sessions are kept apart, in {tmp_path / 'demo'}.")
    assert "— session #1, rehearsal x1000:" in out
    assert not (tmp_path / "sessions.db").exists()
    db = open_database(tmp_path / "demo" / "sessions.db")
    assert db.execute("SELECT mode FROM sessions").fetchall() == [("rehearsal",)]


def test_the_sample_never_touches_an_unfinished_live_show(tmp_path, standard):
    unfinished_live_show(tmp_path, standard)
    assert main(["run", *SAMPLE, "--new", "--data-dir", str(tmp_path)]) == 0
    db = open_database(tmp_path / "sessions.db")
    assert db.execute("SELECT id, ended_utc FROM sessions").fetchall() == [(1, None)]


def test_the_data_dir_comes_from_the_environment(isolated_data_dir, capsys):
    assert main(["run", str(STANDARD), *FAST]) == 0
    assert (isolated_data_dir / "sessions.db").exists()
    assert main(["sessions"]) == 0
    assert "#1 溪木护肤 · 周五晚间专场 [rehearsal]" in capsys.readouterr().out


def test_new_starts_a_fresh_session_each_time(tmp_path):
    for _ in range(2):
        assert main(["run", *SAMPLE, "--new", "--data-dir", str(tmp_path)]) == 0
    db = open_database(tmp_path / "demo" / "sessions.db")
    assert db["sessions"].count == 2


def unfinished_live_show(folder, standard):
    """A live show left running in `folder` (the console died mid-show)."""
    db = open_database(folder / "sessions.db")
    open_session(db, standard, SystemClock()).runner.start_show()
    db.close()


def test_new_refuses_to_close_an_unfinished_live_show(tmp_path, standard, capsys):
    unfinished_live_show(tmp_path, standard)
    assert main(["run", str(STANDARD), *FAST, "--new", "--data-dir", str(tmp_path)]) == 3
    err = capsys.readouterr().err
    assert "unfinished session #1" in err and "LIVE show" in err and "--abandon-live" in err
    db = open_database(tmp_path / "sessions.db")
    assert db.execute("SELECT id, ended_utc FROM sessions").fetchall() == [(1, None)]


def test_abandon_live_closes_it_and_starts_afresh(tmp_path, standard):
    unfinished_live_show(tmp_path, standard)
    assert main(["run", str(STANDARD), *FAST, "--abandon-live", "--data-dir", str(tmp_path)]) == 0
    db = open_database(tmp_path / "sessions.db")
    assert db.execute("SELECT id, mode, end_reason FROM sessions").fetchall() == \
        [(1, "live", "abandoned"), (2, "rehearsal", "script finished")]


def test_help_describes_every_argument():
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    for name, command in commands.choices.items():
        assert command.description, name
        undescribed = [a.dest for a in command._actions if not a.help]
        assert undescribed == [], name
    assert all(a.help for a in commands._choices_actions)


def test_help_shows_the_defaults(capsys):
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "PORT default: 8765" in text
    assert "SEED default: 1" in text
    assert "(default: 1)" in text                            # --speed
    assert "(default: 127.0.0.1)" in text                    # --ingest-host
    assert "(default: $LIVE_CONSOLE_DATA_DIR, else the per-user folder" in text
    assert "the bundled 35-minute sample, always as a rehearsal" in text


def test_speed_is_for_rehearsals_only(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["run", str(STANDARD), "--headless", "--speed", "10"])
    assert exit_info.value.code == 2
    assert "--speed only applies to a rehearsal" in capsys.readouterr().err


def test_an_invalid_show_is_not_run(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('schema_version = 1\n[show]\ntitle = "x"\n', "utf-8")
    assert main(["run", str(bad), *FAST, "--data-dir", str(tmp_path)]) == 2
    assert f"{bad}:1: segment: a show needs at least one [[segment]]" in capsys.readouterr().err
    assert not (tmp_path / "sessions.db").exists()


def test_an_unwritable_data_folder_is_named(tmp_path, capsys):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    assert main(["run", *FAST, "--data-dir", str(blocker / "data")]) != 0
    err = capsys.readouterr().err
    assert err.startswith("error:") and "file-not-folder" in err


@pytest.mark.slow
def test_sigterm_ends_the_show_cleanly_and_logs_why(tmp_path):
    cmd = [sys.executable, "-m", "console", "run", str(STANDARD), "--headless", "--rehearsal",
           "--speed", "30", "--data-dir", str(tmp_path)]
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        first_line = process.stdout.readline()
        assert "溪木护肤" in first_line
        time.sleep(1.0)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "== ended (stopped by SIGTERM)" in out
    db = open_database(tmp_path / "sessions.db")
    assert db.execute("SELECT end_reason FROM sessions").fetchone()[0] == "stopped by SIGTERM"
    db.close()


def console_in_chinese(*args):
    env = {k: v for k, v in os.environ.items() if k != "LC_ALL"}
    return subprocess.run([sys.executable, "-m", "console", *args], capture_output=True,
                          text=True, env={**env, "LANG": "zh_CN.UTF-8"}, timeout=60)


def test_a_session_conflict_is_told_in_chinese_in_a_chinese_terminal(tmp_path):
    db = open_database(tmp_path / "sessions.db")
    other = load_show_text(show_text('kind = "closing"\nduration = 60'), "other.toml")
    open_session(db, other, FakeClock(utc=dt.datetime(2026, 11, 20, 19, 58, tzinfo=dt.UTC)),
                 rehearsal=True).runner.start_show()
    db.close()
    result = console_in_chinese("run", str(STANDARD), *FAST, "--data-dir", str(tmp_path))
    assert result.returncode == 3
    assert result.stderr.strip() == (
        "错误：数据文件夹里有未结束的场次 #1《测试》（彩排，开始于 2026-11-20 19:58 UTC），"
        f"它运行的脚本与 {STANDARD} 不同。请运行那个脚本以继续该场次，或加上 --new 将它作废并开始这一场。")


def test_a_stale_session_is_told_in_chinese_in_a_chinese_terminal(tmp_path, standard):
    db = open_database(tmp_path / "sessions.db")
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=13)
    open_session(db, standard, FakeClock(utc=long_ago)).runner.start_show()
    db.close()
    result = console_in_chinese("run", str(STANDARD), "--headless", "--data-dir", str(tmp_path))
    assert result.returncode == 3
    assert "最后活动在 13 小时前" in result.stderr and "--abandon-live" in result.stderr
    assert result.stderr.startswith("错误：数据文件夹里有未结束的场次 #1《溪木护肤")


def test_a_mistaken_option_is_told_in_chinese_in_a_chinese_terminal():
    result = console_in_chinese("run", str(STANDARD), "--headless", "--speed", "10")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "console：错误：--speed 只用于彩排；请加上 --rehearsal"


def test_validate_speaks_chinese_in_a_chinese_terminal(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('schema_version = 1\n[show]\ntitle = "x"\n[[segment]]\nkind = "sku"\n'
                   'sku = "Z9"\n', "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "LC_ALL"}
    result = subprocess.run([sys.executable, "-m", "console", "validate", str(bad)],
                            capture_output=True, text=True, env={**env, "LANG": "zh_CN.UTF-8"})
    assert result.returncode == 2
    assert result.stderr.strip() == f"{bad}:6: segment[1].sku: 未知的商品 'Z9'（已定义：无）"


def run_on_a_fake_clock(session, clock, monkeypatch, kpi=None, on_tick=lambda: None):
    """A headless run where sleeping moves the fake clock: the timeline, deterministic."""
    import io

    import console.headless as headless

    def sleep(seconds):
        clock.advance(max(1, round(seconds * 1000)))
        on_tick()
    monkeypatch.setattr(headless.time, "sleep", sleep)
    out = io.StringIO()
    assert headless.HeadlessRun(session, out=out, end_with_script=True, kpi=kpi).run() == 0
    return out.getvalue().splitlines()


def status_times(lines):
    return [line[1:8].strip() for line in lines if "]    Row " in line]


def test_a_headless_start_shows_the_clock_moving_within_seconds(db, standard, clock, monkeypatch):
    session = open_session(db, standard, clock)
    times = status_times(run_on_a_fake_clock(session, clock, monkeypatch))
    assert times[:7] == ["0:00", "0:15", "0:30", "0:45", "1:00", "2:00", "3:00"]


def test_the_first_figures_are_told_as_soon_as_they_come(db, standard, clock, monkeypatch):
    from console.kpi.setup import memory_kpi

    session = open_session(db, standard, clock)
    kpi = memory_kpi(session)

    def bridge_sends_figures():
        if session.runner.now_ms() >= 20_000 and not kpi.model.count:
            kpi.feed.add({"online": 4321}, "manual")
    lines = run_on_a_fake_clock(session, clock, monkeypatch, kpi, bridge_sends_figures)
    figures = [line for line in lines if "online 4,321" in line]
    assert figures[0].startswith("[   0:20]")                  # not at the 0:30 status

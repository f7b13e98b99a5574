"""A whole session driven from outside: simulator, HTTP bridge and a followed file at once."""

import json
import os
import re
import subprocess
import sys
import time
import urllib.request

import pytest

from console.clock import FakeClock
from console.kpi.setup import KpiOptions, build_kpi, restore_samples
from console.kpi.model import KpiModel
from console.session import open_session
from console.storage.database import open_database
from tests.conftest import STANDARD


@pytest.mark.slow
def test_headless_run_takes_figures_from_three_sources_and_logs_them(tmp_path):
    screen = tmp_path / "screen.csv"
    screen.write_text("在线人数,成交金额\n", "utf-8")
    cmd = [sys.executable, "-m", "console", "run", str(STANDARD), "--headless", "--rehearsal",
           "--speed", "100", "--until-end", "--simulate", "3", "--ingest", "0",
           "--ingest-token", "tok", "--follow", str(screen), "--data-dir", str(tmp_path)]
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        url = None
        while url is None:
            line = process.stdout.readline()
            assert line, process.stderr.read()
            match = re.search(r"POST (http://\S+)\s+token tok", line)
            url = match and match.group(1)
        time.sleep(0.5)
        request = urllib.request.Request(url, method="POST", data=json.dumps(
            {"values": {"在线人数": 7777}, "source": "bridge"}).encode(),
            headers={"Authorization": "Bearer tok", "Content-Type": "application/json"})
        assert urllib.request.urlopen(request, timeout=5).status == 202
        with open(screen, "a", encoding="utf-8") as handle:
            handle.write("6666,1234\n")
        _out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    db = open_database(tmp_path / "sessions.db")
    sources = dict(db.execute("SELECT source, COUNT(*) FROM samples GROUP BY source").fetchall())
    assert sources["ingest:bridge"] == 1 and sources["follow:screen.csv"] == 1
    assert sources["simulator"] > 2000
    assert db.execute("SELECT online FROM samples WHERE source = 'ingest:bridge'").fetchone() == (7777,)
    db.close()


def test_a_resumed_session_gets_its_figures_back(tmp_path, standard):
    db = open_database(tmp_path / "sessions.db")
    session = open_session(db, standard, FakeClock())
    session.runner.start_show()
    kpi = build_kpi(session, db, tmp_path, KpiOptions())
    for n in range(30):
        kpi.feed.add({"online": 100 + n, "gmv": n}, "manual", show_ms=n * 1000)
    kpi.close()
    model = KpiModel()
    assert restore_samples(db, session.id, model) == 30
    assert model.latest("online") == (29_000, 129, "manual")


def test_alerts_are_logged_in_both_languages_and_read_back_from_the_alerts_view(tmp_path, standard):
    db = open_database(tmp_path / "sessions.db")
    clock = FakeClock()
    session = open_session(db, standard, clock)
    session.runner.start_show()
    kpi = build_kpi(session, db, tmp_path, KpiOptions())
    kpi.feed.add({"online": 10_000}, "manual", show_ms=60_000)
    clock.advance(180_000)
    kpi.feed.add({"online": 7_000}, "manual")
    assert [a.rule.id for a in kpi.feed.judge(session.runner.now_ms())] == ["traffic-cliff"]
    kpi.close()
    row = next(db.query("SELECT * FROM alerts"))
    assert (row["raised"], row["colour"], row["rule"], row["suggest"]) == (1, "blue", "traffic-cliff",
                                                                           "traffic-cliff")
    assert row["title"] == "在线人数 5 分钟内下跌超过 15%"
    assert row["title_en"] == "Online viewers down 15%+ in 5 min"
    assert row["message_en"] == "online viewers 7,000, down 30% from 10,000 within 5 min"
    assert row["message"] == "在线人数 7,000，5 分钟内从 10,000 下跌 30%"
    assert row["show_s"] == 180.0 and row["position"] == 1

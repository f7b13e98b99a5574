"""Each way figures reach the console: HTTP ingest, a followed file, the simulator, a replay."""

import datetime as dt
import json
import os
import urllib.error
import urllib.request

import pytest

from console.clock import FakeClock
from console.engine import Autopilot
from console.errors import KnownError
from console.kpi.follow import FileFollower
from console.kpi.ingest import MAX_BODY, IngestServer
from console.kpi.model import Sample
from console.kpi.replay import Replay
from console.kpi.simulator import Simulator
from console.session import open_session
from console.storage.database import open_database
from console.storage.sample_writer import SampleWriter


@pytest.fixture
def server():
    show_clock = lambda: dt.datetime(2026, 11, 27, 12, tzinfo=dt.UTC)   # noqa: E731
    ingest = IngestServer(port=0, token="s3cret-token", now=show_clock).start()
    yield ingest
    ingest.stop()


def post(server, body, token="s3cret-token", content_type="application/json", raw=None):
    data = raw if raw is not None else json.dumps(body).encode()
    request = urllib.request.Request(server.url, data=data, method="POST", headers={
        "Authorization": f"Bearer {token}", "Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_ingest_accepts_single_and_batch_samples_with_data_screen_names(server):
    assert post(server, {"values": {"online": 8200, "成交金额": 35600}}) == (202, {"accepted": 1})
    batch = [{"values": {"orders": n}, "at": f"2026-11-27T12:00:0{n}Z", "source": "bridge"}
             for n in range(3)]
    assert post(server, {"samples": batch}) == (202, {"accepted": 3})
    samples = server.drain()
    assert samples[0].values == {"online": 8200, "gmv": 35600} and samples[0].source == "ingest"
    assert samples[3].source == "ingest:bridge"
    assert samples[3].at == dt.datetime(2026, 11, 27, 12, 0, 2, tzinfo=dt.UTC)


@pytest.mark.parametrize("body, status, where, error", [
    ({"values": {"online": -1}}, 400, "sample.values", "online"),
    ({"values": {"vibes": 3}}, 400, "sample.values.vibes", "unknown field"),
    ({"values": {"gmv": "lots"}}, 400, "sample.values", "expected a number"),
    ({"value": {"gmv": 1}}, 400, "sample", "unknown key"),
    ({"values": {"gmv": 1}, "at": "yesterday"}, 400, "sample.at", "ISO 8601"),
    ({"values": {"gmv": 1}, "at": "2026-11-27T12:00:00"}, 400, "sample.at", "time zone"),
    ([{"values": {"gmv": 1}}, {"values": {"gmv": -3}}], 400, "samples[1].values", "gmv"),
])
def test_ingest_refuses_bad_samples_saying_what_and_where(server, body, status, where, error):
    code, answer = post(server, body)
    assert code == status and answer["where"] == where and error in answer["error"]
    assert server.drain() == []


def test_ingest_checks_token_type_size_and_json(server):
    assert post(server, {"values": {"gmv": 1}}, token="wrong")[0] == 401
    assert post(server, {"values": {"gmv": 1}}, content_type="text/plain")[0] == 415
    assert post(server, None, raw=b"{not json")[0] == 400
    code, answer = post(server, None, raw=b" " * (MAX_BODY + 1))
    assert code == 413 and "KiB" in answer["error"]
    status = urllib.request.Request(server.url.replace("/samples", "/status"),
                                    headers={"X-Console-Token": "s3cret-token"})
    with urllib.request.urlopen(status, timeout=5) as response:
        assert json.loads(response.read())["rejected"] == 4


def test_ingest_limits_the_request_rate():
    server = IngestServer(port=0, token="t", rate=5).start()
    try:
        codes = [post(server, {"values": {"gmv": n}}, token="t")[0] for n in range(12)]
    finally:
        server.stop()
    assert codes.count(202) >= 5 and 429 in codes


def test_ingest_on_a_lan_address_needs_a_token_and_a_busy_port_is_named():
    with pytest.raises(KnownError, match="token"):
        IngestServer(port=0, host="0.0.0.0")
    first = IngestServer(port=0, token="t").start()
    try:
        with pytest.raises(KnownError, match=f"{first.port}.*another one"):
            IngestServer(port=first.port, token="t")
    finally:
        first.stop()


def test_following_a_csv_that_grows_is_truncated_and_rotated(tmp_path):
    path = tmp_path / "screen.csv"
    path.write_text("时间,在线人数,成交金额,成交订单数\n2026-11-27 20:00:00,1000,0,0\n", "utf-8")
    follower = FileFollower(path)
    rows = follower.poll()
    assert [r.values for r in rows] == [{"online": 1000, "gmv": 0, "orders": 0}]
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("2026-11-27 20:01:00,1200,3.5万,")               # half a line so far
    assert follower.poll() == []
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("40\n")
    assert [r.values for r in follower.poll()] == [{"online": 1200, "gmv": 35000, "orders": 40}]
    path.write_text("在线人数,成交金额\n900,100\n", "utf-8")             # truncated, rewritten
    assert [r.values for r in follower.poll()] == [{"online": 900, "gmv": 100}]
    os.rename(path, tmp_path / "screen.csv.1")                          # rotated
    path.write_text("online,gmv\n950,200\n", "utf-8")
    assert [r.values for r in follower.poll()] == [{"online": 950, "gmv": 200}]


def test_following_json_lines_skips_a_bad_line_and_names_it(tmp_path):
    path = tmp_path / "bridge.jsonl"
    path.write_text('{"online": 10, "at": "2026-11-27T12:00:00Z"}\n{oops\n'
                    '{"values": {"成交金额": 5}}\n', "utf-8")
    follower = FileFollower(path)
    rows = follower.poll()
    assert [r.values for r in rows] == [{"online": 10}, {"gmv": 5}]
    assert rows[0].at == dt.datetime(2026, 11, 27, 12, tzinfo=dt.UTC)
    assert [str(p) for p in follower.problems] == [
        f"{path}:2: not JSON (Expecting property name enclosed in double quotes)"]


def test_hostile_lines_in_a_followed_file_are_skipped_with_their_reason(tmp_path):
    jsonl = tmp_path / "bridge.jsonl"
    jsonl.write_text('{"values": [1, 2]}\n[1]\n{"online": {"x": 1}}\n{"online": 5}\n', "utf-8")
    follower = FileFollower(jsonl)
    assert [r.values for r in follower.poll()] == [{"online": 5}]
    assert [str(p) for p in follower.problems] == [
        f'{jsonl}:1: "values" must be a JSON object', f"{jsonl}:2: each line must be a JSON object",
        f"{jsonl}:3: online: expected a number, got {{'x': 1}}"]
    screen = tmp_path / "screen.csv"
    screen.write_bytes("在线人数,成交金额\nabc,5\n1\x00,2\n7,8\n".encode())
    follower = FileFollower(screen)
    assert [r.values for r in follower.poll()] == [{"online": 7, "gmv": 8}]
    assert [str(p.error) for p in follower.problems] == ["“abc” is not a number",
                                                         "“1\x00” is not a number"]


def test_a_gbk_csv_from_excel_is_read(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("在线人数,成交金额\n800,50\n".encode("gbk"))
    assert [r.values for r in FileFollower(path).poll()] == [{"online": 800, "gmv": 50}]


def simulated(standard, seed, minutes=35):
    clock = FakeClock()
    from console.engine import ShowRunner
    runner = ShowRunner(standard.show, clock)
    simulator = Simulator(runner, seed=seed)
    autopilot = Autopilot(runner)
    runner.start_show()
    samples = []
    for _ in range(minutes * 60):
        clock.advance(1000)
        autopilot.run_until()
        samples += simulator.poll(runner.now_ms())
    return runner, samples


def test_the_simulator_is_reproducible_and_reacts_to_the_show(standard):
    _, first = simulated(standard, seed=5)
    _, again = simulated(standard, seed=5)
    _, other = simulated(standard, seed=6)
    assert first == again and first != other
    assert len(first) == 35 * 60
    by_time = dict(first)
    online = lambda t: by_time[t]["online"]                          # noqa: E731
    orders = lambda a, b: by_time[b]["orders"] - by_time[a]["orders"]  # noqa: E731
    assert online(11 * 60_000) > online(9 * 60_000)                  # the lottery at 10:00 pulls people in
    assert orders(12 * 60_000 + 30_000, 16 * 60_000) > 2 * orders(7 * 60_000 + 30_000, 10 * 60_000)
    #      ↑ the flash sale (4 min)                     ↑ a guessing game and the run-up (2.5 min)


def test_a_traffic_cliff_can_be_triggered(standard):
    runner, _samples = simulated(standard, seed=1, minutes=5)
    simulator = Simulator(runner, seed=1)
    simulator.next_ms = runner.now_ms()
    before = simulator.online = 3000.0
    simulator.trigger_cliff()
    runner.clock.advance(90_000)
    after = simulator.poll(runner.now_ms())[-1][1]["online"]
    assert after < before * 0.8


def test_samples_are_written_in_batches_and_replayed(tmp_path, standard):
    db_path = tmp_path / "sessions.db"
    db = open_database(db_path)
    session = open_session(db, standard, FakeClock())
    writer = SampleWriter(db_path, session.id)
    for n in range(250):
        writer.put(Sample(n * 1000, {"online": 1000 + n, "gmv": 10.0 * n}, "simulator"))
    writer.close()
    assert writer.written == 250
    assert db.execute("SELECT COUNT(*), MAX(gmv) FROM samples").fetchone() == (250, 2490.0)
    replay = Replay(db, session.id)
    assert [t for t, _ in replay.poll(2_500)] == [0, 1000, 2000]
    assert replay.poll(1_000_000)[-1] == (249_000, {"online": 1249.0, "gmv": 2490.0})
    assert replay.finished
    with pytest.raises(KnownError, match="no KPI samples"):
        Replay(db, 99)

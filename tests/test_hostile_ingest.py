"""The HTTP ingest against hostile or broken clients (issue 10, findings 1, 7).

Every request gets a JSON 4xx or a clean close; the server holds a bounded number of
connections; traffic without the token cannot starve a real bridge; no sample, however
odd, stops the sample writer.
"""

import datetime as dt
import json
import socket
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.clock import FakeClock
from console.kpi.ingest import IngestServer, RequestError, parse_payload
from console.kpi.model import Sample, SampleError, check_values
from console.session import open_session
from console.storage.database import open_database
from console.storage.sample_writer import SampleWriter

NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)
TOKEN = "s3cret-token"


@pytest.fixture
def server():
    ingest = IngestServer(port=0, token=TOKEN, now=lambda: NOW, timeout=0.5).start()
    yield ingest
    ingest.stop()


def exchange(server, data: bytes, half_close=True, wait=5.0) -> bytes:
    """Send raw bytes, read until the server closes; b'' if it closed without a word."""
    with socket.create_connection((server.host, server.port), timeout=wait) as sock:
        sock.sendall(data)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            pass
        return b"".join(chunks)


def answer(raw: bytes) -> tuple[int, dict]:
    head, _, body = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ")[1])
    assert b"application/json" in head, head
    return status, json.loads(body)


def request(body: bytes, token=TOKEN, length: str | None = None, method="POST",
            path="/samples") -> bytes:
    length = str(len(body)) if length is None else length
    return (f"{method} {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {length}\r\n\r\n").encode() + body


def post(server, body: bytes, **kw) -> tuple[int, dict]:
    return answer(exchange(server, request(body, **kw)))


BIG = "9" * 320
HUGE = "9" * 4400


@pytest.mark.parametrize("body, where, error", [
    (f'{{"values": {{"online": {BIG}}}}}', "sample.values", "320 digits"),
    (f'{{"values": {{"online": {HUGE}}}}}', "", "4300 digits"),
    ("[" * 1000 + "]" * 1000, "", "nested"),
    ('{"values": {"online": ' + "[" * 2000 + "]" * 2000 + "}}", "", "nested"),
    ('{"values": {"\\ud800": 1}}', "sample.values.\ud800", "unknown field"),
    ('{"values": {"online": NaN}}', "sample.values", "not a number"),
    ('{"values": {"online": 1e400}}', "sample.values", "not a number"),
    ('{"values": {"online": 1}, "at": "0001-01-01T00:00:00+14:00"}', "sample.at", "a day"),
    ('{"values": {"online": 1}, "at": "9999-12-31T23:59:59-14:00"}', "sample.at", "a day"),
    ('{"values": {"online": 1}, "at": "2026-11-29T12:00:01Z"}', "sample.at", "a day"),
])
def test_hostile_bodies_get_a_json_400_saying_why(server, body, where, error):
    status, reply = post(server, body.encode("utf-8", "surrogatepass"))
    assert status == 400 and error in reply["error"], reply
    assert reply.get("where", "") == where
    assert server.drain() == []


def test_a_sample_within_a_day_of_the_show_and_a_flat_sample_are_taken(server):
    body = b'[{"values": {"online": 5}, "at": "2026-11-26T13:00:00+01:00"}, {"online": 1234}]'
    assert post(server, body) == (202, {"accepted": 2})
    first, flat = server.drain()
    assert first.at == dt.datetime(2026, 11, 26, 12, tzinfo=dt.UTC)
    assert flat.values == {"online": 1234} and flat.at is None


@pytest.mark.parametrize("length, status", [("²", 400), ("-1", 400), ("1e3", 400),
                                            ("9" * 5000, 413), ("", 411)])
def test_a_content_length_that_is_not_ascii_digits_is_refused(server, length, status):
    raw = request(b'{"online": 1}', length=length)
    if length == "":
        raw = raw.replace(b"Content-Length: \r\n", b"")
    assert answer(exchange(server, raw))[0] == status


def test_a_body_shorter_than_its_content_length_is_refused(server):
    status, reply = answer(exchange(server, request(b'{"online": 1}', length="100")))
    assert status == 400 and "shorter" in reply["error"]
    status, reply = answer(exchange(server, request(b'{"online": 1}', length="100"),
                                    half_close=False))          # waits, then times out
    assert status == 408


@pytest.mark.parametrize("data", [
    b"POST /samples HTTP/1.1\r\nHost: x\r\nContent-Len",         # headers never finished
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(32)),   # a TLS hello
    b"",
])
def test_unfinished_requests_are_closed_within_the_timeout(server, data):
    started = time.monotonic()
    raw = exchange(server, data, half_close=False)
    assert time.monotonic() - started < 3
    if raw:
        assert 400 <= answer(raw)[0] < 500


def test_a_tls_hello_sent_whole_gets_a_json_400(server):
    raw = exchange(server, b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n")
    assert answer(raw)[0] == 400


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS", "FOO"])
def test_other_methods_get_a_json_405(server, method):
    status, reply = answer(exchange(server, request(b"{}", method=method)))
    assert status == 405 and "POST /samples" in reply["error"]


def test_bad_tokens_do_not_use_up_the_bridges_rate(server):
    for _ in range(120):
        assert post(server, b'{"online": 1}', token="guess")[0] == 401
    assert post(server, b'{"online": 1}') == (202, {"accepted": 1})


def test_idle_connections_are_bounded_and_a_real_bridge_still_gets_in():
    ingest = IngestServer(port=0, token=TOKEN, now=lambda: NOW, timeout=5).start()
    before = threading.active_count()
    idle = []
    try:
        for _ in range(200):
            idle.append(socket.create_connection((ingest.host, ingest.port), timeout=5))
        time.sleep(0.5)
        assert threading.active_count() - before <= 2 * ingest.max_connections
        started = time.monotonic()
        assert post(ingest, b'{"online": 1}') == (202, {"accepted": 1})
        assert time.monotonic() - started < 1.0
        assert threading.active_count() - before <= 2 * ingest.max_connections
    finally:
        for sock in idle:
            sock.close()
        ingest.stop()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
    | st.sampled_from([10 ** 400, "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00",
                       "2026-11-27T12:00:00Z", "2026-11-27T12:00:00"]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["values", "at", "source", "samples", "online", "gmv",
                                       "\ud800", "在线人数"]) | st.text(max_size=4),
                      inner, max_size=4),
    max_leaves=12)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_parse_payload_answers_any_json_with_samples_or_a_request_error(value):
    body = json.dumps(value).encode("utf-8")
    try:
        parse_payload(body, now=NOW)
    except RequestError as exc:
        assert 400 <= exc.status < 500
        json.dumps({"error": str(exc), "where": exc.where})


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_parse_payload_answers_any_bytes_with_samples_or_a_request_error(body):
    try:
        parse_payload(body, now=NOW)
    except RequestError as exc:
        assert 400 <= exc.status < 500


@pytest.mark.parametrize("value, error", [
    (float("nan"), "not a number"), (float("inf"), "not a number"),
    (10 ** 309, "310 digits"), (10 ** 5000, "too big"), (-1, "plausible"),
], ids=["nan", "inf", "int310", "int5001", "negative"])
def test_check_values_refuses_numbers_that_are_not_figures(value, error):
    with pytest.raises(SampleError, match=error):
        check_values({"online": value})


def test_one_bad_sample_never_stops_the_writer(tmp_path, standard):
    db_path = tmp_path / "sessions.db"
    db = open_database(db_path)
    session = open_session(db, standard, FakeClock())
    writer = SampleWriter(db_path, session.id)
    bad = dt.datetime.fromisoformat("0001-01-01T00:00:00+14:00")
    writer.put(Sample(1000, {"online": 1.0}, "ingest", bad))
    time.sleep(0.8)                                   # its own batch, then one after it
    writer.put(Sample(2000, {"online": 2.0}, "ingest", NOW))
    writer.close()
    rows = db.execute("SELECT show_ms, online FROM samples").fetchall()
    assert rows == [(2000, 2.0)] and writer.dropped == 1

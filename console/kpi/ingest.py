"""Local HTTP ingest for bridges and scripts: JSON samples with a token.

    POST /samples   Authorization: Bearer <token>   Content-Type: application/json
    {"values": {"online": 8200, "gmv": 35600}, "at": "2026-11-27T12:05:00Z", "source": "bridge"}
    — or a list of such objects, or {"samples": [...]}.  GET /status answers health checks.

Strict: every problem gets a 4xx with a JSON body saying what and where
(`samples[3].values.gmv`). The server thread only parses and validates; the
samples cross to the show's thread through one queue, drained on its tick.

Hostile or broken clients: every answer is JSON (also for bad request lines and
unknown methods); each connection has a socket timeout; at most MAX_CONNECTIONS
are handled at once — when full, the oldest one still waiting for its request
is closed to make room, so idle sockets cannot lock out a bridge; the token is
checked before the rate limit is charged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hmac
import ipaddress
import json
import logging
import queue
import secrets
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import cast

from console.errors import KnownError
from console.kpi import safejson
from console.kpi.fields import field_for
from console.kpi.model import SampleError, check_time, check_values
from console.text import translate

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765
MAX_BODY = 64 * 1024
MAX_SAMPLES = 500                 # per request
RATE_PER_SECOND = 50              # requests; a burst of the same size is allowed
MAX_QUEUED = 100_000
MAX_SOURCE_LABEL = 40
MAX_CONNECTIONS = 16              # handled at once; a bridge needs one or two
SOCKET_TIMEOUT_S = 5.0            # for each read and write on a connection


@dataclasses.dataclass(frozen=True)
class IngestedSample:
    values: dict[str, float]
    source: str
    at: dt.datetime | None        # when the figures were read, if the bridge said


class RequestError(Exception):
    def __init__(self, status: int, message: str, where: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.where = where


def parse_payload(body: bytes, now: dt.datetime | None = None) -> list[IngestedSample]:
    """Samples from a request body, or RequestError(4xx, what, where). With `now` (the
    show's clock), a sample whose `at` is more than a day away from it is refused."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestError(400, "body is not UTF-8") from None
    try:
        data = safejson.loads(text)
    except safejson.JsonProblem as exc:
        raise RequestError(400, f"not JSON: {exc}") from None
    if isinstance(data, dict) and "samples" in data:
        data = data["samples"]
    items = data if isinstance(data, list) else [data]
    if not items:
        raise RequestError(400, "no samples")
    if len(items) > MAX_SAMPLES:
        raise RequestError(413, f"{len(items)} samples in one request; send at most {MAX_SAMPLES}")
    return [_parse_sample(item, f"samples[{n}]" if isinstance(data, list) else "sample", now)
            for n, item in enumerate(items)]


def _parse_sample(item, where: str, now: dt.datetime | None) -> IngestedSample:
    if not isinstance(item, dict):
        raise RequestError(400, "expected an object with \"values\" (or flat figures)", where)
    if "values" in item:                        # {"values": {...}, "at": …, "source": …}
        unknown = set(item) - {"values", "at", "source"}
        raw = item["values"]
        if not isinstance(raw, dict):
            raise RequestError(400, "\"values\" must be an object like {\"online\": 8200}", where)
    else:                                       # flat, as in a followed file: {"online": 8200}
        raw = {name: value for name, value in item.items() if name not in ("at", "source")}
        unknown = {name for name in raw if field_for(name) is None}
    if unknown:
        raise RequestError(400, f"unknown key(s): {', '.join(sorted(unknown))}; a sample is "
                                "{\"values\": {\"online\": 8200}} or flat {\"online\": 8200}",
                           where)
    values = {}
    for name, value in raw.items():
        key = field_for(name)
        if key is None:
            raise RequestError(400, f"unknown field '{name}'", f"{where}.values.{name}")
        values[key] = value
    figures = f"{where}.values" if "values" in item else where
    try:
        values = check_values(values)
    except SampleError as exc:
        raise RequestError(400, str(exc), figures) from None
    source = item.get("source", "ingest")
    if not isinstance(source, str) or not 0 < len(source) <= MAX_SOURCE_LABEL \
            or not source.isprintable():
        raise RequestError(400, f"\"source\" must be a short label (≤ {MAX_SOURCE_LABEL})",
                           f"{where}.source")
    at = None
    if "at" in item:
        try:
            at = dt.datetime.fromisoformat(str(item["at"]).replace("Z", "+00:00"))
        except ValueError:
            raise RequestError(400, "\"at\" must be ISO 8601, e.g. 2026-11-27T20:05:00+08:00",
                               f"{where}.at") from None
        if at.tzinfo is None:
            raise RequestError(400, "\"at\" needs a time zone (Z or +08:00)", f"{where}.at")
        if now is not None:
            try:
                at = check_time(at, now)
            except SampleError as exc:
                raise RequestError(400, str(exc), f"{where}.at") from None
    return IngestedSample(values, source if source == "ingest" else f"ingest:{source}", at)


class _RateLimit:
    """A token bucket: RATE_PER_SECOND sustained, the same again as a burst."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.tokens = rate
        self.stamp = time.monotonic()
        self.lock = threading.Lock()

    def allow(self) -> bool:
        with self.lock:
            now = time.monotonic()
            self.tokens = min(self.rate, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now
            if self.tokens >= 1:
                self.tokens -= 1
                return True
            return False


class _BoundedServer(ThreadingHTTPServer):
    """A thread per connection, but at most `limit` of them (and never over twice that
    while closed ones wind down). When full, the oldest connection that has not yet
    shown the token is closed to let the new one in; if none, the new one is closed."""

    daemon_threads = True
    request_queue_size = 64

    def __init__(self, address, handler, limit: int) -> None:
        self.limit = limit
        self.active = 0
        self.closed_early = 0
        self._waiting: dict[socket.socket, None] = {}      # oldest first, not yet authorised
        self._lock = threading.Lock()
        super().__init__(address, handler)

    def process_request(self, request, client_address) -> None:
        with self._lock:
            victim = None
            if self.active >= self.limit:
                victim = next(iter(self._waiting), None)
                if victim is None or self.active >= 2 * self.limit:
                    self.closed_early += 1
                    self.shutdown_request(request)
                    return
                del self._waiting[victim]
                self.closed_early += 1
            self.active += 1
            self._waiting[request] = None
        if victim is not None:
            _hang_up(victim)
        try:
            super().process_request(request, client_address)
        except RuntimeError:                    # no thread to be had
            self._done(request)
            self.shutdown_request(request)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._done(request)

    def authorised(self, request) -> None:
        """The connection showed the token: it is no longer the first to be closed."""
        with self._lock:
            self._waiting.pop(request, None)

    def _done(self, request) -> None:
        with self._lock:
            self.active -= 1
            self._waiting.pop(request, None)

    def handle_error(self, request, client_address) -> None:
        log.debug("ingest connection from %s ended badly", client_address[0], exc_info=True)


def _hang_up(connection: socket.socket) -> None:
    try:
        connection.shutdown(socket.SHUT_RDWR)       # wakes its thread from recv at once
    except OSError:
        pass


class IngestServer:
    def __init__(self, port: int = DEFAULT_PORT, host: str = "127.0.0.1",
                 token: str | None = None, rate: float = RATE_PER_SECOND,
                 now: Callable[[], dt.datetime] | None = None,
                 timeout: float = SOCKET_TIMEOUT_S, max_connections: int = MAX_CONNECTIONS) -> None:
        if not _is_loopback(host) and not token:
            raise KnownError(lambda: translate(
                "Errors", "listening on {host} reaches other machines: give a token "
                "(--ingest-token) that the bridge must send").format(host=host))
        self.token = token or secrets.token_urlsafe(18)
        self.samples: queue.Queue[IngestedSample] = queue.Queue(MAX_QUEUED)
        self.accepted = 0
        self.rejected = 0
        self.now = now or (lambda: dt.datetime.now(dt.UTC))   # the show's clock
        self.timeout = timeout
        self.max_connections = max_connections
        self._rate = _RateLimit(rate)
        try:
            self._server = _BoundedServer((host, port), self._handler_class(), max_connections)
        except OSError as exc:
            reason = exc.strerror
            raise KnownError(lambda: translate(
                "Errors", "cannot listen on {address} ({reason}); another program may use the "
                "port — pass another one, e.g. --ingest {other}").format(
                    address=f"{host}:{port}", reason=reason, other=port + 1)) from exc
        # An AF_INET server: the address is (host, port); the stub allows a unix socket's too.
        self.host, self.port = cast(tuple[str, int], self._server.server_address[:2])
        self._thread = threading.Thread(target=self._server.serve_forever, name="kpi-ingest",
                                        daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/samples"

    @property
    def closed_early(self) -> int:
        """Connections closed unanswered to keep within max_connections."""
        return self._server.closed_early

    def start(self) -> IngestServer:
        self._thread.start()
        log.info("ingest listening on %s", self.url)
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def drain(self) -> list[IngestedSample]:
        out = []
        while True:
            try:
                out.append(self.samples.get_nowait())
            except queue.Empty:
                return out

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "LiveConsoleIngest/1"
            timeout = server.timeout                # every read and write on the socket

            def log_message(self, format, *args) -> None:       # noqa: A002 - stdlib name
                log.debug("ingest %s: " + format, self.client_address[0], *args)

            def send_error(self, code: int, message: str | None = None,
                           explain: str | None = None) -> None:
                """The standard library's own refusals (bad request line, unknown method,
                headers too long …), as JSON like every other answer."""
                if code == 501:                     # an unknown method: the client's mistake
                    code, message = 405, f"method {self.command!r:.20} not allowed"
                self.close_connection = True
                server.rejected += 1
                self._answer(code, {"error": f"{message or self.responses.get(code, ('',))[0]}; "
                                             "use POST /samples or GET /status"})

            def do_GET(self) -> None:
                if self.path.split("?")[0] != "/status":
                    return self._answer(404, {"error": "try GET /status or POST /samples"})
                if not self._authorised():
                    return self._answer(401, {"error": "missing or wrong token"})
                self._answer(200, {"ok": True, "accepted": server.accepted,
                                   "rejected": server.rejected})

            def do_POST(self) -> None:
                try:
                    samples = self._read_samples()
                except RequestError as exc:
                    server.rejected += 1
                    body = {"error": str(exc)}
                    if exc.where:
                        body["where"] = exc.where
                    return self._answer(exc.status, body)
                for sample in samples:
                    try:
                        server.samples.put_nowait(sample)
                    except queue.Full:
                        return self._answer(503, {"error": "console is not keeping up; retry"})
                server.accepted += len(samples)
                self._answer(202, {"accepted": len(samples)})

            def _read_samples(self) -> list[IngestedSample]:
                if self.path.split("?")[0] != "/samples":
                    raise RequestError(404, "POST to /samples")
                if not self._authorised():          # before the rate: guesses cost the bridge nothing
                    raise RequestError(401, "missing or wrong token (Authorization: Bearer …)")
                if not server._rate.allow():
                    raise RequestError(429, f"more than {RATE_PER_SECOND:g} requests a second; "
                                            "batch samples into one request")
                if "json" not in self.headers.get("Content-Type", ""):
                    raise RequestError(415, "send Content-Type: application/json")
                length = self.headers.get("Content-Length")
                if length is None:
                    raise RequestError(411, "Content-Length is required")
                if not (length.isascii() and length.isdigit()):     # '²' is a digit to isdigit
                    raise RequestError(400, "Content-Length must be a number of bytes")
                if len(length) > 9 or int(length) > MAX_BODY:
                    raise RequestError(413, f"body over {MAX_BODY // 1024} KiB; split it")
                try:
                    body = self.rfile.read(int(length))
                except TimeoutError:
                    raise RequestError(408, f"body shorter than Content-Length {length} (nothing "
                                            f"more for {server.timeout:g} s)") from None
                if len(body) < int(length):
                    raise RequestError(400, f"body shorter than Content-Length ({len(body)} of "
                                            f"{length} bytes)")
                return parse_payload(body, server.now())

            def _authorised(self) -> bool:
                given = self.headers.get("Authorization", "").removeprefix("Bearer ").strip() \
                    or self.headers.get("X-Console-Token", "")
                if hmac.compare_digest(given.encode(), server.token.encode()):
                    server._server.authorised(self.connection)
                    return True
                return False

            def _answer(self, status: int, body: dict) -> None:
                text = json.dumps(body, ensure_ascii=False)
                try:
                    data = text.encode("utf-8")
                except UnicodeEncodeError:          # a lone surrogate echoed from the request
                    data = json.dumps(body).encode("ascii")
                self.close_connection = True
                self.request_version = "HTTP/1.0"   # status line and headers even to garbage
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(data)

        return Handler


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False

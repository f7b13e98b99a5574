"""Local HTTP ingest for bridges and scripts: JSON samples with a token.

    POST /samples   Authorization: Bearer <token>   Content-Type: application/json
    {"values": {"online": 8200, "gmv": 35600}, "at": "2026-11-27T12:05:00Z", "source": "bridge"}
    — or a list of such objects, or {"samples": [...]}.  GET /status answers health checks.

Strict: every problem gets a 4xx with a JSON body saying what and where
(`samples[3].values.gmv`). The server thread only parses and validates; the
samples cross to the show's thread through one queue, drained on its tick.
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
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from console.errors import KnownError
from console.kpi.fields import field_for
from console.kpi.model import SampleError, check_values
from console.text import translate

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765
MAX_BODY = 64 * 1024
MAX_SAMPLES = 500                 # per request
RATE_PER_SECOND = 50              # requests; a burst of the same size is allowed
MAX_QUEUED = 100_000
MAX_SOURCE_LABEL = 40


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


def parse_payload(body: bytes) -> list[IngestedSample]:
    """Samples from a request body, or RequestError(400, what, where)."""
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise RequestError(400, "body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise RequestError(400, f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if isinstance(data, dict) and "samples" in data:
        data = data["samples"]
    items = data if isinstance(data, list) else [data]
    if not items:
        raise RequestError(400, "no samples")
    if len(items) > MAX_SAMPLES:
        raise RequestError(413, f"{len(items)} samples in one request; send at most {MAX_SAMPLES}")
    return [_parse_sample(item, f"samples[{n}]" if isinstance(data, list) else "sample")
            for n, item in enumerate(items)]


def _parse_sample(item, where: str) -> IngestedSample:
    if not isinstance(item, dict):
        raise RequestError(400, "expected an object with \"values\"", where)
    unknown = set(item) - {"values", "at", "source"}
    if unknown:
        raise RequestError(400, f"unknown key(s): {', '.join(sorted(unknown))}", where)
    raw = item.get("values")
    if not isinstance(raw, dict):
        raise RequestError(400, "\"values\" must be an object like {\"online\": 8200}", where)
    values = {}
    for name, value in raw.items():
        key = field_for(str(name))
        if key is None:
            raise RequestError(400, f"unknown field '{name}'", f"{where}.values.{name}")
        values[key] = value
    try:
        values = check_values(values)
    except SampleError as exc:
        raise RequestError(400, str(exc), f"{where}.values") from None
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


class IngestServer:
    def __init__(self, port: int = DEFAULT_PORT, host: str = "127.0.0.1",
                 token: str | None = None, rate: float = RATE_PER_SECOND) -> None:
        if not _is_loopback(host) and not token:
            raise KnownError(lambda: translate(
                "Errors", "listening on {host} reaches other machines: give a token "
                "(--ingest-token) that the bridge must send").format(host=host))
        self.token = token or secrets.token_urlsafe(18)
        self.samples: queue.Queue[IngestedSample] = queue.Queue(MAX_QUEUED)
        self.accepted = 0
        self.rejected = 0
        self._rate = _RateLimit(rate)
        try:
            self._server = ThreadingHTTPServer((host, port), self._handler_class())
        except OSError as exc:
            reason = exc.strerror
            raise KnownError(lambda: translate(
                "Errors", "cannot listen on {address} ({reason}); another program may use the "
                "port — pass another one, e.g. --ingest {other}").format(
                    address=f"{host}:{port}", reason=reason, other=port + 1)) from exc
        self._server.daemon_threads = True
        self.host, self.port = self._server.server_address[:2]
        self._thread = threading.Thread(target=self._server.serve_forever, name="kpi-ingest",
                                        daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/samples"

    def start(self) -> "IngestServer":
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

            def log_message(self, format, *args) -> None:       # noqa: A002 - stdlib name
                log.debug("ingest %s: " + format, self.client_address[0], *args)

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
                if not server._rate.allow():
                    raise RequestError(429, f"more than {RATE_PER_SECOND:g} requests a second; "
                                            "batch samples into one request")
                if not self._authorised():
                    raise RequestError(401, "missing or wrong token (Authorization: Bearer …)")
                if "json" not in self.headers.get("Content-Type", ""):
                    raise RequestError(415, "send Content-Type: application/json")
                length = self.headers.get("Content-Length")
                if length is None or not length.isdigit():
                    raise RequestError(411, "Content-Length is required")
                if int(length) > MAX_BODY:
                    raise RequestError(413, f"body over {MAX_BODY // 1024} KiB; split it")
                return parse_payload(self.rfile.read(int(length)))

            def _authorised(self) -> bool:
                given = self.headers.get("Authorization", "").removeprefix("Bearer ").strip() \
                    or self.headers.get("X-Console-Token", "")
                return hmac.compare_digest(given.encode(), server.token.encode())

            def _answer(self, status: int, body: dict) -> None:
                data = json.dumps(body, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
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

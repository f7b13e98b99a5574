"""Benchmark: live figures, graphs and the database at minute 1 and at hour 6 of a show.

    .venv/bin/python scripts/bench_kpi.py                 # 6 h show, 60 s live at each end
    .venv/bin/python scripts/bench_kpi.py --live 20       # quicker look

The real windowed console runs offscreen. Minute 1 is played live: the simulator
gives 1 sample per second, a bridge thread posts 20 HTTP requests per second to
the ingest server, the sample writer stores everything. Then the show is played
at high speed to hour 6 (every segment, lottery and sample on the way: 21,600
simulator samples), and the last minutes are played live again. Reported:
event-loop lag (a 10 ms probe timer) live at minute 1 and at hour 6, graph frame
time (refresh + repaint of one graph) at minute 1, hour 1 and hour 6 for each
window, RSS after warm-up and at the end, samples written per second during
fast-forward. Minute 1 has less to draw than any later frame (few points, rates
not yet defined, one or two markers); hour 1 has as much as hour 6, so hour 6
against hour 1 is the cost of the show's length alone.
Targets: lag p99 ≤ 16 ms, max ≤ 50 ms; hour-6 frame ≤ 1.2 × minute 1; RSS growth
< 5 MB per simulated hour.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LIVE_CONSOLE_AUDIO", "off")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from console.clock import SystemClock
from console.engine.intents import StartShow
from console.kpi.setup import KpiOptions, build_kpi
from console.resources import resource_path
from console.script import load_show_text
from console.session import open_session
from console.settings import Settings
from console.storage.database import open_database
from console.ui.app import build_console

HOUR_MS = 3_600_000


class JumpClock(SystemClock):
    """The system clock, plus whatever the benchmark fast-forwards (like one long stall)."""

    def __init__(self) -> None:
        self.offset_ms = 0

    def monotonic_ms(self) -> int:
        return super().monotonic_ms() + self.offset_ms


def long_show(hours: int) -> str:
    """The two-hour sample looped to cover `hours` (ids made unique per loop)."""
    text = resource_path("shows", "marathon-2h.toml").read_text("utf-8")
    head, first = text.split("[[segment]]", 1)
    loops = ["[[segment]]" + first.replace('id = "', f'id = "l{n}-')
             for n in range(-(-hours // 2))]
    return head + "\n".join(loops)


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def run_for(app: QApplication, seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def measure_lag(app: QApplication, seconds: float) -> list[float]:
    lags, clock = [], QElapsedTimer()
    probe = QTimer()
    probe.setTimerType(probe.timerType().PreciseTimer)
    probe.setInterval(10)

    def beat():
        lags.append(max(0.0, clock.nsecsElapsed() / 1e6 - 10))
        clock.restart()
    probe.timeout.connect(beat)
    clock.start()
    probe.start()
    run_for(app, seconds)
    probe.stop()
    return sorted(lags[1:])


def fast_forward(app, session, clock, console, until_ms: int) -> None:
    """High speed: a minute of show per event-loop turn."""
    while session.runner.now_ms() < until_ms:
        clock.offset_ms += min(60_000, until_ms - session.runner.now_ms())
        console.controller.tick()
        app.processEvents()


def frame_ms(graphs, controller, repeats: int = 60) -> dict[str, float]:
    """Median time to refresh one graph and repaint it, for each window, with the show's
    timer paused so that the figure is the drawing, not whatever else the tick does."""
    controller.stop_ticking()
    gc.collect()
    result = {}
    for window in ("10min", "1h", "all"):
        graphs.time_window = window
        times = []
        for n in range(repeats):
            name = list(graphs.plots)[n % len(graphs.plots)]
            start = time.perf_counter()
            graphs.refresh_plot(name)
            graphs.views[name].viewport().repaint()
            times.append((time.perf_counter() - start) * 1000)
        result[window] = statistics.median(times)
    graphs.time_window = "10min"
    controller.start_ticking()
    return result


def bridge(url: str, token: str, stop: threading.Event, per_second: int, sent: list) -> None:
    """A bridge posting small samples, like a screen scraper would."""
    n = 0
    while not stop.is_set():
        body = json.dumps({"values": {"likes": 1000 + n, "comments": 100 + n}, "source": "bench"})
        request = urllib.request.Request(url, data=body.encode(), method="POST", headers={
            "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        try:
            urllib.request.urlopen(request, timeout=2).read()
            sent[0] += 1
        except OSError:
            sent[1] += 1
        n += 1
        time.sleep(1 / per_second)


def lag_line(label: str, lags: list[float]) -> str:
    p = lambda q: lags[min(len(lags) - 1, int(len(lags) * q))]  # noqa: E731
    return (f"event-loop lag {label} ({len(lags)} beats of 10 ms): p50 {p(0.5):.2f} ms, "
            f"p99 {p(0.99):.2f} ms, max {lags[-1]:.2f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hours", type=int, default=6)
    parser.add_argument("--live", type=float, default=60.0, help="seconds played live at each end")
    parser.add_argument("--requests", type=int, default=20, help="ingest requests per second")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    db = open_database(folder / "sessions.db")
    clock = JumpClock()
    session = open_session(db, load_show_text(long_show(args.hours), "bench.toml"), clock,
                           rehearsal=True)
    kpi = build_kpi(session, db, folder, KpiOptions(simulate=1, ingest_port=0,
                                                    ingest_token="bench"))
    console = build_console(session, folder, Settings(), autopilot=True, kpi=kpi)
    console.operator.resize(1600, 1000)
    console.operator.show()
    console.presenter.show()
    graphs = console.operator.kpi.graphs
    stop, sent = threading.Event(), [0, 0]
    threading.Thread(target=bridge, args=(kpi.feed.ingest.url, "bench", stop, args.requests, sent),
                     daemon=True).start()
    console.controller.do(StartShow())
    console.controller.start_ticking()

    run_for(app, 5)                                         # warm-up: fonts, caches, first paints
    rss_warm = rss_mb()
    lag_start = measure_lag(app, args.live)
    frames_start = frame_ms(graphs, console.controller)

    target = args.hours * HOUR_MS - 2 * 60_000 - int(args.live * 1000)
    written_before, ff_start = kpi.writer.written, time.monotonic()
    fast_forward(app, session, clock, console, HOUR_MS)
    frames_hour_1 = frame_ms(graphs, console.controller)  # as much to draw as at hour 6
    fast_forward(app, session, clock, console, target)
    ff_seconds = time.monotonic() - ff_start
    run_for(app, 2)
    written_ff = kpi.writer.written - written_before
    lag_end = measure_lag(app, args.live)
    frames_end = frame_ms(graphs, console.controller)
    rss_end = rss_mb()
    stop.set()
    console.controller.stop_ticking()
    hours = session.runner.now_ms() / HOUR_MS
    samples = kpi.model.count
    kpi.close()

    print(f"show: {hours:.2f} h reached; {samples} samples in the model; live ingest "
          f"requests ok {sent[0]}, failed {sent[1]}")
    print(lag_line("live at minute 1", lag_start))
    print(lag_line(f"live at hour {hours:.0f}", lag_end))
    stages = (("minute 1", frames_start), ("hour 1", frames_hour_1),
              (f"hour {hours:.0f}", frames_end))
    for label, values in stages:
        print(f"graph frame (refresh + repaint) at {label}: "
              + ", ".join(f"{w} {ms:.2f} ms" for w, ms in values.items()))
    for label, values in stages[:2]:
        print(f"hour {hours:.0f} / {label}: " + ", ".join(
            f"{w} {frames_end[w] / values[w]:.2f}" for w in values))
    print(f"RSS: after warm-up {rss_warm:.1f} MB, end {rss_end:.1f} MB, growth "
          f"{(rss_end - rss_warm) / hours:.2f} MB per simulated hour")
    print(f"fast-forward: {written_ff} samples written in {ff_seconds:.1f} s "
          f"({written_ff / ff_seconds:.0f} per second)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

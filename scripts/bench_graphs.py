"""Benchmark: drawing cost of the KPI graphs alone, minute 1 against hour 6.

    .venv/bin/python scripts/bench_graphs.py

The graphs are given a minute of figures with one marker, an hour (3,600 samples,
50 markers) and six hours (21,600 samples, 300 markers), and each graph is
refreshed and repainted synchronously, nothing else running. This isolates
"does drawing cost grow with the length of the show" from the rest of the
console's work (bench_kpi.py measures the whole console live). Minute 1 has
less to draw than any later frame (a flat line, one marker); hour 1 against
hour 6 compares frames with as much to draw, so it is the length alone.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from console.clock import FakeClock
from console.engine import ShowRunner
from console.kpi.model import KpiModel, Sample
from console.resources import sample_show_path
from console.script import load_show
from console.ui.kpi_graphs import KpiGraphs

COUNTERS = ("entries", "viewers", "interacting", "buyers", "orders", "gmv")
STAGES = (("minute 1", 60, 1), ("hour 1", 3_600, 50), ("hour 6", 21_600, 300))
WINDOWS = ("10min", "1h", "all")


def noisy_model(seconds: int) -> KpiModel:
    model, rng = KpiModel(), random.Random(1)
    totals = dict.fromkeys(COUNTERS, 0.0)
    for t in range(seconds):
        for key in totals:
            totals[key] += rng.random() * 5
        model.add(Sample(t * 1000, {"online": 3000 + rng.gauss(0, 100), **totals}, "bench"))
    return model


def main() -> int:
    app = QApplication(sys.argv[:1])
    clock = FakeClock()
    runner = ShowRunner(load_show(sample_show_path()).show, clock)
    runner.start_show()
    results = {}
    for label, seconds, markers in STAGES:
        graphs = KpiGraphs(runner, noisy_model(seconds))
        graphs.stop()
        graphs.resize(1100, 450)
        graphs.show()
        for n in range(markers):
            graphs.mark(n * 72_000, "segment", f"A{n % 30:02d}")
        clock.advance(seconds * 1000 - runner.now_ms())
        app.processEvents()
        graphs.refresh()                                  # warm-up: fonts, axis pictures
        app.processEvents()
        for window in WINDOWS:
            graphs.time_window = window
            times = []
            for n in range(120):
                name = list(graphs.plots)[n % len(graphs.plots)]
                start = time.perf_counter()
                graphs.refresh_plot(name)
                graphs.views[name].viewport().repaint()
                times.append((time.perf_counter() - start) * 1000)
            results[(label, window)] = statistics.median(times)
        graphs.close()
    for label, _, _ in STAGES:
        print(f"graph frame at {label}: " + ", ".join(
            f"{w} {results[(label, w)]:.2f} ms" for w in WINDOWS))
    for base in ("minute 1", "hour 1"):
        print(f"hour 6 / {base}: " + ", ".join(
            f"{w} {results[('hour 6', w)] / results[(base, w)]:.2f}" for w in WINDOWS))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: countdown accuracy on the real clock, and control-event commit latency.

    .venv/bin/python scripts/bench_timing.py                # 60 s, 1000 events
    .venv/bin/python scripts/bench_timing.py --seconds 10   # quick look

1. Countdown: a real `ShowRunner` on the system clock is read at irregular
   intervals (5–40 ms, like a UI timer under load) with occasional stalls of
   0.2–0.8 s. Each reading of `remaining_ms()` is compared with a deadline kept
   independently from `time.monotonic_ns()`. Reported: the error of each
   reading, whether the displayed whole second ever differed from the true one,
   and whether the error grew over the run (drift).
2. Commit latency: control actions against a session database on disk (WAL,
   synchronous=FULL), timed from the call until the action returns, i.e. until
   the event is committed and applied.

Figures go to docs/performance.md; compare runs on the same machine only.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from console.clock import SystemClock
from console.engine import ShowRunner
from console.resources import sample_show_path
from console.script import load_show, load_show_text
from console.session import open_session
from console.storage.database import open_database
from console.timefmt import countdown_text


def countdown_accuracy(seconds: float, seed: int) -> dict:
    show = load_show_text('schema_version = 1\n[show]\ntitle = "bench"\n[[segment]]\n'
                          f'kind = "custom"\nduration = {int(seconds) + 60}\n').show
    runner = ShowRunner(show, SystemClock())
    rng = random.Random(seed)
    before = time.monotonic_ns()
    runner.start_show()
    after = time.monotonic_ns()
    deadline_ns = (before + after) // 2 + show.planned_ms * 1_000_000
    errors, mismatches, stalls = [], 0, 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pause = rng.uniform(0.005, 0.040)
        if rng.random() < 0.01:
            pause += rng.uniform(0.2, 0.8)
            stalls += 1
        time.sleep(pause)
        t1 = time.monotonic_ns()
        shown = runner.remaining_ms()
        t2 = time.monotonic_ns()
        true_ms = (deadline_ns - (t1 + t2) // 2) / 1e6
        errors.append(shown - true_ms)
        # A 1 ms clock cannot place a second boundary closer than 1 ms; count only real misses.
        if countdown_text(shown) != countdown_text(round(true_ms)) and abs(shown - true_ms) > 1:
            mismatches += 1
    tenth = max(1, len(errors) // 10)
    return {
        "readings": len(errors), "stalls": stalls,
        "max_abs_error_ms": max(abs(e) for e in errors),
        "mean_error_ms": statistics.fmean(errors),
        "drift_ms": statistics.fmean(errors[-tenth:]) - statistics.fmean(errors[:tenth]),
        "wrong_second_shown": mismatches,
    }


def commit_latency(events: int, folder: Path) -> dict:
    db = open_database(folder / "sessions.db")
    session = open_session(db, load_show(sample_show_path()), SystemClock())
    runner = session.runner
    runner.start_show()
    actions = [lambda: runner.extend(15), lambda: runner.extend(-15),
               lambda: runner.next(), lambda: runner.undo_advance()]
    timings = []
    for i in range(events):
        action = actions[i % len(actions)]
        start = time.perf_counter_ns()
        action()
        timings.append((time.perf_counter_ns() - start) / 1e6)
    runner.end_show("benchmark")
    db.close()
    timings.sort()
    return {"events": events,
            "p50_ms": timings[len(timings) // 2],
            "p99_ms": timings[int(len(timings) * 0.99) - 1],
            "max_ms": timings[-1]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    accuracy = countdown_accuracy(args.seconds, args.seed)
    print(f"countdown over {args.seconds:g} s: {accuracy['readings']} readings, "
          f"{accuracy['stalls']} stalls; error max {accuracy['max_abs_error_ms']:.3f} ms, "
          f"mean {accuracy['mean_error_ms']:+.3f} ms, drift {accuracy['drift_ms']:+.3f} ms; "
          f"wrong second shown {accuracy['wrong_second_shown']} times")
    with tempfile.TemporaryDirectory() as folder:
        latency = commit_latency(args.events, Path(folder))
    print(f"control-event commit over {latency['events']} events: "
          f"p50 {latency['p50_ms']:.2f} ms, p99 {latency['p99_ms']:.2f} ms, "
          f"max {latency['max_ms']:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

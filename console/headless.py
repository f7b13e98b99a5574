"""Running a show without a window: the autopilot drives, a timeline prints.

This is how CI, benchmarks and producers' scripts exercise the real engine.
Ctrl-C (or SIGTERM) ends the show cleanly and logs why; only a crash leaves a
session unfinished for the next start to resume.
"""

from __future__ import annotations

import signal
import sys
import time
from typing import TYPE_CHECKING, TextIO

from console.background import install_thread_excepthook, thread_failures
from console.engine.autopilot import Autopilot
from console.engine.intents import StartShow, perform
from console.engine.rundown import read_clock
from console.engine.runner import ShowState
from console.session import Session
from console.text import translate
from console.timeline import TimelinePrinter

if TYPE_CHECKING:
    from console.kpi.setup import KpiStack

MAX_SLEEP_S = 0.2            # how quickly a stop request is noticed
STATUS_EVERY_MS = 60_000     # a Row/Show/End line every show minute...
FIRST_MINUTE_STATUS_MS = 15_000   # ...and every 15 s in the first, so a start shows life at once


class HeadlessRun:
    def __init__(self, session: Session, out: TextIO | None = None,
                 end_with_script: bool = False, kpi: KpiStack | None = None,
                 acknowledged: tuple[str, ...] = ()) -> None:
        self.session = session
        self.acknowledged = acknowledged      # must-fix wording accepted with --accept-wording
        self.kpi = kpi
        self.runner = session.runner
        self.autopilot = Autopilot(self.runner, end_with_script=end_with_script)
        self.printer = TimelinePrinter(self.runner.show, out or sys.stdout)
        self._stop_signal: int | None = None
        self._next_status_ms = 0
        self._figures_told = False
        self._told: set[str] = set()

    def run(self) -> int:
        runner = self.runner
        previous = {sig: signal.signal(sig, self._on_signal)
                    for sig in (signal.SIGINT, signal.SIGTERM)}
        install_thread_excepthook()
        try:
            self.printer.header(self.session)
            runner.subscribe(self.printer.event)
            if self.kpi is not None:
                self.printer.kpi_sources(self.kpi)
            if runner.state is ShowState.READY:
                perform(runner, StartShow(self.acknowledged))
            elif self.session.resumption is not None:
                self.autopilot.run_until()       # what would have happened while down
                self.session.finish_resume()
            while runner.state is not ShowState.FINISHED:
                if self._stop_signal is not None:
                    runner.end_show(f"stopped by {signal.Signals(self._stop_signal).name}")
                    break
                self.autopilot.run_until()
                if self.kpi is not None:
                    self.kpi.feed.poll()
                self._check_background()
                self._maybe_status()
                time.sleep(self._sleep_s())
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self.printer.footer(self.session)
        unsaved = self.session.log.flush_pending()
        if unsaved:
            print(translate("CLI", "error: {count} event(s) of session #{id} could not be saved "
                            "to the database (see the messages above)").format(
                                count=unsaved, id=self.session.id), file=sys.stderr)
            return 1
        return 0

    def _check_background(self) -> None:
        """Say on stderr, once per change, what the writer threads report."""
        self.session.log.poll()
        problems = [str(self.session.log.problem)] if self.session.log.problem else []
        writer = self.kpi.writer if self.kpi is not None else None
        if writer is not None and writer.problem:
            problems.append(f"KPI samples: {writer.problem}")
        problems += [f"background task stopped: {failure}" for failure in thread_failures()]
        for problem in problems:
            if problem not in self._told:
                print(translate("CLI", "warning: {problem}").format(problem=problem),
                      file=sys.stderr, flush=True)
        self._told = set(problems)

    def _on_signal(self, signum, frame) -> None:
        # Only note it: ending the show here could interrupt a half-written event.
        self._stop_signal = signum

    def _sleep_s(self) -> float:
        next_ms = self.autopilot.next_step_ms()
        now = self.runner.now_ms()
        targets = [self._next_status_ms] + ([next_ms] if next_ms is not None else [])
        wait_show_ms = max(0, min(targets) - now)
        return min(MAX_SLEEP_S, wait_show_ms / 1000 / self.session.speed)

    def _maybe_status(self) -> None:
        if self.runner.state is ShowState.FINISHED:
            return
        now = self.runner.now_ms()
        if now >= self._next_status_ms:
            self.printer.status(read_clock(self.runner))
            self._tell_figures(now)
            step = FIRST_MINUTE_STATUS_MS if now < STATUS_EVERY_MS else STATUS_EVERY_MS
            self._next_status_ms = (now // step + 1) * step
        elif not self._figures_told:
            self._tell_figures(now)          # the first figures as soon as they come

    def _tell_figures(self, now_ms: int) -> None:
        if self.kpi is not None and self.kpi.model.count:
            self.printer.figures(self.kpi.model, now_ms)
            self._figures_told = True

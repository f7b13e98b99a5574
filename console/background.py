"""Background work that can never die silently.

The show's thread (the GUI thread, or the headless loop) must never wait on the
disk or the network. Work that might goes to a `Worker`: one named thread that
takes jobs from a queue, runs them in order, and puts what came of each — a
result or the exception — on a second queue that the show's thread drains on
its tick. A job that raises is reported and the thread carries on with the
next one; nothing a job does can stop the thread.

Qt-free, so the session log, the sample writer and the integrations to come
(remote control, platform bridges) share it, and tests drive it without a
display.
"""

from __future__ import annotations

import dataclasses
import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Done:
    """What came of one job: its result, or the exception it raised."""
    job: Any
    result: Any = None
    error: BaseException | None = None


_STOP = object()


class Worker:
    """One thread running `handle(job)` for each submitted job, in order.

    `drain()` (on the show's thread) returns what is done since the last call.
    `close()` finishes the queued jobs (up to `timeout`) and stops the thread.
    """

    def __init__(self, name: str, handle: Callable[[Any], Any],
                 on_start: Callable[[], Any] | None = None,
                 on_stop: Callable[[], Any] | None = None) -> None:
        self.name = name
        self._handle = handle
        self._on_start = on_start
        self._on_stop = on_stop
        self._jobs: queue.Queue[Any] = queue.Queue()
        self._done: queue.Queue[Done] = queue.Queue()
        self._idle = threading.Event()
        self._idle.set()
        self._pending = 0
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    # -- the show's thread ------------------------------------------------------------------
    def submit(self, job: Any) -> None:
        with self._lock:
            self._pending += 1
            self._idle.clear()
        self._jobs.put(job)

    def drain(self) -> list[Done]:
        out = []
        while True:
            try:
                out.append(self._done.get_nowait())
            except queue.Empty:
                return out

    @property
    def busy(self) -> bool:
        return not self._idle.is_set()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until every submitted job is done (for shutdown and tests; never on air)."""
        return self._idle.wait(timeout)

    def close(self, timeout: float = 10.0) -> bool:
        """Finish what is queued and stop; False if the thread did not stop in time."""
        if self._thread.is_alive():
            self._jobs.put(_STOP)
            self._thread.join(timeout)
        return not self._thread.is_alive()

    # -- the worker's thread ------------------------------------------------------------------
    def _run(self) -> None:
        if self._on_start is not None:
            self._call_hook(self._on_start)
        while True:
            job = self._jobs.get()
            if job is _STOP:
                break
            try:
                done = Done(job, result=self._handle(job))
            except BaseException as exc:           # a job may never stop the thread
                # The owner hears of it through drain() and says it where it belongs.
                log.debug("%s: a job failed: %s", self.name, exc, exc_info=exc)
                done = Done(job, error=exc)
            self._done.put(done)
            with self._lock:
                self._pending -= 1
                if self._pending == 0:
                    self._idle.set()
        if self._on_stop is not None:
            self._call_hook(self._on_stop)

    def _call_hook(self, hook: Callable[[], Any]) -> None:
        try:
            hook()
        except Exception as exc:
            log.error("%s: %s", self.name, exc, exc_info=exc)


def wait_until(predicate: Callable[[], bool], timeout: float, step: float = 0.005) -> bool:
    """Poll `predicate` until true or `timeout` seconds pass (shutdown, tests)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() >= deadline:
            return False
        time.sleep(step)
    return True


# -- a thread may not die silently --------------------------------------------------------
_thread_failures: queue.Queue[str] = queue.Queue()


def install_thread_excepthook() -> None:
    """An exception that escapes any thread is logged with its traceback and queued for the
    show's thread, which says it in the header (`thread_failures()` on the tick)."""
    def hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        log.critical("thread %s stopped by an error", name,
                     exc_info=args.exc_value)      # the exception carries its traceback
        _thread_failures.put(f"{name}: {args.exc_type.__name__}: {args.exc_value}")
    threading.excepthook = hook


def thread_failures() -> list[str]:
    """Threads that died since the last call: "name: Error: message" each."""
    out = []
    while True:
        try:
            out.append(_thread_failures.get_nowait())
        except queue.Empty:
            return out

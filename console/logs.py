"""Logging set-up, in one place: a rotating file in the data folder plus stderr."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILENAME = "console.log"


_installed: list[logging.Handler] = []


class _LogFile(logging.handlers.RotatingFileHandler):
    """The log file, which must never cost more than itself: when a line cannot be written
    (disk full, a file that refuses writes) the file is given up with one line on stderr,
    instead of logging's default of a traceback for every line that follows."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:
        if self.failed:
            return
        self.failed = True
        import sys
        reason = sys.exc_info()[1]
        try:
            sys.stderr.write(f"WARNING: the log file {self.baseFilename} cannot be written "
                             f"({reason}); logging to the terminal only from now on\n")
        except Exception:            # noqa: BLE001 - nowhere left to say it
            pass

    def emit(self, record: logging.LogRecord) -> None:
        if not self.failed:
            super().emit(record)


def setup_logging(folder: Path | None, verbose: bool = False) -> None:
    """Install our handlers, replacing any this function installed before."""
    root = logging.getLogger()
    for handler in _installed:
        root.removeHandler(handler)
        handler.close()
    _installed.clear()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    root.addHandler(console)
    _installed.append(console)
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = _LogFile(folder / LOG_FILENAME, maxBytes=2_000_000, backupCount=3,
                           encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning("no log file in %s: %s", folder, exc)
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    _installed.append(handler)

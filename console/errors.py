"""Failures a user can act on, as opposed to bugs.

A `KnownError` carries a message written for the person at the studio PC:
what went wrong, which file / line / port, and what to do. Anything else is a
bug and goes to the crash handler with its traceback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from console.text import translate


class KnownError(Exception):
    """str() is the message in the language installed when the error was raised (on the
    command line, the terminal's). Raised with the function that words it —
    `KnownError(lambda: translate("Errors", "…{port}…").format(port=port))` — it can be
    said again in the language installed later: `translated()`, for the window that
    tells it to someone who started the console without a terminal."""

    exit_code = 1
    told_in_window = False       # already said in a window (the start-up dialogs skip it)

    def __init__(self, message: str | Callable[[], str]) -> None:
        self._words = message if callable(message) else None
        super().__init__(message() if callable(message) else message)

    def translated(self) -> str:
        return self._words() if self._words is not None else str(self)


class StorageError(KnownError):
    """The session database cannot be written or read."""

    @classmethod
    def from_sqlite(cls, exc: sqlite3.Error, path: str | Path | None = None) -> StorageError:
        text = str(exc)
        where = f" ({path})" if path else ""
        return cls(lambda: f"{_sqlite_advice(text)}{where}: {text}")


def _sqlite_advice(text: str) -> str:
    if "locked" in text or "busy" in text:
        return translate("Errors", "the session database is locked by another program; "
                         "close any other console or database viewer using it, or use "
                         "another --data-dir")
    if "full" in text:
        return translate("Errors", "the disk holding the session database is full; free "
                         "some space")
    if "readonly" in text or "read-only" in text:
        return translate("Errors", "the session database is read-only; check the folder's "
                         "permissions")
    if "not a database" in text or "malformed" in text:
        return translate("Errors", "the session database file is damaged; move it aside "
                         "(keep it for recovery) and start again")
    return translate("Errors", "the session database could not be written")


class InstanceLocked(KnownError):
    exit_code = 3

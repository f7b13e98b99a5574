"""Failures a user can act on, as opposed to bugs.

A `KnownError` carries a message written for the person at the studio PC:
what went wrong, which file / line / port, and what to do. Anything else is a
bug and goes to the crash handler with its traceback.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from console.text import translate


class KnownError(Exception):
    exit_code = 1


class StorageError(KnownError):
    """The session database cannot be written or read."""

    @classmethod
    def from_sqlite(cls, exc: sqlite3.Error, path: str | Path | None = None) -> "StorageError":
        text = str(exc)
        where = f" ({path})" if path else ""
        if "locked" in text or "busy" in text:
            advice = translate("Errors", "the session database is locked by another program; "
                               "close any other console or database viewer using it, or use "
                               "another --data-dir")
        elif "full" in text:
            advice = translate("Errors", "the disk holding the session database is full; free "
                               "some space")
        elif "readonly" in text or "read-only" in text:
            advice = translate("Errors", "the session database is read-only; check the folder's "
                               "permissions")
        elif "not a database" in text or "malformed" in text:
            advice = translate("Errors", "the session database file is damaged; move it aside "
                               "(keep it for recovery) and start again")
        else:
            advice = translate("Errors", "the session database could not be written")
        return cls(f"{advice}{where}: {text}")


class InstanceLocked(KnownError):
    exit_code = 3

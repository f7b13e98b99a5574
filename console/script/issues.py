"""Problems found in a run-of-show file, each pinned to a line and a field.

They are the problems of every file the console reads (console/tomlfile.py, the one
reader); the names stay here, where the show's code has always found them.
"""

from __future__ import annotations

from console.tomlfile import Issue, Severity, ShowFileError

__all__ = ["Issue", "Severity", "ShowFileError"]

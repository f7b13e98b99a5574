"""Problems found in a run-of-show file, each pinned to a line and a field."""

from __future__ import annotations

import dataclasses
import enum


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclasses.dataclass(frozen=True)
class Issue:
    severity: Severity
    line: int          # 1-based; 0 when the problem has no single line (empty file)
    field: str         # e.g. "segment[3].duration", "sku[2].id", "show.title"
    message: str       # what is wrong and, where it helps, what to do

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self, path: str) -> str:
        """`FILE:LINE: field: what is wrong` — the form editors and CI can jump to."""
        prefix = "" if self.is_error else "warning: "
        return f"{path}:{self.line}: {self.field}: {prefix}{self.message}"


class ShowFileError(Exception):
    """A run-of-show file that cannot be used; carries every error found."""

    def __init__(self, path: str, issues: list[Issue]) -> None:
        self.path = path
        self.issues = issues
        errors = [i for i in issues if i.is_error]
        super().__init__("\n".join(i.format(path) for i in errors))

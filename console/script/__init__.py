"""The run-of-show file: format, reading and validation (no Qt here)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from console.script.issues import Issue, Severity, ShowFileError
from console.script.model import Segment, SegmentKind, Show, Sku
from console.script.parse import build_show
from console.text import translate
from console.tomlfile import read_bytes, read_toml

__all__ = [
    "Issue",
    "LoadedShow",
    "Segment",
    "SegmentKind",
    "Severity",
    "Show",
    "ShowFileError",
    "Sku",
    "load_show",
    "load_show_text",
    "read_show_file",
]


class LoadedShow:
    """A valid show together with the exact text it came from and its warnings."""

    def __init__(self, show: Show, text: str, path: str, warnings: list[Issue]) -> None:
        self.show = show
        self.text = text
        self.path = path
        self.warnings = warnings

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_show_bytes(data: bytes, path: str) -> tuple[Show | None, str | None, list[Issue]]:
    """Every problem in a file's bytes; the show only when there is no error."""
    file, issues = read_toml(data)
    if file is None:
        return None, None, issues
    if not file.text.strip():
        return None, file.text, [Issue(Severity.ERROR, 1, "file", translate("Script", "is empty"))]
    show, issues = build_show(file.doc, file.lines)
    return show, file.text, issues


def load_show_text(text: str, path: str = "<text>") -> LoadedShow:
    show, checked, issues = check_show_bytes(text.encode("utf-8"), path)
    if show is None or checked is None:          # a show comes with its text
        raise ShowFileError(path, issues)
    return LoadedShow(show, checked, path, [i for i in issues if not i.is_error])


def read_show_file(path: str | Path) -> tuple[bytes | None, list[Issue]]:
    return read_bytes(path)


def load_show(path: str | Path) -> LoadedShow:
    """A valid show from disk, or `ShowFileError` listing every error with its line."""
    data, issues = read_show_file(path)
    if data is None:
        raise ShowFileError(str(path), issues)
    show, text, issues = check_show_bytes(data, str(path))
    if show is None or text is None:             # a show comes with its text
        raise ShowFileError(str(path), issues)
    return LoadedShow(show, text, str(path), [i for i in issues if not i.is_error])

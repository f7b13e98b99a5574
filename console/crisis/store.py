"""Reading and writing crisis-script files: the bundled library, the team's own
file in the data folder, and export/import files (all the same TOML format)."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

from console.crisis.library import CATEGORIES, CrisisScript
from console.errors import KnownError
from console.text import translate
from console.tomlfile import (Issue, KeyLines, Severity, ShowFileError, TomlFile, read_bytes,
                              read_toml, shown, unknown_keys)

TEAM_FILENAME = "crisis-scripts.toml"
_LIST_FIELDS = ("tags", "triggers", "host_lines", "checklist", "never_say")
_TEXT_FIELDS = ("id", "title", "title_en", "category", "escalate")
_KEYS = set(_LIST_FIELDS) | set(_TEXT_FIELDS) | {"level"}


def parse_scripts(data: bytes, path: str, source: str) -> tuple[list[CrisisScript], list[Issue]]:
    file, issues = read_toml(data)
    if file is None:
        return [], issues
    return scripts_from(file, source)


def scripts_from(file: TomlFile, source: str) -> tuple[list[CrisisScript], list[Issue]]:
    """The scripts of a file already read (console lint reads it once for both)."""
    lines = file.lines
    items = file.doc.get("script", [])
    if not isinstance(items, list):
        return [], [Issue(Severity.ERROR, lines.of("script"), "script",
                          translate("Crisis", "expected [[script]] entries"))]
    scripts, issues, seen = [], [], set()
    for index, table in enumerate(items):
        script, problems = _read_script(table, index, lines, source)
        issues += problems
        if script is None:
            continue
        if script.id in seen:
            issues.append(Issue(Severity.ERROR, lines.of("script", index, "id"),
                                f"script[{index + 1}].id",
                                translate("Crisis", "duplicate id '{id}'").format(
                                    id=shown(script.id))))
            continue
        seen.add(script.id)
        scripts.append(script)
    return scripts, issues


def _read_script(table, index, lines: KeyLines, source: str):
    p, f = ("script", index), f"script[{index + 1}]"
    issues = []

    def problem(key, message, severity=Severity.ERROR):
        issues.append(Issue(severity, lines.of(*p, key), f"{f}.{key}", message))

    if not isinstance(table, dict):
        return None, [Issue(Severity.ERROR, lines.of(*p), f,
                                translate("Crisis", "expected a [[script]] table"))]
    issues += unknown_keys(table, _KEYS, lines, p, f)
    values: dict[str, Any] = {}          # text fields, then tuples of text
    for key in _TEXT_FIELDS:
        value = table.get(key, "")
        if not isinstance(value, str):
            problem(key, translate("Crisis", "expected text"))
            value = ""
        values[key] = value.strip()
    for key in _LIST_FIELDS:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problem(key, translate("Crisis", "expected a list of strings"))
            value = []
        values[key] = tuple(v.strip() for v in value if v.strip())
    level = table.get("level", 1)
    if not isinstance(level, int) or isinstance(level, bool) or level not in (1, 2, 3):
        problem("level", translate("Crisis", "must be 1, 2 or 3, got {level}").format(
            level=shown(level)))
        level = 1
    for key in ("id", "title"):
        if not values[key]:
            problem(key, translate("Crisis", "is required"))
    if values["category"] and values["category"] not in CATEGORIES:
        problem("category", translate("Crisis", "unknown category; use one of: {categories}")
                .format(categories=", ".join(CATEGORIES)))
    if not values["host_lines"]:
        problem("host_lines", translate("Crisis", "a script needs the host's lines"))
    if any(i.is_error for i in issues):
        return None, issues
    return CrisisScript(level=level, source=source, **values), issues


def read_scripts(path: str | Path, source: str) -> list[CrisisScript]:
    """Scripts from a file, or `ShowFileError` naming every problem with its line."""
    data, issues = read_bytes(path)
    if data is None:
        raise ShowFileError(str(path), issues)
    scripts, issues = parse_scripts(data, str(path), source)
    if any(i.is_error for i in issues):
        raise ShowFileError(str(path), issues)
    return scripts


def write_scripts(path: str | Path, scripts: list[CrisisScript]) -> None:
    """Write scripts as TOML, atomically: a crash mid-write leaves the old file intact."""
    path = Path(path)
    blocks = ["schema_version = 1\n"]
    for script in scripts:
        lines = ["[[script]]"]
        for field in dataclasses.fields(CrisisScript):
            if field.name == "source":
                continue
            value = getattr(script, field.name)
            if isinstance(value, tuple):
                value = list(value)
            # JSON strings and arrays of strings are valid TOML.
            rendered = str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)
            lines.append(f"{field.name} = {rendered}")
        blocks.append("\n".join(lines) + "\n")
    temporary = path.with_suffix(path.suffix + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text("\n".join(blocks), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        raise KnownError(translate("Crisis", "cannot write crisis scripts to {path}: {reason}; "
                                   "check the disk and the folder's permissions").format(
                                       path=path, reason=exc.strerror)) from exc


class TeamStore:
    """The team's own scripts, in the data folder; the bundled file is never written."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / TEAM_FILENAME

    def load(self) -> list[CrisisScript]:
        if not self.path.exists():
            return []
        return read_scripts(self.path, "team")

    def save(self, scripts: list[CrisisScript]) -> None:
        write_scripts(self.path, scripts)

    def upsert(self, script: CrisisScript) -> list[CrisisScript]:
        scripts = [s for s in self.load() if s.id != script.id]
        scripts.append(dataclasses.replace(script, source="team"))
        self.save(scripts)
        return scripts

    def import_file(self, path: str | Path) -> tuple[list[CrisisScript], int]:
        """Merge a file's scripts in (same id replaces); returns all and how many came in."""
        incoming = read_scripts(path, "team")
        ids = {s.id for s in incoming}
        scripts = [s for s in self.load() if s.id not in ids] + incoming
        self.save(scripts)
        return scripts, len(incoming)

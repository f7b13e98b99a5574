"""`console lint`: every text of a show (or every line of a plain-text file) checked
against the word list, each hit as FILE:LINE: severity: term — category; suggestion."""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from console.compliance.matcher import Hit, Matcher
from console.crisis.store import scripts_from
from console.compliance.words import Level, Rules, category_name, load_rules, read_rules_table
from console.script.model import Show
from console.script.parse import build_show
from console.text import translate
from console.tomlfile import (MAX_FILE_BYTES, Issue, Severity, ShowFileError, TomlFile, decode,
                              escape_controls, read_bytes, read_toml)

EXIT_MUST_FIX = 1
EXIT_BROKEN = 2
TEXT_SUFFIXES = (".txt", ".text", ".md")


@dataclasses.dataclass(frozen=True)
class Finding:
    line: int
    field: str                      # e.g. "segment[3].host", "line"
    hit: Hit

    @property
    def blocking(self) -> bool:
        return self.hit.exemption is None and self.hit.entry.severity is Level.MUST_FIX

    def format(self, path: str) -> str:
        entry, hit = self.hit.entry, self.hit
        term = escape_controls(hit.text)
        if hit.text != entry.term:
            term += f" ({entry.term})"
        if hit.exemption is not None:
            return translate("Compliance", "{path}:{line}: exempt: {term} — {category}; {reason} "
                             "(recorded at {source}; {field})").format(
                path=path, line=self.line, term=term, category=category_name(entry.category),
                reason=escape_controls(hit.exemption.reason), source=hit.exemption.source,
                field=self.field)
        return translate("Compliance", "{path}:{line}: {severity}: {term} — {category}; "
                         "{suggestion} ({basis}; {field})").format(
            path=path, line=self.line, severity=entry.severity.value, term=term,
            category=category_name(entry.category), suggestion=" / ".join(entry.suggest),
            basis=entry.basis, field=self.field)


@dataclasses.dataclass
class Report:
    path: str
    findings: list[Finding]
    issues: list[Issue]             # the file's own problems; an error: it was not checked

    @property
    def broken(self) -> bool:
        return any(i.is_error for i in self.issues)

    @property
    def must_fix(self) -> int:
        return sum(f.blocking for f in self.findings)

    def count(self, level: Level) -> int:
        return sum(f.hit.exemption is None and f.hit.entry.severity is level
                   for f in self.findings)

    @property
    def exempt(self) -> int:
        return sum(f.hit.exemption is not None for f in self.findings)

    @property
    def exit_code(self) -> int:
        return EXIT_BROKEN if self.broken else EXIT_MUST_FIX if self.must_fix else 0

    def summary(self) -> str:
        return translate("Compliance", "{path}: {must_fix} must-fix, {warnings} warning(s), "
                         "{hints} hint(s), {exempt} exempt").format(
            path=self.path, must_fix=self.must_fix, warnings=self.count(Level.WARNING),
            hints=self.count(Level.HINT), exempt=self.exempt)


def show_texts(show: Show) -> Iterator[tuple[tuple, str, str]]:
    """(TOML path, field name, text) of every text a viewer may hear or read. A SKU's
    `compliance` note is not checked: it quotes the words to avoid on purpose."""
    yield ("show", "title"), "show.title", show.title
    yield ("show", "notes"), "show.notes", show.notes
    for i, sku in enumerate(show.skus):
        p, f = ("sku", i), f"sku[{i + 1}]"
        yield p + ("name",), f"{f}.name", sku.name
        for key in ("selling_points", "scenes"):
            for text in getattr(sku, key):
                yield p + (key,), f"{f}.{key}", text
        for j, faq in enumerate(sku.faq):
            yield p + ("faq",), f"{f}.faq[{j + 1}].q", faq.question
            yield p + ("faq",), f"{f}.faq[{j + 1}].a", faq.answer
    for i, segment in enumerate(show.segments):
        p, f = ("segment", i), f"segment[{i + 1}]"
        yield p + ("title",), f"{f}.title", segment.title
        for key in ("host", "assistant", "floor", "cues"):
            for text in getattr(segment, key):
                yield p + (key,), f"{f}.{key}", text
        yield p + ("notes",), f"{f}.notes", segment.notes


class _Locator:
    """The line of a hit in the file: the value found verbatim after its key's line (a
    list's items in order), else the key's line (a value written with escapes)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self.cursor: dict[tuple, int] = {}

    def line_of(self, key_line: int, path: tuple, value: str, offset: int) -> int:
        begin = max(self.cursor.get(path, 0), self.starts[min(key_line, len(self.starts)) - 1])
        position = self.text.find(value, begin) if value else -1
        if position < 0:
            return key_line
        return bisect.bisect_right(self.starts, position + offset)

    def advance(self, path: tuple, value: str, key_line: int) -> None:
        begin = max(self.cursor.get(path, 0), self.starts[min(key_line, len(self.starts)) - 1])
        position = self.text.find(value, begin) if value else -1
        if position >= 0:
            self.cursor[path] = position + len(value)


def lint_show_bytes(data: bytes, path: str, rules: Rules) -> Report:
    file, issues = read_toml(data)
    if file is None:
        return Report(path, [], issues)
    return lint_show(file, path, rules)


def lint_show(file: TomlFile, path: str, rules: Rules) -> Report:
    """A show file's texts checked; its own [compliance] allow/exempt applied on top."""
    show, problems = build_show(file.doc, file.lines)
    if show is None:
        return Report(path, [], problems)
    table = file.doc.get("compliance", {})
    if not isinstance(table, dict):
        return Report(path, [], [Issue(Severity.ERROR, file.lines.of("compliance"), "compliance",
                                       translate("Compliance", "expected a [compliance] table"))])
    own, problems = read_rules_table(table, file.lines, path, "show", ("compliance",))
    if any(i.is_error for i in problems):
        return Report(path, [], problems)
    matcher = Matcher(rules.with_(own))
    locator = _Locator(file.text)
    findings = []
    for key_path, field, text in show_texts(show):
        key_line = file.lines.of(*key_path)
        for hit in matcher.find(text):
            findings.append(Finding(locator.line_of(key_line, key_path, text, hit.start),
                                    field, hit))
        locator.advance(key_path, text, key_line)
    findings.sort(key=lambda f: f.line)
    return Report(path, findings, [])


def lint_crisis(file: TomlFile, path: str, rules: Rules) -> Report:
    """A crisis-scripts file ([[script]] tables): the host's lines, which are said on air.
    Triggers and the checklist are for the team; `never_say` quotes the words on purpose."""
    scripts, issues = scripts_from(file, "lint")
    if any(i.is_error for i in issues):
        return Report(path, [], issues)
    matcher = Matcher(rules)
    locator = _Locator(file.text)
    findings = []
    # scripts_from keeps the file's order (a duplicate id is an error, reported above)
    for index, script in enumerate(scripts):
        key_path = ("script", index, "host_lines")
        key_line = file.lines.of(*key_path)
        for text in script.host_lines:
            for hit in matcher.find(text):
                findings.append(Finding(locator.line_of(key_line, key_path, text, hit.start),
                                        f"script[{index + 1}].host_lines", hit))
            locator.advance(key_path, text, key_line)
    findings.sort(key=lambda f: f.line)
    return Report(path, findings, [])


def lint_text_bytes(data: bytes, path: str, rules: Rules) -> Report:
    """A plain-text file (a script draft, a caption list), line by line."""
    if len(data) > MAX_FILE_BYTES:
        return Report(path, [], [Issue(Severity.ERROR, 0, "file", translate(
            "Compliance", "is over {limit} MB; check that this is the right file").format(
                limit=MAX_FILE_BYTES // 1_000_000))])
    text, issues = decode(data)
    if text is None:
        return Report(path, [], issues)
    matcher = Matcher(rules)
    findings = [Finding(number, "line", hit)
                for number, line in enumerate(text.split("\n"), start=1)
                for hit in matcher.find(line)]
    return Report(path, findings, [])


def lint_file(path: str | Path, rules: Rules) -> Report:
    data, issues = read_bytes(path)
    if data is None:
        return Report(str(path), [], issues)
    if str(path).lower().endswith(TEXT_SUFFIXES):
        return lint_text_bytes(data, str(path), rules)
    file, issues = read_toml(data)                       # read once, whichever it is
    if file is None:
        return Report(str(path), [], issues)
    if "script" in file.doc and "segment" not in file.doc:
        return lint_crisis(file, str(path), rules)
    return lint_show(file, str(path), rules)


def lint_command(files: list[str], folder: Path | None, out: TextIO, err: TextIO) -> int:
    """What `console lint` does: the report for every file; the worst exit code."""
    try:
        rules = load_rules(folder)
    except ShowFileError as exc:
        for issue in exc.issues:
            print(issue.format(exc.path), file=err)
        return EXIT_BROKEN
    status = 0
    for name in files:
        report = lint_file(name, rules)
        for issue in report.issues:
            print(issue.format(name), file=err if issue.is_error else out)
        for finding in report.findings:
            print(finding.format(name), file=out)
        if not report.broken:
            print(report.summary(), file=out)
        status = max(status, report.exit_code)
    return status


def must_fix_before_going_live(text: str, path: str, folder: Path | None) -> tuple[list[str], str]:
    """What a show's own text still has to fix under the advertising law, for the go-live
    question: ("最好 — segment[3].host, line 57", …), and the team word list's problem if it
    could not be read (the bundled list is used then; the show is never stopped by it)."""
    problem = ""
    try:
        rules = load_rules(folder)
    except ShowFileError as exc:
        problem = str(exc)
        rules = load_rules(None)
    report = lint_show_bytes(text.encode("utf-8"), path, rules)
    return [f"{f.hit.text} — {f.field}, line {f.line}" for f in report.findings if f.blocking], \
        problem

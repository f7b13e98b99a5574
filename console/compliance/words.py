"""The compliance word list: the bundled list, the team's additions, allow-phrases and
exemptions, each read through the one TOML reader (console/tomlfile.py) so a broken
file is told as FILE:LINE: field: problem."""

from __future__ import annotations

import dataclasses
import enum
from pathlib import Path

from console.compliance.normalise import normalised_text
from console.resources import resource_path
from console.text import QT_TRANSLATE_NOOP, translate
from console.tomlfile import (Issue, KeyLines, Severity, ShowFileError, read_bytes, read_toml,
                              shown, unknown_keys)

TEAM_FILENAME = "compliance.toml"
SCHEMA_VERSION = 1


class Level(enum.Enum):
    """How bad a hit is: must_fix blocks (exit 1, a confirmation before going live)."""
    MUST_FIX = "must_fix"
    WARNING = "warning"
    HINT = "hint"

    @property
    def rank(self) -> int:
        return {"must_fix": 0, "warning": 1, "hint": 2}[self.value]


# Category id → its name, translated where it is shown.
CATEGORIES = {
    "absolute": QT_TRANSLATE_NOOP("Compliance", "absolute terms (绝对化用语)"),
    "medical": QT_TRANSLATE_NOOP("Compliance", "medical or efficacy claim (医疗功效)"),
    "authority": QT_TRANSLATE_NOOP("Compliance", "authority endorsement (权威背书)"),
    "investment": QT_TRANSLATE_NOOP("Compliance", "investment or return promise (收益承诺)"),
    "pressure": QT_TRANSLATE_NOOP("Compliance", "pressure selling, false urgency (虚假紧迫)"),
    "diversion": QT_TRANSLATE_NOOP("Compliance", "off-platform diversion (导流)"),
    "superstition": QT_TRANSLATE_NOOP("Compliance", "superstition (迷信)"),
    "disparagement": QT_TRANSLATE_NOOP("Compliance", "disparaging competitors (贬低同行)"),
}


def category_name(category: str) -> str:
    return translate("Compliance", CATEGORIES[category]) if category in CATEGORIES else category


@dataclasses.dataclass(frozen=True)
class Entry:
    term: str                       # as written in the list
    category: str
    severity: Level
    basis: str                      # the legal basis, e.g. 广告法 第九条第三项
    suggest: tuple[str, ...]        # rewordings
    note: str = ""
    source: str = "bundled"         # bundled / team
    line: int = 0

    @property
    def key(self) -> str:
        return normalised_text(self.term)


@dataclasses.dataclass(frozen=True)
class Exemption:
    """A hit a producer decided is legitimate, with the reason (printed in every report)."""
    term: str                       # the listed term it exempts
    reason: str
    phrase: str = ""                # only inside this phrase; empty: wherever the term appears
    source: str = ""                # where it was recorded: FILE:LINE


@dataclasses.dataclass(frozen=True)
class Rules:
    entries: tuple[Entry, ...]
    allow: tuple[str, ...] = ()
    exemptions: tuple[Exemption, ...] = ()

    def with_(self, other: Rules) -> Rules:
        """These rules with `other`'s on top: a term listed again replaces the earlier entry."""
        keys = {e.key for e in other.entries}
        return Rules(tuple(e for e in self.entries if e.key not in keys) + other.entries,
                     self.allow + other.allow, self.exemptions + other.exemptions)


_ENTRY_KEYS = {"term", "category", "severity", "basis", "suggest", "note"}
_EXEMPT_KEYS = {"term", "reason", "phrase"}


def read_rules_table(doc: dict, lines: KeyLines, path: str, source: str,
                     prefix: tuple = ()) -> tuple[Rules, list[Issue]]:
    """entry / allow / exempt from `doc` (a whole file, or the [compliance] table of a
    show under `prefix`)."""
    issues: list[Issue] = []
    field_prefix = ".".join(str(p) for p in prefix)

    def name(*parts) -> str:
        text = field_prefix
        for part in parts:
            text += f"[{part + 1}]" if isinstance(part, int) else f"{'.' if text else ''}{part}"
        return text

    def problem(at: tuple, field: str, message: str) -> None:
        issues.append(Issue(Severity.ERROR, lines.of(*prefix, *at), field, message))

    entries: list[Entry] = []
    items = doc.get("entry", [])
    if not isinstance(items, list):
        problem(("entry",), name("entry"), translate("Compliance", "expected [[entry]] tables"))
        items = []
    seen: dict[str, int] = {}
    for index, table in enumerate(items):
        at, f = ("entry", index), name("entry", index)
        if not isinstance(table, dict):
            problem(at, f, translate("Compliance", "expected an [[entry]] table"))
            continue
        issues += unknown_keys(table, _ENTRY_KEYS, lines, prefix + at, f)
        before = len(issues)
        term = _text(table, "term", at, f, problem, required=True)
        category = _text(table, "category", at, f, problem, required=True)
        severity_text = _text(table, "severity", at, f, problem, required=True)
        basis = _text(table, "basis", at, f, problem, required=True)
        note = _text(table, "note", at, f, problem)
        suggest = table.get("suggest", [])
        if isinstance(suggest, str):
            suggest = [suggest]
        if not isinstance(suggest, list) or not all(isinstance(s, str) for s in suggest) \
                or not any(s.strip() for s in suggest):
            problem(at + ("suggest",), f"{f}.suggest", translate(
                "Compliance", "give at least one rewording, e.g. suggest = [\"很好用\"]"))
            suggest = []
        if category and category not in CATEGORIES:
            problem(at + ("category",), f"{f}.category", translate(
                "Compliance", "unknown category '{category}'; use one of: {categories}").format(
                    category=shown(category), categories=", ".join(CATEGORIES)))
        severity = None
        try:
            severity = Level(severity_text)
        except ValueError:
            if severity_text:
                problem(at + ("severity",), f"{f}.severity", translate(
                    "Compliance", "'{value}' is no severity; use must_fix, warning or hint")
                    .format(value=shown(severity_text)))
        key = normalised_text(term)
        if term and len(key) < 2:
            problem(at + ("term",), f"{f}.term", translate(
                "Compliance", "'{term}' is a single character; a term needs at least two, "
                "or it would hit everywhere").format(term=shown(term)))
        elif key in seen:
            problem(at + ("term",), f"{f}.term", translate(
                "Compliance", "'{term}' is listed twice (also entry[{other}])").format(
                    term=shown(term), other=seen[key]))
        seen.setdefault(key, index + 1)
        if len(issues) > before or severity is None:
            continue
        entries.append(Entry(term, category, severity, basis,
                             tuple(s.strip() for s in suggest if s.strip()), note, source,
                             lines.of(*prefix, *at)))
    allow = doc.get("allow", [])
    if not isinstance(allow, list) or not all(isinstance(a, str) for a in allow):
        problem(("allow",), name("allow"), translate(
            "Compliance", "expected a list of phrases, e.g. allow = [\"第一轮\"]"))
        allow = []
    for phrase in allow:
        if len(normalised_text(phrase)) < 2:
            problem(("allow",), name("allow"), translate(
                "Compliance", "allow-phrase '{phrase}' has fewer than two characters")
                .format(phrase=shown(phrase)))
    exemptions: list[Exemption] = []
    items = doc.get("exempt", [])
    if not isinstance(items, list):
        problem(("exempt",), name("exempt"), translate("Compliance", "expected [[exempt]] tables"))
        items = []
    for index, table in enumerate(items):
        at, f = ("exempt", index), name("exempt", index)
        if not isinstance(table, dict):
            problem(at, f, translate("Compliance", "expected an [[exempt]] table"))
            continue
        issues += unknown_keys(table, _EXEMPT_KEYS, lines, prefix + at, f)
        term = _text(table, "term", at, f, problem, required=True)
        reason = _text(table, "reason", at, f, problem, required=True)
        phrase = _text(table, "phrase", at, f, problem)
        if term and reason:
            exemptions.append(Exemption(term, reason, phrase,
                                        f"{path}:{lines.of(*prefix, *at)}"))
    return Rules(tuple(entries), tuple(a.strip() for a in allow if len(normalised_text(a)) >= 2),
                 tuple(exemptions)), issues


def _text(table: dict, key: str, at: tuple, f: str, problem, required: bool = False) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        problem(at + (key,), f"{f}.{key}", translate("Compliance", "expected text"))
        return ""
    if required and not value.strip():
        problem(at + (key,) if key in table else at, f"{f}.{key}",
                translate("Compliance", "is required"))
    return value.strip()


def read_rules_file(path: str | Path, source: str) -> Rules:
    """A whole word-list file (bundled or the team's), or `ShowFileError` with every problem."""
    data, issues = read_bytes(path)
    if data is None:
        raise ShowFileError(str(path), issues)
    file, issues = read_toml(data)
    if file is None:
        raise ShowFileError(str(path), issues)
    version = file.doc.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        issues.append(Issue(Severity.ERROR, file.lines.of("schema_version"), "schema_version",
                            translate("Compliance", "this console reads schema_version {ours}, "
                                      "the file says {theirs}").format(
                                          ours=SCHEMA_VERSION, theirs=shown(version))))
    issues += unknown_keys(file.doc, {"schema_version", "entry", "allow", "exempt"},
                           file.lines, (), "")
    rules, problems = read_rules_table(file.doc, file.lines, str(path), source)
    issues += problems
    if any(i.is_error for i in issues):
        raise ShowFileError(str(path), issues)
    return rules


def bundled_words_path() -> Path:
    return resource_path("compliance", "words.toml")


def load_rules(folder: Path | None = None, bundled: Path | None = None) -> Rules:
    """The bundled list with the team's compliance.toml (in the data folder) on top."""
    rules = read_rules_file(bundled or bundled_words_path(), "bundled")
    team = folder / TEAM_FILENAME if folder is not None else None
    if team is not None and team.exists():
        rules = rules.with_(read_rules_file(team, "team"))
    return rules

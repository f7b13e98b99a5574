"""What the editor marks on its fields: the validator's problems and the compliance hits,
each keyed by (area, index, field) — the cell or form field that causes it. Qt-free."""

from __future__ import annotations

import dataclasses
import re

from console.compliance import Hit, Level, Matcher
from console.compliance.lint import show_texts
from console.script.draft import Area, Draft, FieldIssue

Key = tuple[Area, int | None, str]

_ENTRY = re.compile(r"^(segment|sku)\[(\d+)\]\.([a-z_]+)")
_FIELD = re.compile(r"^[a-z_]+(?:\.[a-z_]+)?")


def issue_key(item: FieldIssue) -> Key:
    """The widget an issue belongs on: `segment[2].host[1]` → (SEGMENT, 1, "host")."""
    if item.area in (Area.SEGMENT, Area.SKU):
        field = re.match(r"[a-z_]*", item.field)
        return item.area, item.index, field.group(0) if field else ""
    match = _FIELD.match(item.field)
    return item.area, None, match.group(0) if match else item.field


def text_key(field: str) -> Key:
    """`segment[3].host` (compliance.lint's names) → (SEGMENT, 2, "host")."""
    entry = _ENTRY.match(field)
    if entry:
        return Area(entry.group(1)), int(entry.group(2)) - 1, entry.group(3)
    return Area.HEADER, None, field.removeprefix("show.")


@dataclasses.dataclass(frozen=True)
class TextHit:
    key: Key
    text: str               # the whole text it was found in
    hit: Hit

    @property
    def blocking(self) -> bool:
        return self.hit.exemption is None and self.hit.entry.severity is Level.MUST_FIX


@dataclasses.dataclass
class Marks:
    issues: list[FieldIssue] = dataclasses.field(default_factory=list)
    hits: list[TextHit] = dataclasses.field(default_factory=list)
    by_key: dict[Key, list[FieldIssue]] = dataclasses.field(default_factory=dict)
    hits_by_key: dict[Key, list[TextHit]] = dataclasses.field(default_factory=dict)

    def issues_at(self, key: Key) -> list[FieldIssue]:
        return self.by_key.get(key, [])

    def hits_at(self, key: Key) -> list[TextHit]:
        return self.hits_by_key.get(key, [])


def marks(draft: Draft, matcher: Matcher | None) -> Marks:
    result = Marks(issues=draft.issues())
    for item in result.issues:
        result.by_key.setdefault(issue_key(item), []).append(item)
    if matcher is not None:
        for _path, field, text in show_texts(draft.show):
            for hit in matcher.find(text):
                found = TextHit(text_key(field), text, hit)
                result.hits.append(found)
                result.hits_by_key.setdefault(found.key, []).append(found)
    return result

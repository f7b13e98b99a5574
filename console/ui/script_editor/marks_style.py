"""How a mark looks on a cell or a field: colour by what is wrong, words in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from console.compliance import Level, category_name
from console.script.draft import FieldIssue
from console.ui.script_editor.checks import TextHit

ERROR = "#7a2400"           # vermillion, darkened so white text stays readable
WARNING = "#6b4a00"         # orange, darkened
HIT = "#5c2a4f"             # reddish purple: a wording problem, not a format one
OVER = "#6b4a00"


def level_name(level: Level) -> str:
    return {Level.MUST_FIX: QCoreApplication.translate("ScriptEditor", "must fix"), Level.WARNING: QCoreApplication.translate("ScriptEditor", "warning"),
            Level.HINT: QCoreApplication.translate("ScriptEditor", "hint")}[level]


def hit_text(found: TextHit) -> str:
    hit = found.hit
    entry = hit.entry
    if hit.exemption is not None:
        return QCoreApplication.translate("ScriptEditor", "“%1”: exempt — %2").replace("%1", hit.text).replace(
            "%2", hit.exemption.reason)
    return (QCoreApplication.translate("ScriptEditor", "“%1”: %2, %3 (%4). Say instead: %5")
            .replace("%1", hit.text).replace("%2", level_name(entry.severity))
            .replace("%3", category_name(entry.category)).replace("%4", entry.basis)
            .replace("%5", " / ".join(entry.suggest) or "—"))


def issue_text(item: FieldIssue) -> str:
    prefix = QCoreApplication.translate("ScriptEditor", "Error") if item.is_error else QCoreApplication.translate("ScriptEditor", "Warning")
    return f"{prefix}: {item.issue.message}"


def background(issues: list[FieldIssue], hits: list[TextHit]) -> QColor | None:
    if any(i.is_error for i in issues):
        return QColor(ERROR)
    if issues:
        return QColor(WARNING)
    if any(h.hit.exemption is None for h in hits):
        return QColor(HIT)
    return None


def tooltip(issues: list[FieldIssue], hits: list[TextHit]) -> str:
    return "\n".join([issue_text(i) for i in issues] + [hit_text(h) for h in hits])


def css(issues: list[FieldIssue], hits: list[TextHit]) -> str:
    colour = background(issues, hits)
    return "" if colour is None else f"background: {colour.name()};"

"""四色预警: rules read from a file the team can edit, judged on every new sample.

An alert is raised when its condition becomes true and cleared when it stops
being true, so a bad minute lights the lamp once, not every second. Colours by
severity: red (refunds), orange (conversion falling), yellow (interaction under
the industry mean), blue (traffic cliff).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from console.kpi.derived import BY_KEY as METRICS, metric_value
from console.kpi.fields import BY_KEY as FIELDS
from console.kpi.model import KpiModel
from console.text import translate
from console.tomlfile import (Issue, KeyLines, Severity, ShowFileError, is_number, read_bytes,
                              read_toml, shown, unknown_keys)

COLOURS = ("red", "orange", "yellow", "blue")      # most severe first
RULES_FILENAME = "alert-rules.toml"
_CONDITIONS = ("above", "below", "drop", "fall")
_KEYS = {"id", "colour", "title", "title_en", "metric", "field", "window_minutes", "min_denominator",
         "suggest", *_CONDITIONS}


@dataclasses.dataclass(frozen=True)
class Rule:
    id: str
    colour: str
    title: str                  # in Chinese, the users' language
    condition: str              # above / below / drop (metric) or fall (gauge field)
    threshold: float
    metric: str = ""
    field: str = ""
    window_ms: int = 0
    min_denominator: float = 1.0
    suggest: str = ""           # a crisis script id
    title_en: str = ""          # for an English UI; the Chinese title if not given


@dataclasses.dataclass(frozen=True)
class Alert:
    rule: Rule
    raised: bool                # False when it clears
    show_ms: int
    value: float | None
    message: str                # Chinese
    message_en: str = ""


class AlertBook:
    """Judges the rules and remembers which are active."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.active: dict[str, Alert] = {}

    def judge(self, model: KpiModel, now_ms: int) -> list[Alert]:
        changes = []
        for rule in self.rules:
            firing, value, messages = evaluate(rule, model, now_ms)
            if firing and rule.id not in self.active:
                alert = Alert(rule, True, now_ms, value, *messages)
                self.active[rule.id] = alert
                changes.append(alert)
            elif not firing and rule.id in self.active and value is not None:
                del self.active[rule.id]
                changes.append(Alert(rule, False, now_ms, value, *messages))
        return changes

    def worst(self) -> Alert | None:
        """The active alert the lamp shows: the most severe, then the newest."""
        if not self.active:
            return None
        return min(self.active.values(),
                   key=lambda a: (COLOURS.index(a.rule.colour), -a.show_ms))


def evaluate(rule: Rule, model: KpiModel, now_ms: int) -> tuple[bool, float | None,
                                                               tuple[str, str]]:
    """(firing, value, (message in Chinese, in English)) for one rule at `now_ms`;
    value None = not enough data."""
    w = rule.window_ms
    minutes = w // 60_000
    if rule.condition == "fall":
        peak = model.peak(rule.field, now_ms - w, now_ms)
        current = model.value_at(rule.field, now_ms)
        if not peak or current is None:
            return False, None, ("", "")
        fall = (peak - current) / peak
        field = FIELDS[rule.field]
        return fall > rule.threshold, fall, (
            f"{field.zh} {current:,.0f}，{minutes} 分钟内从 {peak:,.0f} 下跌 {fall:.0%}",
            f"{field.en} {current:,.0f}, down {fall:.0%} from {peak:,.0f} within {minutes} min")
    metric = METRICS[rule.metric]
    start = None if w == 0 else now_ms - w
    current = metric_value(model, rule.metric, now_ms, start, rule.min_denominator)
    if current is None:
        return False, None, ("", "")
    if rule.condition in ("above", "below"):
        sign = ">" if rule.condition == "above" else "<"
        firing = current > rule.threshold if sign == ">" else current < rule.threshold
        zh, en = (f"{name} {current:.1%} {sign} {rule.threshold:.1%}"
                  for name in (metric.zh, metric.en))
        return firing, current, (zh, en)
    before = metric_value(model, rule.metric, now_ms - w, now_ms - 2 * w, rule.min_denominator)
    if before is None:
        return False, None, ("", "")
    drop = before - current
    return drop > rule.threshold, current, (
        f"{metric.zh} {current:.1%}，前 {minutes} 分钟 {before:.1%}，下降 {drop * 100:.1f} 个点",
        (f"{metric.en} {current:.1%}, previous {minutes} min {before:.1%}, "
         f"down {drop * 100:.1f} points"))


def parse_rules(data: bytes, path: str) -> list[Rule]:
    """Rules from a file's bytes, or ShowFileError naming every problem with its line."""
    file, issues = read_toml(data)
    if file is None:
        raise ShowFileError(path, issues)
    rules, issues = [], []
    items = file.doc.get("rule", [])
    if not isinstance(items, list):
        raise ShowFileError(path, [Issue(Severity.ERROR, file.lines.of("rule"), "rule",
                                         translate("Alerts", "expected [[rule]] entries"))])
    for index, table in enumerate(items):
        rule, problems = _read_rule(table, index, file.lines)
        issues += problems
        if rule is not None:
            rules.append(rule)
    if any(i.is_error for i in issues):
        raise ShowFileError(path, issues)
    return rules


def _read_rule(table: object, index: int, lines: KeyLines):
    p, f = ("rule", index), f"rule[{index + 1}]"
    issues = []

    def error(key, message):
        issues.append(Issue(Severity.ERROR, lines.of(*p, key), f"{f}.{key}", message))

    if not isinstance(table, dict):
        return None, [Issue(Severity.ERROR, lines.of(*p), f,
                            translate("Alerts", "expected a [[rule]] table"))]
    issues += unknown_keys(table, _KEYS, lines, p, f)
    conditions = [c for c in _CONDITIONS if c in table]
    if len(conditions) != 1:
        error("above", translate("Alerts", "give exactly one of: above, below, drop, fall"))
        return None, issues
    condition = conditions[0]
    threshold = table[condition]
    if not is_number(threshold) or threshold < 0:
        error(condition, translate("Alerts", "expected a number ≥ 0 (a fraction: 0.05 = 5 %), "
                                   "got {value}").format(value=shown(threshold)))
    colour = table.get("colour", "")
    if colour not in COLOURS:
        error("colour", translate("Alerts", "use one of: {colours}").format(colours=", ".join(COLOURS)))
    metric, field = table.get("metric", ""), table.get("field", "")
    if condition == "fall":
        if not isinstance(field, str) or field not in FIELDS:
            error("field", translate("Alerts", "a fall rule watches a field, e.g. field = \"online\"; "
                                     "got {value}").format(value=shown(repr(field))))
    elif not isinstance(metric, str) or metric not in METRICS:
        error("metric", translate("Alerts", "unknown metric {value}; use one of: {metrics}")
              .format(value=shown(repr(metric)), metrics=", ".join(METRICS)))
    window = table.get("window_minutes", 0)
    if not isinstance(window, int) or isinstance(window, bool) or not 0 <= window <= 240:
        error("window_minutes", translate("Alerts", "expected whole minutes, 0 (whole show) to 240"))
    elif window == 0 and condition in ("drop", "fall"):
        error("window_minutes", translate("Alerts", "a {condition} rule needs a window of at least "
                                          "1 minute").format(condition=condition))
    min_denominator = table.get("min_denominator", 1)
    if not is_number(min_denominator) or min_denominator < 0:
        error("min_denominator", translate("Alerts", "expected a number ≥ 0, got {value}")
              .format(value=shown(min_denominator)))
    for key in ("id", "title", "title_en", "suggest"):
        if not isinstance(table.get(key, ""), str):
            error(key, translate("Alerts", "expected text, got {value}")
                  .format(value=shown(table[key])))
    if not str(table.get("id", "")).strip():
        error("id", translate("Alerts", "is required"))
    if any(i.is_error for i in issues):
        return None, issues
    return Rule(id=table["id"], colour=colour, title=str(table.get("title", table["id"])),
                condition=condition, threshold=float(threshold), metric=metric, field=field,
                window_ms=window * 60_000,
                min_denominator=float(min_denominator),
                suggest=str(table.get("suggest", "")),
                title_en=str(table.get("title_en", ""))), issues


def load_rules(folder: Path | None, bundled: Path) -> tuple[list[Rule], Path]:
    """The team's rules from the data folder if they wrote some, else the bundled defaults."""
    path = folder / RULES_FILENAME if folder is not None else None
    if path is None or not path.exists():
        path = bundled
    data, issues = read_bytes(path)
    if data is None:
        raise ShowFileError(str(path), issues)
    return parse_rules(data, str(path)), path

"""The Data dock: big current numbers, quick entry, the graphs, and the alert list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QButtonGroup, QGridLayout, QHBoxLayout, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from console.kpi.alerts import Alert
from console.kpi.derived import metric_value
from console.kpi.feed import KpiFeed
from console.kpi.model import SampleError
from console.kpi.quick_entry import parse_quick_entry
from console.kpi.targets import target_progress
from console.timefmt import clock_text
from console.ui import theme
from console.ui.elided_label import ElidedLabel
from console.ui.i18n import alert_title, localized
from console.ui.numbers import percent as as_percent
from console.ui.numbers import signed
from console.ui.kpi_graphs import KpiGraphs
from console.ui.readout import Readout
from console.ui.style import dim_label

CHANGE_MS = 5 * 60_000


def _tile(caption: str) -> Readout:
    tile = Readout(caption, 20, with_change=True)
    tile.setStyleSheet(f"background: {theme.PANEL};")
    return tile


class KpiPanel(QWidget):
    suggestion_requested = Signal(str)         # a crisis script id

    def __init__(self, feed: KpiFeed, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.feed = feed
        self.model = feed.model
        self.runner = feed.runner
        self.tiles = {key: _tile(caption) for key, caption in (
            ("online", self.tr("Online")), ("gmv", self.tr("GMV ¥")),
            ("orders", self.tr("Orders")), ("conversion", self.tr("Conversion (people)")),
            ("interaction_rate", self.tr("Interaction (people)")), ("aov", self.tr("Avg order ¥")))}
        tiles = QGridLayout()
        for position, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, position // 3, position % 3)
        self.entry = QLineEdit()
        self.entry.setObjectName("kpi-entry")
        self.entry.setPlaceholderText(self.tr("Type figures, e.g. 在线 8200 成交 3.56万 订单 412 — Enter (Ctrl+K)"))
        self.entry.returnPressed.connect(self.record_typed)
        self.entry_status = dim_label()
        windows = QHBoxLayout()
        self.window_buttons = QButtonGroup(self)
        self.graphs = KpiGraphs(self.runner, self.model)
        for key, text in (("10min", self.tr("Last 10 min")), ("1h", self.tr("Last hour")),
                          ("all", self.tr("Whole show"))):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setChecked(key == self.graphs.time_window)
            button.clicked.connect(lambda _=False, k=key: self.graphs.set_window(k))
            self.window_buttons.addButton(button)
            windows.addWidget(button)
        # Beside the window buttons, where it costs no height: the script's targets.
        self.targets = ElidedLabel("", minimum_px=60)
        windows.addWidget(self.targets, 1)
        self.alerts = QListWidget()
        self.alerts.setObjectName("kpi-alerts")
        self.alerts.itemActivated.connect(self._open_suggestion)
        self.alerts.setMinimumHeight(36)
        self.alerts.setToolTip(self.tr("Alerts (Enter on one opens its crisis script)"))
        # One line, in full on hover: a long bridge address must not make the dock taller.
        self.sources = ElidedLabel("", minimum_px=100)
        self.sources.setObjectName("dim")
        # Numbers, entry and alerts on the left; the graphs take the width on the right.
        side = QVBoxLayout()
        side.addLayout(tiles)
        side.addWidget(self.entry)
        side.addWidget(self.entry_status)
        side.addWidget(self.alerts, 1)
        side.setSpacing(3)
        side.setContentsMargins(0, 0, 0, 0)
        tiles.setSpacing(3)
        charts = QVBoxLayout()
        charts.setContentsMargins(0, 0, 0, 0)
        charts.addLayout(windows)
        charts.addWidget(self.graphs, 1)
        charts.addWidget(self.sources)        # under the graphs: the side is the taller column
        # A fixed-width side: numbers changing width must not re-lay out (and so repaint)
        # the graphs ten times a second.
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(380)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(side_widget)
        layout.addLayout(charts, 1)
        feed.alert_listeners.append(self.on_alert)
        self.refresh()

    def follow(self, controller) -> None:
        """Figures once a second (they arrive about once a minute); markers on every event."""
        last_second = [-1]

        def tick() -> None:
            second = self.runner.now_ms() // 1000
            if second != last_second[0]:
                last_second[0] = second
                self.refresh()

        controller.ticked.connect(tick)
        controller.changed.connect(tick)
        controller.event_logged.connect(self.graphs.on_event)

    def register_actions(self, registry, raise_dock) -> None:
        def entry() -> None:
            raise_dock()
            self.entry.setFocus()

        registry.register("kpi_entry", entry)

    # -- intent ---------------------------------------------------------------------------
    def record_typed(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        try:
            sample = self.feed.add(parse_quick_entry(text), "manual")
        except SampleError as exc:
            self.entry_status.setText(self.tr("Not recorded: %1").replace("%1", exc.translated()))
            self.entry_status.setStyleSheet("color: #ff8a65;")
            return
        self.entry.clear()
        self.entry_status.setStyleSheet("")
        self.entry_status.setText(self.tr("Recorded %1 figure(s) at %2")
                                  .replace("%1", str(len(sample.values)))
                                  .replace("%2", clock_text(sample.show_ms)))
        self.feed.judge(self.runner.now_ms())
        self.refresh()

    def on_alert(self, alert: Alert) -> None:
        colour = theme.ALERT_COLOURS[alert.rule.colour]
        state = self.tr("RAISED") if alert.raised else self.tr("cleared")
        item = QListWidgetItem(f"{clock_text(alert.show_ms)}  ● {alert_title(alert.rule)} — "
                               f"{state}  {localized(alert.message, alert.message_en)}")
        item.setForeground(Qt.GlobalColor.white if not alert.raised else QColor(colour))
        item.setData(Qt.ItemDataRole.UserRole, alert.rule.suggest)
        self.alerts.insertItem(0, item)
        self.alerts.setCurrentRow(0)

    def _open_suggestion(self, item: QListWidgetItem) -> None:
        suggestion = item.data(Qt.ItemDataRole.UserRole)
        if suggestion:
            self.suggestion_requested.emit(suggestion)

    # -- display -------------------------------------------------------------------------
    def refresh(self) -> None:
        now = self.runner.now_ms()
        before = now - CHANGE_MS
        for key in ("online", "gmv", "orders"):
            value, earlier = self.model.value_at(key, now), self.model.value_at(key, before)
            if value is None:
                self._show(key, "–", "", None)
                continue
            delta = None if earlier is None else value - earlier
            change = "" if delta is None else self.tr("%1 vs 5 min ago").replace("%1", signed(delta))
            self._show(key, f"{value:,.0f}", change, None if not delta else delta > 0)
        for key, percent in (("conversion", True), ("interaction_rate", True), ("aov", False)):
            value = metric_value(self.model, key, now)
            earlier = metric_value(self.model, key, before) if before > 0 else None
            if value is None:
                self._show(key, "–", "", None)
                continue
            text = as_percent(value) if percent else f"{value:,.0f}"
            change = ""
            if earlier is not None:
                delta = value - earlier
                change = (self.tr("%1 pts vs 5 min ago").replace("%1", signed(delta * 100, 1))
                          if percent else self.tr("%1 vs 5 min ago").replace("%1", signed(delta)))
            self._show(key, text, change, None if earlier is None or value == earlier
                       else value > earlier)
        self.sources.setText(self._sources_text())
        self.targets.setText(self._targets_text(now))

    def _targets_text(self, now: int) -> str:
        names = {"gmv": self.tr("GMV"), "orders": self.tr("orders"),
                 "peak_online": self.tr("peak online"), "conversion": self.tr("conversion")}
        parts = []
        for p in target_progress(self.runner.show.targets, self.model, now):
            if p.key == "conversion":
                figures = f"{as_percent(p.actual)} / {as_percent(p.target)}"
            else:
                figures = f"{p.actual:,.0f} / {p.target:,.0f} ({as_percent(p.share, 0)})"
            parts.append(f"{'✓ ' if p.share >= 1 else ''}{names[p.key]} {figures}")
        return self.tr("Targets: %1").replace("%1", "  ·  ".join(parts)) if parts else ""

    def _show(self, key: str, value: str, change: str, rising: bool | None) -> None:
        self.tiles[key].show_value(value)
        self.tiles[key].show_change(change, rising)

    def _sources_text(self) -> str:
        parts = [self.tr("Figures from:")]
        names = self.model.source_names or [self.tr("nothing yet — type figures above")]
        parts.append(", ".join(names))
        if self.feed.ingest is not None:
            parts.append(self.tr("· bridge: POST %1 (token %2)").replace("%1", self.feed.ingest.url)
                         .replace("%2", self.feed.ingest.token))
        for follower in self.feed.followers:
            if follower.problems:
                last = follower.problems[-1]
                parts.append(self.tr("· skipped: %1").replace(
                    "%1", f"{last.location}: {last.error.translated()}"))
        return " ".join(parts)

    def stop(self) -> None:
        self.graphs.stop()


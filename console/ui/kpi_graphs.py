"""Live KPI graphs on the show's time axis, with the show's events marked.

What is drawn where is declared in console/kpi/charts.py and computed in
console/kpi/derived.py; this module only draws it.

Cost stays flat over a six-hour show: each refresh slices the visible window out
of the model's arrays and thins it to a few hundred points per curve before
handing it to pyqtgraph, so hour six draws like minute one.
"""

from __future__ import annotations

import bisect
import functools

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QGraphicsItem, QGridLayout, QVBoxLayout, QWidget

from console.engine.events import Event, EventKind
from console.engine.runner import ShowRunner
from console.kpi.charts import (COLUMNS, GRAPHS, WINDOWS_MS, Curve, sample_times, value_range,
                                visible_range)
from console.kpi.model import KpiModel
from console.timefmt import clock_text
from console.ui import theme
from console.ui.event_markers import EventMarkers
from console.ui.style import dim_label

MAX_POINTS = 600            # per curve per refresh, whatever the window
MAX_MARKERS = 60            # event markers drawn at once (the newest in view)
MAX_LABELS = 12             # of which labelled with their SKU
LABEL_PX = 56               # room a label needs on the axis before the next one
REFRESH_MS = 1000
ALERT_COLOURS = theme.ALERT_COLOURS
_MARKER_PENS = {
    "segment": pg.mkPen("#5f6b78", width=1, style=pg.QtCore.Qt.PenStyle.DotLine),
    "lottery": pg.mkPen(theme.LOTTERY[0], width=2),
    "flash_sale": pg.mkPen(theme.PRICE, width=2),
    "crisis": pg.mkPen("#ff8a65", width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
}


@functools.cache
def _pen(kind: str):
    if kind.startswith("alert:"):
        return pg.mkPen(ALERT_COLOURS.get(kind.split(":", 1)[1], "#ffffff"), width=2)
    return _MARKER_PENS[kind]


def _colour(name: str) -> str:
    """A table colour: "#rrggbb" as it is, else the theme's colour of that name."""
    return name if name.startswith("#") else getattr(theme, name)


def _pen_for(curve: Curve):
    return pg.mkPen(_colour(curve.colour), width=curve.width)


class ShowTimeAxis(pg.AxisItem):
    """Ticks in show time (m:ss / h:mm:ss) from x values in seconds."""

    def tickStrings(self, values, scale, spacing):
        return [clock_text(int(v * 1000)) for v in values]


def thin_labels(labelled: list, gap_s: float, limit: int) -> list:
    """The newest labels, none closer than `gap_s` to the next one kept, at most `limit`:
    labels that would print over each other are dropped, older first."""
    kept: list = []
    for marker in reversed(labelled):
        if len(kept) == limit:
            break
        if not kept or kept[-1][0] - marker[0] >= gap_s:
            kept.append(marker)
    return kept[::-1]


def _titled(title: str, view: QWidget) -> QWidget:
    """A graph under its title. A QLabel, not the plot's own title, because that one sets
    the graph's minimum width to the title's: long English titles pushed the graphs out
    of the window; this one wraps."""
    cell = QWidget()
    cell.setStyleSheet(f"background: {theme.PANEL};")
    label = dim_label(title)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(0, 2, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(label)
    layout.addWidget(view, 1)
    return cell


class KpiGraphs(QWidget):
    window_changed = Signal(str)

    def __init__(self, runner: ShowRunner, model: KpiModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.model = model
        self.time_window = "10min"
        pg.setConfigOptions(antialias=False, background=theme.PANEL, foreground=theme.TEXT_DIM)
        self.plots = {}
        self.views = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self.graphs = {graph.key: graph for graph in GRAPHS}
        self.curves = {}
        for position, graph in enumerate(GRAPHS):
            # One view per graph, refreshed in turn: a repaint of one costs a sixth of all six.
            view = pg.PlotWidget(axisItems={"bottom": ShowTimeAxis("bottom")})
            plot = view.getPlotItem()
            plot.showGrid(x=True, y=True, alpha=0.15)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.setClipToView(True)
            plot.disableAutoRange()
            for side in ("left", "bottom", "top"):
                # An axis (and its grid) repaints from a pixmap until its ticks change;
                # replaying its picture of text was most of every frame.
                plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            view.setMinimumHeight(60)
            title = QCoreApplication.translate("KpiGraphs", graph.title)
            grid.addWidget(_titled(title, view), position // COLUMNS, position % COLUMNS)
            self.plots[graph.key] = plot
            self.views[graph.key] = view
            if graph.labels:
                plot.showAxis("top")
                plot.getAxis("top").setStyle(showValues=True, tickLength=4)
            for curve in graph.curves:
                self.curves[curve.name] = plot.plot(pen=_pen_for(curve))
        self._labelled = next(graph.key for graph in GRAPHS if graph.labels)
        self.hover = dim_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid, 1)
        layout.addWidget(self.hover)
        self.markers: list[tuple[float, str, str]] = []     # (show seconds, kind, label)
        self._marker_times: list[float] = []                # the same, in order, for bisect
        self._marker_kinds: set[str] = set()
        self._label_ticks: list[tuple[float, str]] = []
        self.marker_items = {name: EventMarkers(_pen) for name in self.plots}
        for name, item in self.marker_items.items():
            self.plots[name].addItem(item, ignoreBounds=True)
        self._y_bounds: dict[str, tuple[float, float]] = {}
        self._proxies = [pg.SignalProxy(view.scene().sigMouseMoved, rateLimit=20,
                                        slot=lambda event, k=key: self._on_mouse(k, event))
                         for key, view in self.views.items()]
        self._turn = 0
        self._timer = QTimer(self)
        self._timer.setObjectName("kpi-refresh")
        self._timer.setInterval(REFRESH_MS // len(self.plots))
        self._timer.timeout.connect(self._refresh_next)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def set_window(self, window: str) -> None:
        self.time_window = window
        self.refresh()
        self.window_changed.emit(window)

    # -- markers ---------------------------------------------------------------------
    def on_event(self, event: Event) -> None:
        d = event.details
        if event.kind is EventKind.SEGMENT_STARTED:
            kind = "flash_sale" if d.get("kind") == "flash_sale" else "segment"
            self.mark(event.show_ms, kind, d.get("sku") or "")
        elif event.kind is EventKind.LOTTERY_FIRED:
            self.mark(event.show_ms, "lottery", self.tr("lottery"))
        elif event.kind is EventKind.CRISIS_PUSHED:
            self.mark(event.show_ms, "crisis", d.get("title", ""))
        elif event.kind is EventKind.ALERT_RAISED:
            self.mark(event.show_ms, f"alert:{d['colour']}", "")

    def mark(self, show_ms: int, kind: str, label: str) -> None:
        at = bisect.bisect_right(self._marker_times, show_ms / 1000)
        self._marker_times.insert(at, show_ms / 1000)
        self.markers.insert(at, (show_ms / 1000, kind, label))
        self._marker_kinds.add(kind)

    def _draw_markers(self, name: str, t0: int, t1: int) -> None:
        """Only the markers in view, in one item per graph; the top-left graph
        also labels the newest few. A six-hour show's hundreds of events cost no more to
        draw than the first ten minutes'."""
        first = bisect.bisect_left(self._marker_times, t0 / 1000)
        end = bisect.bisect_right(self._marker_times, t1 / 1000)
        visible = self.markers[max(first, end - MAX_MARKERS):end]
        if name == self._labelled:
            gap_s = (t1 - t0) / 1000 * LABEL_PX / max(1, self.views[name].width())
            self._draw_labels(thin_labels([m for m in visible if m[2]], gap_s, MAX_LABELS))
        low, high = self._y_bounds.get(name, (0.0, 1.0))
        self.marker_items[name].set_markers(
            {kind: tuple(x for x, k, _ in visible if k == kind) for kind in self._marker_kinds},
            t0 / 1000, t1 / 1000, low, high)

    def _draw_labels(self, labelled) -> None:
        """Labels as the ticks of a top axis: one cached picture, not an item per label."""
        ticks = [(x, label) for x, _, label in labelled]
        if ticks != self._label_ticks:
            self._label_ticks = ticks
            self.plots[self._labelled].getAxis("top").setTicks([ticks, []])

    # -- drawing -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw every graph now (window changes, tests); the timer does one at a time."""
        for name in self.plots:
            self.refresh_plot(name)

    def _refresh_next(self) -> None:
        names = list(self.plots)
        self.refresh_plot(names[self._turn % len(names)])
        self._turn += 1

    def refresh_plot(self, name: str) -> None:
        if not self.isVisible():
            return                                       # nobody is looking: skip the work
        now = self.runner.now_ms()
        t0, t1 = visible_range(now, WINDOWS_MS[self.time_window])
        # Always the same number of points, at minute 1 as at hour 6: the cost is flat.
        # One point per pixel column: more cannot be seen, and each costs a line to draw.
        points = min(MAX_POINTS, max(60, self.views[name].width()))
        times = sample_times(t0, t1, now, points)        # the curve ends at the present
        xs = times / 1000
        drawn = []
        for curve in self.graphs[name].curves:
            ys = curve.values(self.model, times)
            finite = np.isfinite(ys)
            self.curves[curve.name].setData(xs[finite], ys[finite])
            drawn.append(ys[finite])
        # Each graph's y range (its data's, widened to round numbers), so its marker
        # lines span it.
        self._y_bounds[name] = value_range(drawn)
        self._draw_markers(name, t0, t1)
        plot = self.plots[name]
        # Ranges set here, once: pyqtgraph's auto-range would repaint the graph a second
        # time. Both move in steps, so most refreshes leave the axes as they were and
        # their cached pictures are reused (and the numbers on them hold still).
        low, high = self._y_bounds.get(name, (0.0, 1.0))
        plot.setXRange(t0 / 1000, t1 / 1000, padding=0, update=False)
        plot.setYRange(low, high, padding=0.04)

    def _on_mouse(self, name: str, event) -> None:
        position = event[0]
        plot = self.plots[name]
        if not plot.sceneBoundingRect().contains(position):
            return
        x = plot.vb.mapSceneToView(position).x()
        show_ms = int(x * 1000)
        wall = self.runner.utc_at(show_ms)
        online = self.model.value_at("online", show_ms)
        gmv = self.model.value_at("gmv", show_ms)
        parts = [self.tr("show %1").replace("%1", clock_text(show_ms)),
                 wall.astimezone().strftime("%H:%M:%S")]
        if online is not None:
            parts.append(self.tr("online %1").replace("%1", f"{online:,.0f}"))
        if gmv is not None:
            parts.append(f"GMV ¥{gmv:,.0f}")
        self.hover.setText("  ·  ".join(parts))

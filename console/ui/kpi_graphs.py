"""Live KPI graphs on the show's time axis, with the show's events marked.

Cost stays flat over a six-hour show: each refresh slices the visible window out
of the model's arrays and thins it to a few hundred points per curve before
handing it to pyqtgraph, so hour six draws like minute one.
"""

from __future__ import annotations

import bisect
import functools
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGraphicsItem, QGridLayout, QLabel, QVBoxLayout, QWidget

from console.engine.events import Event, EventKind
from console.engine.runner import ShowRunner
from console.kpi.model import KpiModel
from console.timefmt import clock_text
from console.ui import theme
from console.ui.event_markers import EventMarkers

MAX_POINTS = 600            # per curve per refresh, whatever the window
MAX_MARKERS = 60            # event markers drawn at once (the newest in view)
MAX_LABELS = 12             # of which labelled with their SKU
LABEL_PX = 56               # room a label needs on the axis before the next one
REFRESH_MS = 1000
WINDOWS_MS = {"10min": 10 * 60_000, "1h": 60 * 60_000, "all": None}
ROLLING_MS = 5 * 60_000     # rates on the graphs are over the last five minutes
_X_STEPS_MS = tuple(s * 1000 for s in (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600))
ALERT_COLOURS = theme.ALERT_COLOURS
_MARKER_PENS = {
    "segment": pg.mkPen("#5f6b78", width=1, style=pg.QtCore.Qt.PenStyle.DotLine),
    "lottery": pg.mkPen(theme.LOTTERY[0], width=2),
    "flash_sale": pg.mkPen(theme.PRICE, width=2),
    "crisis": pg.mkPen("#ff8a65", width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
}


_CURVES_BY_PLOT = {"traffic": ("online", "entries"), "engagement": ("interaction",),
                   "sales": ("gmv", "gmv_minute"), "conversion": ("conversion",),
                   "orders": ("orders", "orders_minute"), "aov": ("aov",)}


@functools.cache
def _pen(kind: str):
    if kind.startswith("alert:"):
        return pg.mkPen(ALERT_COLOURS.get(kind.split(":", 1)[1], "#ffffff"), width=2)
    return _MARKER_PENS[kind]


class ShowTimeAxis(pg.AxisItem):
    """Ticks in show time (m:ss / h:mm:ss) from x values in seconds."""

    def tickStrings(self, values, scale, spacing):
        return [clock_text(int(v * 1000)) for v in values]


def _rolling_rate(model: KpiModel, numerator: str, denominator: str, times_ms: np.ndarray,
                  window_ms: int, scale: float = 100.0) -> np.ndarray:
    """(growth of numerator) ÷ (growth of denominator) over the window ending at each time."""
    def totals(key: str, at: np.ndarray) -> np.ndarray:
        # A counter is 0 at go-live even before its first sample.
        return np.where(at <= 0, 0.0, model.series[key].values_at(at))

    start = times_ms - window_ms
    num = totals(numerator, times_ms) - totals(numerator, start)
    den = totals(denominator, times_ms) - totals(denominator, start)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num * scale / den, np.nan)


def visible_range(now_ms: int, span_ms: int | None) -> tuple[int, int]:
    """The x range shown: the window ending a little after now, moved on in steps of
    about a sixtieth of its width (10 s for the last ten minutes) rather than every
    refresh. A whole-show window starts at go-live; none is narrower than a minute."""
    width = max(60_000, now_ms if span_ms is None else min(now_ms, span_ms))
    step = next((s for s in _X_STEPS_MS if s * 60 >= width), _X_STEPS_MS[-1])
    t1 = max(60_000, -(-now_ms // step) * step)
    return (0 if span_ms is None else max(0, t1 - span_ms)), t1


def thin_labels(labelled: list, gap_s: float, limit: int) -> list:
    """The newest labels, none closer than `gap_s` to the next one kept, at most `limit`:
    labels that would print over each other are dropped, older first."""
    kept = []
    for marker in reversed(labelled):
        if len(kept) == limit:
            break
        if not kept or kept[-1][0] - marker[0] >= gap_s:
            kept.append(marker)
    return kept[::-1]


def round_range(low: float, high: float) -> tuple[float, float]:
    """(low, high) widened to multiples of a round unit, between a fifth of the spread
    and all of it (2 930…3 120 viewers → 2 900…3 150), so the y axis keeps still while
    the figures move within it."""
    spread = high - low if high > low else abs(high) or 1.0
    unit = 10.0 ** math.floor(math.log10(spread))
    if spread / unit < 2:
        unit /= 2
    return math.floor(low / unit) * unit, max(math.ceil(high / unit) * unit, low + unit)


def _titled(title: str, view: QWidget) -> QWidget:
    """A graph under its title. A QLabel, not the plot's own title, because that one sets
    the graph's minimum width to the title's: long English titles pushed the graphs out
    of the window; this one wraps."""
    cell = QWidget()
    cell.setStyleSheet(f"background: {theme.PANEL};")
    label = QLabel(title, objectName="dim")
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
        self.window = "10min"
        self.last_frame_ms = 0.0
        pg.setConfigOptions(antialias=False, background=theme.PANEL, foreground=theme.TEXT_DIM)
        self.plots = {}
        self.views = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        titles = (("traffic", self.tr("Online viewers · entries per minute")),
                  ("engagement", self.tr("Interaction rate (people, last 5 min) %")),
                  ("conversion", self.tr("Conversion (people, last 5 min) %")),
                  ("sales", self.tr("GMV (¥, cumulative) · per minute")),
                  ("orders", self.tr("Orders (cumulative) · per minute")),
                  ("aov", self.tr("Average order value (¥, last 5 min)")))
        for position, (key, title) in enumerate(titles):
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
            grid.addWidget(_titled(title, view), position // 3, position % 3)
            self.plots[key] = plot
            self.views[key] = view
        top = self.plots["traffic"].getAxis("top")
        self.plots["traffic"].showAxis("top")
        top.setStyle(showValues=True, tickLength=4)
        self.curves = {
            "online": self.plots["traffic"].plot(pen=pg.mkPen(theme.ACCENT, width=2)),
            "entries": self.plots["traffic"].plot(pen=pg.mkPen("#009e73", width=1)),
            "interaction": self.plots["engagement"].plot(pen=pg.mkPen("#cc79a7", width=2)),
            "gmv": self.plots["sales"].plot(pen=pg.mkPen(theme.PRICE, width=2)),
            "gmv_minute": self.plots["sales"].plot(pen=pg.mkPen("#e69f00", width=1)),
            "conversion": self.plots["conversion"].plot(pen=pg.mkPen("#009e73", width=2)),
            "orders": self.plots["orders"].plot(pen=pg.mkPen(theme.ACCENT, width=2)),
            "orders_minute": self.plots["orders"].plot(pen=pg.mkPen("#009e73", width=1)),
            "aov": self.plots["aov"].plot(pen=pg.mkPen(theme.PRICE, width=2)),
        }
        self.hover = QLabel(objectName="dim")
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
        self.window = window
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
        if name == "traffic":
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
            self.plots["traffic"].getAxis("top").setTicks([ticks, []])

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
        start = pg.QtCore.QElapsedTimer()
        start.start()
        now = self.runner.now_ms()
        t0, t1 = visible_range(now, WINDOWS_MS[self.window])
        # Always the same number of points, at minute 1 as at hour 6: the cost is flat.
        # One point per pixel column: more cannot be seen, and each costs a line to draw.
        points = min(MAX_POINTS, max(60, self.views[name].width()))
        times = np.linspace(t0, t1, points, dtype=np.int64)
        times = np.append(times[times < now], now)        # the curve ends at the present
        xs = times / 1000
        if name == "traffic":
            self._set("online", xs, self._values_at("online", times))
            self._set("entries", xs, self._per_minute("entries", times))
        elif name == "engagement":
            self._set("interaction", xs, _rolling_rate(self.model, "interacting", "viewers",
                                                       times, ROLLING_MS))
        elif name == "sales":
            self._set("gmv", xs, self._values_at("gmv", times))
            self._set("gmv_minute", xs, self._per_minute("gmv", times))
        elif name == "orders":
            self._set("orders", xs, self._values_at("orders", times))
            self._set("orders_minute", xs, self._per_minute("orders", times))
        elif name == "aov":
            self._set("aov", xs, _rolling_rate(self.model, "gmv", "orders", times, ROLLING_MS,
                                               scale=1.0))
        else:
            self._set("conversion", xs, _rolling_rate(self.model, "buyers", "viewers", times,
                                                      ROLLING_MS))
        self._draw_markers(name, t0, t1)
        plot = self.plots[name]
        # Ranges set here, once: pyqtgraph's auto-range would repaint the graph a second
        # time. Both move in steps, so most refreshes leave the axes as they were and
        # their cached pictures are reused (and the numbers on them hold still).
        low, high = self._y_bounds.get(name, (0.0, 1.0))
        plot.setXRange(t0 / 1000, t1 / 1000, padding=0, update=False)
        plot.setYRange(low, high, padding=0.04)
        self.last_frame_ms = start.nsecsElapsed() / 1e6

    def _values_at(self, key: str, times: np.ndarray) -> np.ndarray:
        return self.model.series[key].values_at(times)

    def _per_minute(self, key: str, times: np.ndarray) -> np.ndarray:
        now = self._values_at(key, times)
        return now - np.nan_to_num(self._values_at(key, times - 60_000))

    def _set(self, key: str, xs: np.ndarray, ys: np.ndarray) -> None:
        finite = np.isfinite(ys)
        self.curves[key].setData(xs[finite], ys[finite])
        self._note_bounds(key, ys[finite])

    def _note_bounds(self, key: str, values: np.ndarray) -> None:
        """Track each graph's y range (its data's, widened to round numbers), so its
        marker lines span it."""
        name = next(n for n, keys in _CURVES_BY_PLOT.items() if key in keys)
        finite = values[np.isfinite(values)]
        low, high = (float(finite.min()), float(finite.max())) if len(finite) else (0.0, 1.0)
        if key != _CURVES_BY_PLOT[name][0]:
            old = self._y_bounds.get(name, (low, high))
            low, high = min(old[0], low), max(old[1], high)
        self._y_bounds[name] = round_range(low, high)

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

"""Live KPI graphs on the show's time axis, with the show's events marked.

Cost stays flat over a six-hour show: each refresh slices the visible window out
of the model's arrays and thins it to a few hundred points per curve before
handing it to pyqtgraph, so hour six draws like minute one.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.engine.events import Event, EventKind
from console.engine.runner import ShowRunner
from console.kpi.model import KpiModel
from console.timeline import clock_text
from console.ui import theme

MAX_POINTS = 600            # per curve per refresh, whatever the window
REFRESH_MS = 1000
WINDOWS_MS = {"10min": 10 * 60_000, "1h": 60 * 60_000, "all": None}
ROLLING_MS = 5 * 60_000     # rates on the graphs are over the last five minutes
ALERT_COLOURS = theme.ALERT_COLOURS
_MARKER_PENS = {
    "segment": pg.mkPen("#5f6b78", width=1, style=pg.QtCore.Qt.PenStyle.DotLine),
    "lottery": pg.mkPen(theme.LOTTERY[0], width=2),
    "flash_sale": pg.mkPen(theme.PRICE, width=2),
    "crisis": pg.mkPen("#ff8a65", width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
}


class ShowTimeAxis(pg.AxisItem):
    """Ticks in show time (m:ss / h:mm:ss) from x values in seconds."""

    def tickStrings(self, values, scale, spacing):
        return [clock_text(int(v * 1000)) for v in values]


def _rolling_rate(model: KpiModel, numerator: str, denominator: str, times_ms: np.ndarray,
                  window_ms: int, scale: float = 100.0) -> np.ndarray:
    """(growth of numerator) ÷ (growth of denominator) over the window ending at each time."""
    def totals(key: str, at: np.ndarray) -> np.ndarray:
        series = model.series[key]
        if not len(series):
            return np.full(len(at), np.nan)
        idx = np.searchsorted(series.times, at, side="right") - 1
        out = np.where(idx >= 0, series.values[np.clip(idx, 0, None)], np.nan)
        return np.where(at <= 0, 0.0, out)
    start = times_ms - window_ms
    num = totals(numerator, times_ms) - totals(numerator, start)
    den = totals(denominator, times_ms) - totals(denominator, start)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num * scale / den, np.nan)


class KpiGraphs(QWidget):
    window_changed = Signal(str)

    def __init__(self, runner: ShowRunner, model: KpiModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.model = model
        self.window = "10min"
        self.last_frame_ms = 0.0
        pg.setConfigOptions(antialias=False, background=theme.PANEL, foreground=theme.TEXT_DIM)
        self.layout_widget = pg.GraphicsLayoutWidget()
        self.plots = {}
        titles = (("traffic", self.tr("Online viewers · entries per minute")),
                  ("engagement", self.tr("Interaction rate (people, last 5 min) %")),
                  ("sales", self.tr("GMV (¥, cumulative) · per minute")),
                  ("conversion", self.tr("Conversion (people, last 5 min) %")))
        for position, (key, title) in enumerate(titles):
            plot = self.layout_widget.addPlot(row=position // 2, col=position % 2,
                                              axisItems={"bottom": ShowTimeAxis("bottom")})
            plot.setTitle(title, color=theme.TEXT_DIM, size="10pt")
            plot.showGrid(x=True, y=True, alpha=0.15)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.setClipToView(True)
            if position:
                plot.setXLink(self.plots["traffic"])
            self.plots[key] = plot
        self.curves = {
            "online": self.plots["traffic"].plot(pen=pg.mkPen(theme.ACCENT, width=2)),
            "entries": self.plots["traffic"].plot(pen=pg.mkPen("#009e73", width=1)),
            "interaction": self.plots["engagement"].plot(pen=pg.mkPen("#cc79a7", width=2)),
            "gmv": self.plots["sales"].plot(pen=pg.mkPen(theme.PRICE, width=2)),
            "gmv_minute": self.plots["sales"].plot(pen=pg.mkPen("#e69f00", width=1)),
            "conversion": self.plots["conversion"].plot(pen=pg.mkPen("#009e73", width=2)),
        }
        self.hover = QLabel(objectName="dim")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.layout_widget, 1)
        layout.addWidget(self.hover)
        self.markers: list[tuple[float, str]] = []      # (show seconds, kind) for tests
        self._proxy = pg.SignalProxy(self.layout_widget.scene().sigMouseMoved, rateLimit=20,
                                     slot=self._on_mouse)
        self._timer = QTimer(self)
        self._timer.setObjectName("kpi-refresh")
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
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
        x = show_ms / 1000
        if kind.startswith("alert:"):
            pen = pg.mkPen(ALERT_COLOURS.get(kind.split(":", 1)[1], "#ffffff"), width=2)
        else:
            pen = _MARKER_PENS[kind]
        for name, plot in self.plots.items():
            text = label if name == "traffic" and label else None
            line = pg.InfiniteLine(pos=x, angle=90, pen=pen, movable=False, label=text,
                                   labelOpts={"position": 0.92, "color": theme.TEXT_DIM})
            plot.addItem(line, ignoreBounds=True)
        self.markers.append((x, kind))

    # -- drawing -----------------------------------------------------------------------
    def refresh(self) -> None:
        start = pg.QtCore.QElapsedTimer()
        start.start()
        now = self.runner.now_ms()
        span = WINDOWS_MS[self.window]
        t0 = 0 if span is None else max(0, now - span)
        t1 = max(now, t0 + 60_000)
        self._line("online", t0, t1)
        times = np.linspace(t0, t1, min(MAX_POINTS, max(2, (t1 - t0) // 1000)), dtype=np.int64)
        xs = times / 1000
        self._set("entries", xs, self._per_minute("entries", times))
        self._set("interaction", xs, _rolling_rate(self.model, "interacting", "viewers", times,
                                                   ROLLING_MS))
        self._line("gmv", t0, t1)
        self._set("gmv_minute", xs, self._per_minute("gmv", times))
        self._set("conversion", xs, _rolling_rate(self.model, "buyers", "viewers", times,
                                                  ROLLING_MS))
        self.plots["traffic"].setXRange(t0 / 1000, t1 / 1000, padding=0)
        for plot in self.plots.values():
            plot.enableAutoRange(axis="y")
        self.last_frame_ms = start.nsecsElapsed() / 1e6

    def _line(self, key: str, t0: int, t1: int) -> None:
        times, values = self.model.series[key].window(t0, t1, MAX_POINTS)
        self.curves[key].setData(times / 1000, values)

    def _per_minute(self, key: str, times: np.ndarray) -> np.ndarray:
        series = self.model.series[key]
        if not len(series):
            return np.full(len(times), np.nan)

        def at(moments):
            idx = np.searchsorted(series.times, moments, side="right") - 1
            return np.where(idx >= 0, series.values[np.clip(idx, 0, None)], 0.0)
        return at(times) - at(times - 60_000)

    def _set(self, key: str, xs: np.ndarray, ys: np.ndarray) -> None:
        finite = np.isfinite(ys)
        self.curves[key].setData(xs[finite], ys[finite])

    def _on_mouse(self, event) -> None:
        position = event[0]
        plot = self.plots["traffic"]
        if not plot.sceneBoundingRect().contains(position):
            return
        x = plot.vb.mapSceneToView(position).x()
        show_ms = int(x * 1000)
        lag_ms = (self.runner.now_ms() - show_ms) / getattr(self.runner.clock, "speed", 1)
        wall = self.runner.clock.utc_now() - dt.timedelta(milliseconds=lag_ms)
        online = self.model.value_at("online", show_ms)
        gmv = self.model.value_at("gmv", show_ms)
        parts = [self.tr("show %1").replace("%1", clock_text(show_ms)),
                 wall.astimezone().strftime("%H:%M:%S")]
        if online is not None:
            parts.append(self.tr("online %1").replace("%1", f"{online:,.0f}"))
        if gmv is not None:
            parts.append(f"GMV ¥{gmv:,.0f}")
        self.hover.setText("  ·  ".join(parts))

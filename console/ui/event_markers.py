"""The show's events as vertical lines across one graph, all kinds in a single item.

One item per graph rather than one curve per kind of event: a six-hour show
has a segment, lottery, flash-sale, crisis and four alert colours in view, and
each extra curve costs its own bounds, culling and paint call on every frame.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QLineF, QRectF


class EventMarkers(pg.GraphicsObject):
    def __init__(self, pen_for) -> None:
        super().__init__()
        self._pen_for = pen_for              # kind -> QPen (cosmetic: widths in pixels)
        self._lines: dict[str, list[QLineF]] = {}
        self._xs: dict[str, tuple[float, ...]] = {}
        self._bounds = QRectF()
        self._drawn: tuple = ()

    def set_markers(self, xs_by_kind: dict[str, tuple[float, ...]], x0: float, x1: float,
                    low: float, high: float) -> None:
        """Lines at each x from `low` to `high`; nothing happens if nothing changed,
        which is most refreshes."""
        drawn = (xs_by_kind, x0, x1, low, high)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        self.prepareGeometryChange()
        self._xs = xs_by_kind
        self._lines = {kind: [QLineF(x, low, x, high) for x in xs]
                       for kind, xs in xs_by_kind.items() if xs}
        self._bounds = QRectF(x0, low, max(x1 - x0, 1e-9), max(high - low, 1e-9))
        self.update()

    def xs(self, kind: str) -> tuple[float, ...]:
        return self._xs.get(kind, ())

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter, *args) -> None:
        for kind, lines in self._lines.items():
            painter.setPen(self._pen_for(kind))
            painter.drawLines(lines)

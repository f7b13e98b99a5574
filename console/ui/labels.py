"""Translated names for the engine's states, in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.engine.rundown import RowStatus
from console.engine.segment_timer import Phase
from console.script.model import SegmentKind
from console.text import QT_TRANSLATE_NOOP

_KINDS = {
    SegmentKind.OPENING: QT_TRANSLATE_NOOP("Labels", "Opening"),
    SegmentKind.SKU: QT_TRANSLATE_NOOP("Labels", "SKU pitch"),
    SegmentKind.LOTTERY: QT_TRANSLATE_NOOP("Labels", "Lottery"),
    SegmentKind.INTERACTION: QT_TRANSLATE_NOOP("Labels", "Interaction"),
    SegmentKind.FLASH_SALE: QT_TRANSLATE_NOOP("Labels", "Flash sale"),
    SegmentKind.COUPON: QT_TRANSLATE_NOOP("Labels", "Coupon"),
    SegmentKind.CLOSING: QT_TRANSLATE_NOOP("Labels", "Closing"),
    SegmentKind.CUSTOM: QT_TRANSLATE_NOOP("Labels", "Custom"),
}
_PHASES = {
    Phase.NORMAL: QT_TRANSLATE_NOOP("Labels", "On time"),
    Phase.WARNING: QT_TRANSLATE_NOOP("Labels", "Last %1 s"),
    Phase.OVERTIME: QT_TRANSLATE_NOOP("Labels", "OVERTIME"),
}
_STATUSES = {
    RowStatus.PENDING: QT_TRANSLATE_NOOP("Labels", "pending"),
    RowStatus.NEXT: QT_TRANSLATE_NOOP("Labels", "next"),
    RowStatus.CURRENT: QT_TRANSLATE_NOOP("Labels", "current"),
    RowStatus.DONE: QT_TRANSLATE_NOOP("Labels", "done"),
    RowStatus.SKIPPED: QT_TRANSLATE_NOOP("Labels", "skipped"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def kind_name(kind: SegmentKind) -> str:
    return _tr(_KINDS[kind])


def phase_name(phase: Phase, warning_seconds: int = 15) -> str:
    """'On time', 'Last 15 s' (the script's own warning time), 'OVERTIME'."""
    return _tr(_PHASES[phase]).replace("%1", str(warning_seconds))


def status_name(status: RowStatus) -> str:
    return _tr(_STATUSES[status])


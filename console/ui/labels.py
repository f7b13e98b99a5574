"""Translated names for the engine's states, in one place."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.engine.rundown import RowStatus
from console.engine.segment_timer import Phase
from console.kpi.model import SampleError
from console.script.model import SegmentKind

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
    Phase.WARNING: QT_TRANSLATE_NOOP("Labels", "Last seconds"),
    Phase.OVERTIME: QT_TRANSLATE_NOOP("Labels", "OVERTIME"),
}
_STATUSES = {
    RowStatus.PENDING: QT_TRANSLATE_NOOP("Labels", "pending"),
    RowStatus.NEXT: QT_TRANSLATE_NOOP("Labels", "next"),
    RowStatus.CURRENT: QT_TRANSLATE_NOOP("Labels", "current"),
    RowStatus.DONE: QT_TRANSLATE_NOOP("Labels", "done"),
    RowStatus.SKIPPED: QT_TRANSLATE_NOOP("Labels", "skipped"),
}


# A figure that could not be used (kpi.model.SampleError): its code, the words, and the
# parameters that fill %1, %2 … in order.
_SAMPLE_ERRORS = {
    "empty": (QT_TRANSLATE_NOOP("Labels", "no figures in the sample"), ()),
    "unknown_field": (QT_TRANSLATE_NOOP("Labels", "unknown field “%1”"), ("key",)),
    "not_number": (QT_TRANSLATE_NOOP("Labels", "%1: expected a number, got %2"), ("key", "value")),
    "implausible": (QT_TRANSLATE_NOOP("Labels", "%1: %2 is not a plausible figure (0 … %3)"),
                    ("key", "value", "max")),
    "not_a_number": (QT_TRANSLATE_NOOP("Labels", "“%1” is not a number"), ("text",)),
    "no_number": (QT_TRANSLATE_NOOP("Labels", "“%1” has no number after it"), ("word",)),
    "unknown_word": (QT_TRANSLATE_NOOP("Labels", "“%1” is not a figure the console knows "
                                                 "(try 在线, 进入, 成交, 订单, 成交人数, 点赞, 评论, "
                                                 "互动, 点击, 退款)"), ("word",)),
    "no_name": (QT_TRANSLATE_NOOP("Labels", "“%1” has no name before it (e.g. 在线 %1)"),
                ("number",)),
    "no_column": (QT_TRANSLATE_NOOP("Labels", "no known column in the header (%1)"), ("cells",)),
    "not_json": (QT_TRANSLATE_NOOP("Labels", "not JSON (%1)"), ("detail",)),
    "not_csv": (QT_TRANSLATE_NOOP("Labels", "not CSV (%1)"), ("detail",)),
    "not_object": (QT_TRANSLATE_NOOP("Labels", "each line must be a JSON object"), ()),
    "bad_time": (QT_TRANSLATE_NOOP("Labels", "time “%1” is not a date-time (2026-11-27 20:05:00)"),
                 ("text",)),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def kind_name(kind: SegmentKind) -> str:
    return _tr(_KINDS[kind])


def phase_name(phase: Phase) -> str:
    return _tr(_PHASES[phase])


def status_name(status: RowStatus) -> str:
    return _tr(_STATUSES[status])


def sample_error_text(error: SampleError) -> str:
    """Why a figure was not recorded, in the UI's language (English if the code is new)."""
    template, names = _SAMPLE_ERRORS.get(error.code, (None, ()))
    if template is None:
        return str(error)
    text = _tr(template)
    for n, name in enumerate(names, start=1):
        text = text.replace(f"%{n}", str(error.params.get(name, "")))
    return text

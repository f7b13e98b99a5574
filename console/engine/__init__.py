"""The show engine: plain Python, driven by an injectable clock (no Qt here)."""

from console.engine.autopilot import Autopilot
from console.engine.events import Event, EventKind
from console.engine.lottery import CueState, LotteryCue, LotterySchedule
from console.engine.runner import ActionRefused, ShowRunner, ShowState
from console.engine.segment_timer import Phase, SegmentRun

__all__ = ["ActionRefused", "Autopilot", "CueState", "Event", "EventKind", "LotteryCue",
           "LotterySchedule", "Phase", "SegmentRun", "ShowRunner", "ShowState"]

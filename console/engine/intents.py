"""What the operator asks of the show, as values: one small class per action.

Keys, menus, the prompt bar and tests build an intent; `perform()` applies it to
the runner. A typed value instead of a method name in a string: a misspelt
action fails where it is written, and a view can say what was done (the
header's "+15 s" / "undone") from the intent it sent.
"""

from __future__ import annotations

import dataclasses

from console.engine.events import Event, EventKind
from console.engine.runner import ShowRunner, ShowState


@dataclasses.dataclass(frozen=True)
class StartShow:
    # Must-fix wording hits the operator chose to go live with ("term @ where"); logged.
    acknowledged: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Next:
    pass


@dataclasses.dataclass(frozen=True)
class Previous:
    pass


@dataclasses.dataclass(frozen=True)
class Jump:
    index: int                      # 0-based segment index


@dataclasses.dataclass(frozen=True)
class RestartSegment:
    pass


@dataclasses.dataclass(frozen=True)
class UndoAdvance:
    pass


@dataclasses.dataclass(frozen=True)
class Extend:
    seconds: int                    # negative shortens


@dataclasses.dataclass(frozen=True)
class ToggleHold:
    pass


@dataclasses.dataclass(frozen=True)
class EndShow:
    reason: str = "operator"


@dataclasses.dataclass(frozen=True)
class FireLottery:
    pass


@dataclasses.dataclass(frozen=True)
class PostponeLottery:
    minutes: int


@dataclasses.dataclass(frozen=True)
class SkipLottery:
    reason: str


Intent = (StartShow | Next | Previous | Jump | RestartSegment | UndoAdvance | Extend | ToggleHold
          | EndShow | FireLottery | PostponeLottery | SkipLottery)


def perform(runner: ShowRunner, intent: Intent) -> Event:
    """Apply one intent; raises `ActionRefused` (with the reason) when it makes no sense now."""
    match intent:
        case StartShow(acknowledged):
            event = runner.start_show()
            if acknowledged:
                runner.annotate(EventKind.COMPLIANCE_ACKNOWLEDGED,
                                {"must_fix": len(acknowledged), "hits": list(acknowledged)})
            return event
        case Next():
            return runner.next()
        case Previous():
            return runner.previous()
        case Jump(index):
            return runner.jump(index)
        case RestartSegment():
            return runner.restart_segment()
        case UndoAdvance():
            return runner.undo_advance()
        case Extend(seconds):
            return runner.extend(seconds)
        case ToggleHold():
            return runner.resume_from_hold() if runner.state is ShowState.HOLD else runner.hold()
        case EndShow(reason):
            return runner.end_show(reason)
        case FireLottery():
            return runner.fire_lottery()
        case PostponeLottery(minutes):
            return runner.postpone_lottery(minutes)
        case SkipLottery(reason):
            return runner.skip_lottery(reason)
    raise TypeError(f"not an intent: {intent!r}")

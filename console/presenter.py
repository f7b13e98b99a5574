"""What the host's screen shows, decided without Qt.

`PresenterBoard` holds what the assistant pushed (a note, a crisis script) and
which takeover the host is looking at; `presenter_state()` turns the engine and
the board into the plain values a view paints. Esc on the operator side clears
the topmost takeover: crisis, then message, then the lottery banner.

A due cue whose own scripted lottery segment is coming up (within half an
interval, console/engine/lottery_segments.py) does not take over: the host is
told "lottery is the next segment" (`lottery_segment_title`) and carries on
with the segment on air until the lottery segment starts and fires the cue.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum

from console.crisis import CrisisScript
from console.engine.events import EventKind
from console.engine.lottery import CueState, LotteryCue
from console.engine.runner import ShowRunner, ShowState
from console.engine.segment_timer import Phase
from console.script.model import SegmentKind


class Takeover(str, enum.Enum):
    NONE = "none"
    LOTTERY = "lottery"
    MESSAGE = "message"
    CRISIS = "crisis"


@dataclasses.dataclass(frozen=True)
class Note:
    text: str
    sent_ms: int                     # show time
    segment_index: int | None        # the segment it was meant for


NOTE_HISTORY = 5


class PresenterBoard:
    def __init__(self, runner: ShowRunner, note_seconds: int = 0) -> None:
        self.runner = runner
        # A note is about the product on air ("是 9.9"): it leaves the host's screen when
        # the segment changes, or after `note_seconds` of show time (0: only then).
        self.note_seconds = note_seconds
        self.crisis: CrisisScript | None = None
        self.sent: list[Note] = []           # the last few notes, newest last
        self._note: Note | None = None
        # (cue, due time) banners the assistant cleared; a postponed cue shows again.
        self._lottery_hidden: set[tuple[int, int]] = set()

    def send_message(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        self.runner.annotate(EventKind.NOTE_SENT, {"text": text})
        self._note = Note(text, self.runner.now_ms(), self.runner.current_index)
        self.sent = [*self.sent, self._note][-NOTE_HISTORY:]

    def current_note(self) -> Note | None:
        """The note on the host's screen now; None once it has expired or was cleared."""
        note = self._note
        if note is None:
            return None
        moved_on = note.segment_index != self.runner.current_index
        too_old = self.note_seconds > 0 and \
            self.runner.now_ms() - note.sent_ms >= self.note_seconds * 1000
        if moved_on or too_old:
            self._note = None
        return self._note

    @property
    def message(self) -> str | None:
        note = self.current_note()
        return None if note is None else note.text

    def push_crisis(self, script: CrisisScript) -> None:
        self.runner.annotate(EventKind.CRISIS_PUSHED, {"script": script.id, "title": script.title})
        self.crisis = script

    def resolve_crisis(self, script: CrisisScript) -> None:
        self.runner.annotate(EventKind.CRISIS_RESOLVED, {"script": script.id, "title": script.title})
        if self.crisis is not None and self.crisis.id == script.id:
            self.crisis = None

    def due_cue(self) -> LotteryCue | None:
        """The first due cue whose banner is still meant for the host: not cleared by
        the assistant, and not waiting for its scripted lottery segment."""
        return next((c for c in self.runner.lottery.pending()
                     if (c.number, c.due_ms) not in self._lottery_hidden
                     and self.runner.lottery_segment_for(c) is None), None)

    def top(self) -> Takeover:
        if self.crisis is not None:
            return Takeover.CRISIS
        if self.message is not None:
            return Takeover.MESSAGE
        if self.due_cue() is not None:
            return Takeover.LOTTERY
        return Takeover.NONE

    def clear_top(self) -> Takeover:
        """Esc: take the topmost takeover off the host's screen; returns which."""
        top = self.top()
        if top is Takeover.NONE:
            return top
        details = {"takeover": top.value}
        if top is Takeover.CRISIS:
            assert self.crisis is not None               # what top() found
            details["script"] = self.crisis.id
            self.crisis = None
        elif top is Takeover.MESSAGE:
            self._note = None
        else:
            cue = self.due_cue()
            assert cue is not None                       # what top() found
            self._lottery_hidden.add((cue.number, cue.due_ms))
        self.runner.annotate(EventKind.PRESENTER_CLEARED, details)
        return top


@dataclasses.dataclass(frozen=True)
class PresenterState:
    live: bool
    phase: Phase | None
    remaining_ms: int | None
    kind: SegmentKind | None
    title: str
    sku_name: str
    live_price: float | None
    list_price: float | None
    link: int | None
    points: tuple[str, ...]          # selling points, or the host's talking points
    next_title: str
    next_kind: SegmentKind | None
    lottery_in_ms: int | None        # countdown to the next cue within its warning window
    lottery_number: int | None
    takeover: Takeover
    after_sku: bool                  # the due lottery waits for this pitch to end
    # The warning/due cue waits for the script's own lottery segment, coming up soon:
    # say "lottery is the next segment", not "lottery now" ("" when not). No countdown
    # here on purpose: these change only when the rundown moves, so the view's
    # repaint-on-change signature stays quiet between events.
    lottery_segment_title: str
    lottery_segment_is_next: bool    # it is the very next segment (else one or two later)
    message: str | None
    crisis: CrisisScript | None
    finished: bool
    held: bool = False               # the segment timer is on hold
    starts_in_ms: int | None = None  # before go-live: time to the script's planned start


def presenter_state(runner: ShowRunner, board: PresenterBoard) -> PresenterState:
    show = runner.show
    run = runner.current
    now = runner.now_ms()
    segment = show.segments[run.index] if run else None
    sku = show.sku(segment.sku_id) if segment else None
    following = show.segments[run.index + 1] if run and run.index + 1 < len(show.segments) else None
    next_title = ""
    next_kind = following.kind if following is not None else None
    if following is not None:
        next_sku = show.sku(following.sku_id)
        next_title = next_sku.name if next_sku else following.title
    lottery_in = lottery_number = None
    after_sku = False
    scripted = None
    if run is not None:
        cue = runner.next_lottery()
        if cue is not None and cue.state in (CueState.WARNING, CueState.DUE):
            lottery_in, lottery_number = cue.due_ms - now, cue.number
            after_sku = cue.waits_for(run.index)
            scripted = runner.lottery_segment_for(cue)
    points: tuple[str, ...] = ()
    if segment is not None:
        points = sku.selling_points if sku and sku.selling_points else segment.host
    return PresenterState(
        live=run is not None, phase=run.phase(now, runner.warning_ms) if run else None,
        remaining_ms=run.remaining_ms(now) if run else None,
        kind=segment.kind if segment else None, title=segment.title if segment else show.title,
        sku_name=sku.name if sku else "", live_price=sku.live_price if sku else None,
        list_price=sku.list_price if sku else None, link=sku.link if sku else None,
        points=points[:3], next_title=next_title, next_kind=next_kind,
        lottery_in_ms=lottery_in, lottery_number=lottery_number,
        takeover=board.top(), after_sku=after_sku,
        lottery_segment_title=show.segments[scripted].title if scripted is not None else "",
        lottery_segment_is_next=(scripted is not None and run is not None
                                 and scripted == run.index + 1),
        message=board.message, crisis=board.crisis,
        finished=runner.state is ShowState.FINISHED, held=runner.state is ShowState.HOLD,
        starts_in_ms=starts_in_ms(runner),
    )


def starts_in_ms(runner: ShowRunner) -> int | None:
    """Before go-live: time to the script's planned start (negative once it has passed)."""
    planned = runner.show.planned_start
    if runner.state is not ShowState.READY or planned is None:
        return None
    # A start written without a zone is the studio's local time (astimezone assumes so).
    planned_utc = planned.astimezone(dt.UTC)
    return round((planned_utc - runner.clock.utc_now()).total_seconds() * 1000)

"""A readable, line-per-event timeline of a show, for terminals and logs."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from console.engine.events import Event, EventKind
from console.engine.rundown import ClockReading
from console.kpi.derived import metric_value
from console.kpi.model import KpiModel
from console.script.model import Show
from console.timefmt import clock_text, countdown_text

if TYPE_CHECKING:
    from console.session import Session


def closing_figures(end_ms: int, planned_ms: int) -> str:
    """`1:12, plan 35:00, -33:48`: the difference is taken between the whole seconds
    shown, so the three figures add up on paper (not 33:47 from the raw milliseconds)."""
    end_s, planned_s = end_ms // 1000, planned_ms // 1000
    return (f"{clock_text(end_s * 1000)}, plan {clock_text(planned_s * 1000)}, "
            f"{clock_text((end_s - planned_s) * 1000, signed=True)}")


class TimelinePrinter:
    def __init__(self, show: Show, out: TextIO) -> None:
        self.show = show
        self.out = out

    def _line(self, show_ms: int, text: str) -> None:
        self.out.write(f"[{clock_text(show_ms):>7}] {text}\n")
        self.out.flush()

    def header(self, session: Session) -> None:
        show, runner = self.show, session.runner
        mode = f"rehearsal x{session.speed:g}" if runner.rehearsal else "LIVE"
        verb = "resuming" if session.resumption else "session"
        self.out.write(f"== {show.title} — {verb} #{session.id}, {mode}: {len(show.segments)} "
                       f"segments, planned {clock_text(show.planned_ms)}, lottery every "
                       f"{show.defaults.lottery_interval_minutes} min\n")
        self.out.flush()

    def footer(self, session: Session) -> None:
        runner = session.runner
        end = (runner.runs[-1].ended_ms if runner.runs else 0) or 0
        self.out.write(f"== ended ({runner.end_reason or 'not started'}) at "
                       f"{closing_figures(end, self.show.planned_ms)}; "
                       f"{runner.last_seq} events in session #{session.id}\n")
        self.out.flush()

    def status(self, reading: ClockReading) -> None:
        if reading.remaining_ms is None or reading.phase is None:     # no segment running
            return
        lottery = ""
        if reading.next_lottery is not None and reading.next_lottery_in_ms is not None:
            cue = reading.next_lottery
            lottery = (f" | Lottery #{cue.number} due" if reading.next_lottery_in_ms <= 0
                       else f" | Lottery #{cue.number} in {countdown_text(reading.next_lottery_in_ms)}")
        self._line(reading.show_ms,
                   f"   Row {countdown_text(reading.remaining_ms)} ({reading.phase.value}) | "
                   f"Show {clock_text(reading.show_ms)} | End {clock_text(reading.projected_end_show_ms)} "
                   f"({clock_text(reading.over_under_ms, signed=True)}){lottery}")

    def kpi_sources(self, kpi) -> None:
        feed = kpi.feed
        lines = [f"   rules: {kpi.rules_path}"]
        if kpi.simulator is not None:
            lines.append("   figures: simulator")
        for follower in feed.followers:
            lines.append(f"   figures: following {follower.path}")
        for source in feed.timed:
            if source is not kpi.simulator:
                lines.append(f"   figures: {source.source}")
        if feed.ingest is not None:
            lines.append(f"   figures: POST {feed.ingest.url}  token {feed.ingest.token}")
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()

    def figures(self, model: KpiModel, now_ms: int) -> None:
        parts = []
        for key, label in (("online", "online"), ("gmv", "GMV ¥"), ("orders", "orders")):
            value = model.value_at(key, now_ms)
            if value is not None:
                parts.append(f"{label} {value:,.0f}")
        conversion = metric_value(model, "conversion", now_ms)
        if conversion is not None:
            parts.append(f"conversion {conversion:.1%}")
        if parts:
            self._line(now_ms, "   " + " | ".join(parts))

    def event(self, event: Event) -> None:
        text = self._describe(event)
        if text:
            self._line(event.show_ms, text)

    def _describe(self, event: Event) -> str:
        d = event.details
        kind = event.kind
        if kind is EventKind.SEGMENT_STARTED:
            segment = self.show.segments[d["index"]]
            sku = self.show.sku(segment.sku_id)
            product = f"  [{sku.id} {sku.name} ¥{sku.live_price:g}]" if sku and \
                sku.live_price is not None else ""
            reason = "" if d["reason"] in ("start", "next", "auto") else f" ({d['reason']})"
            return (f">> {d['index'] + 1}/{len(self.show.segments)} {segment.kind.value} "
                    f"{segment.title} {clock_text(segment.duration_ms)}{reason}{product}")
        if kind is EventKind.LOTTERY_WARNING:
            return f"!  lottery #{d['cue']} in {clock_text(d['due_ms'] - event.show_ms)}"
        if kind is EventKind.LOTTERY_DUE:
            note = " — after this SKU" if d.get("after_sku") else ""
            if d.get("lottery_segment") is not None:        # it waits for the script's lottery
                index = d["lottery_segment"]
                title = self.show.segments[index].title
                note = f" — the scripted lottery is next: {index + 1} {title}"
            return f"!! lottery #{d['cue']} DUE{note}"
        if kind is EventKind.LOTTERY_MISSED:
            return f"!  lottery #{d['cue']} missed: {d['reason']}"
        if kind is EventKind.LOTTERY_REOPENED:
            return f"!  lottery #{d['cue']} reopened: the show left the closing"
        if kind is EventKind.LOTTERY_FIRED:
            return (f"** lottery #{d['cue']} fired by {d['by']} "
                    f"(delay {clock_text(d['delay_ms'], signed=True)})")
        if kind is EventKind.LOTTERY_POSTPONED:
            return f"!  lottery #{d['cue']} postponed {d['minutes']} min"
        if kind is EventKind.LOTTERY_SKIPPED:
            return f"!  lottery #{d['cue']} skipped: {d['reason']}"
        if kind is EventKind.SEGMENT_EXTENDED:
            return f"+  segment {d['index'] + 1} extended {d['seconds']:+d} s"
        if kind is EventKind.RESUMED:
            return (f"<> resumed at segment {(d['index'] or 0) + 1}, "
                    f"{clock_text(d['since_last_event_ms'])} after the last logged event")
        if kind is EventKind.ALERT_RAISED:
            hint = f" → crisis script: {d['suggest']}" if d.get("suggest") else ""
            title, message = d.get("title_en") or d["title"], d.get("message_en") or d["message"]
            return f"!! {d['colour'].upper()} alert: {title} — {message}{hint}"
        if kind is EventKind.ALERT_CLEARED:
            return f"-- {d['colour']} alert cleared: {d.get('title_en') or d['title']}"
        if kind in (EventKind.HOLD_STARTED, EventKind.HOLD_ENDED, EventKind.ADVANCE_UNDONE,
                    EventKind.SHOW_ENDED, EventKind.SHOW_STARTED):
            return f"-- {kind.value} {d.get('reason', '')}".rstrip()
        return ""

"""Stands in for the operator: advances at each planned end, fires each due lottery
(after the pitch it came due in, and never when the script's own lottery segment
for it is coming up: that segment fires it).

Used by the headless runner, rehearsals and benchmarks. It acts at the exact
show time a thing was due, not at the tick that noticed it, so late ticks and
stalls never push the rest of the show back; after a crash it catches up the
same way, dating each missed step at the moment it would have happened.
"""

from __future__ import annotations

from console.engine.runner import ShowRunner, ShowState

# When two things fall on the same millisecond: end the segment first (the next
# one may be the scripted lottery), then raise lottery states, then fire.
_ADVANCE, _LOTTERY, _FIRE = 0, 1, 2


class Autopilot:
    def __init__(self, runner: ShowRunner, end_with_script: bool = True) -> None:
        self.runner = runner
        self.end_with_script = end_with_script

    def run_until(self, until_ms: int | None = None) -> None:
        """Take every step due up to `until_ms` (default: now), in time order."""
        runner = self.runner
        until = runner.now_ms() if until_ms is None else until_ms
        while runner.state is ShowState.LIVE:
            step = self._next_step()
            if step is None or step[0] > until:
                break
            at, what, number = step
            if what == _ADVANCE:
                index = runner.current_index
                if index is not None and index + 1 < len(runner.show.segments):
                    runner.next(at_ms=at, reason="auto")
                else:
                    runner.end_show("script finished", at_ms=at)
            elif what == _LOTTERY:
                runner.poll(until_ms=at)
            else:
                runner.fire_lottery(number, at_ms=at, by="autopilot")

    def next_step_ms(self) -> int | None:
        """Show time of the next thing the autopilot will do (for sleeping until then)."""
        step = self._next_step()
        return None if step is None else step[0]

    def _next_step(self) -> tuple[int, int, int] | None:
        runner = self.runner
        run = runner.current
        if runner.state is not ShowState.LIVE or run is None:
            return None
        steps = []
        is_last = run.index + 1 >= len(runner.show.segments)
        if not is_last or self.end_with_script:
            steps.append((run.deadline_ms, _ADVANCE, 0))
        transition = runner.lottery.next_transition()
        if transition is not None:
            steps.append((transition.at_ms, _LOTTERY, transition.cue))
        for cue in runner.lottery.pending():
            at = max(cue.due_ms, run.started_ms, runner.last_event_ms)
            # An operator would not fire over the pitch that is running, nor just
            # before the script's own lottery for this cue: that segment fires it.
            if not cue.waits_for(run.index) and runner.lottery_segment_for(cue, at) is None:
                steps.append((at, _FIRE, cue.number))
        return min(steps) if steps else None

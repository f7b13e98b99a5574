"""The show's and the lottery's actions: keys to intents, questions to the prompt bar.

Reversible steps (next, extend, hold, fire the lottery) happen on one key.
Irreversible ones (go live, end, restart, skip a lottery) and the ones that need
a value (jump, postpone) ask in the prompt bar — never in a modal dialog — and
only a deliberate key answers (prompt_bar.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from console.engine.intents import (EndShow, Extend, FireLottery, Jump, Next, PostponeLottery,
                                    Previous, RestartSegment, SkipLottery, StartShow, ToggleHold,
                                    UndoAdvance)
from console.engine.lottery import LotteryCue
from console.engine.runner import ShowState
from console.text import translate
from console.ui.actions import ActionRegistry
from console.ui.labels import kind_name
from console.ui.prompt_bar import Choice, Prompt, PromptBar
from console.ui.show_controller import ShowController

POSTPONE_MINUTES = (("1", 1), ("2", 2), ("5", 5), ("0", 10))   # 0 is the key for 10
JUMP_CHOICES = 8


class ShowActions(QObject):
    def __init__(self, controller: ShowController, prompts: PromptBar,
                 registry: ActionRegistry) -> None:
        super().__init__(prompts)
        self.controller = controller
        self.runner = controller.runner
        self.prompts = prompts
        self._compliance_prompt: Prompt | None = None
        do = controller.do
        for name, handler in (
                ("next", lambda: do(Next())), ("previous", lambda: do(Previous())),
                ("undo", lambda: do(UndoAdvance())), ("extend15", lambda: do(Extend(15))),
                ("trim15", lambda: do(Extend(-15))), ("extend30", lambda: do(Extend(30))),
                ("hold", lambda: do(ToggleHold())), ("lottery_fired", lambda: do(FireLottery())),
                ("start", self.start_show), ("end", self.end_show),
                ("restart", self.restart_segment), ("jump", self.jump),
                ("lottery_postpone", self.postpone_lottery), ("lottery_skip", self.skip_lottery)):
            registry.register(name, handler)

    def _refuse(self, why: str) -> None:
        self.controller.refused.emit(why)

    def _on_air(self) -> bool:
        """A segment is running (live or on hold); otherwise say why nothing happens."""
        if self.runner.current is None:
            self._refuse(self.tr("the show is not running"))
            return False
        return True

    # -- the show ----------------------------------------------------------------------
    def start_show(self) -> None:
        if self.runner.state is not ShowState.READY:
            self._refuse(self.tr("the show is already running"))
            return
        title = self.runner.show.title
        question = (self.tr("Start the rehearsal of “%1”?") if self.runner.rehearsal
                    else self.tr("Go live with “%1” now?")).replace("%1", title)
        yes = self.tr("Start the rehearsal") if self.runner.rehearsal else self.tr("Go live")
        hits = self.controller.must_fix
        if hits and not self.runner.rehearsal:
            self._go_live_despite(hits)
            return
        self.prompts.confirm("start", question, lambda: self.controller.do(StartShow()), yes,
                             danger=False)

    def _go_live_despite(self, hits: list[str]) -> None:
        """Must-fix wording in the script: going live needs 1 then Enter (the S key again
        does not do it), and the choice is logged with the terms."""
        if self.prompts.current is not None and self.prompts.current is self._compliance_prompt:
            return                                   # S again: the question stays as it is
        shown = "；".join(hits[:3]) + ("…" if len(hits) > 3 else "")
        question = self.tr("The script has %1 must-fix wording problem(s) under the advertising "
                           "law: %2. Go live anyway?").replace("%1", str(len(hits))) \
            .replace("%2", shown)
        # Not a yes/no confirmation: no key answers it twice over, and it does not time out.
        self._compliance_prompt = Prompt(
            question, [Choice("1", self.tr("Go live anyway (this is logged)"), True)],
            lambda value, text: self.controller.do(StartShow(tuple(hits))) if value else None,
            hint=self.tr("1 then Enter goes live; Esc does not. Fix the words with console lint "
                         "or the show editor."),
            danger=True)
        self.prompts.ask(self._compliance_prompt)

    def end_show(self) -> None:
        if not self._on_air():
            return
        self.prompts.confirm("end", self.tr("End the show now? This closes the session."),
                             lambda: self.controller.do(EndShow()), self.tr("End the show"))

    def restart_segment(self) -> None:
        if not self._on_air():
            return
        run = self.runner.current
        assert run is not None                      # _on_air() said so
        title = self.runner.show.segments[run.index].title
        self.prompts.confirm("restart", self.tr("Restart “%1” from its full time?").replace("%1", title),
                             lambda: self.controller.do(RestartSegment()),
                             self.tr("Restart the segment"))

    def jump(self) -> None:
        if not self._on_air():
            return
        self.prompts.ask(Prompt(
            self.tr("Jump to which segment?"), [],
            lambda index, text: self.controller.do(Jump(index)),
            type_ahead=self._segments_matching))

    def _segments_matching(self, text: str) -> list[Choice]:
        show, current = self.runner.show, self.runner.current_index
        wanted = text.strip().casefold()
        found = []
        for index, segment in enumerate(show.segments):
            sku = show.sku(segment.sku_id)
            label = f"[{kind_name(segment.kind)}] {segment.title}"
            if index == current:
                label += self.tr(" (on air)")
            number = str(index + 1)
            haystack = " ".join((segment.title, kind_name(segment.kind), segment.sku_id or "",
                                 sku.name if sku else "")).casefold()
            if not wanted or (wanted.isdigit() and number.startswith(wanted)) or wanted in haystack:
                found.append((number != wanted, index, Choice(number, label, index)))
        if not wanted and current is not None:        # nothing typed: what comes next
            found = [f for f in found if f[1] > current] + [f for f in found if f[1] <= current]
            return [choice for _, _, choice in found[:JUMP_CHOICES]]
        return [choice for _, _, choice in sorted(found, key=lambda f: f[:2])[:JUMP_CHOICES]]

    # -- the lottery ----------------------------------------------------------------------
    def _open_cue(self) -> LotteryCue | None:
        """The cue a postpone or skip is about; None (said) when off air or none is left."""
        if not self._on_air():
            return None
        cue = self.runner.next_lottery()
        if cue is None:
            self._refuse(translate("Engine", "no lottery cue is left in this show"))
        return cue

    def postpone_lottery(self) -> None:
        cue = self._open_cue()
        if cue is None:
            return
        choices = [Choice(key, self.tr("%1 min").replace("%1", str(minutes)), minutes)
                   for key, minutes in POSTPONE_MINUTES]
        self.prompts.ask(Prompt(
            self.tr("Postpone lottery #%1 by how long?").replace("%1", str(cue.number)), choices,
            lambda minutes, text: self.controller.do(PostponeLottery(minutes))))

    def skip_reasons(self) -> list[str]:
        return [self.tr("platform throttling the room"), self.tr("host is changing"),
                self.tr("prizes not ready"), self.tr("too few viewers: keep it for the peak"),
                self.tr("merged with the scripted lottery")]

    def skip_lottery(self) -> None:
        cue = self._open_cue()
        if cue is None:
            return
        choices = [Choice(str(n), reason, reason)
                   for n, reason in enumerate(self.skip_reasons(), start=1)]

        def skip(reason, text: str) -> None:
            said = " — ".join(part for part in (reason, text) if part)
            self.controller.do(SkipLottery(said))

        self.prompts.ask(Prompt(
            self.tr("Skip lottery #%1? Say why (it goes into the review).")
                .replace("%1", str(cue.number)), choices, skip, free_text=True, danger=True))

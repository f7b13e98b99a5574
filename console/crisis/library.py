"""The crisis scripts a team can reach on air, and finding one in seconds."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

CATEGORIES = ("chat", "product", "price", "stock", "host", "technical", "platform", "traffic",
              "reputation")


@dataclasses.dataclass(frozen=True)
class CrisisScript:
    id: str
    title: str
    title_en: str = ""
    category: str = "chat"
    tags: tuple[str, ...] = ()
    level: int = 1                    # the seed's three-level response
    triggers: tuple[str, ...] = ()    # signs to recognise it
    host_lines: tuple[str, ...] = ()  # the host's first-minute lines, pushed to the presenter view
    checklist: tuple[str, ...] = ()   # the assistant's actions, in order
    never_say: tuple[str, ...] = ()
    escalate: str = ""                # when and whom to call
    source: str = "bundled"           # bundled / team

    def searchable(self) -> str:
        parts = (self.title, self.title_en, *self.tags, *self.triggers, *self.host_lines,
                 *self.checklist, *self.never_say, self.escalate, self.category)
        return "\n".join(parts).casefold()


class CrisisLibrary:
    """Bundled scripts with the team's scripts on top; a team copy shadows a bundled one."""

    def __init__(self, bundled: list[CrisisScript], team: Iterable[CrisisScript] = ()) -> None:
        self.bundled = list(bundled)
        self.team = list(team)

    @property
    def scripts(self) -> list[CrisisScript]:
        team_ids = {s.id for s in self.team}
        return [s for s in self.bundled if s.id not in team_ids] + self.team

    def get(self, script_id: str) -> CrisisScript | None:
        return next((s for s in self.scripts if s.id == script_id), None)

    def search(self, query: str) -> list[CrisisScript]:
        """Scripts matching every word of `query`: title hits first, then tags, then text."""
        words = query.casefold().split()
        if not words:
            return self.scripts
        ranked = []
        for position, script in enumerate(self.scripts):
            text = script.searchable()
            if not all(w in text for w in words):
                continue
            titles = f"{script.title}\n{script.title_en}".casefold()
            tags = "\n".join(script.tags).casefold()
            rank = 0 if all(w in titles for w in words) else 1 if all(
                w in titles or w in tags for w in words) else 2
            ranked.append((rank, position, script))
        return [script for *_, script in sorted(ranked, key=lambda r: r[:2])]

    def replace_team(self, team: list[CrisisScript]) -> None:
        self.team = list(team)

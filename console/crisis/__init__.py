"""Crisis scripts (危机预案): the bundled library plus the team's own (no Qt here)."""

from console.crisis.library import CATEGORIES, CrisisLibrary, CrisisScript
from console.crisis.store import TeamStore, read_scripts, write_scripts

__all__ = ["CATEGORIES", "CrisisLibrary", "CrisisScript", "TeamStore", "read_scripts",
           "write_scripts"]

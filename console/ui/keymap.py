"""The documented key map: one table drives the shortcuts (actions.py), the menus,
the help overlay and docs/keys.md.

Plain keys (letters, Space, arrows, + −) never fire while a text field or the
prompt bar has focus: typing a note or a search must not advance the show.
Keys with Ctrl or Alt, the F-keys and Esc work everywhere. Nothing that ends,
restarts or skips is done by one key: it opens the prompt bar, and only the
same key again (within a few seconds) or a choice confirmed with Enter does it.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication

from console.text import QT_TRANSLATE_NOOP


@dataclasses.dataclass(frozen=True)
class Binding:
    action: str
    keys: tuple[str, ...]
    label: str                # English source text; shown through translate("Keys", …)
    anywhere: bool = False    # also while typing in a text field
    numbered: bool = False    # one handler for all keys, told which (F6 → 6)

    def text(self) -> str:
        return QCoreApplication.translate("Keys", self.label)


BINDINGS = (
    Binding("next", ("Space", "Right"), QT_TRANSLATE_NOOP("Keys", "Next segment")),
    Binding("previous", ("Left",), QT_TRANSLATE_NOOP("Keys", "Previous segment (starts it again)")),
    Binding("undo", ("Ctrl+Z",), QT_TRANSLATE_NOOP("Keys", "Undo the last advance"), True),
    Binding("extend15", ("+", "="), QT_TRANSLATE_NOOP("Keys", "Extend this segment by 15 s")),
    Binding("trim15", ("-",), QT_TRANSLATE_NOOP("Keys", "Shorten this segment by 15 s")),
    Binding("extend30", ("Ctrl++", "Ctrl+="), QT_TRANSLATE_NOOP("Keys", "Extend by 30 s"), True),
    Binding("restart", ("R",), QT_TRANSLATE_NOOP(
        "Keys", "Restart this segment (press R again to confirm)")),
    Binding("jump", ("J",), QT_TRANSLATE_NOOP(
        "Keys", "Jump to a segment: type its number or name, Enter")),
    Binding("hold", ("H",), QT_TRANSLATE_NOOP("Keys", "Hold / resume the segment timer")),
    Binding("start", ("S",), QT_TRANSLATE_NOOP("Keys", "Start the show (press S again to confirm)")),
    Binding("end", ("Ctrl+E",), QT_TRANSLATE_NOOP(
        "Keys", "End the show (press Ctrl+E again to confirm)"), True),
    Binding("lottery_fired", ("L",), QT_TRANSLATE_NOOP("Keys", "Lottery fired")),
    Binding("lottery_postpone", ("P",), QT_TRANSLATE_NOOP(
        "Keys", "Postpone the lottery: 1/2/5/10 min")),
    Binding("lottery_skip", ("K",), QT_TRANSLATE_NOOP(
        "Keys", "Skip the lottery: choose a reason 1–5, Enter")),
    Binding("clear", ("Esc",), QT_TRANSLATE_NOOP(
        "Keys", "Close the prompt or leave a text field; otherwise clear the host's screen "
                "(crisis, then message, then lottery)"), True),
    Binding("note", ("N",), QT_TRANSLATE_NOOP("Keys", "Write a note to the host")),
    Binding("send_note", ("Ctrl+Return", "Ctrl+Enter"),
            QT_TRANSLATE_NOOP("Keys", "Send the note (the show keys come back)"), True),
    Binding("preset1", ("Alt+1",), QT_TRANSLATE_NOOP("Keys", "Send preset note 1 (wrap up)"), True),
    Binding("preset2", ("Alt+2",), QT_TRANSLATE_NOOP("Keys", "Send preset note 2 (read the comments)"), True),
    Binding("preset3", ("Alt+3",), QT_TRANSLATE_NOOP("Keys", "Send preset note 3 (say the link number)"), True),
    Binding("faq", tuple(f"Ctrl+{n}" for n in range(1, 6)),
            QT_TRANSLATE_NOOP("Keys", "Push FAQ answer 1–5 of this product to the host"), True, True),
    Binding("kpi_entry", ("Ctrl+K",), QT_TRANSLATE_NOOP("Keys", "Type figures from the data screen"), True),
    Binding("crisis_search", ("Ctrl+F",), QT_TRANSLATE_NOOP("Keys", "Search crisis scripts; Enter pushes"), True),
    Binding("crisis_favourites", tuple(f"F{n}" for n in range(1, 13)),
            QT_TRANSLATE_NOOP("Keys", "Push crisis favourite 1–12 to the host"), True, True),
    Binding("crisis_hold", tuple(f"Shift+F{n}" for n in range(1, 13)),
            QT_TRANSLATE_NOOP("Keys", "Push crisis favourite 1–12 and hold the timer"), True, True),
    Binding("crisis_resolved", ("Ctrl+D",), QT_TRANSLATE_NOOP("Keys", "Mark the crisis resolved"), True),
    Binding("presenter", ("Ctrl+P",), QT_TRANSLATE_NOOP("Keys", "Show / hide the presenter view"), True),
    Binding("presenter_fullscreen", ("Ctrl+Shift+F",),
            QT_TRANSLATE_NOOP("Keys", "Presenter view full screen on its monitor"), True),
    Binding("mirror", ("Ctrl+M",), QT_TRANSLATE_NOOP("Keys", "Mirror the presenter view"), True),
    Binding("new_session", ("Ctrl+Shift+N",), QT_TRANSLATE_NOOP(
        "Keys", "After a crash: start a new session instead of the resumed one (press again)"),
        True),
    Binding("edit_show", ("Ctrl+Shift+E",), QT_TRANSLATE_NOOP(
        "Keys", "Edit show… (script editor, its own window)"), True),
    Binding("quit", ("Ctrl+Q",), QT_TRANSLATE_NOOP(
        "Keys", "Close the console (while live: press Ctrl+Q again)"), True),
    Binding("help", ("?", "Ctrl+/"), QT_TRANSLATE_NOOP("Keys", "Show / hide this key map")),
)


def binding(action: str) -> Binding:
    return next(b for b in BINDINGS if b.action == action)

"""The inline prompt bar: every question the console asks on air, without a dialog.

A dialog would be modal: it swallows the F-keys (no crisis script while it is
open), and its default button answers to Space. The bar is a strip over the
bottom of the current segment that states the question and offers numbered
choices. Its rules:

- Enter confirms the highlighted choice; with none highlighted it cancels, so a
  stray Enter never does anything. Space never confirms (it types a space, or
  nothing). Esc cancels (the registry's Esc action calls `cancel()`).
- Digits highlight a choice (unless the prompt takes type-ahead, where digits are
  text: "12" finds segment 12). ↑/↓ move the highlight.
- A confirmation (end show, restart) is also confirmed by pressing its own key
  again while it is showing; it closes by itself after `CONFIRM_MS`.
- While it is open the keyboard focus is in its field, so plain show keys pause
  (the header says so) and every Ctrl-, Alt- and F-key keeps working.
- When it closes, the focus goes back to the show.

`Prompt` is the small protocol tests drive: `prompt_bar.current`, `press_digit()`,
`type_text()`, `enter()`, `cancel()` — or real key presses into `prompt_bar.field`.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from console.ui import theme
from console.ui.elided_label import ElidedLabel
from console.ui.keymap import binding

CONFIRM_MS = 5_000          # a confirmation waits this long for its second press
IDLE_MS = 30_000            # any other prompt closes after this long untouched


@dataclasses.dataclass(frozen=True)
class Choice:
    key: str                 # what the bar shows before it: "1", "2"… or a segment number
    text: str
    value: Any               # handed to the prompt's on_accept as it is


@dataclasses.dataclass
class Prompt:
    question: str
    choices: list[Choice]
    on_accept: Callable[[Any, str], object]        # (chosen value or None, typed text)
    hint: str = ""
    free_text: bool = False      # typed text alone is an answer (a skip reason)
    type_ahead: Callable[[str], list[Choice]] | None = None   # choices follow the text
    action: str = ""             # the key-map action whose second press confirms
    confirm: bool = False        # a yes/no question: closes itself after CONFIRM_MS
    danger: bool = False         # drawn in the overtime colour


class PromptBar(QFrame):
    def __init__(self, parent: QWidget, give_back_focus: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setObjectName("prompt-bar")
        self.give_back_focus = give_back_focus
        self.current: Prompt | None = None
        self.highlight: int | None = None
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.RichText)
        self.field = QLineEdit()
        self.field.setObjectName("prompt-field")
        self.field.textEdited.connect(self._on_text)
        self.field.installEventFilter(self)
        self.choices = QLabel()
        self.choices.setWordWrap(True)
        self.choices.setTextFormat(Qt.TextFormat.RichText)
        # One line of help, in full on hover: the bar stays low enough to leave the
        # segment's countdown in view on a 1366×768 screen.
        self.hint = ElidedLabel("", minimum_px=100)
        self.hint.setObjectName("dim")
        self.hint.setStyleSheet("font-size: 13px;")
        self.field.setFixedWidth(320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(2)
        layout.addWidget(self.question)
        layout.addWidget(self.choices)
        bottom = QHBoxLayout()
        bottom.addWidget(self.field)
        bottom.addWidget(self.hint, 1)
        layout.addLayout(bottom)
        self._expiry = QTimer(self)
        self._expiry.setObjectName("prompt-expiry")
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self.cancel)
        parent.installEventFilter(self)          # keep its place when the window resizes
        self.hide()

    # -- opening ---------------------------------------------------------------------
    def ask(self, prompt: Prompt) -> None:
        """Show `prompt`; one that is already open is replaced (cancelled)."""
        self.current = prompt
        self.highlight = None
        self.field.clear()
        # Always there and focused, read-only when nothing is to be typed: the keyboard is
        # in a text field, so the show's plain keys pause while the question is open.
        writable = prompt.free_text or prompt.type_ahead is not None
        self.field.setReadOnly(not writable)
        self.field.setPlaceholderText(self.tr("type here") if writable
                                      else self.tr("press a digit, then Enter"))
        self.question.setText(f"<b>{html.escape(prompt.question)}</b>")
        colour = theme.PHASE_COLOURS[theme.Phase.OVERTIME][0] if prompt.danger else theme.ACCENT
        self.setStyleSheet(f"#prompt-bar {{ background: {theme.PANEL_RAISED}; "
                           f"border: 3px solid {colour}; }} QLabel {{ font-size: 18px; "
                           f"background: transparent; }}")
        self.hint.setText(prompt.hint or self._default_hint(prompt))
        self._render_choices()
        self._place()
        self.show()
        self.raise_()
        self.field.setFocus()
        self._expiry.start(CONFIRM_MS if prompt.confirm else IDLE_MS)

    def confirm(self, action: str, question: str, on_yes: Callable[[], object], yes_text: str,
                danger: bool = True) -> None:
        """Ask a yes/no question that only a deliberate key answers: `action`'s own key
        again, or 1 then Enter. A second call for the same action while it shows is
        that second press."""
        if self.is_confirming(action):
            self.second_press(action)
            return
        self.ask(Prompt(question, [Choice("1", yes_text, True)],
                        lambda value, text: on_yes() if value else None,
                        action=action, confirm=True, danger=danger))

    @property
    def is_open(self) -> bool:
        return self.current is not None

    # -- answering -------------------------------------------------------------------
    def press_digit(self, digit: str) -> bool:
        prompt = self.current
        if prompt is None:
            return False
        for position, choice in enumerate(self._visible_choices()):
            if choice.key == digit:
                self.highlight = position
                self._render_choices()
                self._expiry.start(CONFIRM_MS if prompt.confirm else IDLE_MS)
                return True
        return False

    def step_highlight(self, step: int) -> None:
        choices = self._visible_choices()
        if not choices:
            return
        start = -1 if self.highlight is None and step > 0 else (self.highlight or 0)
        self.highlight = max(0, min(len(choices) - 1, start + step))
        self._render_choices()

    def type_text(self, text: str) -> None:
        self.field.setText(text)
        self._on_text(text)

    def enter(self) -> None:
        """Enter: the highlighted choice, or the typed reason; otherwise nothing (cancel)."""
        prompt = self.current
        if prompt is None:
            return
        choices = self._visible_choices()
        text = self.field.text().strip()
        if self.highlight is not None and self.highlight < len(choices):
            value = choices[self.highlight].value
            self._finish(lambda: prompt.on_accept(value, text))
        elif prompt.free_text and text:
            self._finish(lambda: prompt.on_accept(None, text))
        else:
            self.cancel()

    def is_confirming(self, action: str) -> bool:
        return self.current is not None and self.current.confirm and self.current.action == action

    def second_press(self, action: str) -> None:
        """A paused plain key: if it is the open confirmation's own key, it confirms."""
        if self.is_confirming(action):
            self.enter_choice(0)

    def enter_choice(self, position: int) -> None:
        self.highlight = position
        self.enter()

    def _is_own_key(self, event: QKeyEvent, prompt: Prompt) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(QKeySequence(key).matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                   for key in binding(prompt.action).keys)

    def cancel(self) -> None:
        if self.current is None:
            return
        self._close()

    def _finish(self, action: Callable[[], object]) -> None:
        self._close()
        action()

    def _close(self) -> None:
        self.current = None
        self.highlight = None
        self._expiry.stop()
        self.hide()
        self.give_back_focus()

    # -- keys in the field -------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget():
            if event.type() == QEvent.Type.Resize and self.isVisible():
                self._place()
            return super().eventFilter(watched, event)
        if watched is not self.field or event.type() != QEvent.Type.KeyPress or self.current is None:
            return super().eventFilter(watched, event)
        key_event = cast(QKeyEvent, event)        # a KeyPress; the stub says QEvent
        key, text = key_event.key(), key_event.text()
        if self.current.confirm and self._is_own_key(key_event, self.current):
            # A plain key (S, R) that reaches the field rather than its shortcut (platforms
            # differ): its second press. Ctrl keys (Ctrl+E) arrive through `confirm()`.
            self.second_press(self.current.action)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not key_event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.enter()
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step_highlight(-1 if key == Qt.Key.Key_Up else 1)
            return True
        if text.isdigit() and self.current.type_ahead is None and \
                not (self.current.free_text and self.field.text()):
            self.press_digit(text)
            return True
        return super().eventFilter(watched, event)

    def _on_text(self, text: str) -> None:
        prompt = self.current
        if prompt is None:
            return
        self._expiry.start(IDLE_MS)
        if prompt.type_ahead is not None:
            self.highlight = 0 if text.strip() and prompt.type_ahead(text) else None
        self._render_choices()

    # -- drawing -----------------------------------------------------------------------
    def _visible_choices(self) -> list[Choice]:
        prompt = self.current
        if prompt is None:
            return []
        if prompt.type_ahead is not None:
            return prompt.type_ahead(self.field.text())
        return prompt.choices

    def _render_choices(self) -> None:
        parts = []
        for position, choice in enumerate(self._visible_choices()):
            label = f"<b>{html.escape(choice.key)}</b>&nbsp;{html.escape(choice.text)}"
            if position == self.highlight:
                label = (f"<span style='background:{theme.ACCENT}; color:#000000'>"
                         f"&nbsp;▶ {label}&nbsp;</span>")
            parts.append(label)
        self.choices.setText("&nbsp;&nbsp;&nbsp; ".join(parts) or
                             html.escape(self.tr("(nothing matches)")))
        if self.isVisible():
            self._place()

    def _default_hint(self, prompt: Prompt) -> str:
        if prompt.confirm:
            return self.tr("Press the same key again, or 1 then Enter, to confirm. "
                           "Esc or waiting cancels. Space does nothing here.")
        if prompt.type_ahead is not None:
            return self.tr("Type a number or part of a name, ↑/↓ to choose, Enter to go, "
                           "Esc to cancel.")
        if prompt.free_text:
            return self.tr("Choose with a digit and/or type your own words, then Enter. "
                           "Enter with nothing chosen cancels; so does Esc.")
        return self.tr("Choose with a digit, then Enter. Enter with nothing chosen cancels; "
                       "so does Esc.")

    def _place(self) -> None:
        """Over the bottom of the parent (the segment's lines), never over the clock."""
        parent = self.parentWidget()
        assert parent is not None                   # made with one
        width = parent.width() - 16
        self.setFixedWidth(max(200, width))
        self.adjustSize()
        self.move(8, parent.height() - self.height() - 8)

"""The selected segment's lines (host, assistant, floor, cues, notes), one per line,
with every compliance hit underlined in the text and its suggestion on hover."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QFormLayout, QPlainTextEdit, QToolTip, QWidget

from console.compliance import Level, Matcher
from console.script.draft import Area, Draft
from console.ui.script_editor import marks_style
from console.ui.script_editor.checks import Marks

FIELDS = ("host", "assistant", "floor", "cues", "notes")


class HitHighlighter(QSyntaxHighlighter):
    def __init__(self, editor: QPlainTextEdit, matcher: Matcher | None) -> None:
        super().__init__(editor.document())
        self.matcher = matcher

    def highlightBlock(self, text: str) -> None:
        if self.matcher is None:
            return
        for hit in self.matcher.find(text):
            style = QTextCharFormat()
            style.setBackground(QColor(marks_style.HIT if hit.exemption is None else "#333"))
            style.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            style.setUnderlineColor(QColor("#d55e00" if hit.entry.severity is Level.MUST_FIX
                                           else "#e69f00"))
            self.setFormat(hit.start, hit.end - hit.start, style)


class LinesEdit(QPlainTextEdit):
    """Written to the draft when the keyboard leaves it; hits explained on hover."""

    committed = Signal()

    def __init__(self, matcher: Matcher | None) -> None:
        super().__init__()
        self.matcher = matcher
        self.highlighter = HitHighlighter(self, matcher)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self.document().isModified():
            self.committed.emit()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.matcher is not None:
            cursor = self.cursorForPosition(self.viewport().mapFromGlobal(event.globalPos()))
            block, column = cursor.block(), cursor.positionInBlock()
            for hit in self.matcher.find(block.text()):
                if hit.start <= column <= hit.end:
                    from console.ui.script_editor.checks import TextHit
                    QToolTip.showText(event.globalPos(), marks_style.hit_text(
                        TextHit((Area.SEGMENT, None, ""), block.text(), hit)), self)
                    return True
        return super().event(event)


class LinesPanel(QWidget):
    def __init__(self, draft: Callable[[], Draft], edited: Callable[[int], None],
                 matcher: Matcher | None) -> None:
        super().__init__()
        self._draft, self._edited = draft, edited
        self.row: int | None = None
        self.editors: dict[str, LinesEdit] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(2)
        labels = {"host": self.tr("Host lines"), "assistant": self.tr("Assistant"),
                  "floor": self.tr("Floor control"), "cues": self.tr("Cues"),
                  "notes": self.tr("Notes")}
        for name in FIELDS:
            editor = LinesEdit(matcher)
            editor.setPlaceholderText(self.tr("one per line"))
            editor.setMinimumHeight(36)
            editor.setMaximumHeight(64)
            editor.committed.connect(lambda n=name: self.commit(n))
            self.editors[name] = editor
            form.addRow(labels[name], editor)

    def show_row(self, row: int | None, marks: Marks) -> None:
        self.row = row
        segments = self._draft().show.segments
        valid = row is not None and 0 <= row < len(segments)
        for name, editor in self.editors.items():
            editor.setEnabled(valid)
            if not valid:
                editor.setPlainText("")
                continue
            assert row is not None
            value = getattr(segments[row], name)
            text = "\n".join(value) if isinstance(value, tuple) else value
            if editor.toPlainText() != text:
                editor.setPlainText(text)
            editor.document().setModified(False)
            key = (Area.SEGMENT, row, name)
            issues = marks.issues_at(key)
            editor.setToolTip(marks_style.tooltip(issues, marks.hits_at(key)))
            editor.setStyleSheet(marks_style.css(issues, []))

    def commit(self, name: str) -> None:
        if self.row is None:
            return
        text = self.editors[name].toPlainText()
        value: str | tuple[str, ...] = text.strip() if name == "notes" else tuple(text.splitlines())
        self.editors[name].document().setModified(False)
        if self._draft().set_segment(self.row, **{name: value}):
            self._edited(self.row)

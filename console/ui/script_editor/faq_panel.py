"""The selected SKU's FAQ, edited as text: a line "问：…" (or "Q: …") starts a question,
the next "答：…" (or "A: …") its answer; a line without either continues the one above.
A layout that does not read as question/answer pairs is shown as a problem and the text
stays as typed: it is written to the draft (Draft.set_sku, so undo/redo) only once it reads."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.compliance import Matcher
from console.script.draft import Area, Draft
from console.script.model import FaqEntry
from console.ui.script_editor import marks_style
from console.ui.script_editor.checks import Marks
from console.ui.script_editor.lines_panel import LinesEdit

_QUESTION = re.compile(r"^(?:问|問|Q)\s*[:：]\s*", re.IGNORECASE)
_ANSWER = re.compile(r"^(?:答|A)\s*[:：]\s*", re.IGNORECASE)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScriptEditor", text)


def format_faq(faq: tuple[FaqEntry, ...]) -> str:
    return "\n".join(f"问：{entry.question}\n答：{entry.answer}" for entry in faq)


def parse_faq(text: str) -> tuple[tuple[FaqEntry, ...], list[str]]:
    """The pairs the text holds, and its problems (each naming its line); with problems
    the pairs are not to be used."""
    pairs: list[list[str]] = []          # [question, answer]
    answered: list[bool] = []            # the pair had its answer line
    problems: list[str] = []
    part = ""                            # "q" / "a": what a plain line continues
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if (match := _QUESTION.match(line)) is not None:
            if pairs and part == "q":
                problems.append(_tr("Line %1: the question above has no answer (答：…)")
                                .replace("%1", str(number)))
            pairs.append([line[match.end():], ""])
            answered.append(False)
            part = "q"
        elif (match := _ANSWER.match(line)) is not None:
            if part != "q":
                problems.append(_tr("Line %1: an answer without its question (问：… first)")
                                .replace("%1", str(number)))
                continue
            pairs[-1][1] = line[match.end():]
            answered[-1] = True
            part = "a"
        elif part:
            index = 0 if part == "q" else 1
            pairs[-1][index] = f"{pairs[-1][index]}\n{line}".strip("\n")
        else:
            problems.append(_tr("Line %1: neither a question (问：…) nor an answer (答：…)")
                            .replace("%1", str(number)))
    if part == "q":
        problems.append(_tr("The last question has no answer (答：…)"))
    for question, answer in pairs:
        if not question.strip():
            problems.append(_tr("A question is empty (its answer: %1)").replace("%1", answer))
    for question, answer in (pair for pair, done in zip(pairs, answered) if done):
        if question.strip() and not answer.strip():
            problems.append(_tr("“%1” has an empty answer").replace("%1", question))
    return tuple(FaqEntry(q.strip(), a.strip()) for q, a in pairs), problems


class FaqPanel(QWidget):
    def __init__(self, draft: Callable[[], Draft], edited: Callable[[int], None],
                 matcher: Matcher | None) -> None:
        super().__init__()
        self._draft, self._edited = draft, edited
        self.row: int | None = None
        self.pending = False                 # the box holds text that does not read yet
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.title = QLabel()
        self.editor = LinesEdit(matcher)
        self.editor.setPlaceholderText(self.tr("问：… on one line, 答：… on the next (or Q: / A:)"))
        self.editor.setMinimumHeight(60)
        self.editor.committed.connect(self.commit)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"background: {marks_style.ERROR}; color: white;")
        self.problems.hide()
        layout.addWidget(self.title)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.problems)

    def show_row(self, row: int | None, marks: Marks) -> None:
        skus = self._draft().show.skus
        valid = row is not None and 0 <= row < len(skus)
        if row != self.row:
            self.pending = False
        self.row = row if valid else None
        self.editor.setEnabled(valid)
        if not valid:
            self.title.setText(self.tr("FAQ (select a SKU)"))
            self.editor.setPlainText("")
            self._problems([])
            return
        assert row is not None
        self.title.setText(self.tr("FAQ of %1").replace("%1", skus[row].id))
        if not self.pending:
            text = format_faq(skus[row].faq)
            if self.editor.toPlainText() != text:
                self.editor.setPlainText(text)
            self.editor.document().setModified(False)
            self._problems([])
        key = (Area.SKU, row, "faq")
        issues = marks.issues_at(key)
        self.editor.setToolTip(marks_style.tooltip(issues, marks.hits_at(key)))
        self.editor.setStyleSheet(marks_style.css(issues, []))

    def _problems(self, problems: list[str]) -> None:
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))

    def commit(self) -> None:
        if self.row is None:
            return
        faq, problems = parse_faq(self.editor.toPlainText())
        self.editor.document().setModified(False)
        self._problems(problems)
        self.pending = bool(problems)
        if problems:
            return
        if self._draft().set_sku(self.row, faq=faq):
            self._edited(self.row)
        else:                                    # the same pairs: shown the usual way
            self.editor.setPlainText(format_faq(faq))
            self.editor.document().setModified(False)

"""One table row → a draft segment (and the SKU it names), every problem kept."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from console.script.importers.cells import (CellError, cell_text, lines, normal, parse_duration,
                                            parse_number, parse_span, parse_whole, parse_clock,
                                            split_link)
from console.script.importers.mapping import ColumnMapping
from console.script.importers.reader import Problem
from console.script.model import FaqEntry, SegmentKind
from console.text import translate

# Words that give a row its kind, looked for in the 环节 cell (then, for a row with no
# product, in its cues). The first kind whose word appears wins, in this order.
KIND_WORDS: tuple[tuple[SegmentKind, tuple[str, ...]], ...] = (
    (SegmentKind.LOTTERY, ("抽奖", "抽獎", "福袋", "红包", "紅包", "lottery", "giveaway", "raffle")),
    (SegmentKind.FLASH_SALE, ("秒杀", "秒殺", "限时抢", "限時搶", "flash")),
    (SegmentKind.COUPON, ("优惠券", "優惠券", "发券", "發券", "coupon")),
    (SegmentKind.OPENING, ("开场", "開場", "暖场", "暖場", "预热", "預熱", "opening", "warm-up",
                           "warm up", "warmup", "intro")),
    (SegmentKind.CLOSING, ("收尾", "下播", "结束", "結束", "closing", "wrap-up", "wrap up",
                           "outro")),
    (SegmentKind.INTERACTION, ("互动", "互動", "问答", "問答", "猜价", "猜價", "点赞", "點讚",
                               "interaction", "q&a")),
)
KIND_LABELS = {
    "开场": SegmentKind.OPENING, "单品": SegmentKind.SKU, "讲解": SegmentKind.SKU,
    "抽奖": SegmentKind.LOTTERY, "互动": SegmentKind.INTERACTION, "秒杀": SegmentKind.FLASH_SALE,
    "优惠券": SegmentKind.COUPON, "收尾": SegmentKind.CLOSING, "自定义": SegmentKind.CUSTOM,
}
_LINE_FIELDS = ("host", "assistant", "floor", "cues", "selling_points", "scenes")
_TEXT_FIELDS = ("segment", "product", "owner", "notes", "compliance")
_QUESTION = re.compile(r"^(?:问|問|Q)\s*[:：]\s*", re.IGNORECASE)
_ANSWER = re.compile(r"^(?:答|A)\s*[:：]\s*", re.IGNORECASE)


def kind_from_words(text: str) -> SegmentKind | None:
    lowered = normal(text).lower()
    for kind, words in KIND_WORDS:
        if any(word in lowered for word in words):
            return kind
    return None


def kind_from_cell(text: str) -> SegmentKind | None:
    """A kind column: the script's own names (sku, lottery …), Chinese labels, or words."""
    key = normal(text).lower()
    try:
        return SegmentKind(key)
    except ValueError:
        pass
    return KIND_LABELS.get(key) or kind_from_words(key) or (
        SegmentKind.SKU if key in ("单品讲解", "單品講解", "product", "pitch") else None)


@dataclasses.dataclass
class Draft:
    """What one row says, read but not yet put together with its neighbours."""

    row: int
    seg_id: str = ""
    kind: SegmentKind | None = None          # from a kind column
    segment: str = ""
    segment_filled: bool = False             # 环节 came from a merged cell above
    product: str = ""
    sku_id: str = ""
    link: int | None = None
    list_price: float | None = None
    live_price: float | None = None
    stock: int | None = None
    selling_points: tuple[str, ...] = ()
    scenes: tuple[str, ...] = ()
    faq: tuple[FaqEntry, ...] = ()
    compliance: str = ""
    host: tuple[str, ...] = ()
    assistant: tuple[str, ...] = ()
    floor: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    owner: str = ""
    notes: str = ""
    duration: int | None = None
    start: int | None = None
    end: int | None = None
    problems: list[Problem] = dataclasses.field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(p.error for p in self.problems)

    def kind_guess(self) -> SegmentKind:
        """Its kind: a kind column, else its 环节 words, else SKU for a product, else
        the words of its cues, else custom."""
        if self.kind is not None:
            return self.kind
        words = kind_from_words(self.segment)
        if words is not None:
            return words
        if self.product or self.sku_id:
            return SegmentKind.SKU
        return kind_from_words(" ".join(self.cues)) or SegmentKind.CUSTOM


def column_name(mapping: ColumnMapping, index: int) -> str:
    from openpyxl.utils import get_column_letter
    header = mapping.headers[index] if index < len(mapping.headers) else ""
    return header.replace("\n", " ") or get_column_letter(index + 1)


def read_row(sheet: str, row: int, cells: Sequence[Any], mapping: ColumnMapping,
             filled: frozenset[int] = frozenset()) -> Draft | None:
    """The draft of one row; None for a blank row (a spacer). Never raises."""
    if not any(cell_text(c) for c in cells):
        return None
    draft = Draft(row)
    texts: dict[str, list[str]] = {}
    for index, value in enumerate(cells):
        field = mapping.fields[index] if index < len(mapping.fields) else None
        if field is None or value is None or not cell_text(value):
            continue
        try:
            _read_field(draft, field, value, mapping.units[index] if index < len(mapping.units)
                        else 1, index in filled, texts)
        except CellError as exc:
            draft.problems.append(Problem(str(exc), sheet, row, column_name(mapping, index),
                                          error=not isinstance(exc, _Note)))
        except (ValueError, TypeError, OverflowError, ArithmeticError) as exc:
            draft.problems.append(Problem(translate("Import", "cannot be read: {reason}").format(
                reason=type(exc).__name__), sheet, row, column_name(mapping, index)))
    for field, parts in texts.items():
        setattr(draft, field, "\n".join(parts))
    if draft.kind is None and not any(
            (draft.segment, draft.product, draft.sku_id, draft.host, draft.assistant, draft.floor,
             draft.cues, draft.notes, draft.duration, draft.start is not None, draft.seg_id,
             draft.owner)) and not draft.problems:
        draft.problems.append(Problem(translate(
            "Import", "nothing in the columns the importer reads; row skipped"), sheet, row))
    return draft


def _read_field(draft: Draft, field: str, value: Any, unit: int, filled: bool,
                texts: dict[str, list[str]]) -> None:
    if field in _LINE_FIELDS:
        setattr(draft, field, getattr(draft, field) + lines(value))
    elif field in _TEXT_FIELDS:
        text = cell_text(value)
        if field == "segment" and not texts.get("segment"):
            draft.segment_filled = filled
        if field == "product" and draft.link is None:
            text, link = split_link(text)
            draft.link = link
        texts.setdefault(field, []).append(text)
    elif field == "id":
        draft.seg_id = draft.seg_id or cell_text(value)
    elif field == "sku_id":
        draft.sku_id = draft.sku_id or cell_text(value)
    elif field == "kind":
        kind = kind_from_cell(cell_text(value))
        if kind is None:
            raise CellError(translate("Import", "“{value}” is not a kind; it is read from the "
                                      "segment's words").format(value=cell_text(value)[:40]))
        draft.kind = kind
    elif field == "duration":
        seconds, note = parse_duration(value, unit)
        draft.duration = draft.duration or seconds
        if note:
            raise _Note(note)
    elif field == "time":
        span = parse_span(value)
        if span is not None:
            draft.start, draft.end = span[0], span[1] if span[1] is not None else draft.end
    elif field == "start":
        draft.start = parse_clock(value)
    elif field == "end":
        draft.end = parse_clock(value)
    elif field == "link":
        draft.link = parse_whole(value)
    elif field in ("list_price", "live_price"):
        price = parse_number(value)
        if price is not None and price < 0:
            raise CellError(translate("Import", "a price must not be negative"))
        setattr(draft, field, price)
    elif field == "stock":
        stock = parse_whole(value)
        if stock is not None and stock < 0:
            raise CellError(translate("Import", "stock must not be negative"))
        draft.stock = stock
    elif field == "faq":
        draft.faq += parse_faq(cell_text(value))


class _Note(CellError):
    """A reading that was a guess: said in the report as a note, not an error."""


def parse_faq(text: str) -> tuple[FaqEntry, ...]:
    """"问：… / 答：…" lines (or Q: / A:) → question-answer pairs."""
    entries: list[list[str]] = []
    part = ""
    for line in text.splitlines():
        if _QUESTION.match(line):
            entries.append([_QUESTION.sub("", line, count=1), ""])
            part = "q"
        elif _ANSWER.match(line) and entries:
            entries[-1][1] = _ANSWER.sub("", line, count=1)
            part = "a"
        elif entries and line.strip():
            entries[-1][1 if part == "a" else 0] += "\n" + line
        elif line.strip():
            raise CellError(translate("Import", "questions are written as lines 问：… and 答：…"))
    return tuple(FaqEntry(q.strip(), a.strip()) for q, a in entries)


def faq_text(faq: Sequence[FaqEntry]) -> str:
    return "\n".join(f"问：{e.question}\n答：{e.answer}" for e in faq)

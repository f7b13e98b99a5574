"""Which column holds what: header synonyms, the header row, the column → field
mapping, and the mappings remembered for the next file with the same headers."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from console.script.importers.cells import cell_text

MAPPINGS_FILENAME = "import-mappings.json"
HEADER_SEARCH_ROWS = 50        # the header row is looked for among the first rows only

# Fields a column can feed. Segment rows and the SKU sheet share them.
FIELDS: dict[str, str] = {
    "id": "segment id",
    "kind": "segment kind",
    "segment": "segment (环节): title, and its kind from its words",
    "time": "time or time span (20:00-20:03)",
    "start": "start time",
    "end": "end time",
    "duration": "duration",
    "product": "product (SKU name)",
    "sku_id": "SKU id",
    "link": "link number (链接号)",
    "list_price": "list price",
    "live_price": "live price (到手价)",
    "stock": "stock",
    "selling_points": "selling points",
    "scenes": "usage scenes",
    "faq": "questions and answers",
    "compliance": "compliance notes",
    "host": "host lines (主播 / 话术)",
    "assistant": "assistant lines (助播)",
    "floor": "floor-control actions (场控)",
    "cues": "cues, offers and interaction (福利/互动)",
    "owner": "person responsible (负责人)",
    "notes": "notes (备注/画面)",
}
IGNORE = "ignore"

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("id", "segmentid", "环节id", "编号", "序号", "no", "#"),
    "kind": ("kind", "type", "类型", "類型", "环节类型"),
    "segment": ("环节", "環節", "流程", "模块", "模塊", "环节名称", "内容", "segment", "section",
                "block", "title", "stage", "part", "环节内容"),
    "time": ("时间", "時間", "时间段", "時間段", "时段", "time", "timeslot", "slot", "时间节点"),
    "start": ("开始时间", "開始時間", "开始", "开始时刻", "start", "starttime", "from", "begin"),
    "end": ("结束时间", "結束時間", "结束", "end", "endtime", "to", "until"),
    "duration": ("时长", "時長", "讲解时长", "講解時長", "时长秒", "持续时间", "用时", "duration",
                 "length", "secs", "seconds", "mins", "minutes"),
    "product": ("商品", "产品", "產品", "商品名称", "产品名称", "品名", "sku", "product", "item",
                "goods", "productname", "skuname", "name", "名称", "商品名"),
    "sku_id": ("skuid", "商品id", "商品编号", "货号", "productid", "itemid"),
    "link": ("链接号", "鏈接號", "链接", "鏈接", "上架链接", "购物车链接", "link", "linkno",
             "linknumber", "cartlink"),
    "list_price": ("原价", "原價", "日常价", "划线价", "吊牌价", "价格", "售价", "listprice",
                   "price", "regularprice", "rrp"),
    "live_price": ("到手价", "到手價", "直播价", "直播價", "活动价", "秒杀价", "livePrice".lower(),
                   "liveprice", "dealprice", "offerprice", "saleprice"),
    "stock": ("库存", "庫存", "stock", "inventory", "数量"),
    "selling_points": ("卖点", "賣點", "核心卖点", "核心賣點", "产品卖点", "卖点提炼",
                       "sellingpoints", "sellingpoint", "highlights", "keypoints", "usp"),
    "scenes": ("场景", "場景", "使用场景", "scenes", "usage", "usagescenes"),
    "faq": ("常见问题", "常見問題", "问答", "faq", "qa", "questions"),
    "compliance": ("合规", "合規", "合规提示", "合规备注", "compliance", "disclaimer"),
    "host": ("话术", "話術", "话术要点", "話術要點", "口播", "主播话术", "讲解话术", "主播",
             "script", "talkingpoints", "talkingpoint", "talktrack", "pitch", "host", "hostlines",
             "lines"),
    "assistant": ("助播", "助理", "副播", "助播话术", "assistant", "cohost", "assistantlines"),
    "floor": ("场控", "場控", "场控动作", "場控動作", "中控", "运营动作", "floor",
              "floorcontrol", "operator", "floorlines", "actions"),
    "cues": ("福利", "互动", "互動", "优惠", "優惠", "机制", "機制", "福利机制", "福利互动",
             "福利/互动", "优惠机制", "提示", "cues", "cue", "offer", "offers", "promotion",
             "benefit", "deal", "interaction", "giveaway"),
    "owner": ("负责人", "負責人", "owner", "responsible", "人员", "person"),
    "notes": ("备注", "備註", "画面", "畫面", "说明", "notes", "note", "remark", "remarks",
              "comment", "comments", "visual", "visuals", "camera"),
}
SYNONYMS: dict[str, str] = {word: field for field, words in _SYNONYMS.items() for word in words}
_PUNCT = re.compile(r"[\s()（）\[\]【】{}<>《》:：,，.。、;；'\"“”‘’!！?？*_\-—–~～]+")
_PARTS = re.compile(r"[\s/|\\()（）\[\]【】,，、;；:：+&]+")
_MINUTES = re.compile(r"分钟|分鐘|\(分\)|（分）|\bmin|minutes", re.IGNORECASE)


def normalise(header: Any) -> str:
    """A header as the synonym table spells it: NFKC, lower case, no spaces or punctuation."""
    text = unicodedata.normalize("NFKC", cell_text(header)).lower()
    return _PUNCT.sub("", text)


def field_of(header: Any) -> str | None:
    """The field a header names: the whole header, else its first part that is known
    ("时长(秒)" → 时长, "环节 Segment" → 环节, "福利/互动" → 福利)."""
    whole = normalise(header)
    if not whole:
        return None
    if whole in SYNONYMS:
        return SYNONYMS[whole]
    text = unicodedata.normalize("NFKC", cell_text(header)).lower()
    for part in _PARTS.split(text):
        key = _PUNCT.sub("", part)
        if key in SYNONYMS:
            return SYNONYMS[key]
    return None


def unit_of(header: Any) -> int:
    """Seconds in one unit of a bare number in this column: 60 when it says minutes."""
    return 60 if _MINUTES.search(unicodedata.normalize("NFKC", cell_text(header))) else 1


def find_header_row(rows: Sequence[Sequence[Any]]) -> int | None:
    """Index of the header row: the first row (among the first 50) where at least two
    cells name known columns and they are at least half of its filled cells."""
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        filled = [c for c in cells if cell_text(c)]
        known = {field_of(c) for c in filled} - {None}
        recognised = sum(1 for c in filled if field_of(c))
        if len(known) >= 2 and recognised * 2 >= len(filled):
            return index
    return None


@dataclasses.dataclass
class ColumnMapping:
    """The header row and the field each column feeds (None: not read)."""

    headers: tuple[str, ...]
    fields: list[str | None]
    units: list[int]

    @classmethod
    def auto(cls, headers: Sequence[Any]) -> ColumnMapping:
        texts = tuple(cell_text(h) for h in headers)
        return cls(texts, [field_of(h) for h in texts], [unit_of(h) for h in texts])

    @property
    def key(self) -> str:
        return key_of(self.headers)

    def column(self, name: str) -> int | None:
        """A column by its header text (as written or normalised) or its letter (A, B …)."""
        for index, header in enumerate(self.headers):
            if header == name or (normalise(name) and normalise(header) == normalise(name)):
                return index
        if re.fullmatch(r"[A-Za-z]{1,2}", name):
            from openpyxl.utils import column_index_from_string
            index = column_index_from_string(name.upper()) - 1
            if index < len(self.headers):
                return index
        return None

    def set(self, column: int, field: str | None) -> None:
        while len(self.fields) <= column:
            self.fields.append(None)
            self.units.append(1)
        self.fields[column] = None if field in (None, IGNORE, "-") else field

    def unknown(self) -> list[tuple[int, str]]:
        """Columns with a header the importer does not understand (and no field given)."""
        return [(i, h) for i, h in enumerate(self.headers)
                if h and (i >= len(self.fields) or self.fields[i] is None)]

    def as_json(self) -> dict:
        return {"headers": list(self.headers), "fields": list(self.fields),
                "units": list(self.units)}


def key_of(headers: Sequence[Any]) -> str:
    """Remembered mappings are keyed by the normalised header tuple."""
    return "\x1f".join(normalise(h) for h in headers).rstrip("\x1f")


class MappingMemory:
    """Mappings chosen before, in `import-mappings.json` in the data folder. A file that
    cannot be read is treated as empty (and rewritten on the next remember)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def _load(self) -> dict:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data.get("mappings", {}) if isinstance(data, dict) and isinstance(
            data.get("mappings"), dict) else {}

    def recall(self, headers: Sequence[Any]) -> ColumnMapping | None:
        entry = self._load().get(key_of(headers))
        if not isinstance(entry, dict):
            return None
        fields = entry.get("fields")
        units = entry.get("units")
        texts = tuple(cell_text(h) for h in headers)
        if not (isinstance(fields, list) and len(fields) == len(texts)
                and all(f is None or f in FIELDS for f in fields)):
            return None
        if not (isinstance(units, list) and len(units) == len(texts)
                and all(u in (1, 60) for u in units)):
            units = [unit_of(h) for h in texts]
        return ColumnMapping(texts, list(fields), list(units))

    def remember(self, mapping: ColumnMapping) -> None:
        if self.path is None:
            return
        mappings = self._load()
        mappings[mapping.key] = mapping.as_json()
        text = json.dumps({"version": 1, "mappings": mappings}, ensure_ascii=False, indent=1)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(text, "utf-8")
        os.replace(temporary, self.path)

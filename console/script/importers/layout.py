"""The show header block above an exported table — one `label | value` pair per row —
and the labels the importer recognises there (also in teams' own sheets:
"平台：抖音" in one cell, or 平台 | 抖音 in two)."""

from __future__ import annotations

import unicodedata

from console.script.importers.cells import cell_text

# key → the label the export writes (Chinese first, English after it).
BLOCK_LABELS: dict[str, str] = {
    "platform": "平台 Platform",
    "hosts": "主播名单 Hosts",
    "assistants": "助播名单 Assistants",
    "planned_start": "开播时间 Planned start",
    "planned_total": "计划总时长 Planned total",
    "gmv": "目标GMV Target GMV",
    "orders": "目标订单 Target orders",
    "peak_online": "目标峰值在线 Target peak online",
    "conversion": "目标转化率 Target conversion",
    "notes": "节目备注 Show notes",
    "sku_seconds": "单品时长(秒) SKU seconds",
    "lottery_interval_minutes": "抽奖间隔(分钟) Lottery interval minutes",
    "warning_seconds": "提醒(秒) Warning seconds",
    "lottery_warning_seconds": "抽奖提醒(秒) Lottery warning seconds",
}
_EXTRA = {
    "platform": ("平台", "直播平台", "platform", "平台platform"),
    "hosts": ("主播名单", "hosts", "主播们"),
    "assistants": ("助播名单", "assistants"),
    "planned_start": ("开播时间", "直播时间", "plannedstart", "date", "日期", "开播日期"),
    "notes": ("节目备注", "shownotes"),
    "gmv": ("目标gmv", "targetgmv", "gmv目标"),
    "orders": ("目标订单", "targetorders"),
    "peak_online": ("目标峰值在线", "targetpeakonline"),
    "conversion": ("目标转化率", "targetconversion"),
}


def _key(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).lower()
                   if ch.isalnum())


LABEL_KEYS: dict[str, str] = {_key(label): key for key, label in BLOCK_LABELS.items()}
for _field, _words in _EXTRA.items():
    for _word in _words:
        LABEL_KEYS.setdefault(_key(_word), _field)


def block_key(label) -> str | None:
    return LABEL_KEYS.get(_key(cell_text(label))) if cell_text(label) else None


def block_pairs(cells: list) -> list[tuple[str, object]]:
    """(key, value) pairs in one row above the table."""
    pairs = []
    index = 0
    while index < len(cells):
        text = cell_text(cells[index])
        key = block_key(text) if text else None
        if key and index + 1 < len(cells) and cells[index + 1] is not None:
            pairs.append((key, cells[index + 1]))
            index += 2
            continue
        for sep in ("：", ":"):
            if text and sep in text:
                label, _, value = text.partition(sep)
                key = block_key(label)
                if key and value.strip():
                    pairs.append((key, value.strip()))
                    break
        index += 1
    return pairs

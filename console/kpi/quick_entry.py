"""The assistant's quick entry: `在线 8200 成交 3.56万 订单 412` → figures.

Words are the data screen's names or short forms (在线, 成交, 订单, 点赞 …) or
English ones; numbers may carry 万/w, k, thousands separators or ¥. Every
figure must follow a word; anything unreadable is named in the error.
"""

from __future__ import annotations

import re

from console.kpi.fields import field_for
from console.kpi.model import SampleError, check_values
from console.text import QT_TRANSLATE_NOOP

_TOKEN = re.compile(r"([^\d\s¥￥.,，:：=]+)|([¥￥]?\d[\d,，]*(?:\.\d+)?\s*(?:万|w|W|k|K)?)")
_MULTIPLIERS = {"万": 10_000, "w": 10_000, "W": 10_000, "k": 1_000, "K": 1_000}


def parse_number(text: str) -> float:
    original = text
    text = text.strip().lstrip("¥￥").replace(",", "").replace("，", "")
    multiplier = 1
    if text and text[-1] in _MULTIPLIERS:
        multiplier = _MULTIPLIERS[text[-1]]
        text = text[:-1].strip()
    try:
        return float(text) * multiplier
    except ValueError:
        raise SampleError(QT_TRANSLATE_NOOP("Samples", "“{text}” is not a number"),
                          text=f"{original:.30}") from None


def parse_quick_entry(text: str) -> dict[str, float]:
    values: dict[str, float] = {}
    pending: str | None = None
    pending_word = ""
    for word, number in _TOKEN.findall(text):
        if word:
            if pending is not None:
                raise SampleError(QT_TRANSLATE_NOOP("Samples", "“{word}” has no number after it"),
                                  word=pending_word)
            key = field_for(word)
            if key is None:
                raise SampleError(QT_TRANSLATE_NOOP(
                    "Samples", "“{word}” is not a figure the console knows (try 在线, 进入, "
                    "成交, 订单, 成交人数, 点赞, 评论, 互动, 点击, 退款)"), word=word)
            pending, pending_word = key, word
        else:
            if pending is None:
                raise SampleError(QT_TRANSLATE_NOOP(
                    "Samples", "“{number}” has no name before it (e.g. 在线 {number})"),
                    number=number.strip())
            values[pending] = parse_number(number)
            pending = None
    if pending is not None:
        raise SampleError(QT_TRANSLATE_NOOP("Samples", "“{word}” has no number after it"),
                          word=pending_word)
    return check_values(values)

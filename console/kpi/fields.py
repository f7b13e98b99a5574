"""The base figures a live room produces, with the names platforms use for them.

Every field is a running total for the show (a *counter*: what the data screen
shows as 累计) except `online`, which is a *gauge* read at one moment. Ratios
are never stored: they are recomputed from these totals (see derived.py).
"""

from __future__ import annotations

import dataclasses
import enum


class Kind(str, enum.Enum):
    GAUGE = "gauge"        # a reading now (online viewers)
    COUNTER = "counter"    # a running total since go-live


@dataclasses.dataclass(frozen=True)
class Field:
    key: str
    zh: str
    en: str
    kind: Kind
    unit: str              # 人 people / 次 events / 单 orders / 件 items / 元 yuan
    aliases: tuple[str, ...] = ()


FIELDS = (
    Field("online", "在线人数", "online viewers", Kind.GAUGE, "人",
          ("在线", "在线人数", "在線人數", "实时在线人数", "当前在线人数", "online", "online_viewers")),
    Field("entries", "进入人数", "entries", Kind.COUNTER, "人",
          ("进入", "进入人数", "進入人數", "进场人数", "entries", "enter")),
    Field("exits", "离开人数", "exits", Kind.COUNTER, "人",
          ("离开", "离开人数", "離開人數", "exits", "leave")),
    Field("viewers", "累计观看人数", "cumulative viewers", Kind.COUNTER, "人",
          ("观看人数", "累计观看人数", "累計觀看人數", "场观", "viewers", "uv")),
    Field("views", "观看次数", "views", Kind.COUNTER, "次",
          ("观看次数", "觀看次數", "views", "pv")),
    Field("likes", "点赞次数", "likes", Kind.COUNTER, "次",
          ("点赞", "点赞次数", "點讚次數", "点赞数", "likes")),
    Field("comments", "评论次数", "comments", Kind.COUNTER, "次",
          ("评论", "评论次数", "評論次數", "评论数", "comments")),
    Field("shares", "分享次数", "shares", Kind.COUNTER, "次",
          ("分享", "分享次数", "分享次數", "分享数", "shares")),
    Field("interacting", "互动人数", "interacting people", Kind.COUNTER, "人",
          ("互动", "互动人数", "互動人數", "interacting", "interactors")),
    Field("clickers", "商品点击人数", "product clickers", Kind.COUNTER, "人",
          ("点击", "商品点击人数", "商品點擊人數", "点击人数", "clickers", "clicks")),
    Field("orders", "成交订单数", "orders", Kind.COUNTER, "单",
          ("订单", "成交订单数", "成交訂單數", "订单数", "orders")),
    Field("buyers", "成交人数", "buyers", Kind.COUNTER, "人",
          ("成交人数", "成交人數", "下单人数", "buyers")),
    Field("items", "成交件数", "items sold", Kind.COUNTER, "件",
          ("件数", "成交件数", "成交件數", "items")),
    Field("gmv", "成交金额", "GMV", Kind.COUNTER, "元",
          ("成交", "成交金额", "成交金額", "gmv", "销售额", "sales")),
    Field("refunds", "退款金额", "refunds", Kind.COUNTER, "元",
          ("退款", "退款金额", "退款金額", "refunds")),
)

BY_KEY = {f.key: f for f in FIELDS}
KEYS = tuple(f.key for f in FIELDS)


def _normalise(name: str) -> str:
    return name.strip().lower().replace(" ", "").replace("_", "").replace("(元)", "").replace("（元）", "")


_ALIASES = {_normalise(alias): f.key for f in FIELDS for alias in (f.key, *f.aliases)}


def field_for(name: str) -> str | None:
    """The field a column or word names (在线人数, 成交金额, gmv, Online …), if any."""
    return _ALIASES.get(_normalise(name))

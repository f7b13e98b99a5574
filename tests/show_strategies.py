"""Hypothesis strategies for shows as the reader makes them (stripped titles and lines,
known SKUs, durations in range), with the text a producer might type: any Unicode,
quotes, backslashes, control characters, line breaks, long texts."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import strategies as st

from console.script.model import Defaults, FaqEntry, Segment, SegmentKind, Show, Sku, Targets

# Every character a file can hold (no lone surrogates: they are not UTF-8).
ANY_CHAR = st.characters(blacklist_categories=("Cs",))
TRICKY = st.sampled_from(['"', "\\", "'", "\n", "\r", "\t", "\x00", "\x1b", "\x7f", "\u2028",
                          "\u202e", "\ufeff", "#", "[", "]", "=", '"""', "'''", " ", "\x85",
                          "好", "🎁", "\\u0041", "${x}"])
CHARS = st.one_of(ANY_CHAR, TRICKY)
TEXT = st.lists(CHARS, max_size=20).map("".join)
TEXT_SHORT = st.lists(CHARS, max_size=12).map("".join)
LONG_TEXT = st.one_of(TEXT_SHORT, st.tuples(TEXT_SHORT, st.integers(10, 60)).map(lambda t: t[0] * t[1]))
LINE = TEXT.map(str.strip).filter(bool)        # what a list of lines keeps
LINES = st.lists(LINE, max_size=3).map(tuple)
IDS = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_\-]{0,12}\Z")


def clear_lines(show: Show) -> Show:
    """`show` without where its segments were in a file."""
    return dataclasses.replace(show, segments=tuple(
        dataclasses.replace(s, line=0) for s in show.segments))


@st.composite
def planned_starts(draw):
    naive = draw(st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 30)))
    zone = draw(st.one_of(st.none(), st.integers(-14 * 60, 14 * 60).map(
        lambda m: dt.timezone(dt.timedelta(minutes=m)))))
    return naive.replace(tzinfo=zone)


PRICE = st.one_of(st.none(), st.floats(0, 1e7, allow_nan=False, allow_infinity=False),
                  st.integers(0, 10**6))
COUNT = st.one_of(st.none(), st.integers(0, 10**9))


@st.composite
def skus(draw, sku_id: str) -> Sku:
    return Sku(id=sku_id, name=draw(LONG_TEXT), list_price=draw(PRICE),
               live_price=draw(PRICE), stock=draw(COUNT), link=draw(COUNT),
               selling_points=draw(LINES), scenes=draw(LINES),
               faq=tuple(draw(st.lists(st.builds(FaqEntry, TEXT, LONG_TEXT), max_size=3))),
               compliance=draw(LONG_TEXT))


@st.composite
def segments(draw, seg_id: str, sku_ids: list[str]) -> Segment:
    kind = draw(st.sampled_from(SegmentKind))
    sku = None
    if sku_ids and (kind is SegmentKind.SKU or draw(st.booleans())):
        sku = draw(st.sampled_from(sku_ids))
    if kind is SegmentKind.SKU and sku is None:
        kind = SegmentKind.CUSTOM
    return Segment(id=seg_id, kind=kind, title=draw(st.one_of(LINE, st.just(kind.value))),
                   duration_s=draw(st.integers(1, 3600)), sku_id=sku,
                   host=draw(LINES), assistant=draw(LINES), floor=draw(LINES),
                   cues=draw(LINES), notes=draw(LONG_TEXT))


@st.composite
def shows(draw, max_segments: int = 8) -> Show:
    sku_ids = draw(st.lists(IDS, max_size=3, unique=True))
    seg_ids = draw(st.lists(IDS, min_size=1, max_size=max_segments, unique=True))
    # Some segments without an id of their own: the reader numbers them s01, s02 …
    seg_ids = [i if draw(st.booleans()) else f"s{n + 1:02d}" for n, i in enumerate(seg_ids)]
    if len(set(seg_ids)) != len(seg_ids):
        seg_ids = [f"s{n + 1:02d}" for n in range(len(seg_ids))]
    conversion = st.one_of(st.none(), st.floats(0, 1), st.sampled_from([0, 1]))
    return Show(
        title=draw(LINE),
        segments=tuple(draw(segments(i, sku_ids)) for i in seg_ids),
        skus=tuple(draw(skus(i)) for i in sku_ids),
        platform=draw(TEXT), hosts=draw(LINES), assistants=draw(LINES),
        planned_start=draw(st.one_of(st.none(), planned_starts())),
        notes=draw(LONG_TEXT),
        targets=Targets(gmv=draw(PRICE), orders=draw(COUNT), peak_online=draw(COUNT),
                        conversion=draw(conversion)),
        defaults=Defaults(sku_seconds=draw(st.integers(1, 3600)),
                          lottery_interval_minutes=draw(st.integers(1, 120)),
                          warning_seconds=draw(st.integers(1, 300)),
                          lottery_warning_seconds=draw(st.integers(0, 600))),
    )

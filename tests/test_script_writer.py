"""The writer: a show to text and back unchanged; Save keeps the producer's file."""

import dataclasses
import datetime as dt
import difflib

import pytest
from hypothesis import HealthCheck, given, settings

from console.script import check_show_bytes, load_show_text
from console.script.model import Segment, SegmentKind, Show, Sku
from console.script.writer import toml_string, update_show_text, write_show
from tests.conftest import MARATHON, STANDARD
from tests.show_strategies import TEXT, clear_lines, shows

SAMPLES = [STANDARD, MARATHON]


def errors(text):
    _, _, issues = check_show_bytes(text.encode("utf-8"), "<written>")
    return [i for i in issues if i.is_error]


def reread(text):
    assert not errors(text), errors(text)
    return clear_lines(load_show_text(text).show)


def changed_lines(before, after):
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines())
            if line[:1] in "+-"]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_bundled_show_written_afresh_reads_back_the_same(path):
    show = load_show_text(path.read_text("utf-8")).show
    assert reread(write_show(show)) == clear_lines(show)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_saving_a_bundled_show_unchanged_gives_the_same_text(path):
    text = path.read_text("utf-8")
    assert update_show_text(text, load_show_text(text).show) == text


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shows())
def test_any_show_written_reads_back_the_same_and_validates(show):
    text = write_show(show)
    assert reread(text) == show


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(shows(max_segments=4), shows(max_segments=4))
def test_any_show_saved_over_another_file_reads_back_the_same(first, second):
    original = write_show(first)
    saved = update_show_text(original, second)
    assert reread(saved) == second
    assert update_show_text(saved, second) == saved        # a second save changes nothing


@given(TEXT)
def test_every_string_is_quoted_so_toml_reads_it_back(text):
    import tomllib
    assert tomllib.loads(f"a = {toml_string(text)}")["a"] == text
    assert tomllib.loads(f"a = {toml_string(text, multiline=True)}")["a"] == text


def test_written_text_is_in_the_documented_order_and_form():
    show = Show(title="专场", platform="抖音",
                skus=(Sku(id="A1", name="精华", list_price=299.0, live_price=159),),
                segments=(Segment("open", SegmentKind.OPENING, "开场", 180),
                          Segment("p1", SegmentKind.SKU, "主推", 75, sku_id="A1"),
                          Segment("x", SegmentKind.CUSTOM, "逼单", 3725,
                                  notes='第一行\n"第二行"\\')))
    text = write_show(show)
    assert text == (
        'schema_version = 1\n\n[show]\ntitle = "专场"\nplatform = "抖音"\n\n'
        '[[sku]]\nid = "A1"\nname = "精华"\nlist_price = 299.0\nlive_price = 159\n\n'
        '[[segment]]\nid = "open"\nkind = "opening"\ntitle = "开场"\n\n'        # 3:00: the default
        '[[segment]]\nid = "p1"\nkind = "sku"\ntitle = "主推"\nduration = "1:15"\nsku = "A1"\n\n'
        '[[segment]]\nid = "x"\nkind = "custom"\ntitle = "逼单"\nduration = "62:05"\n'
        'notes = """\n第一行\n\\"第二行\\"\\\\"""\n')
    assert reread(text) == show


def test_control_characters_and_invisible_marks_are_written_as_escapes():
    text = write_show(Show(title="a\x1bb\u202ec\u2028d\ttab",
                           segments=(Segment("s01", SegmentKind.LOTTERY, "lottery", 60),)))
    assert 'title = "a\\u001Bb\\u202Ec\\u2028d\\ttab"' in text
    assert reread(text).title == "a\x1bb\u202ec\u2028d\ttab"


def edit(path, change):
    text = path.read_text("utf-8")
    show = load_show_text(text).show
    new = change(show)
    saved = update_show_text(text, new)
    assert reread(saved) == clear_lines(new)
    return text, saved


def replace_segment(show, index, **changes):
    segments = list(show.segments)
    segments[index] = dataclasses.replace(segments[index], **changes)
    return dataclasses.replace(show, segments=tuple(segments))


def test_a_changed_value_rewrites_only_its_line():
    before, after = edit(STANDARD, lambda s: replace_segment(s, 4, title="互动:猜价格 \"加码\""))
    assert changed_lines(before, after) == ['- title = "互动:猜价格"',
                                            '+ title = "互动:猜价格 \\"加码\\""']


def test_a_duration_made_explicit_goes_in_its_place_and_the_header_comment_stays():
    before, after = edit(STANDARD, lambda s: replace_segment(s, 1, duration_s=75))
    assert changed_lines(before, after) == ['+ duration = "1:15"']
    assert after.index('duration = "1:15"') < after.index('sku = "A01"', after.index('id = "sku-a01"'))
    assert after.startswith("# 标准直播脚本")


def test_a_kind_changed_keeps_the_duration_it_had():
    # An interaction without a duration lasts 2:00; as a lottery it would last 1:00.
    text = ('# head\nschema_version = 1\n[show]\ntitle = "t"\n\n[[segment]]\n'
            'kind = "interaction"   # 互动\n')
    show = load_show_text(text).show
    new = replace_segment(show, 0, kind=SegmentKind.LOTTERY)
    saved = update_show_text(text, new)
    assert saved == ('# head\nschema_version = 1\n[show]\ntitle = "t"\n\n[[segment]]\n'
                     'kind = "lottery"   # 互动\ntitle = "interaction"\nduration = "2:00"\n')
    assert reread(saved) == clear_lines(new)


def test_comments_move_with_their_segment_and_the_section_heading_stays():
    def move_first_round_down(show):
        segs = list(show.segments)
        segs.insert(3, segs.pop(1))       # "coupon-early-70", under "# ── 第1轮 ──", moves down
        return dataclasses.replace(show, segments=tuple(segs))
    _, after = edit(MARATHON, move_first_round_down)
    assert after.index("# ════════ 流程 ════════") < after.index('id = "open"')
    heading = after.index("# ── 第1轮 ──")
    assert after.index('id = "sku-mz10"') < heading < after.index('id = "coupon-early-70"')


def test_comments_of_a_deleted_segment_pass_to_the_next_one():
    def delete_coupon(show):
        return dataclasses.replace(show, segments=show.segments[:1] + show.segments[2:])
    _, after = edit(MARATHON, delete_coupon)
    heading = after.index("# ── 第1轮 ──")
    assert heading < after.index('id = "sku-mz10"') < after.index("# ── 第2轮 ──")
    assert 'id = "coupon-early-70"' not in after


def test_a_new_segment_and_sku_are_written_in_full_in_their_place():
    def add(show):
        sku = Sku(id="B01", name="新品")
        seg = Segment("new-1", SegmentKind.SKU, "新品讲解", 90, sku_id="B01")
        return dataclasses.replace(show, skus=show.skus + (sku,),
                                   segments=show.segments[:2] + (seg,) + show.segments[2:])
    before, after = edit(STANDARD, add)
    added = [line for line in changed_lines(before, after) if line.startswith("+") and line != "+ "]
    assert added == ['+ [[sku]]', '+ id = "B01"', '+ name = "新品"',
                     '+ [[segment]]', '+ id = "new-1"', '+ kind = "sku"', '+ title = "新品讲解"',
                     '+ sku = "B01"']
    assert '[[sku]]\nid = "B01"' in after and '\n\n[[segment]]\nid = "new-1"' in after
    assert not [line for line in changed_lines(before, after) if line.startswith("-")]


def test_a_removed_value_drops_its_line_and_unknown_keys_stay():
    text = ('schema_version = 1\n[show]\ntitle = "t"\nmood = "happy"   # ours\n'
            '[show.targets]\ngmv = 100\norders = 5\n[[segment]]\nkind = "lottery"\n')
    show = load_show_text(text).show
    new = dataclasses.replace(show, targets=dataclasses.replace(show.targets, gmv=None),
                              planned_start=dt.datetime(2026, 1, 2, 20, 0))
    saved = update_show_text(text, new)
    assert saved == ('schema_version = 1\n[show]\ntitle = "t"\nmood = "happy"   # ours\n'
                     'planned_start = 2026-01-02T20:00:00\n'
                     '[show.targets]\norders = 5\n[[segment]]\nkind = "lottery"\n')


def test_a_renamed_segment_keeps_its_place_and_comment():
    text = ('schema_version = 1\n[show]\ntitle = "t"\n\n[[segment]]\nid = "a"\nkind = "lottery"\n'
            '\n# 第二个\n[[segment]]\nid = "b"   # was c\nkind = "lottery"\n')
    show = load_show_text(text).show
    saved = update_show_text(text, replace_segment(show, 1, id="c"))
    assert saved == text.replace('id = "b"', 'id = "c"')


def test_a_layout_the_update_does_not_follow_is_written_afresh_with_its_header_comment():
    text = ('# 我的脚本\n\nschema_version = 1\nshow.title = "t"\n'
            'segment = [ { kind = "lottery" } ]\n')
    show = load_show_text(text).show
    saved = update_show_text(text, show)
    assert saved.startswith("# 我的脚本\n\nschema_version = 1\n\n[show]\n")
    assert reread(saved) == clear_lines(show)

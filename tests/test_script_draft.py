"""The editing model: every edit, undo/redo, issues on fields, timeline, saving."""

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from console.errors import KnownError
from console.script import content_hash, load_show_text
from console.script.draft import Area, Draft
from console.script.model import SegmentKind
from tests.conftest import STANDARD
from tests.show_strategies import clear_lines


@pytest.fixture
def draft():
    return Draft.from_text(STANDARD.read_text("utf-8"), STANDARD)


def test_header_targets_and_defaults_edits(draft):
    assert draft.set_header(title="  新标题 ", hosts=[" 小雅 ", "", "阿杰"])
    assert (draft.show.title, draft.show.hosts) == ("新标题", ("小雅", "阿杰"))
    assert draft.set_targets(gmv=None, orders=10)
    assert (draft.show.targets.gmv, draft.show.targets.orders) == (None, 10)
    pitches = [i for i, s in enumerate(draft.show.segments) if s.kind is SegmentKind.SKU]
    assert draft.set_defaults(sku_seconds=60, warning_seconds=20)
    assert {draft.show.segments[i].duration_s for i in pitches} == {60}
    assert not draft.set_header(title="新标题")           # no change, not recorded
    with pytest.raises(TypeError):
        draft.set_header(colour="red")


def test_segment_edits(draft):
    n = len(draft.show.segments)
    i = draft.add_segment(SegmentKind.LOTTERY, 2)
    new = draft.show.segments[i]
    assert (i, new.duration_s, new.id) == (2, 60, "lottery")
    i = draft.add_segment(SegmentKind.OPENING)
    assert (i, draft.show.segments[i].duration_s) == (n + 1, 180)
    i = draft.add_segment(SegmentKind.SKU)
    assert draft.show.segments[i].sku_id == "A01" and draft.show.segments[i].duration_s == 90
    copy = draft.duplicate_segment(0)
    assert draft.show.segments[copy].id == "open-2"
    assert draft.show.segments[copy].title == draft.show.segments[0].title
    assert draft.move_segment(copy, 5) and draft.show.segments[5].id == "open-2"
    assert draft.move_segment_up(5) and draft.show.segments[4].id == "open-2"
    assert draft.move_segment_down(4) and draft.show.segments[5].id == "open-2"
    assert not draft.move_segment_up(0)
    assert draft.remove_segment(5) and "open-2" not in {s.id for s in draft.show.segments}
    assert draft.set_segment(2, kind="opening")                 # a lottery's 1:00 → 3:00
    assert draft.show.segments[2].duration_s == 180
    assert draft.set_segment(2, title="  ", host=["a ", " "], cues="看这里", duration_s=75)
    seg = draft.show.segments[2]
    assert (seg.title, seg.host, seg.cues, seg.duration_s) == ("opening", ("a",), ("看这里",), 75)
    assert draft.set_segment(2, kind=SegmentKind.CUSTOM) and draft.show.segments[2].duration_s == 75


def test_sku_edits_and_a_renamed_sku_followed_by_its_pitches(draft):
    i = draft.add_sku(name="新品", live_price=9.9, selling_points=[" 好 ", ""])
    assert draft.show.skus[i].id == "SKU01" and draft.show.skus[i].selling_points == ("好",)
    copy = draft.duplicate_sku(0)
    assert draft.show.skus[copy].id == "A01-2"
    assert draft.set_sku(0, id="X01", stock=5)
    assert all(s.sku_id != "A01" for s in draft.show.segments)
    assert draft.show.segments[1].sku_id == "X01"
    assert draft.remove_sku(copy)
    assert draft.remove_sku(0)
    (error,) = [i for i in draft.issues() if i.is_error]
    assert (error.area, error.index, error.field) == (Area.SEGMENT, 1, "sku")


def test_issues_are_those_of_validate_on_their_fields(draft):
    assert draft.issues() == []
    draft.set_segment(0, duration_s=240)
    draft.set_segment(3, duration_s=0)
    draft.set_header(title="")
    draft.set_targets(conversion=12)
    draft.set_defaults(lottery_interval_minutes=500)
    draft.set_sku(1, live_price=999.0)
    found = {(i.area, i.index, i.field, i.is_error) for i in draft.issues()}
    assert found == {(Area.SEGMENT, 0, "duration", False), (Area.SEGMENT, 3, "duration", True),
                     (Area.HEADER, None, "title", True),
                     (Area.HEADER, None, "targets.conversion", True),
                     (Area.HEADER, None, "defaults.lottery_interval_minutes", True),
                     (Area.SKU, 1, "live_price", False)}


def test_undo_redo_and_dirty(draft):
    assert not draft.dirty and not draft.can_undo
    original = draft.show
    draft.set_header(title="甲")
    draft.remove_segment(0)
    assert draft.dirty and draft.undo() and draft.undo() and not draft.undo()
    assert draft.show == original and not draft.dirty
    assert draft.redo() and draft.show.title == "甲"
    draft.set_header(platform="快手")                   # a new edit clears the redo stack
    assert not draft.redo()


def test_undo_depth_is_capped():
    d = Draft(Draft.from_text(STANDARD.read_text("utf-8")).show, max_undo=3)
    for n in range(5):
        d.set_header(notes=str(n))
    assert sum(1 for _ in iter(d.undo, False)) == 3


EDITS = st.one_of(
    st.builds(lambda t: ("set_header", (), {"title": t}), st.text(max_size=5)),
    st.builds(lambda i, to: ("move_segment", (i, to), {}), st.integers(0, 3), st.integers(0, 9)),
    st.builds(lambda k, i: ("add_segment", (k, i), {}), st.sampled_from(SegmentKind), st.integers(0, 9)),
    st.builds(lambda i: ("remove_segment", (i,), {}), st.integers(0, 3)),
    st.builds(lambda i: ("duplicate_segment", (i,), {}), st.integers(0, 3)),
    st.builds(lambda i, s: ("set_segment", (i,), {"duration_s": s}), st.integers(0, 3),
              st.integers(1, 600)),
    st.builds(lambda i: ("set_sku", (i,), {"name": "x"}), st.integers(0, 3)),
    st.builds(lambda s: ("set_defaults", (), {"sku_seconds": s}), st.integers(30, 120)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDITS, max_size=12))
def test_any_edits_undone_give_the_original_and_redone_the_final(edits):
    d = Draft.from_text(STANDARD.read_text("utf-8"))
    original = d.show
    for name, args, kwargs in edits:
        getattr(d, name)(*args, **kwargs)
    final = d.show
    while d.undo():
        pass
    assert d.show == original and not d.dirty
    while d.redo():
        pass
    assert d.show == final
    if not any(i.is_error for i in d.issues()):      # what is saved reads back as the draft
        assert clear_lines(load_show_text(d.rendered()).show) == clear_lines(final)


def test_save_writes_the_file_keeping_comments(tmp_path):
    path = tmp_path / "show.toml"
    path.write_text(STANDARD.read_text("utf-8"), "utf-8")
    d = Draft.open(path)
    d.set_segment(0, title="开场")
    text = d.save()
    assert path.read_text("utf-8") == text and not d.dirty
    assert text.startswith("# 标准直播脚本") and 'title = "开场"\n' in text


def test_save_refuses_the_file_a_live_session_runs(tmp_path):
    path = tmp_path / "show.toml"
    original = STANDARD.read_text("utf-8")
    path.write_text(original, "utf-8")
    d = Draft.open(path)
    d.set_header(notes="改")
    with pytest.raises(KnownError, match="live session"):
        d.save(live_hash=content_hash(original))
    assert path.read_text("utf-8") == original and d.dirty
    d.save(tmp_path / "copy.toml", live_hash=content_hash(original))   # elsewhere is fine
    assert d.path == tmp_path / "copy.toml"


def test_new_draft_saves_a_valid_show(tmp_path):
    d = Draft.new("  新专场 ")
    assert d.dirty
    with pytest.raises(KnownError):
        d.save()
    d.add_segment(SegmentKind.LOTTERY)
    assert d.issues() == []
    d.save(tmp_path / "new.toml")
    assert load_show_text((tmp_path / "new.toml").read_text("utf-8")).show.title == "新专场"


def test_timeline_places_segments_cues_and_the_standard(draft):
    t = draft.timeline()
    assert t.total_ms == 35 * 60_000
    assert [c.at_ms for c in t.cues] == [600_000, 1_200_000, 1_800_000]
    assert [draft.show.segments[c.segment_index].id for c in t.cues] == [
        "lottery-1", "lottery-2", "lottery-3"]
    assert t.over_standard == ()
    draft.set_segment(0, duration_s=200)
    draft.set_segment(1, duration_s=91)
    assert draft.timeline().over_standard == (0, 1)
    assert t.segments[1].start_ms == 180_000 and t.segments[1].end_ms == 270_000


def test_a_new_draft_is_untouched_until_edited():
    d = Draft.new()
    assert d.dirty and d.untouched and not d.needs_saving
    d.set_header(title="周五")
    assert not d.untouched and d.needs_saving
    d.undo()
    assert d.untouched
    assert not Draft(d.show).untouched                        # an import is not untouched

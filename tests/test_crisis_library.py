"""The crisis-script library: bundled scripts, the team's own, search, import and export."""

import pytest

from console.crisis import CATEGORIES, CrisisLibrary, CrisisScript, TeamStore, read_scripts
from console.resources import resource_path
from console.script import ShowFileError

BUNDLED = resource_path("crisis", "library.toml")
REQUIRED = ("troll-chat", "quality-doubt", "price-dispute", "out-of-stock", "host-slip",
            "stream-freeze", "coupon-checkout-failure", "platform-warning", "traffic-cliff",
            "host-unwell", "negative-review-flood", "major-incident")
ABSOLUTE_TERMS = ("最", "第一", "唯一", "顶级", "国家级", "100%", "绝对", "全网最低")


@pytest.fixture
def bundled():
    return read_scripts(BUNDLED, "bundled")


def test_the_bundled_library_covers_every_incident_category(bundled):
    ids = [s.id for s in bundled]
    assert set(REQUIRED) <= set(ids) and len(ids) >= 12
    for script in bundled:
        assert script.title and script.title_en and script.category in CATEGORIES
        assert script.triggers and script.host_lines and script.checklist and script.never_say
        assert script.escalate and script.level in (1, 2, 3)


def test_the_major_incident_script_carries_the_seed_timeline(bundled):
    major = next(s for s in bundled if s.id == "major-incident")
    text = "\n".join(major.checklist) + major.escalate
    assert major.level == 3
    for hours in ("4", "8", "24", "48"):
        assert f"{hours}小时" in text.replace(" ", "")


def test_host_lines_never_use_absolute_advertising_terms(bundled):
    for script in bundled:
        spoken = "\n".join(script.host_lines + script.checklist + (script.title,))
        assert not [t for t in ABSOLUTE_TERMS if t in spoken], script.id


def test_search_ranks_title_hits_before_text_hits(bundled):
    library = CrisisLibrary(bundled)
    assert library.search("卡顿")[0].id == "stream-freeze"
    assert library.search("stock")[0].id == "out-of-stock"
    assert library.search("黑粉")[0].id == "troll-chat"
    assert len(library.search("")) == len(bundled)
    assert library.search("不存在的词") == []


def test_team_scripts_shadow_bundled_ones_without_touching_the_bundled_file(bundled, tmp_path):
    before = BUNDLED.read_bytes()
    store = TeamStore(tmp_path)
    mine = CrisisScript(id="troll-chat", title="黑粉带节奏(我们的版本)", host_lines=("不吵架",))
    library = CrisisLibrary(bundled, store.upsert(mine))
    assert library.get("troll-chat").title == "黑粉带节奏(我们的版本)"
    assert library.get("troll-chat").source == "team"
    assert len(library.scripts) == len(bundled)
    assert BUNDLED.read_bytes() == before
    assert TeamStore(tmp_path).load()[0].host_lines == ("不吵架",)


def test_export_then_import_round_trips_and_merges(tmp_path):
    first = TeamStore(tmp_path / "studio-a")
    first.upsert(CrisisScript(id="gift", title="赠品漏发", title_en="Gift missing", tags=("赠品",),
                              level=2, host_lines=("马上补发",), checklist=("客服登记",)))
    second = TeamStore(tmp_path / "studio-b")
    second.upsert(CrisisScript(id="other", title="其他", host_lines=("稍等",)))
    scripts, count = second.import_file(first.path)
    assert count == 1 and {s.id for s in scripts} == {"other", "gift"}
    gift = next(s for s in TeamStore(tmp_path / "studio-b").load() if s.id == "gift")
    assert gift.tags == ("赠品",) and gift.level == 2 and gift.checklist == ("客服登记",)


def test_a_broken_import_file_names_its_line_and_field(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('schema_version = 1\n[[script]]\nid = "x"\ntitle = "X"\nlevel = 5\n'
                   'host_lines = ["ok"]\n', "utf-8")
    with pytest.raises(ShowFileError) as error:
        TeamStore(tmp_path / "team").import_file(bad)
    assert f"{bad}:5: script[1].level: must be 1, 2 or 3, got 5" in str(error.value)
    assert not (tmp_path / "team" / "crisis-scripts.toml").exists()

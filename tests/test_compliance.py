"""The compliance check: word list, matching, exemptions and `console lint`."""

from collections import Counter

import pytest

from console import cli
from console.compliance import CATEGORIES, Level, Matcher, Rules, load_rules, read_rules_file
from console.compliance.lint import lint_show_bytes
from console.compliance.words import Entry, Exemption
from console.tomlfile import ShowFileError


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture(scope="module")
def matcher(rules):
    return Matcher(rules)


def terms(matcher, text):
    return [h.entry.term for h in matcher.find(text)]


def test_the_bundled_list_is_real_and_covers_every_category(rules):
    per_category = Counter(e.category for e in rules.entries)
    assert len(rules.entries) >= 150
    assert set(per_category) == set(CATEGORIES)
    assert all(e.basis and e.suggest for e in rules.entries)
    assert {"最好", "第一", "顶级", "国家级", "全网最低", "100%", "根治", "祛斑", "无副作用",
            "专家推荐", "央视推荐", "稳赚", "保本", "错过再等一年", "最后一天", "仅此一次",
            "加微信", "私聊", "转账", "开光", "招财"} <= {e.term for e in rules.entries}


@pytest.mark.parametrize("text, term", [
    ("最 好 用的卸妆油", "最好用"), ("最*好", "最好"), ("最\u200b好", "最好"), ("最🔥好", "最好"),
    ("頂級蠶絲", "顶级"), ("ＮＯ．１", "no.1"), ("加 微 信", "加微信"), ("加V领券", "加v"),
    ("加我VX", "vx"), ("100%有效", "100%"), ("國家級", "国家级"),
])
def test_dodges_are_seen_through(matcher, text, term):
    assert term in terms(matcher, text)


def test_hits_point_at_the_original_characters(matcher):
    text = "宝宝们，这是 最 好 的面霜"
    [hit] = matcher.find(text)
    assert text[hit.start:hit.end] == hit.text == "最 好"


@pytest.mark.parametrize("text", [
    "最近很多宝宝问", "第一轮福袋", "每人最多拍两件", "最佳食用时间", "这款是我们家最新的色号",
    "第一次来的宝宝", "第一步先洁面", "我们家最便宜的一款", "本店最新款", "招财猫存钱罐",
    "这款冰箱一级能效", "特级初榨橄榄油", "加VIP会员", "1100%", "顺丰或京东物流",
    "私信店铺客服", "说“提亮”，不说“美白”", "禁止说\"美白\"\"祛斑\"",
])
def test_harmless_uses_are_not_hits(matcher, text):
    assert terms(matcher, text) == []


def test_longest_phrase_wins_and_a_later_allow_phrase_cannot_rescue_an_earlier_term(matcher):
    assert terms(matcher, "全网最低价") == ["全网最低"]
    assert terms(matcher, "行业第一名") == ["行业第一"]


def test_a_single_character_is_never_a_term(tmp_path):
    path = tmp_path / "words.toml"
    path.write_text('schema_version = 1\n\n[[entry]]\nterm = "最"\ncategory = "absolute"\n'
                    'severity = "must_fix"\nbasis = "广告法"\nsuggest = ["很好"]\n', "utf-8")
    with pytest.raises(ShowFileError) as caught:
        read_rules_file(path, "team")
    assert f"{path}:4: entry[1].term: '最' is a single character" in str(caught.value)


def test_a_broken_word_file_says_file_line_field(tmp_path):
    path = tmp_path / "words.toml"
    path.write_text('schema_version = 1\n[[entry]]\nterm = "稳赢"\ncategory = "luck"\n'
                    'severity = "fatal"\nbasis = "x"\n', "utf-8")
    with pytest.raises(ShowFileError) as caught:
        read_rules_file(path, "team")
    message = str(caught.value)
    assert f"{path}:4: entry[1].category: unknown category 'luck'" in message
    assert f"{path}:5: entry[1].severity: 'fatal' is no severity" in message
    assert f"{path}:2: entry[1].suggest: give at least one rewording" in message


def test_exemptions_are_marked_not_dropped():
    entry = Entry("顶级", "absolute", Level.MUST_FIX, "广告法 第九条第三项", ("很好",))
    matcher = Matcher(Rules((entry,), (), (Exemption("顶级", "商标名 注册号 123", "顶级先生"),)))
    plain, named = matcher.find("顶级面料"), matcher.find("顶级先生牌衬衫")
    assert plain[0].exemption is None
    assert named[0].exemption is not None and "商标" in named[0].exemption.reason


SHOW = """schema_version = 1

[show]
title = "测试专场"

[[sku]]
id = "a"
name = "面霜"
selling_points = ["保湿", "顶级工艺"]
compliance = "禁止说最好、美白"

[[segment]]
kind = "sku"
sku = "a"
host = [
  "大家好",
  "这是最好用的面霜",
]
notes = \"\"\"第一行
加微信领券\"\"\"

[[segment]]
kind = "closing"
title = "错过再等一年"
"""


def test_lint_points_at_the_line_of_each_text_and_fails_on_must_fix(tmp_path, capsys):
    path = tmp_path / "show.toml"
    path.write_text(SHOW, "utf-8")
    status = cli.main(["lint", str(path)])
    out = capsys.readouterr().out
    assert status == 1
    assert f"{path}:9: must_fix: 顶级 — " in out          # the second item of the list
    assert f"{path}:17: must_fix: 最好用 — " in out        # a list item on its own line
    assert f"{path}:20: must_fix: 加微信 — " in out        # the second line of a multi-line note
    assert f"{path}:24: warning: 错过再等一年 — " in out
    assert "美白" not in out                              # the SKU's compliance note is not checked
    assert f"{path}: 3 must-fix, 1 warning(s), 0 hint(s), 0 exempt" in out


def test_a_show_records_its_own_exemptions_with_a_reason(tmp_path, capsys):
    path = tmp_path / "show.toml"
    path.write_text(SHOW.replace("title = \"错过再等一年\"", "title = \"再见\"").replace(
        "加微信领券", "领券") .replace("这是最好用的面霜", "好用") + """
[compliance]
allow = ["顶级工艺"]
""", "utf-8")
    assert cli.main(["lint", str(path)]) == 0
    text = SHOW + """
[[compliance.exempt]]
term = "最好用"
reason = "品牌名 最好用® 商标注册号 12345"
"""
    path.write_text(text, "utf-8")
    status = cli.main(["lint", str(path)])
    out = capsys.readouterr().out
    assert f"{path}:17: exempt: 最好用 — " in out and "商标注册号 12345" in out
    assert f"(recorded at {path}:26;" in out
    assert status == 1                                    # 顶级 and 加微信 still must be fixed


def test_the_team_file_adds_terms_and_allow_phrases(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "compliance.toml").write_text(
        'schema_version = 1\nallow = ["顶级工艺"]\n\n[[entry]]\nterm = "秒回本"\n'
        'category = "investment"\nseverity = "must_fix"\nbasis = "广告法 第二十五条"\n'
        'suggest = ["（不承诺收益）"]\n', "utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("顶级工艺\n这个秒回本\n", "utf-8")
    status = cli.main(["lint", "--data-dir", str(folder), str(draft)])
    out = capsys.readouterr().out
    assert status == 1
    assert f"{draft}:2: must_fix: 秒回本 — " in out and f"{draft}:1:" not in out


def test_a_broken_file_exits_2_with_the_usual_message(tmp_path, capsys):
    path = tmp_path / "show.toml"
    path.write_text('schema_version = 1\n[show]\ntitle = "x\n', "utf-8")
    assert cli.main(["lint", str(path)]) == 2
    assert f"{path}:3: syntax:" in capsys.readouterr().err
    assert cli.main(["lint", str(tmp_path / "missing.toml")]) == 2


def test_a_clean_text_file_passes(tmp_path, capsys):
    path = tmp_path / "ok.txt"
    path.write_text("第一轮福袋马上开始\n每人最多拍两件\n", "utf-8")
    assert cli.main(["lint", str(path)]) == 0


def test_lint_of_show_bytes_reports_broken_compliance_tables():
    report = lint_show_bytes((SHOW + "\n[[compliance.exempt]]\nterm = \"最好\"\n").encode(),
                             "s.toml", load_rules())
    assert report.broken and report.issues[0].field == "compliance.exempt[1].reason"


def test_lint_checks_a_crisis_files_host_lines_and_only_those(tmp_path, capsys):
    from console.cli import main
    crisis = tmp_path / "crisis-scripts.toml"
    crisis.write_text('''schema_version = 1

[[script]]
id = "price-fight"
title = "恶意比价"
triggers = ["有人说全网最低在别家"]
host_lines = [
  "大家放心下单，",
  "我们是全网最低价！",
]
never_say = ["全网最低"]
''', encoding="utf-8")
    assert main(["lint", str(crisis)]) == 1
    out = capsys.readouterr().out
    assert f"{crisis}:9: must_fix: 全网最低" in out     # the host line, not trigger or never_say
    assert out.count(f"{crisis}:") == 2            # the hit and the summary, nothing else


def test_the_bundled_crisis_library_has_no_wording_hits(capsys):
    from console.cli import main
    from console.resources import resource_path
    assert main(["lint", str(resource_path("crisis", "library.toml"))]) == 0
    assert "0 must-fix, 0 warning(s), 0 hint(s)" in capsys.readouterr().out

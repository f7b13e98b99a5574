"""Validation of run-of-show files: every problem named with its line and field."""

import re
from pathlib import Path

import pytest

from console.cli import main
from console.script import Severity, check_show_bytes, load_show
from tests.conftest import MARATHON, STANDARD

BROKEN = Path(__file__).parent / "data" / "broken"
EXPECT = re.compile(r"^# expect: (error|warning) (\d+) (\S+) :: (.+)$", re.M)


def expectations(path):
    return [(Severity(sev), int(line), field, text)
            for sev, line, field, text in EXPECT.findall(path.read_text("utf-8"))]


@pytest.mark.parametrize("path", sorted(BROKEN.glob("*.toml")), ids=lambda p: p.stem)
def test_broken_file_reports_exactly_the_expected_problems(path):
    expected = expectations(path)
    assert expected, f"{path.name} has no '# expect:' line"
    show, _, issues = check_show_bytes(path.read_bytes(), str(path))
    found = [(i.severity, i.line, i.field, i.message) for i in issues]
    assert len(found) == len(expected), found
    for (sev, line, field, text), (f_sev, f_line, f_field, f_message) in zip(expected, found):
        assert (f_sev, f_line, f_field) == (sev, line, field), found
        assert text in f_message
    has_error = any(sev is Severity.ERROR for sev, *_ in expected)
    assert (show is None) == has_error


def test_gbk_saved_file_is_named_with_its_line_and_a_fix():
    data = 'schema_version = 1\n[show]\ntitle = "溪木专场"\n'.encode("gbk")
    show, _, issues = check_show_bytes(data, "gbk.toml")
    assert show is None
    assert issues[0].line == 3 and issues[0].field == "encoding"
    assert "GBK" in issues[0].message and "UTF-8" in issues[0].message


def test_utf8_with_bom_is_accepted():
    text = STANDARD.read_text("utf-8")
    show, _, issues = check_show_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"), "bom.toml")
    assert show is not None and not issues


def test_empty_file_is_an_error():
    show, _, issues = check_show_bytes(b"  \n", "empty.toml")
    assert show is None and issues[0].message == "is empty"


def test_every_problem_is_reported_not_just_the_first():
    text = (BROKEN / "unknown_sku.toml").read_text("utf-8") + (
        '\n[[segment]]\nkind = "dance"\n\n[[segment]]\nkind = "opening"\nduration = 0\n')
    _, _, issues = check_show_bytes(text.encode(), "many.toml")
    assert [i.field for i in issues] == ["segment[1].sku", "segment[2].kind", "segment[3].duration"]


def test_validate_command_prints_a_one_line_summary_for_a_good_show(capsys):
    assert main(["validate", str(STANDARD)]) == 0
    out = capsys.readouterr().out.strip()
    assert out.count("\n") == 0
    assert "16 segments, 6 SKUs, planned 35:00, 3 lottery cues (every 10 min)" in out


def test_validate_command_exits_2_with_file_line_field_messages(capsys):
    path = BROKEN / "unknown_sku.toml"
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"{path}:13: segment[1].sku: unknown SKU 'Z9' (known: A01)"


def test_validate_command_shows_warnings_but_passes(capsys):
    assert main(["validate", str(BROKEN / "long_opening.toml")]) == 0
    out = capsys.readouterr().out
    assert ":13: segment[1].duration: warning: opening of 4:00 is over the 3:00 standard" in out


def test_validate_command_names_a_missing_file(capsys):
    assert main(["validate", "nowhere.toml"]) == 2
    assert "nowhere.toml:0: file: not found" in capsys.readouterr().err


def test_standard_sample_follows_the_seed_script():
    show = load_show(STANDARD).show
    kinds = [s.kind.value for s in show.segments]
    starts = show.planned_starts_ms()
    assert show.planned_ms == 35 * 60_000
    assert 14 <= len(show.segments) <= 17                      # "about 15 key nodes"
    assert kinds[0] == "opening" and show.segments[0].duration_s <= 180
    assert all(s.duration_s == 90 for s in show.segments if s.kind.value == "sku")
    lottery_starts = [t for t, k in zip(starts, kinds) if k == "lottery"]
    assert lottery_starts == [10 * 60_000, 20 * 60_000, 30 * 60_000]
    assert kinds[-1] == "closing"


def test_marathon_sample_is_a_two_hour_loop_with_flash_sales_and_coupons():
    loaded = load_show(MARATHON)
    show = loaded.show
    kinds = [s.kind.value for s in show.segments]
    assert not loaded.warnings
    assert show.planned_ms == 120 * 60_000
    assert len(show.skus) >= 20
    assert {s.sku_id for s in show.segments if s.kind.value == "sku"} == {s.id for s in show.skus}
    assert kinds.count("flash_sale") == 3 and kinds.count("coupon") >= 2
    lottery_starts = [t for t, k in zip(show.planned_starts_ms(), kinds) if k == "lottery"]
    assert lottery_starts == [n * 10 * 60_000 for n in range(1, 12)]

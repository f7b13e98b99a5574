"""Hostile files (issue 10, finding 6): each must give `FILE:LINE: field: problem`, fast,
never a crash, an exit 70 or a hang — for show files, alert rules and crisis scripts,
which all come in through one reader."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from console.crisis.store import parse_scripts
from console.kpi.alerts import parse_rules
from console.script import ShowFileError, check_show_bytes
from tests.conftest import STANDARD

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = STANDARD.read_text("utf-8")


def check(text: str, seconds: float = 2.0):
    """(show, issues) of `text` as a show file, failing if reading took over `seconds`."""
    started = time.perf_counter()
    show, _, issues = check_show_bytes(text.encode("utf-8"), "x.toml")
    took = time.perf_counter() - started
    assert took < seconds, f"reading took {took:.1f} s"
    for issue in issues:
        assert issue.line >= 1 and issue.field and issue.message
    return show, issues


def errors(text: str, seconds: float = 2.0):
    show, issues = check(text, seconds)
    found = [i for i in issues if i.is_error]
    assert show is None and found, issues
    return found


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def sample_with(old: str, new: str) -> str:
    assert old in SAMPLE
    return SAMPLE.replace(old, new, 1)


# ── huge numbers ────────────────────────────────────────────────────────────────

def test_an_integer_of_5000_digits_is_a_message_on_its_line():
    text = sample_with("orders = 1200", "orders = " + "9" * 5000)
    found = errors(text)
    assert found[0].line == line_of(text, "orders = 9")
    assert "digits" in found[0].message
    assert len(found[0].message) < 300         # the number itself is not echoed in full


def test_a_float_of_5000_digits_is_refused_too():
    text = sample_with("gmv = 180000", "gmv = 1" + "0" * 5000 + ".5")
    assert errors(text)[0].line == line_of(text, "gmv = 1")


@pytest.mark.parametrize("digits", [4299, 5000])
def test_a_duration_string_of_thousands_of_digits_is_a_message(digits):
    text = sample_with('duration = "3:00"', f'duration = "{"9" * digits}:00"')
    found = errors(text)
    assert [(i.line, i.field) for i in found] == [
        (line_of(text, 'duration = "99'), "segment[1].duration")]
    assert len(found[0].message) < 300


# ── deep nesting ────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("value", ["[" * 1000 + "]" * 1000,
                                   "{a = " * 1000 + "1" + "}" * 1000,
                                   "[{a = " * 500 + "1" + "}]" * 500])
def test_values_nested_1000_deep_are_a_message(value):
    text = sample_with("conversion = 0.12", "conversion = 0.12\ndeep = " + value)
    found = errors(text)
    assert found[0].line == line_of(text, "deep = ")
    assert "nested" in found[0].message


def test_nesting_the_format_uses_is_fine():
    show, issues = check(sample_with("conversion = 0.12", "conversion = 0.12\n"
                                     "extra = [[[1]], {a = {b = [2]}}]"))
    assert show is not None
    assert [i.field for i in issues] == ["show.targets.extra"]


# ── keys and headers that made the reader slow ─────────────────────────────────

def test_a_dotted_key_of_100000_parts_is_refused_before_parsing():
    text = "schema_version = 1\n" + "a" + ".a" * 100_000 + " = 1\n"
    found = errors(text, seconds=1.0)
    assert (found[0].line, found[0].field) == (2, "a")
    assert "parts" in found[0].message


def test_a_header_of_100000_parts_is_refused_before_parsing():
    text = "schema_version = 1\n[" + "a." * 100_000 + "a]\n"
    found = errors(text, seconds=1.0)
    assert found[0].line == 2


def test_a_dotted_key_inside_an_inline_table_is_bounded_too():
    text = "schema_version = 1\nx = { " + "a." * 100_000 + "a = 1 }\n"
    assert errors(text, seconds=1.0)[0].line == 2


@pytest.mark.parametrize("header", ['["a' + " " * 50_000 + '"]',
                                    "[a" + " " * 50_000 + ".b]",
                                    "[[a" + " " * 50_000 + "]]"])
def test_a_header_with_50000_spaces_is_read_in_linear_time(header):
    text = SAMPLE + "\n" + header + "\nkey = 1\n"
    show, issues = check(text, seconds=1.0)
    assert show is not None
    assert issues and issues[-1].line == line_of(text, header)


# ── line numbers ────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_separators_in_comments_and_strings_do_not_shift_lines(separator):
    text = sample_with("# 校验", f"# 校验{separator}still the comment")
    text = text.replace('notes = "35', f'notes = "a{separator}b 35', 1)
    text = text.replace('duration = "3:00"', 'duration = "3:0x"', 1)
    found = errors(text)
    assert [(i.line, i.field) for i in found] == [
        (line_of(text, 'duration = "3:0x"'), "segment[1].duration")]


@pytest.mark.parametrize("separator", ["\x0b", "\x0c"])
def test_control_characters_toml_refuses_are_named_on_the_line_toml_counts(separator):
    text = sample_with("# 校验", f"# 校验{separator}still the comment")
    found = errors(text)
    assert [(i.line, i.field) for i in found] == [(line_of(text, "# 校验"), "syntax")]
    assert "\\x0" in found[0].format("x.toml") or "character" in found[0].message


def test_a_segment_header_inside_a_multi_line_string_is_text():
    text = sample_with('notes = "35', 'notes = """\n[[segment]]\ntitle = 1\n"""\nold = "35')
    text = text.replace('duration = "3:00"', 'duration = "3:0x"', 1)
    _show, issues = check(text)
    assert sorted((i.line, i.field) for i in issues) == [
        (line_of(text, 'old = "35'), "show.old"),
        (line_of(text, 'duration = "3:0x"'), "segment[1].duration")]


def test_a_segment_header_inside_a_multi_line_literal_string_is_text():
    text = sample_with('notes = "35', "notes = '''\n[[segment]]\n'''\nold = \"35")
    _show, issues = check(text)
    assert [(i.line, i.field) for i in issues] == [(line_of(text, 'old = "35'), "show.old")]


def test_an_error_at_the_end_of_the_document_is_on_the_last_line():
    text = SAMPLE.rstrip("\n") + "\nunfinished = [1, 2,\n\n"
    found = errors(text)
    assert found[0].field == "syntax"
    assert found[0].line == line_of(text, "unfinished")


# ── values the show could not use ───────────────────────────────────────────────

@pytest.mark.parametrize("old,new,field", [
    ("live_price = 9.9", "live_price = nan", "sku[1].live_price"),
    ("list_price = 59.0", "list_price = inf", "sku[1].list_price"),
    ("live_price = 9.9", "live_price = -nan", "sku[1].live_price"),
    ("gmv = 180000", "gmv = inf", "show.targets.gmv"),
    ("conversion = 0.12", "conversion = nan", "show.targets.conversion"),
])
def test_nan_and_inf_are_not_prices_or_targets(old, new, field):
    text = sample_with(old, new)
    found = errors(text)
    assert [(i.line, i.field) for i in found] == [(line_of(text, new), field)]
    assert "finite" in found[0].message


def test_terminal_escape_codes_in_ids_are_shown_escaped():
    text = sample_with('id = "A01"', 'id = "\\u001b[31mRED\\u009b"')
    text = text.replace('sku = "A01"', 'sku = "\\u001b[2J"', 1)
    found = errors(text)
    for issue in found:
        message = issue.format("x.toml")
        assert "\x1b" not in message and "\x9b" not in message, message
    assert any("\\x1b[31mRED" in i.message for i in found)
    assert any("\\x1b[2J" in i.message for i in found)


def test_control_characters_in_unknown_keys_are_escaped():
    text = sample_with("[show]", '[show]\n"\\u001b]0;pwned\\u0007" = 1')
    show, issues = check(text)
    assert show is not None
    assert issues[0].field == "show.\\x1b]0;pwned\\x07"
    assert issues[0].line == line_of(text, '"\\u001b]0;pwned')


def test_a_file_over_the_size_bound_is_refused_without_parsing():
    data = (SAMPLE + "#" * 3_000_000).encode("utf-8")
    started = time.perf_counter()
    show, _, issues = check_show_bytes(data, "x.toml")
    assert time.perf_counter() - started < 1.0
    assert show is None and issues[0].field == "file" and "MB" in issues[0].message


# ── alert rules and crisis scripts come through the same reader ─────────────────

HOSTILE = [
    "a" + ".a" * 100_000 + " = 1\n",
    "x = " + "[" * 1000 + "]" * 1000 + "\n",
    "x = " + "9" * 5000 + "\n",
]


@pytest.mark.parametrize("text", HOSTILE, ids=["dotted", "nested", "digits"])
def test_alert_rules_read_hostile_files_into_a_message(text):
    started = time.perf_counter()
    with pytest.raises(ShowFileError) as error:
        parse_rules(text.encode(), "rules.toml")
    assert time.perf_counter() - started < 1.0
    assert str(error.value).startswith("rules.toml:1: ")


@pytest.mark.parametrize("text", HOSTILE, ids=["dotted", "nested", "digits"])
def test_crisis_scripts_read_hostile_files_into_a_message(text):
    started = time.perf_counter()
    scripts, issues = parse_scripts(text.encode(), "crisis.toml", "team")
    assert time.perf_counter() - started < 1.0
    assert scripts == [] and issues[0].is_error and issues[0].line == 1


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_an_alert_threshold_must_be_finite(value):
    text = f'[[rule]]\nid = "x"\ncolour = "red"\nmetric = "conversion"\nbelow = {value}\n'
    with pytest.raises(ShowFileError) as error:
        parse_rules(text.encode(), "rules.toml")
    assert "rules.toml:5: rule[1].below: " in str(error.value)


@pytest.mark.parametrize("value", ['"lots"', "nan", "-1", "true"])
def test_an_alert_min_denominator_must_be_a_number(value):
    text = (f'[[rule]]\nid = "x"\ncolour = "red"\nmetric = "conversion"\nbelow = 0.1\n'
            f'min_denominator = {value}\n')
    with pytest.raises(ShowFileError) as error:
        parse_rules(text.encode(), "rules.toml")
    assert "rules.toml:6: rule[1].min_denominator: " in str(error.value)


def test_an_unknown_key_in_a_crisis_script_names_the_keys_it_knows():
    text = ('[[script]]\nid = "x"\ntitle = "X"\nhost_lines = ["ok"]\n'
            '"\\u001b[2J" = 1\n')
    scripts, issues = parse_scripts(text.encode(), "crisis.toml", "team")
    assert len(scripts) == 1
    assert [(i.line, i.field) for i in issues] == [(5, "script[1].\\x1b[2J")]
    assert "host_lines" in issues[0].message


# ── the command line ────────────────────────────────────────────────────────────

@pytest.mark.parametrize("text", [
    "a" + ".a" * 100_000 + " = 1\n",
    "x = " + "[" * 1000 + "]" * 1000 + "\n",
    sample_with('duration = "3:00"', f'duration = "{"9" * 5000}:00"'),
    sample_with('id = "A01"', 'id = "\\u001b[2J"'),
], ids=["dotted", "nested", "duration", "escape"])
def test_console_validate_exits_2_with_a_message_quickly(tmp_path, text):
    path = tmp_path / "hostile.toml"
    path.write_text(text, "utf-8")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "console", "validate", str(path)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert time.perf_counter() - started < 10
    assert result.returncode == 2, result.stderr[-2000:]
    assert result.stderr.startswith(f"{path}:")
    assert "\x1b" not in result.stderr and "Traceback" not in result.stderr


def test_console_validate_escapes_the_title_in_its_summary(tmp_path):
    path = tmp_path / "title.toml"
    path.write_text(sample_with('title = "溪木', 'title = "\\u001b]0;owned\\u0007溪木'), "utf-8")
    result = subprocess.run([sys.executable, "-m", "console", "validate", str(path)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\\x1b]0;owned\\x07溪木" in result.stdout

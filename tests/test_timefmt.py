"""Clocks read the same everywhere: one module writes them, without Qt."""

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.timefmt import clock_text, countdown_text, minutes_text
from console.timeline import closing_figures

HOUR = 3_600_000


@pytest.mark.parametrize("ms, text", [
    (0, "0:00"), (999, "0:00"), (1_000, "0:01"), (59_999, "0:59"), (60_000, "1:00"),
    (90_000, "1:30"), (HOUR - 1, "59:59"), (HOUR, "1:00:00"), (HOUR + 62_000, "1:01:02"),
    (10 * HOUR, "10:00:00"), (100 * HOUR + 59_000, "100:00:59"),
])
def test_a_clock_is_m_ss_then_h_mm_ss(ms, text):
    assert clock_text(ms) == text


def test_negative_times_keep_their_sign_and_signed_ones_say_plus():
    assert clock_text(-65_000) == "-1:05"
    assert clock_text(-HOUR - 1_000) == "-1:00:01"
    assert clock_text(15_000, signed=True) == "+0:15"
    assert clock_text(-15_000, signed=True) == "-0:15"
    assert clock_text(0, signed=True) == "+0:00"
    assert clock_text(-400) == "-0:00"                 # under a second behind is still behind


def test_half_seconds_are_cut_toward_zero_not_rounded():
    assert clock_text(1_500) == "0:01" and clock_text(1_499) == "0:01"
    assert clock_text(500) == "0:00" and clock_text(2_500) == "0:02"
    assert clock_text(-1_500) == "-0:01" and clock_text(-2_500) == "-0:02"
    assert clock_text(59_500) == "0:59"                # never rounds up into the next minute
    assert clock_text(HOUR - 500) == "59:59"           # nor into the next hour


def test_a_countdown_rounds_up_so_zero_means_time_is_up():
    assert countdown_text(90_000) == "1:30"
    assert countdown_text(89_500) == "1:30"
    assert countdown_text(89_001) == "1:30"
    assert countdown_text(500) == "0:01"
    assert countdown_text(1) == "0:01"
    assert countdown_text(0) == "+0:00"
    assert countdown_text(-500) == "+0:00"
    assert countdown_text(-1_500) == "+0:01"
    assert countdown_text(-HOUR - 5_000) == "+1:00:05"
    assert countdown_text(HOUR - 1) == "1:00:00"


def test_huge_values_still_read_as_hours():
    assert clock_text(10**12) == "277777:46:40"
    assert clock_text(-(10**15), signed=True) == "-277777777:46:40"
    assert countdown_text(10**12 + 1) == "277777:46:41"


def test_floats_read_like_the_ints_they_stand_for():
    # The graphs' time axis hands over floats; x.9 s is still x s.
    assert clock_text(1_999.9) == clock_text(1_999) == "0:01"
    assert clock_text(-1_500.0) == "-0:01"
    assert countdown_text(500.0) == "0:01"


@given(st.integers(-10**13, 10**13))
def test_every_clock_parses_back_to_the_whole_seconds_it_shows(ms):
    text = clock_text(ms, signed=True)
    sign, body = text[0], text[1:]
    assert sign == ("-" if ms < 0 else "+")
    parts = [int(p) for p in body.split(":")]
    assert all(0 <= p < 60 for p in parts[1:]) and len(parts) in (2, 3)
    assert all(len(p) == 2 for p in body.split(":")[1:])
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + part
    assert seconds == abs(ms) // 1000


@given(st.integers(-10**10, 10**10))
def test_a_countdown_never_shows_less_time_than_is_left(ms):
    text = countdown_text(ms)
    assert text.startswith("+") == (ms <= 0)
    seconds = 0
    for part in text.lstrip("+").split(":"):
        seconds = seconds * 60 + int(part)
    assert (seconds * 1000 >= ms > (seconds - 1) * 1000) if ms > 0 else seconds == -ms // 1000


def test_a_script_duration_suggestion_never_carries_into_hours():
    assert minutes_text(90) == "1:30"
    assert minutes_text(3_600) == "60:00"
    assert minutes_text(7_530) == "125:30"


def test_the_printer_s_closing_figures_add_up():
    assert closing_figures(72_500, 2_100_000) == "1:12, plan 35:00, -33:48"


def test_formatting_a_clock_loads_no_qt():
    code = ("import sys, console.timefmt; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_duration_in_a_sentence_always_has_its_hours():
    from console.timefmt import duration_text
    assert duration_text(56 * 60_000 + 2_000) == "0:56:02"
    assert duration_text(3_723_000) == "1:02:03"
    assert duration_text(-3_600_000) == "1:00:00"

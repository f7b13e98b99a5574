"""No figure on screen reads "-0.0"."""

from hypothesis import given
from hypothesis import strategies as st

from console.ui.numbers import percent, signed


def test_a_change_too_small_to_show_is_plus_zero():
    assert signed(-0.04, 1) == "+0.0"
    assert signed(-0.4) == "+0"
    assert signed(-1234.6) == "-1,235"
    assert percent(-0.00004) == "0.0%"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_a_minus_sign_always_comes_with_a_nonzero_digit(value):
    for text in (*(signed(value, decimals) for decimals in (0, 1, 2)), percent(value)):
        if text.startswith("-"):
            assert any(digit in text for digit in "123456789"), text

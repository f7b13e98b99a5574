"""Lines for the host's screen break after punctuation and never leave a widow."""

from hypothesis import given, settings
from hypothesis import strategies as st

from console.phrases import phrases, wrap


def width_of(text: str) -> float:
    """One unit per character, as a monospaced CJK font would measure."""
    return float(len(text))


def test_a_crisis_line_breaks_after_its_commas_not_inside_words():
    line = "家人们画面有点卡，我们正在处理，大家先别走开。"
    assert wrap(line, 10, width_of) == ["家人们画面有点卡，", "我们正在处理，", "大家先别走开。"]


def test_a_single_character_is_never_left_on_the_last_line():
    lines = wrap("直播间的宝宝们今天福利多多吗", 13, width_of)
    assert len(lines[-1]) >= 2 and "".join(lines) == "直播间的宝宝们今天福利多多吗"


def test_punctuation_never_starts_a_line():
    lines = wrap("一二三四五六七八九十。再来", 10, width_of)
    assert not any(line[0] in "，。！？；、" for line in lines)


cjk_text = st.text(alphabet=st.sampled_from(list("直播间宝贝福利价格今天库存，。！？、 ab1")),
                   min_size=0, max_size=200)


@settings(max_examples=300)
@given(cjk_text, st.integers(min_value=1, max_value=40))
def test_wrapping_keeps_every_character_and_respects_the_width(text, width):
    lines = wrap(text, width, width_of)
    assert "".join(lines).replace(" ", "") == text.strip().replace(" ", "")
    for line in lines:
        # Wider only by the punctuation a line takes along (never starting the next
        # line with it) and the character a widow takes from the line above.
        core = line.rstrip("，。！？、 ")
        assert len(core) <= max(width, 2) + 1, (line, width)
    significant = lambda line: len([c for c in line if c not in "，。！？、 "])   # noqa: E731
    if len(lines) > 1 and significant(lines[-2]) >= 2:
        # The line above could spare a character (and keep two): no widow was left.
        assert significant(lines[-1]) >= 2 or significant(lines[-2]) == 2
    for line in lines[1:]:
        assert line and line[0] not in "，。！？、"


@given(cjk_text)
def test_phrases_join_back_to_the_text(text):
    assert "".join(phrases(text)) == text


def test_a_widow_after_a_space_and_punctuation_takes_a_real_character():
    # Found by hypothesis: the space before "、" was moved instead of a character.
    assert wrap("11111 、1", 7, width_of) == ["1111", "1 、1"]


def test_a_pasted_wall_of_text_is_wrapped_with_a_bounded_amount_of_measuring():
    measured = 0

    def counting(text: str) -> float:
        nonlocal measured
        measured += len(text)
        return float(len(text))

    wall = "价" * 10_000                         # no punctuation, nowhere to break nicely
    lines = wrap(wall, 20, counting)
    assert "".join(lines) == wall and all(len(line) <= 20 for line in lines)
    assert measured < 200 * len(wall)          # was about 5,000 × len(wall): seconds of GUI time


@settings(max_examples=300)
@given(cjk_text, st.integers(min_value=1, max_value=40))
def test_breaking_a_long_phrase_takes_as_many_characters_as_fit(text, width):
    from console.phrases import _fit_chars
    cut = _fit_chars(text, width, width_of) if text else 0
    if text:
        fitting = max(1, min(len(text), width))
        assert cut >= fitting
        assert text[fitting:cut] == "" or all(c in "，。！？；：、,.!?;:)）」』”…" for c in text[fitting:cut])

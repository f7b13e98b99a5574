"""Whatever the text, the matcher answers, and every hit points at what was written."""

from hypothesis import given, settings
from hypothesis import strategies as st

from console.compliance import Matcher, load_rules, normalise

MATCHER = Matcher(load_rules())
TERMS = [e.term for e in MATCHER.rules.entries] + list(MATCHER.rules.allow)
DODGES = [" ", "*", "\u200b", "\u200d", "\ufeff", "🔥", "·", "　", "～", "\u0301", "\ufe0f", "、"]

# Any text at all, and text built from listed terms, dodges and neighbours.
any_text = st.text(max_size=200)
crafted = st.lists(st.one_of(st.sampled_from(TERMS), st.sampled_from(DODGES),
                             st.text(alphabet="最第一好级顶家们加微信VvＶ%1０.．頂級", max_size=4),
                             st.text(max_size=3)), max_size=25).map("".join)


def check(text: str) -> None:
    for hit in MATCHER.find(text):
        assert 0 <= hit.start < hit.end <= len(text)
        assert text[hit.start:hit.end] == hit.text
        assert normalise(hit.text).text == hit.entry.key


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_any_text(text):
    check(text)


@settings(max_examples=400, deadline=None)
@given(crafted)
def test_text_made_of_terms_and_dodges(text):
    check(text)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_the_offset_map_has_one_original_index_per_character(text):
    norm = normalise(text)
    assert len(norm.origin) == len(norm.text)
    assert list(norm.origin) == sorted(norm.origin)
    assert all(0 <= i < len(text) for i in norm.origin)

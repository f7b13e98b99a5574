"""Whatever bytes a file holds, the readers answer with messages, never an exception:
the bundled samples mutated at random, and TOML generated to be hostile."""

import time

from hypothesis import HealthCheck, given, settings, strategies as st

from console.crisis.store import parse_scripts
from console.kpi.alerts import parse_rules
from console.resources import resource_path
from console.script import ShowFileError, check_show_bytes
from console.tomlfile import Issue, read_toml

SAMPLES = [resource_path("shows", "standard-35min.toml").read_bytes(),
           resource_path("shows", "marathon-2h.toml").read_bytes()]
RULES = resource_path("alerts", "rules.toml").read_bytes()
CRISIS = resource_path("crisis", "library.toml").read_bytes()
FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def assert_messages(issues: list[Issue]) -> None:
    for issue in issues:
        assert isinstance(issue, Issue) and issue.field and issue.message
        assert issue.line >= 0
        text = issue.format("x.toml")
        assert "\x1b" not in text and "\n" not in text and "\x9b" not in text


def check_show(data: bytes) -> None:
    started = time.perf_counter()
    show, _, issues = check_show_bytes(data, "x.toml")
    assert time.perf_counter() - started < 2.0
    assert_messages(issues)
    assert (show is None) == any(i.is_error for i in issues)
    lines = data.count(b"\n") + 1
    assert all(i.line <= lines for i in issues), (lines, issues)


def check_rules(data: bytes) -> None:
    try:
        parse_rules(data, "rules.toml")
    except ShowFileError as error:
        assert error.issues
        assert_messages(error.issues)


def check_crisis(data: bytes) -> None:
    _scripts, issues = parse_scripts(data, "crisis.toml", "team")
    assert_messages(issues)


# ── random edits of the real files ──────────────────────────────────────────────

HOSTILE_PIECES = [b"[", b"]", b"{", b"}", b"\"", b"'", b'"""', b"'''", b"=", b".", b",",
                  b"#", b"\n", b"\r", b"\\", b"\\u", b"\x00", b"\x1b", b"\xe2\x80\xa8", b"\xc2\x85",
                  b"\xff", b"\xef\xbb\xbf", b"nan", b"inf", b"-inf", b"1e999", b"9" * 80,
                  b"[[segment]]", b"[[sku]]", b"[show]", b"[" * 40, b"a." * 20,
                  b"0x", b"1979-05-27T07:32:00Z", b"true", b"\t", b" " * 200]


@st.composite
def mutated(draw, samples):
    data = bytearray(draw(st.sampled_from(samples)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["replace", "insert", "delete", "truncate", "piece"]))
        at = draw(st.integers(0, len(data)))
        if kind == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = draw(st.sampled_from(HOSTILE_PIECES))
    return bytes(data)


@FAST
@given(mutated(SAMPLES))
def test_a_mutated_show_file_gives_messages_never_an_exception(data):
    check_show(data)


@FAST
@given(mutated([RULES]))
def test_mutated_alert_rules_give_messages_never_an_exception(data):
    check_rules(data)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated([CRISIS]))
def test_mutated_crisis_scripts_give_messages_never_an_exception(data):
    check_crisis(data)


# ── generated hostile TOML ─────────────────────────────────────────────────────

KEYS = ["schema_version", "show", "title", "targets", "gmv", "sku", "segment", "id", "kind",
        "duration", "live_price", "list_price", "faq", "defaults", "sku_seconds", "rule",
        "script", "level", "host_lines", "below", "metric", "colour", "a", "\x1b[2J"]


def toml_key(key: str) -> str:
    return key if key.isidentifier() else '"' + key.replace("\x1b", "\\u001b") + '"'


scalars = st.one_of(
    st.integers(-10**30, 10**30).map(str),
    st.sampled_from(["nan", "inf", "-inf", "+nan", "true", "false", "1e308", "1e309", "0.1",
                     "1979-05-27", "07:32:00", "1979-05-27T07:32:00+08:00",
                     '"1:30"', '"99999:00"', '"\\u001b[31m"', '""', "''", '"""\n[[segment]]\n"""']),
    st.text(max_size=20).map(lambda s: '"' + s.encode("unicode_escape").decode("ascii")
                               .replace('"', '\\"') + '"'),
    st.integers(1, 3000).map(lambda n: "9" * n),
)

values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.lists(st.tuples(st.sampled_from(KEYS), inner), max_size=3).map(
            lambda kv: "{" + ", ".join(f"{toml_key(k)} = {v}" for k, v in dict(kv).items()) + "}"),
        st.integers(30, 1500).map(lambda n: "[" * n + "]" * n),
    ),
    max_leaves=12,
)

dotted = st.lists(st.sampled_from(KEYS), min_size=1, max_size=40).map(
    lambda parts: ".".join(toml_key(p) for p in parts))

statements = st.one_of(
    st.tuples(dotted, values).map(lambda kv: f"{kv[0]} = {kv[1]}"),
    dotted.map(lambda k: f"[{k}]"),
    dotted.map(lambda k: f"[[{k}]]"),
    st.integers(1, 60_000).map(lambda n: "[a" + " " * n + "]"),
    st.sampled_from(["# comment \u2028 more", "\u2029", "x = 1 # \x85", "[[segment]]",
                     'kind = "sku"', 'sku = "A01"', "[[sku]]", 'id = "A01"', "[show]",
                     'title = "t"', "schema_version = 1", "y = [1,", "\\"]),
)


@FAST
@given(st.lists(statements, max_size=25))
def test_generated_hostile_toml_gives_messages_never_an_exception(lines):
    data = "\n".join(lines).encode("utf-8")
    check_show(data)
    check_rules(data)
    check_crisis(data)


@FAST
@given(st.lists(statements, max_size=25))
def test_the_reader_agrees_with_tomllib_on_what_is_valid_within_the_bounds(lines):
    import tomllib
    text = "\n".join(lines)
    file, issues = read_toml(text.encode("utf-8"))
    assert_messages(issues)
    if file is not None:
        assert repr(file.doc) == repr(tomllib.loads(text))
    elif issues[0].field == "syntax":
        try:
            tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            pass
        else:
            raise AssertionError("the reader refused valid TOML as a syntax error")

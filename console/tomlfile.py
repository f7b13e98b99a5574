"""The one door for the team's TOML files — run-of-show scripts, alert rules, crisis
scripts: bytes → bounded → text → TOML → the line of every key, each problem an `Issue`
(`FILE:LINE: field: problem`), never an exception, whatever the file holds.

`tomllib` recurses once per nesting level, is quadratic in the parts of a dotted key,
and turns digits into ints past Python's 4,300-digit limit; so a cheap linear scan
bounds the input before the parser sees it. The same scan records where each key was
written (`tomllib` reports no positions), counting lines the way TOML does: only
"\\n" ends a line (U+2028, NEL, form feed inside a comment or string do not).
"""

from __future__ import annotations

import dataclasses
import enum
import math
import re
import tomllib
from pathlib import Path

from console.text import translate

# ── Bounds, checked before the parser runs ─────────────────────────────────────
# The 2-hour marathon sample is 43 KB; a 4-hour show with 200 SKUs and their FAQs is
# ~300 KB. 1 MB leaves room for that three times over and keeps parsing under a second.
MAX_FILE_BYTES = 1_000_000
# Our formats nest two deep (faq = [ { q, a } ]). tomllib recurses a few frames per
# level, so 1,000 levels exhaust Python's stack; 32 is far past any real file.
MAX_NESTING = 32
# Parts of one dotted key or table header; ours have at most two ([show.targets]).
# tomllib's time grows with the square of the parts: 100,000 took minutes.
MAX_KEY_PARTS = 16
# Characters of one bare value (a number, a date, true/false). A TOML integer is 64-bit
# (19 digits) and the longest date-time ~35 characters; Python refuses to convert more
# than 4,300 digits, and a 64-character number is already nothing a show means.
MAX_VALUE_CHARS = 64
# User text echoed in a message (an id, a key, a value) is cut to this many characters.
MAX_SHOWN_CHARS = 40


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclasses.dataclass(frozen=True)
class Issue:
    """A problem in a file, pinned to a line and a field."""

    severity: Severity
    line: int          # 1-based; 0 when the problem has no single line (empty file)
    field: str         # e.g. "segment[3].duration", "sku[2].id", "show.title"
    message: str       # what is wrong and, where it helps, what to do

    def __post_init__(self) -> None:
        # Whatever the file held, a message never carries a terminal escape or a line break.
        object.__setattr__(self, "field", escape_controls(self.field))
        object.__setattr__(self, "message", escape_controls(self.message))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self, path: str) -> str:
        """`FILE:LINE: field: what is wrong` — the form editors and CI can jump to."""
        prefix = "" if self.is_error else "warning: "
        return f"{path}:{self.line}: {self.field}: {prefix}{self.message}"


class ShowFileError(Exception):
    """A file that cannot be used; carries every error found."""

    def __init__(self, path: str, issues: list[Issue]) -> None:
        self.path = path
        self.issues = issues
        errors = [i for i in issues if i.is_error]
        super().__init__("\n".join(i.format(path) for i in errors))


# C0, DEL, C1, line/paragraph separators and the bidirectional overrides: characters
# that move a terminal's cursor, recolour it, or reorder what the reader sees.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                       "\u2066-\u2069]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape_controls(text: str) -> str:
    """`text` with every control character written as an escape (ESC → \\x1b)."""
    def escaped(match: re.Match) -> str:
        ch = match.group()
        return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
    return _CONTROLS.sub(escaped, text)


def shown(value, limit: int = MAX_SHOWN_CHARS) -> str:
    """User text (or any value) safe to put in a message: escaped and cut to `limit`."""
    text = escape_controls(value if isinstance(value, str) else _short_repr(value, limit))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _short_repr(value, limit: int) -> str:
    if isinstance(value, (list, dict)) and len(value) > limit:
        return "[…]" if isinstance(value, list) else "{…}"
    try:
        return repr(value)
    except (RecursionError, ValueError):
        return "…"


def is_number(value) -> bool:
    """An int or a finite float; TOML's true is not 1, and nan/inf are no price."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))


# ── Reading ────────────────────────────────────────────────────────────────────

@dataclasses.dataclass(frozen=True)
class TomlFile:
    text: str          # as decoded, the BOM removed
    doc: dict          # what tomllib read
    lines: KeyLines  # where each key was written


def read_bytes(path: str | Path) -> tuple[bytes | None, list[Issue]]:
    """A file's bytes (at most one over the size bound), or why it cannot be read."""
    try:
        with open(path, "rb") as file:
            return file.read(MAX_FILE_BYTES + 1), []
    except FileNotFoundError:
        return None, [Issue(Severity.ERROR, 0, "file",
                             translate("Script", "not found; check the path"))]
    except IsADirectoryError:
        return None, [Issue(Severity.ERROR, 0, "file",
                             translate("Script", "is a folder, not a show file"))]
    except OSError as exc:
        return None, [Issue(Severity.ERROR, 0, "file", translate(
            "Script", "cannot be read: {reason}").format(reason=exc.strerror or exc))]


def read_toml(data: bytes) -> tuple[TomlFile | None, list[Issue]]:
    """The file read, or the issues saying why it cannot be (decoding, bounds, syntax)."""
    if len(data) > MAX_FILE_BYTES:
        return None, [Issue(Severity.ERROR, 0, "file", translate(
            "Script", "is over {limit} MB, far more than any show, rule or crisis file; "
            "check that this is the right file")
            .format(limit=MAX_FILE_BYTES // 1_000_000))]
    text, issues = decode(data)
    if text is None:
        return None, issues
    scan = _Scan(text)
    if scan.problem is not None:
        return None, [scan.problem]
    doc, issues = parse_toml(text)
    if doc is None:
        return None, issues
    return TomlFile(text, doc, scan.lines), []


def decode(data: bytes) -> tuple[str | None, list[Issue]]:
    """UTF-8 text (BOM allowed), or an issue naming the first bad line."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = translate("Script", "save the file as UTF-8")
        try:
            data.decode("gb18030")
            hint = translate("Script", "the file looks like GBK/GB18030; save it as UTF-8 "
                             "(in Excel/Notepad: 'UTF-8')")
        except UnicodeDecodeError:
            pass
        return None, [Issue(Severity.ERROR, line, "encoding",
                            translate("Script", "byte {byte} is not valid UTF-8; {hint}").format(
                                byte=f"0x{data[exc.start]:02x}", hint=hint))]


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)")


def parse_toml(text: str) -> tuple[dict | None, list[Issue]]:
    """What tomllib reads, or its complaint on the line TOML counts (only "\\n" ends one)."""
    try:
        return tomllib.loads(text), []
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = _TOML_POSITION.search(message)
        if position:
            line = int(position.group(1))
            message = _TOML_POSITION.sub("", message).strip()
            message += translate("Script", " (column {column})").format(column=position.group(2))
        else:
            line = _last_line(text)
            message = _TOML_AT_END.sub("", message).strip()
            message += translate("Script", " (at the end of the file)")
        return None, [Issue(Severity.ERROR, line, "syntax",
                            translate("Script", "{message}; check quotes, brackets and '=' on this "
                                      "line").format(message=message))]
    except (RecursionError, ValueError, MemoryError):
        # The scan bounds nesting and digits first; this is the last line of defence.
        return None, [Issue(Severity.ERROR, 1, "file", translate(
            "Script", "is too deeply nested or holds too long a number to read"))]


def _last_line(text: str) -> int:
    """The line of the last character that is not blank: where an unfinished value began
    to run off the end."""
    end = len(text.rstrip())
    return text.count("\n", 0, end) + 1


def unknown_keys(table: dict, known: set, lines: KeyLines, path: tuple,
                 field: str) -> list[Issue]:
    """A warning for each key of `table` the format does not have (it is ignored)."""
    return [Issue(Severity.WARNING, lines.of(*path, key),
                  f"{field}.{shown(key)}" if field else shown(key),
                  translate("Script", "unknown key (ignored); expected one of: {keys}")
                  .format(keys=", ".join(sorted(known))))
            for key in table if key not in known]


# ── Where each key was written ─────────────────────────────────────────────────

class KeyLines:
    """Line numbers of keys, addressed by table path and array-of-tables index."""

    def __init__(self) -> None:
        self._lines: dict[tuple, int] = {}
        self._headers: dict[tuple, int] = {}

    def of(self, *path) -> int:
        """Line of the key at `path`, falling back to its table header, then 1."""
        path = tuple(path)
        while path:
            if path in self._lines:
                return self._lines[path]
            if path in self._headers:
                return self._headers[path]
            path = path[:-1]
        return 1


_SPACE = re.compile(r"[ \t]*")
_BARE_KEY = re.compile(r"[A-Za-z0-9_\-]+")
_BARE_VALUE = re.compile(r"[A-Za-z0-9_+\-.:]+")
_COMMENT = re.compile(r"#[^\n]*")
# Possessive, so each is one pass over the string however it ends.
_STRING = {
    '"""': re.compile(r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+(?:"""(?:"{1,2}+)?)?'),
    "'''": re.compile(r"'''(?:[^']++|'(?!''))*+(?:'''(?:'{1,2}+)?)?"),
    '"': re.compile(r'"(?:[^"\\\n]++|\\[^\n])*+"?'),
    "'": re.compile(r"'[^'\n]*+'?"),
}


def _end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where `pattern` ends from `pos`: these patterns match there whatever follows."""
    match = pattern.match(text, pos)
    assert match is not None
    return match.end()


class _Scan:
    """One linear pass over TOML text: bounds checked, key lines recorded.

    It follows what tomllib accepts (headers, keys, strings of all four kinds, arrays,
    inline tables, comments) and never fails: text it does not understand it steps
    over, and tomllib then names the syntax error.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.lines = KeyLines()
        self.problem: Issue | None = None
        self._counters: dict[tuple, int] = {}
        self._table: tuple = ()
        self._field = "value"      # the key whose value is being scanned, for messages
        self._run()

    def _fail(self, field: str, message: str) -> None:
        self.problem = Issue(Severity.ERROR, self.line, field, message)

    def _run(self) -> None:
        text, n = self.text, len(self.text)
        while self.problem is None and self.pos < n:
            self._skip_space()
            if self.pos >= n:
                break
            ch = text[self.pos]
            if ch == "\n":
                self._newline()
            elif ch == "#":
                self.pos = _end(_COMMENT, text, self.pos)
            elif ch == "[":
                self._header()
            else:
                self._key_value()

    # ── statements ──

    def _header(self) -> None:
        text, line = self.text, self.line
        array = text.startswith("[[", self.pos)
        self.pos += 2 if array else 1
        parts = self._key()
        if parts is None:
            return self._rest_of_line()
        self._skip_space()
        if parts and text.startswith("]]" if array else "]", self.pos):
            self.pos += 2 if array else 1
            table: tuple[str | int, ...] = tuple(parts)
            if array:
                index = self._counters.get(table, 0)
                self._counters[table] = index + 1
                table += (index,)
            self._table = table
            for end in range(1, len(table) + 1):     # [a.b] also defines a
                self.lines._headers.setdefault(table[:end], line)
        self._rest_of_line()

    def _key_value(self) -> None:
        line = self.line
        parts = self._key()
        if not parts:
            return self._rest_of_line()
        for end in range(1, len(parts) + 1):
            self.lines._lines.setdefault(self._table + tuple(parts[:end]), line)
        self._field = _field_name(self._table + tuple(parts))
        self._skip_space()
        if self.text.startswith("=", self.pos):
            self.pos += 1
            self._value()
        self._rest_of_line()

    def _rest_of_line(self) -> None:
        """Steps to the end of the line, over strings and comments, keeping count."""
        text, n = self.text, len(self.text)
        while self.problem is None and self.pos < n and text[self.pos] != "\n":
            ch = text[self.pos]
            if ch == "#":
                self.pos = _end(_COMMENT, text, self.pos)
            elif ch in "\"'":
                self._string()
            elif ch in "[{":
                self._value()
            else:
                self.pos += 1

    # ── pieces ──

    def _key(self) -> list[str] | None:
        """The parts of a (dotted) key at pos; [] when there is none, None when cut off."""
        parts: list[str] = []
        text = self.text
        while True:
            self._skip_space()
            part = self._key_part()
            if part is None:
                return parts
            parts.append(part)
            if len(parts) > MAX_KEY_PARTS:
                self._fail(shown(parts[0]), translate(
                    "Script", "a key of more than {limit} dotted parts; this is not a file "
                    "the console reads").format(limit=MAX_KEY_PARTS))
                return None
            self._skip_space()
            if not text.startswith(".", self.pos):
                return parts
            self.pos += 1

    def _key_part(self) -> str | None:
        text = self.text
        if self.pos >= len(text):
            return None
        ch = text[self.pos]
        if ch in "\"'":
            if text.startswith(ch * 3, self.pos):
                return None            # a multi-line string is no key
            start = self.pos
            self._string()
            token = text[start:self.pos]
            if "\\" not in token:
                return token[1:-1]
            try:
                return tomllib.loads("k = " + token)["k"]
            except (tomllib.TOMLDecodeError, RecursionError, ValueError):
                return token[1:-1]
        match = _BARE_KEY.match(text, self.pos)
        if not match:
            return None
        self.pos = match.end()
        return match.group()

    def _string(self) -> None:
        text = self.text
        ch = text[self.pos]
        pattern = _STRING[ch * 3] if text.startswith(ch * 3, self.pos) else _STRING[ch]
        end = _end(pattern, text, self.pos)
        self.line += text.count("\n", self.pos, end)
        self.pos = end

    def _value(self) -> None:
        """One value: a string, a bare word, or an array / inline table to its close,
        without recursion however deep it nests."""
        text, n = self.text, len(self.text)
        stack: list[str] = []
        expect_key = False
        while self.problem is None and self.pos < n:
            ch = text[self.pos]
            if ch in " \t\r":
                self.pos += 1
            elif ch == "\n":
                if not stack:
                    return
                self._newline()
            elif ch == "#":
                self.pos = _end(_COMMENT, text, self.pos)
            elif expect_key and ch != "}":
                expect_key = False
                if self._key() is None:
                    return
                self._skip_space()
                if text.startswith("=", self.pos):
                    self.pos += 1
            elif ch in "[{":
                stack.append(ch)
                self.pos += 1
                expect_key = ch == "{"
                if len(stack) > MAX_NESTING:
                    self._fail(self._field, translate(
                        "Script", "arrays or tables nested more than {limit} deep; "
                        "this is not a file the console reads").format(limit=MAX_NESTING))
            elif ch in "]}":
                self.pos += 1
                if stack:
                    stack.pop()
                if not stack:
                    return
            elif ch == ",":
                self.pos += 1
                expect_key = bool(stack) and stack[-1] == "{"
            elif ch in "\"'":
                self._string()
                if not stack:
                    return
            else:
                match = _BARE_VALUE.match(text, self.pos)
                if not match:
                    self.pos += 1
                    continue
                self.pos = match.end()
                if len(match.group()) > MAX_VALUE_CHARS:
                    digits = sum(c.isdigit() for c in match.group())
                    self._fail(self._field, translate(
                        "Script", "a value of {count} characters ({digits} digits) starting "
                        "{start}; numbers and dates are at most {limit}").format(
                            count=len(match.group()), digits=digits,
                            start=shown(match.group(), 12), limit=MAX_VALUE_CHARS))
                if not stack:
                    return

    def _skip_space(self) -> None:
        self.pos = _end(_SPACE, self.text, self.pos)

    def _newline(self) -> None:
        self.pos += 1
        self.line += 1


def _field_name(path: tuple) -> str:
    """("segment", 2, "duration") → "segment[3].duration", as the readers name fields."""
    name = ""
    for part in path:
        name += f"[{part + 1}]" if isinstance(part, int) else f"{'.' if name else ''}{shown(part)}"
    return name

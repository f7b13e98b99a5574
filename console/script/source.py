"""Reading a run-of-show file: bytes → text → TOML, plus a map of key lines.

`tomllib` reports no positions for values, so `KeyLines` re-scans the text to
find the line where each key was written. It follows table headers and counts
array-of-tables entries, which is all our format uses.
"""

from __future__ import annotations

import re
import tomllib

from console.script.issues import Issue, Severity
from console.text import translate

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')\s*(\.\s*[A-Za-z0-9_\-]+\s*)*=")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


class KeyLines:
    """Line numbers of keys, addressed by table path and array index."""

    def __init__(self, text: str) -> None:
        self._lines: dict[tuple, int] = {}
        self._headers: dict[tuple, int] = {}
        counters: dict[str, int] = {}
        table: tuple = ()
        depth = 0  # open brackets of a multi-line array; keys inside belong to its key
        for number, raw in enumerate(text.splitlines(), start=1):
            line, balance = _scan(raw)
            if depth == 0:
                header = _HEADER.match(line)
                if header:
                    name = header.group(2).replace('"', "").replace("'", "").strip()
                    if header.group(1) == "[[":
                        index = counters.get(name, 0)
                        counters[name] = index + 1
                        table = (name, index)
                    else:
                        parts = name.split(".")
                        # [show.targets] inside the format is a plain sub-table
                        table = tuple(parts)
                    self._headers[table] = number
                    continue
                key = _KEY.match(line)
                if key:
                    name = key.group(1).strip("\"'")
                    self._lines.setdefault(table + (name,), number)
            depth = max(0, depth + balance)

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


def _scan(line: str) -> tuple[str, int]:
    """The line without its comment, and how many brackets it leaves open.

    Quotes are followed so that '#' and brackets inside strings do not count.
    """
    code, balance, quote = [], 0, None
    for ch in line:
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch in "[]":
            balance += 1 if ch == "[" else -1
        code.append(ch)
    return "".join(code), balance


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


def parse_toml(text: str) -> tuple[dict | None, list[Issue]]:
    try:
        return tomllib.loads(text), []
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = _TOML_POSITION.search(message)
        line = int(position.group(1)) if position else 1
        message = _TOML_POSITION.sub("", message).strip()
        if position:
            message += translate("Script", " (column {column})").format(column=position.group(2))
        return None, [Issue(Severity.ERROR, line, "syntax",
                            translate("Script", "{message}; check quotes, brackets and '=' on this "
                                      "line").format(message=message))]

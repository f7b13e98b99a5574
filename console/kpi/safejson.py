"""json.loads for text from outside (an HTTP body, a followed file's line).

The standard parser recurses once per level of nesting and turns every digit
of an integer into one int: 2,000 nested brackets raise RecursionError (deep
in a thread with a small stack, worse) and 4,300+ digits raise a ValueError
that is not a JSONDecodeError. Nesting is measured first, by a linear scan
that skips strings; whatever still goes wrong comes out as one JsonProblem.
"""

from __future__ import annotations

import itertools
import json
import re

MAX_DEPTH = 20          # a sample needs 3 levels ({"samples": [{"values": {...}}]})

# A string token, possessive so it never backtracks; an unfinished string runs to the end,
# so the scan never restarts inside one (linear whatever the input).
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class JsonProblem(ValueError):
    """Not usable JSON: `detail` says why, `position` where (may be empty)."""

    def __init__(self, detail: str, position: str = "") -> None:
        super().__init__(f"{detail} {position}".strip())
        self.detail = detail
        self.position = position


def nesting_depth(text: str) -> int:
    """How deep [ and { nest outside strings (an upper bound for invalid JSON)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(0, max(itertools.accumulate(map(_STEP.__getitem__, brackets)), default=0))


def loads(text: str, max_depth: int = MAX_DEPTH) -> object:
    depth = nesting_depth(text)
    if depth > max_depth:
        raise JsonProblem(f"nested {depth} levels deep (at most {max_depth})")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonProblem(exc.msg, f"at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:                                # the scan above should prevent it
        raise JsonProblem("nested too deep") from None
    except ValueError as exc:                             # an integer past the digit limit
        detail = "a number with more than 4300 digits" if "digits" in str(exc) else str(exc)
        raise JsonProblem(detail) from None

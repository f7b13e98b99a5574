"""Breaking Chinese lines for a screen read from three metres.

Qt's word wrap breaks CJK text at any character, so a crisis line ends with a
lone "吗" on a line of its own, or splits "直播间" across two lines. Here lines
break after punctuation first (，。！？；、), then between phrases, and a line
is never left with a single character (a widow): the line above gives one up.

The width is measured by a function the caller passes (the view's font
metrics), so this stays free of Qt and testable.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A phrase ends after any of these (kept with the phrase, never starting a line).
_BREAK_AFTER = "，。！？；：、,.!?;:)）」』”…"
_PHRASE = re.compile(rf"[^{re.escape(_BREAK_AFTER)}\s]*[{re.escape(_BREAK_AFTER)}]+\s*|\S+\s*|\s+")
_NO_LINE_START = set(_BREAK_AFTER)

Measure = Callable[[str], float]


def phrases(text: str) -> list[str]:
    """`text` cut after its punctuation and at spaces; joined again they give `text`."""
    return [p for p in _PHRASE.findall(text) if p]


def wrap(text: str, width: float, measure: Measure) -> list[str]:
    """Lines of `text` no wider than `width` where possible, broken at phrase ends."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph.strip(), width, measure))
    return lines


def _wrap_paragraph(text: str, width: float, measure: Measure) -> list[str]:
    if not text:
        return [""]
    lines: list[str] = []
    line = ""
    for phrase in phrases(text):
        if measure((line + phrase).rstrip()) <= width:
            line += phrase
            continue
        if phrase.lstrip()[:1] in _NO_LINE_START and (line.strip() or lines):
            # Punctuation (after a space) stays with what it ends, even a little wide.
            if line.strip():
                line = line.rstrip() + phrase.strip()
            else:
                lines[-1] += phrase.strip()
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = ""
        # A phrase wider than the line on its own: break it between characters.
        while len(phrase.rstrip()) > 1:
            cut = _fit_chars(phrase, width, measure)
            if cut >= len(phrase.rstrip()):        # the rest fits on one line
                break
            lines.append(phrase[:cut])
            phrase = phrase[cut:]
        line = phrase
    if line.strip():
        lines.append(line.rstrip())
    return _no_widow(lines)


def _fit_chars(text: str, width: float, measure: Measure) -> int:
    """How many leading characters fit (at least one), with the punctuation after them.

    Galloping, then halving: the prefixes measured stay within about two lines'
    length, so a pasted 10,000-character note costs a few hundred measurements,
    not millions (the GUI thread paints it)."""
    cut, step = 1, 1
    while cut < len(text):
        probe = min(len(text), cut + step)
        if measure(text[:probe]) <= width:
            cut, step = probe, step * 2
        elif step == 1:
            break
        else:
            step //= 2
    # Punctuation never starts the next line: take it along.
    while cut < len(text) and text[cut] in _NO_LINE_START:
        cut += 1
    return cut


def _no_widow(lines: list[str]) -> list[str]:
    """A last line of one character (or only punctuation) takes a character — with the
    punctuation after it — from the line above, if that line can spare one."""
    if len(lines) < 2:
        return lines
    last = lines[-1]
    if len([c for c in last if c not in _NO_LINE_START and not c.isspace()]) >= 2:
        return lines
    previous = lines[-2]
    moved = 1
    while moved < len(previous) and (previous[-moved] in _NO_LINE_START
                                     or previous[-moved].isspace()):
        moved += 1
    keep = previous[:-moved]
    if len([c for c in keep if c not in _NO_LINE_START and not c.isspace()]) < 2:
        return lines
    return lines[:-2] + [keep.rstrip(), previous[-moved:].lstrip() + last]

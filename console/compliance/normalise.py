"""Text as the word list sees it, with a map back to the characters a person wrote.

Hosts and scripts dodge checkers with full-width letters (ＮＯ．１), traditional
characters (頂級), zero-width characters, emoji and spaces or symbols between the
characters of a word (最 好, 最*好, 最​好). `normalise` undoes all of that, one original
character at a time, and records for every character it keeps which original
character it came from, so a hit points at the text as written.

Per character: NFKC (full/half width, ligatures, circled digits), traditional →
simplified (OpenCC t2s, character by character so the map stays exact; where t2s
would change a character's count it is left as written), casefold (Ｖ, V → v). Then
dropped: format characters (zero-width space/joiner, BOM, bidi marks), combining
marks and variation selectors, emoji and other pictographs anywhere; spaces,
punctuation and symbols only between two word characters of which at least one is
CJK — 最 好 becomes 最好, while "100 %" and "no.1" keep what separates their parts.
"""

from __future__ import annotations

import dataclasses
import functools
import unicodedata

import opencc

_T2S = opencc.OpenCC("t2s")
# Sentence ends stay: they separate what a host says in two breaths. So does %,
# which is part of what it follows (100%).
_KEEP_PUNCTUATION = frozenset("。！？；\n%")


@dataclasses.dataclass(frozen=True)
class Normalised:
    text: str
    origin: tuple[int, ...]      # origin[i]: index in the original of text[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original characters [a, b) that normalised text[start:end] came from."""
        return self.origin[start], self.origin[end - 1] + 1


@functools.lru_cache(maxsize=65536)
def _char(ch: str) -> str:
    """One original character, normalised (possibly to several characters, or none)."""
    out = []
    for part in unicodedata.normalize("NFKC", ch):
        simplified = _T2S.convert(part)
        part = simplified if len(simplified) == 1 else part
        out.append(part.casefold())
    return "".join(out)


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x3134F)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or _is_cjk(ch)


def _always_dropped(ch: str) -> bool:
    """Invisible or decorative: format characters, combining marks, emoji/pictographs."""
    category = unicodedata.category(ch)
    return category in ("Cf", "Mn", "Me", "So", "Cs", "Co", "Cn") or (
        category == "Sk" and ord(ch) >= 0x1F000)    # emoji skin-tone modifiers


def _separator(ch: str) -> bool:
    """Space, punctuation or a symbol: dropped between the characters of a CJK word."""
    if ch in _KEEP_PUNCTUATION:
        return False
    category = unicodedata.category(ch)
    return category[0] in ("Z", "P", "S") or ch in "\t\r\x0b\x0c"


def normalise(text: str) -> Normalised:
    chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        for part in _char(ch):
            if not _always_dropped(part):
                chars.append(part)
                origin.append(index)
    # Drop separators between two word characters when one of them is CJK.
    keep = [True] * len(chars)
    previous_word = -1                      # index of the last word character seen
    run_start = 0
    i = 0
    while i < len(chars):
        if _separator(chars[i]):
            run_start = i
            while i < len(chars) and _separator(chars[i]):
                i += 1
            if previous_word >= 0 and i < len(chars) and _is_word(chars[i]) and \
                    _is_word(chars[previous_word]) and (
                        _is_cjk(chars[previous_word]) or _is_cjk(chars[i])) and \
                    previous_word == run_start - 1:
                for j in range(run_start, i):
                    keep[j] = False
            continue
        if _is_word(chars[i]):
            previous_word = i
        i += 1
    return Normalised("".join(c for c, k in zip(chars, keep) if k),
                      tuple(o for o, k in zip(origin, keep) if k))


def normalised_text(text: str) -> str:
    return normalise(text).text

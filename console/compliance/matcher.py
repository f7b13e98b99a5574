"""Finding listed terms in text: one Aho-Corasick automaton over the normalised text
holding both the terms and the allow-phrases, leftmost-longest.

Leftmost-longest is what lets an allow-phrase win over the shorter term it contains:
at 第一轮 both 第一 and 第一轮 start; the longer, 第一轮, is allowed, so nothing is
reported. A phrase that starts earlier wins too: 我们家最 (self-comparison, which the
regulator's guidance permits) takes the 最 that 最便宜 would need.
"""

from __future__ import annotations

import dataclasses

import ahocorasick

from console.compliance.normalise import Normalised, normalise
from console.compliance.words import Entry, Exemption, Rules


# A term quoted after one of these is named, not said: 不说“美白”, 禁止说"第一".
_AVOID = ("不说", "不要说", "别说", "禁说", "禁止说", "禁止", "避免说", "避免", "不得说", "不得",
          "不能说", "不提", "勿说", "严禁")
_QUOTES = {"“": "”", "「": "」", "『": "』", '"': '"', "‘": "’", "'": "'"}


def quoted_as_avoided(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside quotes opened right after 不说/禁止说/避免….
    Several quoted terms may follow one verb: 禁止说“美白”“祛斑”."""
    position = start - 1
    while position >= 0 and start - position <= 40:
        opening = text[position]
        if opening in _QUOTES:
            closing = _QUOTES[opening]
            if closing not in text[position + 1:start] and closing in text[end:end + 40]:
                before = text[max(0, position - 8):position]
                while before and before[-1] in "”」』\"’'、，, ":   # earlier quoted terms
                    before = before[:-1]
                    cut = max(before.rfind(q) for q in _QUOTES)
                    before = before[:cut] if cut >= 0 else before
                return any(before.endswith(verb) for verb in _AVOID)
            return False
        position -= 1
    return False


@dataclasses.dataclass(frozen=True)
class Hit:
    start: int                      # in the original text
    end: int
    text: str                       # the original characters, as written
    entry: Entry
    exemption: Exemption | None = None


class Matcher:
    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for phrase in rules.allow:
            key = normalise(phrase).text
            if len(key) >= 2:
                automaton.add_word(key, (len(key), None))
        for entry in rules.entries:       # a term that is also an allow-phrase is a term
            key = entry.key
            if len(key) >= 2:
                automaton.add_word(key, (len(key), entry))
        self._empty = len(automaton) == 0
        if not self._empty:
            automaton.make_automaton()
        self._automaton = automaton
        self._exempt = [(normalise(e.term).text, normalise(e.phrase).text, e)
                        for e in rules.exemptions]

    def find(self, text: str) -> list[Hit]:
        """Every listed term in `text` that no allow-phrase covers, exemptions marked."""
        if self._empty or not text:
            return []
        norm = normalise(text)
        hits = []
        for start, end, entry in self._select(norm):
            a, b = norm.span(start, end)
            if quoted_as_avoided(text, a, b):
                continue
            hits.append(Hit(a, b, text[a:b], entry, self._exemption(norm, start, end, entry)))
        return hits

    def _select(self, norm: Normalised) -> list[tuple[int, int, Entry]]:
        s = norm.text
        found = []
        for last, (length, entry) in self._automaton.iter(s):
            start = last - length + 1
            if self._whole(norm, start, last + 1):
                found.append((start, last + 1, entry))
        found.sort(key=lambda m: (m[0], -m[1]))
        chosen, taken_to = [], 0
        for start, end, entry in found:
            if start < taken_to:
                continue
            taken_to = end
            if entry is not None:           # None: an allow-phrase took these characters
                chosen.append((start, end, entry))
        return chosen

    @staticmethod
    def _whole(norm: Normalised, start: int, end: int) -> bool:
        """Whole original characters, and a Latin or digit term not inside a longer word
        (vx in "vxe", 加v in "加vip", 100% in "1100%")."""
        s, origin = norm.text, norm.origin
        if start > 0 and origin[start - 1] == origin[start]:
            return False
        if end < len(s) and origin[end] == origin[end - 1]:
            return False
        if start > 0 and s[start].isascii() and s[start].isalnum() and \
                s[start - 1].isascii() and s[start - 1].isalnum():
            return False
        return not (end < len(s) and s[end - 1].isascii() and s[end - 1].isalnum()
                    and s[end].isascii() and s[end].isalnum())

    def _exemption(self, norm: Normalised, start: int, end: int,
                   entry: Entry) -> Exemption | None:
        for term, phrase, exemption in self._exempt:
            if term != entry.key:
                continue
            if not phrase:
                return exemption
            position = norm.text.find(phrase)
            while position >= 0:
                if position <= start and end <= position + len(phrase):
                    return exemption
                position = norm.text.find(phrase, position + 1)
        return None

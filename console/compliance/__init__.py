"""The compliance check (广告法 and platform rules): a curated word list, a matcher over
normalised text, and `console lint` over shows and plain text. No Qt here."""

from __future__ import annotations

from console.compliance.matcher import Hit, Matcher
from console.compliance.normalise import Normalised, normalise, normalised_text
from console.compliance.words import (CATEGORIES, TEAM_FILENAME, Entry, Exemption, Level, Rules,
                                      category_name, load_rules, read_rules_file)

__all__ = [
    "CATEGORIES",
    "TEAM_FILENAME",
    "Entry",
    "Exemption",
    "Hit",
    "Level",
    "Matcher",
    "Normalised",
    "Rules",
    "category_name",
    "load_rules",
    "normalise",
    "normalised_text",
    "read_rules_file",
]

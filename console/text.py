"""What the domain layers say to people — a broken script, a port in use, a full
disk — in the user's language.

Every sentence is written in English inside a `translate("Context", "…")` call,
the form Qt's lupdate collects, so it lands in resources/i18n/console_zh_CN.ts
beside the widgets' strings (`QT_TRANSLATE_NOOP` marks one to translate later).
Placeholders are named, `{field}`, and filled with
str.format after translating. The layers here stay free of Qt: the window
installs Qt's lookup at start, the command line a translator of its own, and
with none installed the English stands (tests, logs).
"""

from __future__ import annotations

from collections.abc import Callable

# Qt's translate answers None or "" when it has no translation.
_lookup: Callable[[str, str], str | None] | None = None


def install(lookup: Callable[[str, str], str | None] | None) -> None:
    """Where translations come from: (context, English) -> text, or None for English."""
    global _lookup
    _lookup = lookup


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """Marks `text` for translation without translating it now: for messages kept in
    English (logs, HTTP answers) and translated later by whoever shows them."""
    return text


def translate(context: str, text: str) -> str:
    if _lookup is None:
        return text
    return _lookup(context, text) or text

"""Choosing the UI language and loading its Qt translation file.

Source strings are English; Simplified Chinese comes from
resources/i18n/console_zh_CN.qm. "system" follows the OS locale: a Chinese or
unknown locale gets Chinese (the users' language), an English one English.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from console import text
from console.resources import resource_path

if TYPE_CHECKING:
    from console.kpi.alerts import Rule

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")


def current_language() -> str:
    """The language the UI is showing, as the installed translators say: the Chinese
    file translates this marker into its own code."""
    marker = QCoreApplication.translate("i18n", "language code: en")
    return "en" if marker == "language code: en" else marker.rsplit(" ", 1)[-1]


def localized(zh: str, en: str) -> str:
    """Text that comes in both languages from data (alert rules, figures' names), not
    from the translation files: the UI's language, falling back to Chinese."""
    return en if en and current_language() == "en" else zh


def resolve_language(choice: str, system_locale: str | None = None) -> str:
    if choice in LANGUAGES:
        return choice
    locale = system_locale if system_locale is not None else QLocale.system().name()
    return "en" if locale.startswith("en") else "zh_CN"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load the translation for `language` (English needs none); keep the result alive.
    The domain layers' messages (console/text.py) go through the same translators."""
    text.install(QCoreApplication.translate)
    if language == "en":
        return None
    translator = QTranslator(app)
    path = resource_path("i18n", f"console_{language}.qm")
    if not translator.load(str(path)):
        log.warning("translation %s could not be loaded; the UI stays in English", path)
        return None
    app.installTranslator(translator)
    return translator


def alert_title(rule: Rule) -> str:
    return localized(rule.title, rule.title_en)

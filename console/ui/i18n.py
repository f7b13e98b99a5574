"""Choosing the UI language and loading its Qt translation file.

Source strings are English; Simplified Chinese comes from
resources/i18n/console_zh_CN.qm. "system" follows the OS locale: a Chinese or
unknown locale gets Chinese (the users' language), an English one English.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from console.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")


def resolve_language(choice: str, system_locale: str | None = None) -> str:
    if choice in LANGUAGES:
        return choice
    locale = system_locale if system_locale is not None else QLocale.system().name()
    return "en" if locale.startswith("en") else "zh_CN"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load the translation for `language` (English needs none); keep the result alive."""
    if language == "en":
        return None
    translator = QTranslator(app)
    path = resource_path("i18n", f"console_{language}.qm")
    if not translator.load(str(path)):
        log.warning("translation %s could not be loaded; the UI stays in English", path)
        return None
    app.installTranslator(translator)
    return translator

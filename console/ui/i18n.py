"""Choosing the UI language and loading its Qt translation file.

Source strings are English; Simplified Chinese comes from
resources/i18n/console_zh_CN.qm. "system" follows the OS locale: a Chinese or
unknown locale gets Chinese (the users' language), an English one English.
Qt's own strings — the standard buttons 确定/取消/是/否 of message boxes and
button boxes — come from Qt's catalogues (qtbase_zh_CN.qm) in the folder
QLibraryInfo names, which PySide6 ships and build.spec bundles.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from console import text
from console.resources import resource_path

if TYPE_CHECKING:
    from console.kpi.alerts import Rule

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
QT_CATALOGUES = ("qtbase",)      # Qt's widgets: standard buttons, file and colour dialogs


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
    """Load the translation for `language` (English needs none) and Qt's own for its
    standard buttons; both stay alive as children of `app`. Returns the console's.
    The domain layers' messages (console/text.py) go through the same translators."""
    text.install(QCoreApplication.translate)
    if language == "en":
        return None
    _install_qt_catalogues(app, language)
    translator = QTranslator(app)
    path = resource_path("i18n", f"console_{language}.qm")
    if not translator.load(str(path)):
        log.warning("translation %s could not be loaded; the UI stays in English", path)
        return None
    app.installTranslator(translator)
    return translator


def uninstall_translators(app: QCoreApplication) -> None:
    """Back to English: remove every translator install_translator() added."""
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.setParent(None)


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _install_qt_catalogues(app: QCoreApplication, language: str) -> None:
    folder = qt_translations_dir()
    for catalogue in QT_CATALOGUES:
        translator = QTranslator(app)
        if translator.load(f"{catalogue}_{language}", str(folder)):
            app.installTranslator(translator)
        else:
            log.warning("Qt's translation %s_%s not found in %s; standard buttons (OK, Cancel) "
                        "stay in English", catalogue, language, folder)


def alert_title(rule: Rule) -> str:
    return localized(rule.title, rule.title_en)

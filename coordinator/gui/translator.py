"""The app's language: one small QTranslator that answers tr() and Designer forms from the gettext catalogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from coordinator.i18n import _, get_language, set_language


class GettextTranslator(QTranslator):
    """Installed once; reinstalled after a language switch so that Qt sends LanguageChange events."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None reaches Qt as a null QString, which means "not mine": Qt then asks its own qtbase
        # catalog and finally keeps the source text. An empty string would be taken as the
        # translation itself (an OK button with no word, "Ctrl+Z" shown as "Z").
        if not source_text or get_language() == "en":
            return None
        translated = _(source_text)
        return translated if translated != source_text else None

    def isEmpty(self) -> bool:
        return False


_installed: list[QTranslator] = []


def install_translators(language: str) -> str:
    """Make `language` the app's language: gettext, Qt's own texts and Designer forms (tr())."""
    language = set_language(language)
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    if app is None:
        return language
    if language != "en":
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
            QCoreApplication.installTranslator(qt)
    # Installing a translator sends LanguageChange to every widget, even when going back to English.
    bridge = GettextTranslator(app)
    _installed.append(bridge)
    QCoreApplication.installTranslator(bridge)
    # Deliver LanguageChange now, so that Designer forms show the new language before we return.
    QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    QCoreApplication.removePostedEvents(app, QEvent.Type.LanguageChange)
    return language

"""One small QTranslator that answers Qt's tr() and Designer-form texts from the gettext catalogs."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from coordinator.i18n import _, get_language


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

"""Settings: language (switches the UI at once), municipality name and logo for documents, default school year."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)

from coordinator.gui.context import AppContext
from coordinator.gui.forms import load_ui
from coordinator.i18n import LANGUAGES, _, get_language

LANGUAGE_NAMES = {"en": "English", "sv": "Svenska", "pl": "Polski", "ru": "Русский"}


class SettingsDialog(QDialog):
    language: QComboBox
    municipality: QLineEdit
    logoPath: QLineEdit
    browseLogo: QPushButton
    schoolYear: QComboBox
    buttons: QDialogButtonBox

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        load_ui("settings_dialog.ui", self)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(self.language.findData(get_language()), 0))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.browseLogo.clicked.connect(self._browse)
        self._load()

    def _load(self) -> None:
        from coordinator.services.setup import current_year_label, get_setting, school_years

        if self.context.store is None:
            return
        with self.context.store.session() as session:
            self.municipality.setText(get_setting(session, "municipality", "") or "")
            self.logoPath.setText(get_setting(session, "logo_path", "") or "")
            years = school_years(session)
            current = current_year_label(session)
        self.schoolYear.addItems(years)
        self.schoolYear.setCurrentIndex(max(self.schoolYear.findText(current), 0))

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose a logo image"), "",
                                                    _("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logoPath.setText(path)

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def accept(self) -> None:
        from coordinator.services.setup import set_setting

        if self.context.store is not None:
            with self.context.store.session() as session:
                set_setting(session, "municipality", self.municipality.text().strip())
                set_setting(session, "logo_path", self.logoPath.text().strip())
                if self.schoolYear.currentText():
                    set_setting(session, "current_year", self.schoolYear.currentText())
            from coordinator.services.changes import ChangeSet

            self.context.announce(ChangeSet.of("settings", updated=(0,)))
        super().accept()

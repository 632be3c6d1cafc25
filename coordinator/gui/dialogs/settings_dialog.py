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
from coordinator.gui.operations import run_op
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
        desk = self.context.desk
        if desk is None:
            return
        self.municipality.setText(desk.setting("municipality", "") or "")
        self.logoPath.setText(desk.setting("logo_path", "") or "")
        self.schoolYear.addItems(desk.school_years())
        self.schoolYear.setCurrentIndex(max(self.schoolYear.findText(desk.current_year()), 0))

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose a logo image"), "",
                                                    _("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logoPath.setText(path)

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def accept(self) -> None:
        values = {"municipality": self.municipality.text().strip(), "logo_path": self.logoPath.text().strip()}
        if self.schoolYear.currentText():
            values["current_year"] = self.schoolYear.currentText()
        # The desk announces the settings it changed; every open workspace follows (e.g. the year in force).
        if run_op(self.context, lambda desk: desk.save_settings(values), parent=self).ok:
            super().accept()

"""The Contacts workspace: a filterable table with a detail form, and the contacts exported as vCards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton, QWidget

from coordinator.changes import Kind
from coordinator.errors import UserError
from coordinator.gui.context import AppContext
from coordinator.gui.workspaces.record_workspace import RecordWorkspace
from coordinator.i18n import N_, _, ngettext


class ContactsWorkspace(RecordWorkspace):
    key = "contacts"
    title_text = N_("Contacts")
    kinds = ("contacts",)
    related = (Kind.ORGANISATIONS,)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        self.export_button: QToolButton | None = None
        super().__init__(context, parent)
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("export_vcards")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.one_file = menu.addAction("", self.export_one_file)
        self.per_contact = menu.addAction("", self.export_per_contact)
        self.export_button.setMenu(menu)
        top = self.panel.layout().itemAt(0).layout()  # the panel's filter, count, New and Delete
        top.addWidget(self.export_button)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        if self.export_button is None:
            return
        self.export_button.setText(_("vCards"))
        self.export_button.setToolTip(_("Export the contacts as vCards for an address book or a phone"))
        self.export_button.setAccessibleName(_("Export the contacts as vCards"))
        self.one_file.setText(_("All in one file…"))
        self.per_contact.setText(_("One file per contact (Outlook)…"))

    def export_one_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, _("Export the contacts as vCards"), "contacts.vcf",
                                                    _("vCards (*.vcf)"))
        if name:
            self._export(lambda desk: desk.export_records("contacts", Path(name)), name)

    def export_per_contact(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("A folder for the contacts' vCards"))
        if folder:
            self._export(lambda desk: desk.export_contact_cards(Path(folder)), folder)

    def _export(self, write, where: str) -> None:
        try:
            result = write(self.context.desk)
        except UserError as exc:
            self.context.status_message.emit(str(exc))
            return
        self.context.status_message.emit(ngettext("Wrote {n} card into {path}.", "Wrote {n} cards into {path}.",
                                                  result.rows).format(n=result.rows, path=where))

"""The Matching workspace's hand work: lock or move pupils before a new run, the period's letters, offer forms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from coordinator.formatting import format_date, format_number
from coordinator.gui.context import AppContext
from coordinator.gui.widgets.ref_picker import RefPicker
from coordinator.gui.workers import run_task
from coordinator.gui.workspaces.documents_scope import LANGUAGE_NAMES
from coordinator.i18n import _, ngettext


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class OfferFormDialog(QDialog):
    """One organisation's offer form for a period, written as XLSX for the employer to fill in."""

    def __init__(self, context: AppContext, first: dt.date, last: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("offer_form_dialog")
        self.setWindowTitle(_("Offer form"))
        self.organisation = RefPicker(context, "organisations", optional=False, parent=self)
        self.organisation.ensure_choices()
        self.first_edit, self.last_edit = QDateEdit(_qdate(first)), QDateEdit(_qdate(last))
        for edit in (self.first_edit, self.last_edit):
            edit.setCalendarPopup(True)
        self.language = QComboBox()
        self.language.addItem(_("The contact person's"), None)
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(QLabel(_("The employer fills in the places and conditions; the returned file is read by "
                             "Import as offers.")))
        form.addRow(_("&Organisation:"), self.organisation)
        form.addRow(_("&First day:"), self.first_edit)
        form.addRow(_("&Last day:"), self.last_edit)
        form.addRow(_("&Language:"), self.language)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(_("&Save the form…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_dialog)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save_dialog(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, _("Save the offer form"), _("offer-form.xlsx"),
                                                    _("Excel workbooks (*.xlsx)"))
        if name:
            self.write_to(Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx"))

    def write_to(self, out: Path) -> bool:
        """Write the form to `out`; the outcome (or what is wrong) shows in the dialog."""
        organisation, desk = self.organisation.value(), self.context.desk
        first, last = self.first_edit.date().toPython(), self.last_edit.date().toPython()
        if organisation is None or desk is None:
            self.message.setText(_("Choose an organisation."))
            return False
        if last < first:
            self.message.setText(_("The last day is before the first day."))
            return False
        try:
            used = desk.write_offer_form(organisation_id=organisation, first_day=first, last_day=last, out=out,
                                         language=self.language.currentData())
        except Exception as exc:  # a UserError or an unwritable file: said in the dialog, never raised
            self.message.setText(str(exc))
            return False
        self.message.setText(_("Offer form written: {path} ({language}).").format(
            path=out.name, language=dict(LANGUAGE_NAMES).get(used, used)))
        return True


class HandWork:
    """Mixed into the Matching workspace: locks (pupil id → offer id) that a new run keeps."""

    locks: dict[int, int]

    def build_hand_bar(self) -> QHBoxLayout:
        self.locks = {}
        self.lock_button, self.move_button = QPushButton(), QPushButton()
        self.release_button, self.letters_button = QPushButton(), QPushButton()
        self.offer_form_button, self.hand_status = QPushButton(), QLabel()
        self.hand_status.setObjectName("match_hand_status")
        self.hand_status.setWordWrap(True)  # long words (Russian) wrap instead of widening the window
        self.hand_status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar = QHBoxLayout()
        for button in (self.lock_button, self.move_button, self.release_button):
            bar.addWidget(button)
        bar.addWidget(self.hand_status, 1)
        bar.addWidget(self.offer_form_button)
        bar.addWidget(self.letters_button)
        self.lock_button.clicked.connect(self.toggle_lock)
        self.move_button.clicked.connect(self.move_selected)
        self.release_button.clicked.connect(self.release_locks)
        self.letters_button.clicked.connect(self.letters_dialog)
        self.offer_form_button.clicked.connect(self.offer_form_dialog)
        return bar

    def retranslate_hand_bar(self) -> None:
        self.lock_button.setText(_("&Lock / unlock"))
        self.lock_button.setToolTip(_("Keep the selected pupil at their place when the match is run again."))
        self.move_button.setText(_("&Move to…"))
        self.move_button.setToolTip(_("Place the selected pupil at another offer by hand and run the match "
                                      "again around them."))
        self.release_button.setText(_("&Unlock all"))
        self.letters_button.setText(_("Le&tters…"))
        self.letters_button.setToolTip(_("The placement letters to pupils and hosts for the period, as one PDF."))
        self.offer_form_button.setText(_("&Offer form…"))

    def update_hand_buttons(self) -> None:
        row = self.selected_row()
        self.lock_button.setEnabled(row is not None and (row.organisation is not None or row.pupil in self.locks))
        self.move_button.setEnabled(row is not None)
        self.release_button.setEnabled(bool(self.locks))
        self.letters_button.setEnabled(self.period_combo.currentData() is not None)

    def show_hand_status(self) -> None:
        self.update_hand_buttons()
        if not self.locks:
            self.hand_status.setText("")
            return
        self.hand_status.setText(ngettext("{count} pupil placed by hand; a new run keeps them there.",
                        "{count} pupils placed by hand; a new run keeps them there.",
                        len(self.locks)).format(count=len(self.locks)))

    def toggle_lock(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if row.pupil in self.locks:
            del self.locks[row.pupil]
        elif row.offer is not None:
            self.locks[row.pupil] = row.offer
        self.show_locks()

    def release_locks(self) -> None:
        self.locks.clear()
        self.show_locks()

    def move_selected(self) -> None:
        row, desk = self.selected_row(), self.context.desk
        period = self.period_combo.currentData()
        if row is None or desk is None or period is None:
            return
        offers, _wishes = desk.match_inputs(first_day=period[0], last_day=period[1])
        labels = [_("{name}: {places}, {first} – {last}").format(
            name=o.organisation, places=ngettext("{count} place", "{count} places", o.places).format(
                count=format_number(o.places)), first=format_date(o.first_day), last=format_date(o.last_day))
            for o in offers]
        if not labels:
            return
        current = next((i for i, o in enumerate(offers) if o.id == row.offer), 0)
        label, ok = QInputDialog.getItem(self, _("Move to…"), _("Pupil {id}: place at").format(id=row.pupil),
                                         labels, current, False)
        if ok and label in labels:
            self.locks[row.pupil] = offers[labels.index(label)].id
            self.run_match()

    def letters_dialog(self) -> None:
        period = self.period_combo.currentData()
        if period is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the placement letters"),
            _("placement-letters-{date}.pdf").format(date=period[0].isoformat()), _("PDF documents (*.pdf)"))
        if name:
            self.write_letters(Path(name))

    def write_letters(self, out: Path) -> None:
        """The period's placement letters to `out`, written in the background."""
        first, last = self.period_combo.currentData()
        self.letters_button.setEnabled(False)
        self.hand_status.setText(_("Preparing the document…"))
        run_task(self.context, lambda desk, _progress: desk.write_match_letters(first_day=first, last_day=last,
                                                                                out=out),
                 on_done=self._letters_written, on_error=self._letters_failed, owner=self)

    def _letters_written(self, path: Path) -> None:
        self.update_hand_buttons()
        self.hand_status.setText(_("Placement letters written: {path}").format(path=path.name))

    def _letters_failed(self, message: str) -> None:
        self.update_hand_buttons()
        self.hand_status.setText("")
        QMessageBox.warning(self, _("Matching"), message)

    def offer_form_dialog(self) -> None:
        period = self.period_combo.currentData()
        today = dt.date.today()
        first, last = period if period is not None else (today, today + dt.timedelta(days=4))
        OfferFormDialog(self.context, first, last, self).exec()

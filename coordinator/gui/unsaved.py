"""Never losing an edit: the Save / Discard / Cancel question, and drafts offered back after a crash.

Every place that would throw a form's edits away (closing or quitting, another record, another
tab or workspace, another database) asks the panels first through `settle`; a panel with edits
asks the person. The questions are module functions so that tests can answer them.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from coordinator.i18n import _

if TYPE_CHECKING:
    from coordinator.desk.drafts import Draft

RecordPanel = Any  # a workspaces.record_panel.RecordPanel (not imported: it imports this module)


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget, what: str) -> Answer:
    """Save, discard or keep editing the form that holds `what` (a translated kind of record)."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Unsaved changes"),
                      _("The form “{what}” has changes that are not saved.").format(what=what),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(_("Save them before you go on?"))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    box.setObjectName("unsaved_question")
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Answer.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Answer.DISCARD
    return Answer.CANCEL


def ask_restore(parent: QWidget, what: str, written: str) -> bool:
    """Whether to bring back a draft found after the app closed without saving it."""
    box = QMessageBox(QMessageBox.Icon.Question, _("Unsaved changes"),
                      _("The form “{what}” was not saved when the app closed at {time}.").format(
                          what=what, time=written),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setInformativeText(_("Bring the unsaved changes back into the form?"))
    box.setObjectName("restore_question")
    return box.exec() == QMessageBox.StandardButton.Yes


def settle(panel: RecordPanel) -> bool:
    """True when the panel's form may be left: nothing unsaved, saved now, or discarded."""
    if not panel.is_dirty():
        return True
    answer = ask_unsaved(panel, _(panel.kind.singular))
    if answer == Answer.SAVE:
        return panel.save()
    if answer == Answer.DISCARD:
        panel.discard_edits()
        return True
    return False


def may_leave_workspace(window: Any, row: int) -> bool:
    """Before the navigation shows row `row`: the workspace shown is settled, or the navigation goes back."""
    shown = window.stack.currentIndex()
    left = window.workspaces.get(window.keys[shown])
    if left is None or row == shown or left.settle():
        return True
    window.navigation.blockSignals(True)  # the person stays with the edits
    window.navigation.setCurrentRow(shown)
    window.navigation.blockSignals(False)
    return False


def pending_drafts(desk: Any) -> list[Draft]:
    """The drafts a crash left for the desk's database (none without a database file)."""
    if desk is None or desk.path is None:
        return []  # the main window is drawn before the database opens: nothing is imported for it then
    from coordinator.desk.drafts import DraftStore

    return DraftStore(desk.path).drafts()


def offer_later(window: Any, drafts: list[Draft]) -> None:
    """Offer the drafts once the window is up: a question needs a window behind it."""
    if drafts:
        QTimer.singleShot(0, window, lambda: offer_drafts(window, drafts,
                                                          lambda kind, rid: open_draft_panel(window, kind, rid)))


def offer_drafts(parent: QWidget, drafts: list[Draft], open_panel: Any) -> None:
    """Ask about each draft; `open_panel(kind, record_id)` shows the panel for the yes (None: not here)."""
    from coordinator.formatting import format_datetime

    for draft in drafts:
        panel = open_panel(draft.kind, draft.record_id)
        if panel is None:
            continue
        if ask_restore(parent, _(panel.kind.singular), format_datetime(draft.written)):
            panel.form.apply_values(draft.values)
        else:
            panel.forget_draft()


def open_draft_panel(window: Any, kind: str, record_id: int | None) -> RecordPanel | None:
    """Bring the panel of `kind` into view with the draft's record (or an empty form); None if gone."""
    from coordinator.gui.workspaces import WORKSPACES

    for key, path in WORKSPACES:
        module_name, _sep, class_name = path.partition(":")
        try:
            cls = getattr(__import__(module_name, fromlist=[class_name]), class_name, None)
        except ImportError:
            continue
        if kind not in getattr(cls, "kinds", ()):
            continue
        panel = window.show_workspace(key).panel_of(kind)
        if panel is None:
            return None
        if record_id is None:
            panel.new_record()
        else:
            panel.select_id(record_id)
            if panel.form.record_id != record_id:  # deleted since
                return None
        return panel
    return None

"""What stands in the main window for a workspace that is not installed, or that failed to start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coordinator.desk.gui_files import log_directory
from coordinator.gui.context import AppContext
from coordinator.gui.workspaces.base import Workspace
from coordinator.i18n import N_, _

# Titles shown before a workspace is built (and for ones not installed yet).
TITLES: dict[str, str] = {
    "overview": N_("Overview"), "organisations": N_("Organisations"), "contacts": N_("Contacts"),
    "schools": N_("Schools & classes"), "pupils": N_("Pupils"), "study_visits": N_("Study visits"),
    "placements": N_("Placements"), "matching": N_("Matching"), "encounters": N_("Encounters & events"),
    "trainings_meetings": N_("Trainings & meetings"), "clusters": N_("Clusters & agreements"),
    "action_plan": N_("Action plan"),
    "scorecards": N_("Scorecards"), "statistics": N_("Statistics"), "documents": N_("Documents"),
}


class PlaceholderWorkspace(Workspace):
    """Stands in for a workspace whose module is not installed (a build without it)."""

    def __init__(self, context: AppContext, key: str, parent: QWidget | None = None):
        self.key = key
        super().__init__(context, parent)
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.label)
        self.retranslate()

    def title(self) -> str:
        return _(TITLES.get(self.key, self.key))

    def retranslate(self) -> None:
        self.label.setText(_("“{name}” is not available in this version yet.").format(name=self.title()))


class BrokenWorkspace(PlaceholderWorkspace):
    """Stands in for a workspace that failed to start: an error, said as one, with where its details are."""

    def __init__(self, context: AppContext, key: str, error: BaseException, parent: QWidget | None = None):
        self.error_name = type(error).__name__
        super().__init__(context, key, parent)
        self.label.setObjectName("workspace_error")

    def retranslate(self) -> None:
        self.label.setText(_("“{name}” could not be opened because of an error ({error}). What you saved is safe. "
                             "The details were written to the log in {folder}.").format(
            name=self.title(), error=self.error_name, folder=log_directory()))

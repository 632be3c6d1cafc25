"""The Trainings & meetings workspace: a filterable table with a detail form (see record_workspace)."""

from __future__ import annotations

from coordinator.changes import Kind
from coordinator.gui.workspaces.record_workspace import RecordWorkspace
from coordinator.i18n import N_


class TrainingsMeetingsWorkspace(RecordWorkspace):
    key = "trainings_meetings"
    title_text = N_("Trainings & meetings")
    kinds = ("trainings", "meetings",)
    related = (Kind.ORGANISATIONS, Kind.CONTACTS, Kind.TEACHERS,)

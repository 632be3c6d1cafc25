"""The Pupils workspace: a filterable table with a detail form (see record_workspace)."""

from __future__ import annotations

from coordinator.changes import Kind
from coordinator.gui.workspaces.record_workspace import RecordWorkspace
from coordinator.i18n import N_


class PupilsWorkspace(RecordWorkspace):
    key = "pupils"
    title_text = N_("Pupils")
    kinds = ("pupils",)
    related = (Kind.CLASSES, Kind.ENROLMENTS, Kind.SCHOOLS,)

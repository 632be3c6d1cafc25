"""The Encounters & events workspace: a filterable table with a detail form (see record_workspace)."""

from __future__ import annotations

from coordinator.changes import Kind
from coordinator.gui.workspaces.record_workspace import RecordWorkspace
from coordinator.i18n import N_


class EncountersWorkspace(RecordWorkspace):
    key = "encounters"
    title_text = N_("Encounters & events")
    kinds = ("encounters",)
    related = (Kind.ORGANISATIONS,)

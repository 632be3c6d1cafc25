"""The Organisations workspace: a filterable table with a detail form (see record_workspace)."""

from __future__ import annotations

from coordinator.changes import Kind
from coordinator.gui.workspaces.record_workspace import RecordWorkspace
from coordinator.i18n import N_


class OrganisationsWorkspace(RecordWorkspace):
    key = "organisations"
    title_text = N_("Organisations")
    kinds = ("organisations",)
    related = (Kind.CONTACTS, Kind.PLACEMENTS, Kind.STUDY_VISITS,)

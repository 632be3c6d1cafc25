"""The Schools & classes workspace: a filterable table with a detail form (see record_workspace)."""

from __future__ import annotations

from coordinator.changes import Kind
from coordinator.gui.workspaces.record_workspace import RecordWorkspace
from coordinator.i18n import N_


class SchoolsWorkspace(RecordWorkspace):
    key = "schools"
    title_text = N_("Schools & classes")
    kinds = ("schools", "classes", "teachers", "school_forms", "programmes", "placement_requirements")
    related = (Kind.ENROLMENTS, Kind.ORGANISATIONS,)

"""The Clusters & agreements workspace: networks, members, agreements, the contact log and the money, in tabs."""

from __future__ import annotations

from coordinator.changes import Kind
from coordinator.gui.workspaces.record_workspace import RecordWorkspace
from coordinator.i18n import N_


class ClustersWorkspace(RecordWorkspace):
    key = "clusters"
    title_text = N_("Clusters & agreements")
    kinds = ("networks", "network_members", "agreements", "contact_log", "projects", "budget_lines", "costs",
             "funding_sources", "member_roles")
    related = (Kind.ORGANISATIONS, Kind.SCHOOLS, Kind.CLASSES, Kind.CONTACTS)

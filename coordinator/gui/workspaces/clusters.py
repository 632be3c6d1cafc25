"""The Clusters & agreements workspace: networks, their members, agreements and the contact log in tabs."""

from __future__ import annotations

from coordinator.changes import Kind
from coordinator.gui.workspaces.record_workspace import RecordWorkspace
from coordinator.i18n import N_


class ClustersWorkspace(RecordWorkspace):
    key = "clusters"
    title_text = N_("Clusters & agreements")
    kinds = ("networks", "network_members", "agreements", "contact_log")
    related = (Kind.ORGANISATIONS, Kind.SCHOOLS, Kind.CLASSES, Kind.CONTACTS)

"""The Contacts workspace: a filterable table with a detail form (see record_workspace)."""

from __future__ import annotations

from coordinator.changes import Kind
from coordinator.gui.workspaces.record_workspace import RecordWorkspace
from coordinator.i18n import N_


class ContactsWorkspace(RecordWorkspace):
    key = "contacts"
    title_text = N_("Contacts")
    kinds = ("contacts",)
    related = (Kind.ORGANISATIONS,)

"""The Study visits workspace: plan visits (classes, host, time, teachers, transport) with warnings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from coordinator.changes import Kind
from coordinator.gui.workspaces.record_panel import RecordPanel
from coordinator.gui.workspaces.record_workspace import RecordWorkspace
from coordinator.i18n import N_, ngettext
from coordinator.services.records import kind as record_kind


class StudyVisitPanel(RecordPanel):
    """Warns (never blocks) about double bookings, public holidays and weekends."""

    WARNING_FIELDS = {"double_booking": "starts_at", "public_holiday": "starts_at", "weekend": "starts_at"}

    def warnings_for(self, values: dict[str, Any]) -> list[Any]:
        if not isinstance(values.get("starts_at"), dt.datetime):
            return []
        found = self.context.desk.study_visit_warnings(
            starts_at=values["starts_at"], ends_at=values.get("ends_at") if isinstance(values.get("ends_at"), dt.datetime) else None,
             class_ids=values.get("class_ids") or [],
            teacher_ids=values.get("teacher_ids") or [], host_id=values.get("host_id"), visit_id=self.form.record_id)
        return list(found)

    def notes_for(self, values: dict[str, Any]) -> list[str]:
        """How many pupils take part: the classes' pupils, as saved with the visit."""
        class_ids = values.get("class_ids") or []
        if not class_ids:
            return []
        n = self.context.desk.pupils_in_classes(class_ids)
        return [ngettext("{n} pupil of the chosen classes takes part.",
                         "{n} pupils of the chosen classes take part.", n).format(n=n)]


class StudyVisitsWorkspace(RecordWorkspace):
    key = "study_visits"
    title_text = N_("Study visits")
    kinds = ("study_visits",)
    related = (Kind.ORGANISATIONS, Kind.CONTACTS, Kind.CLASSES, Kind.TEACHERS)

    def make_panel(self, key: str) -> RecordPanel:
        return StudyVisitPanel(self.context, record_kind(key), self, related=self.related)

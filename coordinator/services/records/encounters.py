"""Encounters with working life: guest lectures, fairs, job shadowing, entrepreneurship projects."""

from __future__ import annotations

from sqlalchemy import select

from coordinator.i18n import N_
from coordinator.models import (
    ActivityStatus,
    Encounter,
    EncounterKind,
    Organisation,
    encounter_classes,
    encounter_participants,
)
from coordinator.schoolyears import label_of
from coordinator.services.records.base import (
    CHOICE,
    DATE,
    LONGTEXT,
    MULTIREF,
    REF,
    ColumnSpec,
    FieldSpec,
    ParticipantsFollowClasses,
    RecordKind,
    _label_choices,
)
from coordinator.years import ensure_school_year


class EncounterKindSpec(ParticipantsFollowClasses, RecordKind):
    class_table = encounter_classes
    participant_table = encounter_participants
    owner_column = "encounter_id"
    key = "encounters"
    choice_filter = ("kind", N_("Kind"), _label_choices(EncounterKind))
    newest_first = True
    model = Encounter
    title = N_("Encounters & events")
    singular = N_("Encounter")
    fields = (
        FieldSpec("title", N_("Title"), required=True),
        FieldSpec("kind", N_("Kind"), CHOICE, required=True, choices=_label_choices(EncounterKind),
                  default=lambda s: EncounterKind.GUEST_LECTURE.value),
        FieldSpec("date", N_("Date"), DATE, required=True),
        FieldSpec("organisation_id", N_("Organisation"), REF, ref="organisations"),
        FieldSpec("contact_id", N_("Contact person"), REF, ref="contacts",
                  scope=("organisation_id", "organisation_id")),
        FieldSpec("class_ids", N_("Classes"), MULTIREF, ref="current_classes"),
        FieldSpec("status", N_("Status"), CHOICE, required=True, choices=_label_choices(ActivityStatus),
                  default=lambda s: ActivityStatus.PLANNED.value),
        FieldSpec("notes", N_("Notes"), LONGTEXT),
    )
    links = {"class_ids": (encounter_classes, "encounter_id", "class_id")}  # noqa: RUF012 - read-only, like the field specs

    def base_select(self, *exprs, year_id=None):
        return select(Encounter.id, *exprs).outerjoin(Organisation, Organisation.id == Encounter.organisation_id)

    def columns(self):
        return (
            ColumnSpec("date", N_("Date"), Encounter.date, DATE),
            ColumnSpec("title", N_("Title"), Encounter.title, searchable=True),
            ColumnSpec("kind", N_("Kind"), Encounter.kind, CHOICE),
            ColumnSpec("organisation", N_("Organisation"), Organisation.name, searchable=True),
            ColumnSpec("status", N_("Status"), Encounter.status, CHOICE),
        )

    def column_values(self, session, values):
        out = super().column_values(session, values)
        out["kind"] = EncounterKind(out["kind"])
        out["status"] = ActivityStatus(out["status"])
        out["school_year_id"] = ensure_school_year(session, label_of(values["date"]))
        return out

    def display_expr(self):
        return Encounter.title


ENCOUNTERS = EncounterKindSpec()

"""Study visits: a class or group visits a workplace; participants default to the classes' pupils."""

from __future__ import annotations

from sqlalchemy import func, select

from coordinator.i18n import N_
from coordinator.models import (
    ActivityStatus,
    Contact,
    Organisation,
    StudyVisit,
    study_visit_classes,
    study_visit_participants,
    study_visit_teachers,
)
from coordinator.schoolyears import label_of
from coordinator.services.records.base import (
    CHOICE,
    DATETIME,
    FLOAT,
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


class StudyVisitKindSpec(ParticipantsFollowClasses, RecordKind):
    class_table = study_visit_classes
    participant_table = study_visit_participants
    owner_column = "study_visit_id"
    key = "study_visits"
    choice_filter = ("status", N_("Status"), _label_choices(ActivityStatus))
    newest_first = True
    model = StudyVisit
    title = N_("Study visits")
    singular = N_("Study visit")
    fields = (
        FieldSpec("title", N_("Title")),
        FieldSpec("host_id", N_("Host organisation"), REF, required=True, ref="organisations"),
        FieldSpec("contact_id", N_("Contact person"), REF, ref="contacts", scope=("host_id", "organisation_id")),
        FieldSpec("starts_at", N_("Starts"), DATETIME, required=True),
        FieldSpec("ends_at", N_("Ends"), DATETIME),
        FieldSpec("class_ids", N_("Classes"), MULTIREF, ref="current_classes"),
        FieldSpec("teacher_ids", N_("Teachers"), MULTIREF, ref="teachers"),
        FieldSpec("transport_note", N_("Transport"), LONGTEXT),
        FieldSpec("status", N_("Status"), CHOICE, required=True, choices=_label_choices(ActivityStatus),
                  default=lambda s: ActivityStatus.PLANNED.value),
        FieldSpec("pupil_evaluation", N_("Pupils' evaluation (1–5)"), FLOAT, minimum=1, maximum=5),
        FieldSpec("notes", N_("Notes"), LONGTEXT),
    )
    links = {  # noqa: RUF012 - read-only, like the field specs
        "class_ids": (study_visit_classes, "study_visit_id", "class_id"),
        "teacher_ids": (study_visit_teachers, "study_visit_id", "teacher_id")}

    def base_select(self, *exprs, year_id=None):
        return (select(StudyVisit.id, *exprs).join(Organisation, Organisation.id == StudyVisit.host_id)
                .outerjoin(Contact, Contact.id == StudyVisit.contact_id))

    def columns(self):
        participants = (select(func.count()).select_from(study_visit_participants)
                        .where(study_visit_participants.c.study_visit_id == StudyVisit.id).scalar_subquery())
        return (
            ColumnSpec("starts_at", N_("Starts"), StudyVisit.starts_at, DATETIME),
            ColumnSpec("title", N_("Title"), StudyVisit.title, searchable=True),
            ColumnSpec("host", N_("Host organisation"), Organisation.name, searchable=True),
            ColumnSpec("contact", N_("Contact person"), Contact.last_name, searchable=True),
            ColumnSpec("participants", N_("Pupils"), participants, "int"),
            ColumnSpec("status", N_("Status"), StudyVisit.status, CHOICE),
        )

    def check(self, session, values, problems, record_id) -> None:
        self.check_order(values, problems, "starts_at", "ends_at")

    def column_values(self, session, values):
        out = super().column_values(session, values)
        out["status"] = ActivityStatus(out["status"])
        out["title"] = out.get("title") or ""
        out["school_year_id"] = ensure_school_year(session, label_of(values["starts_at"].date()))
        return out

    def display_expr(self):
        return StudyVisit.title


STUDY_VISITS = StudyVisitKindSpec()

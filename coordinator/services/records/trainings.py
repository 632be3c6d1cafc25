"""Teacher trainings in industry and network meetings (programme councils)."""

from __future__ import annotations

from sqlalchemy import select

from coordinator.i18n import N_
from coordinator.models import (
    ActivityStatus,
    Meeting,
    MeetingKind,
    Network,
    Organisation,
    Training,
    meeting_attendees,
    training_teachers,
)
from coordinator.schoolyears import label_of
from coordinator.services.records.base import (
    CHOICE,
    DATE,
    FLOAT,
    LONGTEXT,
    MULTIREF,
    REF,
    ColumnSpec,
    FieldSpec,
    RecordKind,
    _label_choices,
)
from coordinator.years import ensure_school_year


def _networks(session):
    return [(None, "—")] + [(i, name) for i, name in session.execute(
        select(Network.id, Network.name).order_by(Network.name))]


class TrainingKindSpec(RecordKind):
    key = "trainings"
    choice_filter = ("status", N_("Status"), _label_choices(ActivityStatus))
    newest_first = True
    model = Training
    title = N_("Trainings")
    singular = N_("Training")
    fields = (
        FieldSpec("title", N_("Title"), required=True),
        FieldSpec("organisation_id", N_("Organisation"), REF, ref="organisations"),
        FieldSpec("start_date", N_("First day"), DATE, required=True),
        FieldSpec("end_date", N_("Last day"), DATE),
        FieldSpec("hours", N_("Hours"), FLOAT, minimum=0, maximum=1000),
        FieldSpec("teacher_ids", N_("Teachers"), MULTIREF, ref="teachers"),
        FieldSpec("status", N_("Status"), CHOICE, required=True, choices=_label_choices(ActivityStatus),
                  default=lambda s: ActivityStatus.PLANNED.value),
        FieldSpec("notes", N_("Notes"), LONGTEXT),
    )
    links = {"teacher_ids": (training_teachers, "training_id", "teacher_id")}  # noqa: RUF012 - read-only, like the field specs

    def base_select(self, *exprs, year_id=None):
        return select(Training.id, *exprs).outerjoin(Organisation, Organisation.id == Training.organisation_id)

    def columns(self):
        return (
            ColumnSpec("start_date", N_("First day"), Training.start_date, DATE),
            ColumnSpec("title", N_("Title"), Training.title, searchable=True),
            ColumnSpec("organisation", N_("Organisation"), Organisation.name, searchable=True),
            ColumnSpec("hours", N_("Hours"), Training.hours, FLOAT),
            ColumnSpec("status", N_("Status"), Training.status, CHOICE),
        )

    def check(self, session, values, problems, record_id) -> None:
        self.check_order(values, problems, "start_date", "end_date")

    def column_values(self, session, values):
        out = super().column_values(session, values)
        out["status"] = ActivityStatus(out["status"])
        out["school_year_id"] = ensure_school_year(session, label_of(values["start_date"]))
        return out

    def display_expr(self):
        return Training.title


class MeetingKindSpec(RecordKind):
    key = "meetings"
    choice_filter = ("kind", N_("Kind"), _label_choices(MeetingKind))
    newest_first = True
    model = Meeting
    title = N_("Meetings")
    singular = N_("Meeting")
    fields = (
        FieldSpec("title", N_("Title"), required=True),
        FieldSpec("kind", N_("Kind"), CHOICE, required=True, choices=_label_choices(MeetingKind),
                  default=lambda s: MeetingKind.NETWORK.value),
        FieldSpec("date", N_("Date"), DATE, required=True),
        FieldSpec("network_id", N_("Network"), CHOICE, choices=_networks),
        FieldSpec("location", N_("Location")),
        FieldSpec("attendee_ids", N_("Attendees"), MULTIREF, ref="contacts"),
        FieldSpec("status", N_("Status"), CHOICE, required=True, choices=_label_choices(ActivityStatus),
                  default=lambda s: ActivityStatus.PLANNED.value),
        FieldSpec("notes", N_("Notes"), LONGTEXT),
    )
    links = {"attendee_ids": (meeting_attendees, "meeting_id", "contact_id")}  # noqa: RUF012 - read-only, like the field specs

    def base_select(self, *exprs, year_id=None):
        return select(Meeting.id, *exprs).outerjoin(Network, Network.id == Meeting.network_id)

    def columns(self):
        return (
            ColumnSpec("date", N_("Date"), Meeting.date, DATE),
            ColumnSpec("title", N_("Title"), Meeting.title, searchable=True),
            ColumnSpec("kind", N_("Kind"), Meeting.kind, CHOICE),
            ColumnSpec("network", N_("Network"), Network.name, searchable=True),
            ColumnSpec("location", N_("Location"), Meeting.location, searchable=True),
            ColumnSpec("status", N_("Status"), Meeting.status, CHOICE),
        )

    def column_values(self, session, values):
        out = super().column_values(session, values)
        out["kind"] = MeetingKind(out["kind"])
        out["status"] = ActivityStatus(out["status"])
        out["school_year_id"] = ensure_school_year(session, label_of(values["date"]))
        return out

    def display_expr(self):
        return Meeting.title


TRAININGS = TrainingKindSpec()
MEETINGS = MeetingKindSpec()

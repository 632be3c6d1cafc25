"""Placements: one pupil at one workplace over a period (PRAO, APL, praktyka, практика)."""

from __future__ import annotations

from sqlalchemy import select

from coordinator.i18n import N_, _
from coordinator.models import Contact, Organisation, Placement, PlacementStatus, Pupil
from coordinator.schoolyears import label_of
from coordinator.services.records.base import (
    BOOL,
    CHOICE,
    DATE,
    FLOAT,
    INT,
    LONGTEXT,
    REF,
    TIME,
    ColumnSpec,
    FieldSpec,
    RecordKind,
    _label_choices,
)
from coordinator.years import ensure_school_year


def _hours_allowed(session) -> float:
    """A new placement's hours a day: what the country's rules allow a compulsory-school pupil."""
    from coordinator.reference.profiles import profile
    from coordinator.settings import profile_code

    return profile(profile_code(session)).max_hours_per_day_minor


class PlacementKindSpec(RecordKind):
    key = "placements"
    choice_filter = ("status", N_("Status"), _label_choices(PlacementStatus))
    model = Placement
    title = N_("Placements")
    singular = N_("Placement")
    fields = (
        FieldSpec("pupil_id", N_("Pupil"), REF, required=True, ref="pupils"),
        FieldSpec("host_id", N_("Workplace"), REF, required=True, ref="organisations"),
        FieldSpec("supervisor_id", N_("Supervisor"), REF, ref="contacts", scope=("host_id", "organisation_id")),
        FieldSpec("start_date", N_("First day"), DATE, required=True),
        FieldSpec("end_date", N_("Last day"), DATE, required=True),
        FieldSpec("days", N_("Days"), INT, required=True, minimum=0, maximum=366),
        FieldSpec("hours_per_day", N_("Hours per day"), FLOAT, required=True, minimum=0.5, maximum=24,
                  default=lambda s: _hours_allowed(s)),
        FieldSpec("daily_start", N_("Daily start"), TIME),
        FieldSpec("daily_end", N_("Daily end"), TIME),
        FieldSpec("status", N_("Status"), CHOICE, required=True, choices=_label_choices(PlacementStatus),
                  default=lambda s: PlacementStatus.REQUESTED.value),
        FieldSpec("risk_assessment_received", N_("Risk assessment received"), BOOL, default=lambda s: False),
        FieldSpec("pupil_evaluation", N_("Pupil's evaluation (1–5)"), INT, minimum=1, maximum=5),
        FieldSpec("employer_evaluation", N_("Employer's evaluation (1–5)"), INT, minimum=1, maximum=5),
        FieldSpec("what_to_bring", N_("What to bring"), LONGTEXT),
        FieldSpec("notes", N_("Notes"), LONGTEXT),
    )

    def base_select(self, *exprs, year_id=None):
        return (select(Placement.id, *exprs).join(Pupil, Pupil.id == Placement.pupil_id)
                .join(Organisation, Organisation.id == Placement.host_id)
                .outerjoin(Contact, Contact.id == Placement.supervisor_id))

    def apply_filters(self, query, filters):
        """Besides the status: ("id_in", ids) keeps the placements the app found warnings for."""
        plain = tuple(f for f in filters if f[0] != "id_in")
        for _name, ids in (f for f in filters if f[0] == "id_in"):
            query = query.where(Placement.id.in_(list(ids)))
        return super().apply_filters(query, plain)

    def columns(self):
        return (
            ColumnSpec("pupil", N_("Pupil"), Pupil.last_name + ", " + Pupil.first_name, searchable=True),
            ColumnSpec("host", N_("Workplace"), Organisation.name, searchable=True),
            ColumnSpec("start_date", N_("First day"), Placement.start_date, DATE),
            ColumnSpec("end_date", N_("Last day"), Placement.end_date, DATE),
            ColumnSpec("days", N_("Days"), Placement.days, INT),
            ColumnSpec("status", N_("Status"), Placement.status, CHOICE),
            ColumnSpec("supervisor", N_("Supervisor"), Contact.last_name, searchable=True),
        )

    def check(self, session, values, problems, record_id) -> None:
        self.check_order(values, problems, "start_date", "end_date")
        self.check_order(values, problems, "daily_start", "daily_end")
        start, end, days = values.get("start_date"), values.get("end_date"), values.get("days")
        if start and end and days is not None and "end_date" not in problems and days > (end - start).days + 1:
            problems["days"] = _("More days than the period holds.")
        values["risk_assessment_received"] = bool(values.get("risk_assessment_received"))

    def column_values(self, session, values):
        out = super().column_values(session, values)
        out["status"] = PlacementStatus(out["status"])
        out["school_year_id"] = ensure_school_year(session, label_of(values["start_date"]))
        return out

    def display_expr(self):
        return select(Pupil.first_name + " " + Pupil.last_name).where(
            Pupil.id == Placement.pupil_id).scalar_subquery()


PLACEMENTS = PlacementKindSpec()

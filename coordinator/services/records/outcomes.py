"""A pupil's chosen next steps and a graduate's destinations as record kinds, entered on the pupil's page."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.errors import UserError
from coordinator.i18n import N_, _
from coordinator.models import Choice, Destination, Organisation, Pupil, SchoolYear
from coordinator.enums import DestinationKind
from coordinator.services.records.base import (
    BOOL,
    CHOICE,
    DATE,
    INT,
    REF,
    ColumnSpec,
    FieldSpec,
    RecordKind,
    _label_choices,
)
from coordinator.services.records.organisations import _sectors


def _years(session: Session) -> list[tuple[Any, str]]:
    return list(session.execute(select(SchoolYear.id, SchoolYear.label).order_by(SchoolYear.starts_on.desc())))


def _current_year(session: Session) -> int | None:
    from coordinator.years import school_year_id

    try:
        return school_year_id(session)
    except UserError:  # no school year yet: the person picks one
        return None


def _months(_session: Session) -> list[tuple[Any, str]]:
    return [(6, _("6 months")), (12, _("12 months"))]


def _pupil_name() -> Any:
    return Pupil.first_name + " " + Pupil.last_name


class ChoiceKindSpec(RecordKind):
    key = "choices"
    model = Choice
    title = N_("Next-step choices")
    singular = N_("Next-step choice")
    fields = (
        FieldSpec("pupil_id", N_("Pupil"), REF, required=True, ref="pupils"),
        FieldSpec("school_year_id", N_("School year left"), CHOICE, required=True, choices=_years,
                  default=_current_year),
        FieldSpec("rank", N_("Rank"), INT, required=True, minimum=1, maximum=20, default=lambda _s: 1),
        FieldSpec("programme_code", N_("Programme code")),
        FieldSpec("programme_name", N_("Programme or occupation")),
        FieldSpec("school_chosen", N_("School chosen")),
    )

    def base_select(self, *exprs, year_id=None):
        return (select(Choice.id, *exprs).join(Pupil, Pupil.id == Choice.pupil_id)
                .join(SchoolYear, SchoolYear.id == Choice.school_year_id))

    def columns(self):
        return (
            ColumnSpec("pupil", N_("Pupil"), _pupil_name(), searchable=True),
            ColumnSpec("year", N_("School year left"), SchoolYear.label),
            ColumnSpec("rank", N_("Rank"), Choice.rank, INT),
            ColumnSpec("programme_code", N_("Programme code"), Choice.programme_code, searchable=True),
            ColumnSpec("programme_name", N_("Programme or occupation"), Choice.programme_name, searchable=True),
            ColumnSpec("school_chosen", N_("School chosen"), Choice.school_chosen, searchable=True),
        )

    def check(self, session: Session, values: dict[str, Any], problems: dict[str, str],
              record_id: int | None) -> None:
        if not values.get("programme_code") and not values.get("programme_name") \
                and "programme_code" not in problems:
            problems["programme_code"] = _("Give the programme code or the programme or occupation.")
        if values.get("pupil_id") and values.get("school_year_id") and values.get("rank"):
            clash = session.scalar(select(Choice.id).where(
                Choice.pupil_id == values["pupil_id"], Choice.school_year_id == values["school_year_id"],
                Choice.rank == values["rank"]))
            if clash is not None and clash != record_id and "rank" not in problems:
                problems["rank"] = _("Rank: this pupil already has a choice ranked {rank} for that school year.").format(
                    rank=values["rank"])

    def display_expr(self):
        return _pupil_name()


class DestinationKindSpec(RecordKind):
    key = "destinations"
    model = Destination
    title = N_("Destinations")
    singular = N_("Destination")
    fields = (
        FieldSpec("pupil_id", N_("Pupil"), REF, required=True, ref="pupils"),
        FieldSpec("school_year_id", N_("School year left"), CHOICE, required=True, choices=_years,
                  default=_current_year),
        FieldSpec("follow_up_on", N_("Follow-up date"), DATE, required=True),
        FieldSpec("months_after", N_("Months after leaving"), CHOICE, required=True, choices=_months,
                  default=lambda _s: 6),
        FieldSpec("kind", N_("Destination"), CHOICE, required=True, choices=_label_choices(DestinationKind),
                  default=lambda _s: DestinationKind.UNKNOWN.value),
        FieldSpec("organisation_id", N_("Employer"), REF, ref="organisations"),
        FieldSpec("employer_name", N_("Employer not in the register")),
        FieldSpec("sector_code", N_("Sector"), CHOICE, choices=_sectors),
        FieldSpec("programme", N_("Programme graduated from")),
        FieldSpec("target_training", N_("Target training"), BOOL, default=lambda _s: False),
        FieldSpec("exam_result", N_("Exam result")),
    )

    def base_select(self, *exprs, year_id=None):
        return (select(Destination.id, *exprs).join(Pupil, Pupil.id == Destination.pupil_id)
                .outerjoin(Organisation, Organisation.id == Destination.organisation_id))

    def columns(self):
        return (
            ColumnSpec("follow_up_on", N_("Follow-up date"), Destination.follow_up_on, DATE),
            ColumnSpec("pupil", N_("Pupil"), _pupil_name(), searchable=True),
            ColumnSpec("months_after", N_("Months after leaving"), Destination.months_after, INT),
            ColumnSpec("kind", N_("Destination"), Destination.kind),
            ColumnSpec("employer", N_("Employer"), Organisation.name, searchable=True),
        )

    def check(self, session: Session, values: dict[str, Any], problems: dict[str, str],
              record_id: int | None) -> None:
        values["target_training"] = bool(values.get("target_training"))
        if values.get("months_after") is not None:
            values["months_after"] = int(values["months_after"])
        if values.get("pupil_id") and values.get("school_year_id") and values.get("months_after"):
            clash = session.scalar(select(Destination.id).where(
                Destination.pupil_id == values["pupil_id"],
                Destination.school_year_id == values["school_year_id"],
                Destination.months_after == values["months_after"]))
            if clash is not None and clash != record_id and "months_after" not in problems:
                problems["months_after"] = _(
                    "Months after leaving: this pupil already has a follow-up at {months} months for that "
                    "school year.").format(months=values["months_after"])

    def display_expr(self):
        return _pupil_name()


CHOICES = ChoiceKindSpec()
DESTINATIONS = DestinationKindSpec()

"""Programmes and occupations (with national codes) and the placement each requires per grade, as records."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.form_words import name_column
from coordinator.i18n import N_, _
from coordinator.models import PlacementRequirement, Programme, Pupil, SchoolClass, SchoolForm
from coordinator.services.records.base import CHOICE, INT, REF, ColumnSpec, FieldSpec, RecordKind
from coordinator.services.records.organisations import country_of


def _forms(session: Session) -> list[tuple[Any, str]]:
    return [(i, name) for i, name in session.execute(select(SchoolForm.id, name_column()).order_by(SchoolForm.id))]


class ProgrammeKindSpec(RecordKind):
    key = "programmes"
    model = Programme
    title = N_("Programmes")
    singular = N_("Programme")
    # Classes and pupils name a programme without a foreign key (see SchoolClass.programme_id).
    guarded_by = ((SchoolClass.__table__, "programme_id"), (Pupil.__table__, "programme_id"),
                  (PlacementRequirement.__table__, "programme_id"))
    fields = (
        FieldSpec("code", N_("Code"), required=True),
        FieldSpec("name", N_("Name"), required=True),
        FieldSpec("school_form_id", N_("School form"), CHOICE, choices=_forms),
        FieldSpec("source", N_("Source")),
    )

    def base_select(self, *exprs, year_id=None):
        return select(Programme.id, *exprs).outerjoin(SchoolForm, SchoolForm.id == Programme.school_form_id)

    def columns(self):
        return (
            ColumnSpec("code", N_("Code"), Programme.code, searchable=True),
            ColumnSpec("name", N_("Name"), Programme.name, searchable=True),
            ColumnSpec("form", N_("School form"), name_column()),
            ColumnSpec("source", N_("Source"), Programme.source, searchable=True),
        )

    def check(self, session: Session, values: dict[str, Any], problems: dict[str, str],
              record_id: int | None) -> None:
        if values.get("code"):
            clash = session.scalar(select(Programme.id).where(Programme.code == values["code"],
                                                              Programme.country == country_of(session)))
            if clash is not None and clash != record_id:
                problems["code"] = _("There is already a programme with the code “{code}”.").format(
                    code=values["code"])

    def column_values(self, session: Session, values: dict[str, Any]) -> dict[str, Any]:
        return {**values, "country": country_of(session)}

    def display_expr(self):
        return Programme.code + " " + Programme.name


class PlacementRequirementKindSpec(RecordKind):
    key = "placement_requirements"
    model = PlacementRequirement
    title = N_("Placement requirements")
    singular = N_("Placement requirement")
    fields = (
        FieldSpec("programme_id", N_("Programme"), REF, required=True, ref="programmes"),
        FieldSpec("grade", N_("Grade"), required=True),
        FieldSpec("days", N_("Placement days required"), INT, minimum=0, maximum=400, default=lambda _s: 0),
        FieldSpec("hours", N_("Placement hours required"), INT, minimum=0, maximum=3000, default=lambda _s: 0),
        FieldSpec("source", N_("Source")),
    )

    def base_select(self, *exprs, year_id=None):
        return select(PlacementRequirement.id, *exprs).join(Programme,
                                                            Programme.id == PlacementRequirement.programme_id)

    def columns(self):
        return (
            ColumnSpec("programme", N_("Programme"), Programme.code + " " + Programme.name, searchable=True),
            ColumnSpec("grade", N_("Grade"), PlacementRequirement.grade, searchable=True),
            ColumnSpec("days", N_("Placement days required"), PlacementRequirement.days, INT),
            ColumnSpec("hours", N_("Placement hours required"), PlacementRequirement.hours, INT),
            ColumnSpec("source", N_("Source"), PlacementRequirement.source, searchable=True),
        )

    def check(self, session: Session, values: dict[str, Any], problems: dict[str, str],
              record_id: int | None) -> None:
        values["days"] = values.get("days") or 0
        values["hours"] = values.get("hours") or 0
        if values.get("programme_id") and values.get("grade"):
            clash = session.scalar(select(PlacementRequirement.id).where(
                PlacementRequirement.programme_id == values["programme_id"],
                PlacementRequirement.grade == values["grade"]))
            if clash is not None and clash != record_id:
                problems["grade"] = _("This programme already has a requirement for grade {grade}.").format(
                    grade=values["grade"])

    def display_expr(self):
        return select(Programme.code).where(Programme.id == PlacementRequirement.programme_id).scalar_subquery() \
            + " " + PlacementRequirement.grade


PROGRAMMES = ProgrammeKindSpec()
PLACEMENT_REQUIREMENTS = PlacementRequirementKindSpec()

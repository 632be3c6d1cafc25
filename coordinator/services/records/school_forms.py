"""School forms as records a user lists, adds and edits: grades, ages, placements and words per language."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.i18n import N_, _
from coordinator.models import School, SchoolForm
from coordinator.services.records.base import BOOL, INT, ColumnSpec, FieldSpec, RecordKind
from coordinator.services.records.organisations import country_of
from coordinator.form_words import name_column

_WORD_FIELDS = (
    FieldSpec("name_sv", N_("Name in Swedish")),
    FieldSpec("name_pl", N_("Name in Polish")),
    FieldSpec("name_ru", N_("Name in Russian")),
    FieldSpec("group_en", N_("Group of pupils, in English")),
    FieldSpec("group_sv", N_("Group of pupils, in Swedish")),
    FieldSpec("group_pl", N_("Group of pupils, in Polish")),
    FieldSpec("group_ru", N_("Group of pupils, in Russian")),
    FieldSpec("grade_en", N_("Grade, in English")),
    FieldSpec("grade_sv", N_("Grade, in Swedish")),
    FieldSpec("grade_pl", N_("Grade, in Polish")),
    FieldSpec("grade_ru", N_("Grade, in Russian")),
    FieldSpec("school_en", N_("School, in English")),
    FieldSpec("school_sv", N_("School, in Swedish")),
    FieldSpec("school_pl", N_("School, in Polish")),
    FieldSpec("school_ru", N_("School, in Russian")),
    FieldSpec("mentor_en", N_("Teacher in charge, in English")),
    FieldSpec("mentor_sv", N_("Teacher in charge, in Swedish")),
    FieldSpec("mentor_pl", N_("Teacher in charge, in Polish")),
    FieldSpec("mentor_ru", N_("Teacher in charge, in Russian")),
    FieldSpec("placement_en", N_("Placement, in English")),
    FieldSpec("placement_sv", N_("Placement, in Swedish")),
    FieldSpec("placement_pl", N_("Placement, in Polish")),
    FieldSpec("placement_ru", N_("Placement, in Russian")),
)


def grade_labels(text: str | None) -> list[str]:
    """Grade labels as typed: separated by semicolons, commas or spaces ("F, 1, 2" or "1;2;3")."""
    return [g for g in re.split(r"[;,\s]+", text or "") if g]


class SchoolFormKindSpec(RecordKind):
    key = "school_forms"
    model = SchoolForm
    title = N_("School forms")
    singular = N_("School form")
    guarded_by = ((School.__table__, "school_type_id"),)
    fields = (
        FieldSpec("name", N_("Name in English"), required=True),
        FieldSpec("code", N_("Code"), required=True),
        FieldSpec("short", N_("Short prefix of its grades")),
        FieldSpec("grades", N_("Grades, in order"), required=True),
        FieldSpec("compulsory", N_("Compulsory school"), BOOL, default=lambda _s: False),
        FieldSpec("youngest", N_("Typical age in the first grade"), INT, minimum=3, maximum=30),
        FieldSpec("oldest", N_("Typical age on leaving"), INT, minimum=3, maximum=30),
        FieldSpec("placement_grades", N_("Grades with placements")),
        FieldSpec("required_placement_days", N_("Placement days required"), INT, minimum=0, maximum=400,
                  default=lambda _s: 0),
        *_WORD_FIELDS,
    )

    def columns(self):
        return (
            ColumnSpec("name", N_("Name"), name_column(), searchable=True),
            ColumnSpec("code", N_("Code"), SchoolForm.code, searchable=True),
            ColumnSpec("short", N_("Short prefix of its grades"), SchoolForm.short, searchable=True),
            ColumnSpec("grades", N_("Grades"), SchoolForm.grades),
            ColumnSpec("youngest", N_("Typical age in the first grade"), SchoolForm.youngest, INT),
            ColumnSpec("oldest", N_("Typical age on leaving"), SchoolForm.oldest, INT),
        )

    def check(self, session: Session, values: dict[str, Any], problems: dict[str, str],
              record_id: int | None) -> None:
        grades = grade_labels(values.get("grades"))
        values["grades"] = ";".join(grades)
        placement = grade_labels(values.get("placement_grades"))
        stray = [g for g in placement if g not in grades]
        if stray:
            problems["placement_grades"] = _("Grade “{grade}” is not one of this form's grades: {grades}.").format(
                grade=stray[0], grades=", ".join(grades))
        values["placement_grades"] = ";".join(placement)
        values["required_placement_days"] = values.get("required_placement_days") or 0
        values["compulsory"] = bool(values.get("compulsory"))
        self.check_order(values, problems, "youngest", "oldest")
        if values.get("code"):
            clash = session.scalar(select(SchoolForm.id).where(SchoolForm.code == values["code"]))
            if clash is not None and clash != record_id:
                problems["code"] = _("There is already a school form with the code “{code}”.").format(
                    code=values["code"])

    def column_values(self, session: Session, values: dict[str, Any]) -> dict[str, Any]:
        return {**values, "country": country_of(session)}

    def display_expr(self):
        return name_column()


SCHOOL_FORMS = SchoolFormKindSpec()
